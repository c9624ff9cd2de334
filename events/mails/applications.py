"""Mails about a person's own application: received, decided, moved on the
waitlist, confirmed, withdrawn, and the reminder to confirm. Each is about the
registration; its three templates are ``templates/events/mail/<kind>…``."""

from django.utils.translation import gettext_lazy as _

from core.notices import template_kinds

from .context import event_context

KINDS = template_kinds(
    "events/mail",
    (
        ("application_received", _("Application received")),
        ("registration_accepted", _("Accepted")),
        ("registration_waitlisted", _("On the waitlist")),
        ("registration_promoted", _("Promoted from the waitlist")),
        ("registration_offered", _("Offered a place")),
        ("registration_declined", _("Application declined")),
        ("registration_confirmed", _("Participation confirmed")),
        ("registration_withdrawn", _("Application withdrawn")),
        ("confirm_reminder", _("Reminder to confirm")),
    ),
    context=(event_context,),
)
