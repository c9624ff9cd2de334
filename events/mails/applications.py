"""Mails about a person's own application: received, decided, moved on the
waitlist, confirmed, withdrawn, and the reminder to confirm. Each is about the
registration; its three templates are ``templates/events/mail/<kind>…``."""

from django.utils.translation import gettext_lazy as _

from core.notices import MailKind, TemplateMail

from .context import event_context


def _kind(name: str, label) -> MailKind:
    return MailKind(
        name=name,
        label=label,
        render=TemplateMail(f"events/mail/{name}", context=(event_context,)),
    )


KINDS = (
    _kind("application_received", _("Application received")),
    _kind("registration_accepted", _("Accepted")),
    _kind("registration_waitlisted", _("On the waitlist")),
    _kind("registration_promoted", _("Promoted from the waitlist")),
    _kind("registration_offered", _("Offered a place")),
    _kind("registration_declined", _("Application declined")),
    _kind("registration_confirmed", _("Participation confirmed")),
    _kind("registration_withdrawn", _("Application withdrawn")),
    _kind("confirm_reminder", _("Reminder to confirm")),
)
