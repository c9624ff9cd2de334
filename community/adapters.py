"""Allauth hooks: where our accounts differ from allauth's defaults."""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.urls import reverse
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter

from .verification import remember_address


class AccountAdapter(DefaultAccountAdapter):
    """Sends account mails in the recipient's preferred language and finds the
    client's address behind the trusted proxies (``ALLAUTH_TRUSTED_PROXY_COUNT``)."""

    def get_client_ip(self, request) -> str:
        """The address rate limits count: allauth's answer from the trusted proxy
        settings. A request with fewer X-Forwarded-For entries than trusted proxies
        did not pass through all of them (someone reached an inner hop directly);
        allauth raises a configuration error for it, which would be a 500 on the
        sign-in page. Count it under the address it came from instead."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            ip = request.META.get("REMOTE_ADDR")
            if not ip:
                raise PermissionDenied("No client address") from None
            return ip

    def get_login_redirect_url(self, request) -> str:
        """New members go to their first steps until they finish or skip them,
        whether they sign in right after confirming or later in another browser."""
        if request.user.onboarded_at is None:
            return reverse("onboarding")
        return super().get_login_redirect_url(request)

    def send_confirmation_mail(self, request, emailconfirmation, signup) -> None:
        """Remember the address for the "check your inbox" page (also when a
        sign-in with an unverified address sends the mail)."""
        remember_address(request, emailconfirmation.email_address.email)
        super().send_confirmation_mail(request, emailconfirmation, signup)

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = (
            getattr(user, "preferred_language", None) or translation.get_language()
        )
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
