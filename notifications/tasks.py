"""Celery tasks of the outbox: sending one notice, a batch of a fan-out, and the
sweep. Tasks take ids and call the outbox."""

from celery import shared_task
from celery.signals import worker_init

from .delivery import notification_send, notifications_send_batch
from .queue import notifications_retry_later, notifications_sweep
from .rendering import notifications_warm_up


@worker_init.connect
def _load_mail_machinery(**_kwargs) -> None:
    """Before the pool processes fork, load what every mail needs (URL patterns,
    mail templates, translations) once, so no pool process pays for it in its
    first task (2-3 s for the URL patterns alone on this machine)."""
    notifications_warm_up()


@shared_task(bind=True, acks_late=True, max_retries=None)
def notification_send_task(self, notification_id: int) -> str:
    """Send one outbox row (see ``notifications.delivery.notification_send``).

    Retries are bounded by the row's own attempt count
    (``NOTIFICATION_MAX_ATTEMPTS``), not by Celery's: the row survives a lost
    message, Celery's counter does not. A retry that cannot be published is not
    lost either: the row is queued with its next attempt time and the sweep picks
    it up.
    """
    outcome = notification_send(notification_id=notification_id)
    if outcome.retry_in is not None and not self.request.is_eager:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.result


@shared_task(acks_late=True)
def notifications_send_batch_task(notification_ids: list[int]) -> dict:
    """Send a batch of outbox rows of a fan-out over one SMTP connection (see
    ``notifications.delivery.notifications_send_batch``). Rows that failed for a
    transient reason are published again after their backoff; if that publish
    fails they stay queued for the sweep."""
    outcome = notifications_send_batch(notification_ids=notification_ids)
    notifications_retry_later(outcome.retries)
    return outcome.as_dict()


@shared_task(acks_late=True)
def notifications_sweep_task() -> dict:
    """Re-queue rows a dead worker left ``sending`` and re-publish rows left
    ``queued`` (see ``notifications.queue.notifications_sweep``)."""
    result = notifications_sweep()
    return {"leases_expired": result.leases_expired, "enqueued": result.enqueued}
