"""The "check your inbox" page after signing up, and asking for the mail again.

The page names the address the mail went to. Allauth does not tell the page, so
sign-up (``SignupForm.try_save``) and every confirmation mail remember it in the
session, whether the address is new or already has an account: the page and the
resend answer the same either way (no user enumeration).
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.email_verification import (
    consume_email_verification_rate_limit,
    send_verification_email_to_address,
)
from allauth.account.models import EmailAddress
from allauth.account.views import EmailVerificationSentView

from core.throttle import rate_exceeded

SESSION_KEY = "community_verification_email"
# Per client, on top of allauth's limit per address ("confirm_email" in
# ACCOUNT_RATE_LIMITS): one browser cannot flood inboxes by signing up anew.
RESEND_PER_CLIENT = 5
RESEND_WINDOW_SECONDS = 60 * 60


def remember_address(request, email: str) -> None:
    """Remember which address the last confirmation mail of this session went to."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = email


class VerificationSentView(EmailVerificationSentView):
    """Allauth's page, told the address, how long the link lasts and whom to ask."""

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            verification_email=self.request.session.get(SESSION_KEY, ""),
            expire_days=allauth_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS,
            contact_email=settings.CONTACT_EMAIL,
        )
        return context


verification_sent = VerificationSentView.as_view()


@require_POST
def verification_resend(request):
    """Send the confirmation mail again to the address of this session.

    The address comes from the session, never from the form, so nobody can aim it at
    someone else's inbox. A verified or unknown address is treated like a new one:
    the same limits are counted and the same message shown; its owner gets the
    "you already have an account" mail instead (as at sign-up) or nothing."""
    email = request.session.get(SESSION_KEY)
    if not email:
        messages.error(
            request,
            _("Please sign up or sign in again: we will send you a new link."),
        )
        return redirect("account_email_verification_sent")
    client = get_adapter(request).get_client_ip(request)
    if rate_exceeded(
        f"verification-resend:{client}",
        limit=RESEND_PER_CLIENT,
        window=RESEND_WINDOW_SECONDS,
    ) or not consume_email_verification_rate_limit(request, email, dry_run=True):
        messages.error(
            request,
            _(
                "We have only just sent a mail to this address. Please wait a few "
                "minutes and look in your spam folder before asking for another."
            ),
        )
        return redirect("account_email_verification_sent")
    address = (
        EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    )
    if address is not None and not address.verified:
        send_verification_email_to_address(request, address, signup=True)
    else:
        send_verification_email_to_address(
            request,
            EmailAddress(user=None, email=email),
            signup=True,
            skip_enumeration_mails=address is None,
        )
    return redirect("account_email_verification_sent")
