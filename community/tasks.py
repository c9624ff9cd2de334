"""Celery tasks of the community app. Tasks take ids and call a service."""

from celery import shared_task

from .services import affiliation_expiry_reminders_send


@shared_task(acks_late=True)
def affiliation_expiry_reminders_task() -> int:
    """Remind people 30 days before their verified affiliation expires
    (``affiliation_expiry_reminders_send``)."""
    return affiliation_expiry_reminders_send()
