"""Handing notices to the workers, and handing back the ones nobody took.

``notifications_enqueue`` publishes send tasks after a commit, failing fast when the
broker is down (the rows stay queued); ``notifications_sweep`` (every minute)
rescues rows a dead worker left ``sending`` and rows whose task never arrived.
"""

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from celery import current_app, signature

from .models import Notification, NotificationState

logger = logging.getLogger(__name__)

# After a failed publish this process does not try again for a while: the rows stay
# queued for the sweep, and later requests do not each wait for a dead broker.
_broker_down_until = 0.0
_broker_lock = threading.Lock()


def _setting(name: str, default):
    return getattr(settings, name, default)


# The send tasks, published by name: their module (``notifications.tasks``) calls
# this one to publish retries and to sweep.
SEND_TASK = "notifications.tasks.notification_send_task"
SEND_BATCH_TASK = "notifications.tasks.notifications_send_batch_task"


def _chunks(ids: list[int]) -> list[list[int]]:
    """Split a fan-out into send batches: at most ``NOTIFICATION_BATCH_SIZE`` rows,
    and small fan-outs into about ``NOTIFICATION_BATCH_SPREAD`` batches, so every
    pool process gets a share."""
    size = max(
        1,
        min(
            _setting("NOTIFICATION_BATCH_SIZE", 50),
            -(-len(ids) // _setting("NOTIFICATION_BATCH_SPREAD", 8)),
        ),
    )
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _publish(chunk: list[int], *, producer=None, **options) -> None:
    """One task for ``chunk``: the per-row task for a single notice, the batch
    task for more."""
    if producer is not None:
        options.update(producer=producer, retry=False)
    if len(chunk) == 1:
        signature(SEND_TASK, args=(chunk[0],)).apply_async(**options)
    else:
        signature(SEND_BATCH_TASK, args=(chunk,)).apply_async(**options)


def notifications_enqueue(ids: list[int], *, force: bool = False) -> int:
    """Publish send tasks for ``ids`` over one broker connection, one task per
    batch of rows (``_chunks``); returns how many rows were published. Stops at
    the first broker error (the rest stay queued for the sweep). ``force`` ignores
    the pause after a recent failure (the sweep)."""
    global _broker_down_until

    if not ids:
        return 0
    if not force and time.monotonic() < _broker_down_until:
        return 0
    app = current_app
    published = 0
    try:
        if app.conf.task_always_eager:
            for chunk in _chunks(list(ids)):
                _publish(chunk)
                published += len(chunk)
            return published
        with app.producer_or_acquire() as producer:
            for chunk in _chunks(list(ids)):
                _publish(chunk, producer=producer)
                published += len(chunk)
    except Exception:  # noqa: BLE001 - any broker failure; the sweep retries
        with _broker_lock:
            _broker_down_until = time.monotonic() + _setting(
                "NOTIFICATION_BROKER_PAUSE", 10
            )
        logger.warning(
            "Could not enqueue %s notifications; the sweep will",
            len(ids) - published,
            exc_info=True,
        )
    return published


def notification_enqueue(notification_id: int) -> None:
    """Hand one notice to the workers (see ``notifications_enqueue``)."""
    notifications_enqueue([notification_id])


def notifications_retry_later(retries: dict[int, list[int]]) -> None:
    """Publish the batches a send put back, each after its delay. A publish that
    fails leaves the rows queued for the sweep."""
    app = current_app
    if not retries or app.conf.task_always_eager:
        return  # in-process: the sweep (or the test) sends them again
    try:
        with app.producer_or_acquire() as producer:
            for delay, ids in retries.items():
                for chunk in _chunks(ids):
                    _publish(chunk, producer=producer, countdown=delay)
    except Exception:  # noqa: BLE001 - any broker failure; the sweep retries
        logger.warning(
            "Could not publish notice retries; the sweep will", exc_info=True
        )


@dataclass
class SweepResult:
    leases_expired: int
    enqueued: int


def notifications_sweep(*, now: datetime | None = None) -> SweepResult:
    """Rescue notices nobody is working on: ``sending`` rows whose lease ran out
    go back to ``queued``; ``queued`` rows due for longer than the grace period
    (their task was never published or got lost) are published again. Their
    ``next_attempt_at`` moves to ``now`` so the next run leaves them alone while
    they wait in the queue. ``now`` may be given to act as at another time."""
    now = now or timezone.now()
    expired = Notification.objects.filter(
        state=NotificationState.SENDING, leased_until__lt=now
    ).update(
        state=NotificationState.QUEUED,
        leased_until=None,
        next_attempt_at=now - timedelta(days=1),
        last_error="The worker stopped while sending; sending again.",
    )
    grace = timedelta(seconds=_setting("NOTIFICATION_SWEEP_GRACE", 120))
    with transaction.atomic():
        ids = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(state=NotificationState.QUEUED, next_attempt_at__lte=now - grace)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[: _setting("NOTIFICATION_SWEEP_LIMIT", 5000)]
        )
        # Due at once (``now`` may be ahead of the clock), and left alone by the
        # next runs for a grace period while the tasks wait in the queue.
        Notification.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
    enqueued = 0
    if ids:
        enqueued = notifications_enqueue(ids, force=True)
    return SweepResult(leases_expired=expired, enqueued=enqueued)
