"""The mails of the events app, registered with the outbox (``core.notices``) when
the app is ready: what each kind is called, how it is rendered, which are
fan-outs, and how the outbox loads registrations and finds their event.

- ``applications``: a person's own application and its decisions;
- ``event_news``: an event as a whole (invitations, reminders, changes,
  cancellation, documentation, organisers' messages, the weekly digest);
- ``context``: what these mails say about an event.

What writes these notices lives elsewhere: ``events.services`` (applications),
``events.announcements``, ``events.reminders`` and ``events.digests``.
"""

from core.notices import register_mail_kinds, register_notice_subject

from ..models import Registration
from . import applications, event_news
from .context import registration_subjects


def register() -> None:
    """Called by ``EventsConfig.ready()``."""
    register_mail_kinds(*applications.KINDS, *event_news.KINDS)
    register_notice_subject(
        Registration,
        queryset=registration_subjects,
        page=lambda registration: registration.event_id,
    )
