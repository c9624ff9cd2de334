"""Who is invited to an invite-only event, and a box to invite more."""

from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from wagtail.admin import messages

from core.links import page_public_url

from .. import permissions, services
from ..models import Eligibility
from .base import EventAdminMixin
from .forms import InvitationForm

# Addresses without an account named in the message after inviting (the list
# below marks them all).
MAX_LISTED_ADDRESSES = 20


class InvitationsView(EventAdminMixin, FormView):
    """The invitations by address, and the form to add some; says who was e-mailed
    and whom the organiser must tell themselves."""

    template_name = "events/admin/invitations.html"
    page_title = _("Invitations")
    form_class = InvitationForm

    def form_valid(self, form):
        emails = form.cleaned_data["emails"]
        try:
            result = services.event_invitations_add(
                event=self.event, emails=emails, actor=self.request.user
            )
        except services.EventError as exc:
            messages.error(self.request, exc.message)
            return self.render_to_response(self.get_context_data(form=form))
        invited = len(result.created)
        skipped = len(set(emails)) - invited
        summary = ngettext(
            "%(count)s address invited.", "%(count)s addresses invited.", invited
        ) % {"count": invited}
        if skipped:
            summary += " " + ngettext(
                "%(count)s was already invited.",
                "%(count)s were already invited.",
                skipped,
            ) % {"count": skipped}
        messages.success(self.request, summary)
        self.report_mails(result)
        return redirect(self.request.path)

    def form_invalid(self, form):
        messages.error(self.request, _("Nobody was invited."))
        return super().form_invalid(form)

    def report_mails(self, result: services.InvitationsAdded) -> None:
        """Tell the organiser who was e-mailed and whom they must tell themselves."""
        if not result.created:
            return
        if result.mails_withheld:
            messages.warning(
                self.request,
                _(
                    "Nobody was e-mailed yet: the event is not published or takes "
                    "no applications. Invitees with an account get an e-mail when "
                    "it is published with applications open; tell the others "
                    "yourself."
                ),
            )
            return
        count = len(result.emailed)
        messages.success(
            self.request,
            ngettext(
                "%(count)s invitee has an account and was sent the invitation by "
                "e-mail.",
                "%(count)s invitees have an account and were sent the invitation "
                "by e-mail.",
                count,
            )
            % {"count": count},
        )
        missing = [invitation.email for invitation in result.without_account]
        if missing:
            shown = ", ".join(missing[:MAX_LISTED_ADDRESSES])
            if len(missing) > MAX_LISTED_ADDRESSES:
                shown += ", …"
            messages.warning(
                self.request,
                ngettext(
                    "%(count)s address has no account yet and got no e-mail: "
                    "%(addresses)s. Send them the link to the event yourself "
                    "(%(url)s); they can apply after signing up with that address.",
                    "%(count)s addresses have no account yet and got no e-mail: "
                    "%(addresses)s. Send them the link to the event yourself "
                    "(%(url)s); they can apply after signing up with that address.",
                    len(missing),
                )
                % {"count": len(missing), "addresses": shown, "url": self.event_url},
            )

    @cached_property
    def event_url(self) -> str:
        return page_public_url(self.event) or self.event.url or ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitations"] = (
            self.event.invitations.select_related("invited_by")
            .annotate(has_account=permissions.invitation_has_account())
            .order_by("email")
        )
        context["invite_only"] = self.event.eligibility == Eligibility.INVITED
        context["event_url"] = self.event_url
        return context
