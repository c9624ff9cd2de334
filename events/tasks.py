"""Celery tasks of the events app. Tasks take ids and call a service. (The
outbox's own tasks, sending and sweeping, are in ``notifications.tasks``.)"""

from celery import shared_task

from .digests import weekly_digests_send
from .reminders import confirm_reminders_send, event_reminders_send
from .services import offers_expire


@shared_task(acks_late=True)
def event_reminders_task() -> int:
    """Reminders a week and a day before events (``event_reminders_send``)."""
    return event_reminders_send()


@shared_task(acks_late=True)
def confirm_reminders_task() -> int:
    """Remind accepted people to confirm (``confirm_reminders_send``)."""
    return confirm_reminders_send()


@shared_task(acks_late=True)
def weekly_digests_task() -> int:
    """The opt-in weekly digest of new events (``weekly_digests_send``)."""
    return weekly_digests_send()


@shared_task(acks_late=True)
def offers_expire_task() -> int:
    """Decline waitlist offers whose deadline passed and offer the places to the
    next in line (see ``events.services.offers_expire``)."""
    return offers_expire()
