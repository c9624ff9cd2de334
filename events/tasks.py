"""Celery tasks of the events app. Tasks take ids and call a service."""

from celery import shared_task
from celery.signals import worker_init


@worker_init.connect
def _load_mail_machinery(**_kwargs) -> None:
    """Before the pool processes fork, load what every mail needs (URL patterns,
    mail templates, translations) once, so no pool process pays for it in its
    first task (2-3 s for the URL patterns alone on this machine)."""
    from .notifications import notifications_warm_up

    notifications_warm_up()


@shared_task(bind=True, acks_late=True, max_retries=None)
def notification_send_task(self, notification_id: int) -> str:
    """Send one outbox row (see ``events.notifications.notification_send``).

    Retries are bounded by the row's own attempt count
    (``NOTIFICATION_MAX_ATTEMPTS``), not by Celery's: the row survives a lost
    message, Celery's counter does not. A retry that cannot be published is not
    lost either: the row is queued with its next attempt time and the sweep picks
    it up.
    """
    from .notifications import notification_send

    outcome = notification_send(notification_id=notification_id)
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.result


@shared_task(acks_late=True)
def notifications_send_batch_task(notification_ids: list[int]) -> dict:
    """Send a batch of outbox rows of a fan-out over one SMTP connection (see
    ``events.notifications.notifications_send_batch``). Rows that failed for a
    transient reason are published again after their backoff; if that publish
    fails they stay queued for the sweep."""
    from .notifications import notifications_retry_later, notifications_send_batch

    outcome = notifications_send_batch(notification_ids=notification_ids)
    notifications_retry_later(outcome.retries)
    return outcome.as_dict()


@shared_task(acks_late=True)
def notifications_sweep_task() -> dict:
    """Re-queue rows a dead worker left ``sending`` and re-publish rows left
    ``queued`` (see ``events.notifications.notifications_sweep``)."""
    from .notifications import notifications_sweep

    result = notifications_sweep()
    return {"leases_expired": result.leases_expired, "enqueued": result.enqueued}


@shared_task(acks_late=True)
def event_reminders_task() -> int:
    """Reminders a week and a day before events (``event_reminders_send``)."""
    from .notifications import event_reminders_send

    return event_reminders_send()


@shared_task(acks_late=True)
def confirm_reminders_task() -> int:
    """Remind accepted people to confirm (``confirm_reminders_send``)."""
    from .notifications import confirm_reminders_send

    return confirm_reminders_send()


@shared_task(acks_late=True)
def weekly_digests_task() -> int:
    """The opt-in weekly digest of new events (``weekly_digests_send``)."""
    from .notifications import weekly_digests_send

    return weekly_digests_send()


@shared_task(acks_late=True)
def offers_expire_task() -> int:
    """Decline waitlist offers whose deadline passed and offer the places to the
    next in line (see ``events.services.offers_expire``)."""
    from .services import offers_expire

    return offers_expire()
