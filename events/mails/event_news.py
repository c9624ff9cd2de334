"""Mails about an event as a whole: the invitation to apply, reminders, changes,
the cancellation, the documentation, the organisers' messages and the weekly
digest of new events. Those sent to all participants at once are fan-outs
(rendered once per event, language and link visibility); the templates are
``templates/events/mail/<kind>…``."""

from django.utils.translation import gettext_lazy as _

from core.notices import MailKind, TemplateMail

from .context import (
    application_window,
    calendar_file,
    digest_events,
    event_context,
    event_variant,
)


def _template(name: str, *parts, attachments=None) -> TemplateMail:
    return TemplateMail(
        f"events/mail/{name}", context=(event_context, *parts), attachments=attachments
    )


def _fan_out(name: str, label, **options) -> MailKind:
    """A kind whose mails to the people of one fan-out differ only in the
    greeting (its templates use the recipient for nothing else)."""
    return MailKind(
        name=name,
        label=label,
        render=_template(name, **options),
        fan_out=True,
        variant=event_variant,
    )


KINDS = (
    MailKind(
        name="event_invitation",
        label=_("Invitation to apply"),
        render=_template("event_invitation", application_window),
    ),
    _fan_out("event_reminder", _("Event reminder"), attachments=calendar_file),
    _fan_out("event_changed", _("Event changed")),
    _fan_out("event_cancelled", _("Event cancelled")),
    _fan_out("documentation_published", _("Documentation published")),
    MailKind(
        name="weekly_digest",
        label=_("Weekly digest"),
        render=_template("weekly_digest", digest_events),
    ),
    _fan_out("organiser_message", _("Message from the organisers")),
)
