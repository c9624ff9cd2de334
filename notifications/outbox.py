"""The notification outbox: writing notices so that each is sent once.

How a notice travels, and why it is neither lost nor sent twice:

1. ``notify`` (or ``notify_many`` for a fan-out) writes a ``Notification`` row in
   the caller's transaction. The unique ``dedupe_key`` makes writing the same notice
   twice a no-op, so a service, a hook or a periodic run may safely run again.
2. When the transaction commits, the row ids are published to Celery
   (``notifications.queue``). If the broker is unreachable the publish fails fast
   (no retries, short socket timeouts), the web request goes on, and the row simply
   stays ``queued``. A single notice gets its own task; a fan-out (and the sweep)
   publishes one task per batch of up to ``NOTIFICATION_BATCH_SIZE`` rows.
3. ``notification_send`` (the task, ``notifications.delivery``) *claims* the row
   under a row lock: only a ``queued`` row whose time has come becomes ``sending``
   with a lease; a second delivery of the same task finds it ``sending`` or
   ``sent`` and does nothing. The mail is sent outside the lock, then the row is
   marked ``sent``. Transient SMTP errors put the row back to ``queued`` with a
   backoff; permanent ones (and running out of attempts) mark it ``failed`` with
   the reason for the organisers. ``notifications_send_batch`` does the same for a
   batch: it claims its rows in one transaction and sends them over one SMTP
   connection, marking each ``sent`` as soon as the server accepted it; a failed
   mail is retried alone.
4. ``notifications_sweep`` (every minute, ``notifications.queue``) puts ``sending``
   rows whose lease ran out (the worker died mid-send) back to ``queued`` and
   re-publishes ``queued`` rows that nobody picked up (Redis was down, a message
   was lost with a worker).

The one window no outbox can close: a worker that dies after the SMTP server
accepted a mail but before the row is marked ``sent`` leaves a ``sending`` row that
the sweep sends again after the lease. Each mail carries a stable ``Message-ID``
derived from the row, so such a rare duplicate is recognisable downstream.

What a mail of each kind says is not decided here: the apps register their kinds
(``core.notices``) and the outbox looks the renderer up (``notifications.rendering``).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from core.errors import DomainError
from core.notices import mail_kind, notice_subject

from .models import Notification, NotificationState
from .queue import notification_enqueue, notifications_enqueue

BATCH = 1000


class NotificationError(DomainError):
    """A notification action that cannot be done; ``message`` says why."""


def _page_id(subject_object) -> int | None:
    """The page a notice about ``subject_object`` belongs to: a page itself, or
    what its app registered (``core.notices.register_notice_subject``)."""
    if subject_object is None:
        return None
    if isinstance(subject_object, Page):
        return subject_object.pk
    registered = notice_subject(type(subject_object))
    if registered is None or registered.page is None:
        return None
    return registered.page(subject_object)


def notification_build(
    *, recipient, kind: str, dedupe_key: str, subject_object=None, context=None
) -> Notification:
    """An unsaved notice (for ``notify_many``), in the recipient's language.
    ``kind`` must be registered (``core.notices.register_mail_kinds``)."""
    mail_kind(kind)  # a kind nobody can render is a mistake now, not at sending
    notification = Notification(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key[:200],
        context=context or {},
        language=getattr(recipient, "preferred_language", "") or "",
        page_id=_page_id(subject_object),
    )
    if subject_object is not None:
        notification.set_subject_object(subject_object)
    return notification


def notify(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    subject_object=None,
    context: dict | None = None,
) -> Notification | None:
    """Put a notice in the outbox, in the caller's transaction.

    Returns the new row, or ``None`` when a notice with this ``dedupe_key`` exists
    already (so calling it twice for the same change sends one mail). ``context``
    must be JSON-serialisable: it is stored with the row.
    """
    notification = notification_build(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key,
        subject_object=subject_object,
        context=context,
    )
    if Notification.objects.filter(dedupe_key=notification.dedupe_key).exists():
        return None
    try:
        # A savepoint: a concurrent writer of the same key wins, the caller's
        # transaction goes on.
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return None
    transaction.on_commit(lambda: notification_enqueue(notification.pk))
    return notification


def notify_many(notifications: list[Notification]) -> list[int]:
    """Write many unsaved notices (built with ``notification_build``) in batches:
    one query finds the keys that exist, one inserts the rest. Enqueues them all
    in one go after the commit and returns the new ids."""
    ids: list[int] = []
    for start in range(0, len(notifications), BATCH):
        batch = notifications[start : start + BATCH]
        keys = [n.dedupe_key for n in batch]
        existing = set(
            Notification.objects.filter(dedupe_key__in=keys).values_list(
                "dedupe_key", flat=True
            )
        )
        fresh = [n for n in batch if n.dedupe_key not in existing]
        if not fresh:
            continue
        Notification.objects.bulk_create(fresh, ignore_conflicts=True)
        ids += Notification.objects.filter(
            dedupe_key__in=[n.dedupe_key for n in fresh],
            state=NotificationState.QUEUED,
        ).values_list("pk", flat=True)
    if ids:
        transaction.on_commit(lambda: notifications_enqueue(ids))
    return ids


@transaction.atomic
def notification_requeue(*, notification: Notification) -> Notification:
    """Send a failed notice again, from a fresh count. Who may ask is the
    caller's rule (an event's organisers: ``events.announcements``)."""
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.state != NotificationState.FAILED:
        raise NotificationError(_("Only a failed notice can be sent again."))
    locked.state = NotificationState.QUEUED
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.save(update_fields=["state", "attempts", "next_attempt_at"])
    transaction.on_commit(lambda: notification_enqueue(locked.pk))
    return locked
