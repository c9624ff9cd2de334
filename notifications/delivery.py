"""Sending notices: claiming a row under a lease, rendering and mailing it over one
SMTP connection per worker process, and writing the outcome on the row.

``notification_send`` is the one-row path, ``notifications_send_batch`` the
fan-outs' path; see ``notifications.outbox`` for why neither sends a mail twice.
"""

import contextlib
import hashlib
import logging
import smtplib
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from .models import Notification, NotificationState
from .rendering import UNSET, SharedRenderer, render_notification, subject_objects

logger = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, name, default)


@dataclass
class SendOutcome:
    """What one send attempt did: ``sent``, ``skipped`` (nothing to do: already
    sent, failed, being sent or not due yet), ``retry`` (transient failure, try
    again in ``retry_in`` seconds) or ``failed``."""

    result: str
    retry_in: int | None = None
    error: str = ""
    # The server went away (refused, timed out, disconnected) rather than
    # answering for this one mail: the rest of a batch waits as well.
    connection_lost: bool = False


_mail_connection = None


def close_mail_connection() -> None:
    """Close the connection this process keeps open; the next mail opens one with
    the mail settings of that moment."""
    global _mail_connection
    if _mail_connection is not None:
        with contextlib.suppress(Exception):  # closing a broken connection
            _mail_connection.close()
    _mail_connection = None


def _deliver(message: EmailMultiAlternatives) -> int:
    """Send over one connection kept open per worker process (a new SMTP session
    per mail costs more than rendering it). A connection the server closed while
    idle is replaced once."""
    global _mail_connection
    for attempt in (1, 2):
        reused = _mail_connection is not None
        if _mail_connection is None:
            _mail_connection = get_connection(fail_silently=False)
            _mail_connection.open()
        try:
            return _mail_connection.send_messages([message])
        except smtplib.SMTPServerDisconnected:
            close_mail_connection()
            if not reused or attempt == 2:
                raise
        except Exception:
            close_mail_connection()
            raise
    return 0  # pragma: no cover - the loop always returns or raises


def is_transient(error: Exception) -> bool:
    """Whether trying again later may help: 4xx replies, a server that is down,
    disconnects and timeouts. 5xx replies are permanent."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, smtplib.SMTPServerDisconnected | OSError)


def _connection_lost(error: Exception) -> bool:
    """Whether the server went away (refused, timed out, hung up) rather than
    answered about this one mail."""
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def message_id(notification: Notification) -> str:
    """The mail's ``Message-ID``: stable per row, so a rare second sending (a
    worker died between the server's answer and marking the row) is recognisable."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    digest = hashlib.sha1(notification.dedupe_key.encode()).hexdigest()[:12]  # noqa: S324
    return f"<notification.{notification.pk}.{digest}@{domain or 'localhost'}>"


def _claim(notification_id: int, now: datetime) -> Notification | None:
    """Turn a due ``queued`` row into ``sending`` with a lease, in one UPDATE.

    The UPDATE takes the row lock; a concurrent claim of the same row waits for
    it, then re-reads the row, finds it ``sending`` and claims nothing. Only the
    winner loads the row and sends."""
    claimed = Notification.objects.filter(
        pk=notification_id,
        state=NotificationState.QUEUED,
        next_attempt_at__lte=now + timedelta(seconds=1),
    ).update(
        state=NotificationState.SENDING,
        attempts=F("attempts") + 1,
        leased_until=now
        + timedelta(seconds=_setting("NOTIFICATION_SENDING_LEASE", 300)),
    )
    if not claimed:
        return None  # sent, failed, being sent, or a retry is due later
    return Notification.objects.select_related("recipient").get(pk=notification_id)


def _finish(notification: Notification, **values) -> None:
    """Write the outcome, but only while the row is still ours."""
    Notification.objects.filter(
        pk=notification.pk, state=NotificationState.SENDING
    ).update(leased_until=None, **values)


def notification_send(*, notification_id: int) -> SendOutcome:
    """Send one notice at most once (see ``notifications.outbox``)."""
    now = timezone.now()
    notification = _claim(notification_id, now)
    if notification is None:
        return SendOutcome("skipped")
    return _send_claimed(notification)


def _send_claimed(
    notification: Notification, *, subject_object=UNSET, renderer=None
) -> SendOutcome:
    """Render and send a row this process claimed, and write the outcome on it.
    A batch passes its ``renderer`` (``SharedRenderer``)."""
    recipient = notification.recipient
    if not recipient.is_active or not recipient.email:
        reason = "The recipient has no active account or no e-mail address."
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        return SendOutcome("failed", error=reason)
    try:
        mail = (renderer or render_notification)(
            notification, subject_object=subject_object
        )
        message = EmailMultiAlternatives(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{mail.subject}",
            body=mail.text,
            to=[recipient.email],
            headers={
                "Message-ID": message_id(notification),
                "X-Notification-Id": str(notification.pk),
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(mail.html, "text/html")
        for name, content, mimetype in mail.attachments:
            message.attach(name, content, mimetype)
    except Exception as error:  # noqa: BLE001 - a broken template is permanent
        logger.exception("Could not render notification %s", notification.pk)
        reason = f"Could not write the e-mail: {error}"
        _finish(notification, state=NotificationState.FAILED, last_error=reason[:2000])
        return SendOutcome("failed", error=reason)
    try:
        sent = _deliver(message)
    except Exception as error:  # noqa: BLE001 - classified below
        reason = f"{type(error).__name__}: {error}"[:2000]
        max_attempts = _setting("NOTIFICATION_MAX_ATTEMPTS", 8)
        if is_transient(error) and notification.attempts < max_attempts:
            delay = min(
                _setting("NOTIFICATION_RETRY_BACKOFF", 60)
                * 2 ** (notification.attempts - 1),
                _setting("NOTIFICATION_RETRY_BACKOFF_MAX", 3600),
            )
            _finish(
                notification,
                state=NotificationState.QUEUED,
                last_error=reason,
                next_attempt_at=timezone.now() + timedelta(seconds=delay),
            )
            logger.info(
                "Notification %s: %s; retry in %ss", notification.pk, reason, delay
            )
            return SendOutcome(
                "retry",
                retry_in=delay,
                error=reason,
                connection_lost=_connection_lost(error),
            )
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        logger.warning("Notification %s failed: %s", notification.pk, reason)
        return SendOutcome("failed", error=reason)
    if not sent:
        reason = "The mail server took no recipient."
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        return SendOutcome("failed", error=reason)
    _finish(
        notification,
        state=NotificationState.SENT,
        sent_at=timezone.now(),
        subject=mail.subject[:300],
        language=translation.get_supported_language_variant(
            notification.language or recipient.preferred_language
        ),
        last_error="",
    )
    return SendOutcome("sent")


@dataclass
class BatchOutcome:
    """What one batch did: how many rows were ``sent``, ``skipped`` (another
    worker has or had them), ``failed`` and put back for a ``retry``; ``retries``
    maps a delay in seconds to the rows to send again after it."""

    sent: int = 0
    skipped: int = 0
    failed: int = 0
    retry: int = 0
    retries: dict[int, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "sent": self.sent,
            "skipped": self.skipped,
            "failed": self.failed,
            "retry": self.retry,
        }


def _claim_many(notification_ids: list[int], now: datetime) -> list[int]:
    """``_claim`` for many rows: the due ``queued`` ones among them become
    ``sending`` with one lease, in one transaction. Rows are locked in id order
    (no deadlock between two batches); a concurrent claimer of the same rows
    waits, then re-reads them, finds them ``sending`` and claims nothing."""
    with transaction.atomic():
        claimed = list(
            Notification.objects.select_for_update()
            .filter(
                pk__in=notification_ids,
                state=NotificationState.QUEUED,
                next_attempt_at__lte=now + timedelta(seconds=1),
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if claimed:
            Notification.objects.filter(pk__in=claimed).update(
                state=NotificationState.SENDING,
                attempts=F("attempts") + 1,
                leased_until=now
                + timedelta(seconds=_setting("NOTIFICATION_SENDING_LEASE", 300)),
            )
    return claimed


def _release(notification_ids: list[int], *, delay: int, reason: str) -> None:
    """Give claimed rows that were not tried back to the queue, due after
    ``delay`` seconds, without counting an attempt."""
    Notification.objects.filter(
        pk__in=notification_ids, state=NotificationState.SENDING
    ).update(
        state=NotificationState.QUEUED,
        leased_until=None,
        attempts=F("attempts") - 1,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        last_error=reason,
    )


def notifications_send_batch(*, notification_ids: list[int]) -> BatchOutcome:
    """Send many notices, each at most once, over the process's one SMTP
    connection: the fan-outs' path (``notification_send`` is the one-row path).

    The due rows are claimed in one transaction, loaded with their recipients
    and subjects in three queries, then sent one after the other; each row is
    marked right after the server accepted its mail, so a worker that dies
    mid-batch leaves at most the mail in flight to be sent again (the others it
    claimed stay ``sending`` until the sweep queues them after the lease). A mail
    that fails is retried or failed alone. If the server goes away, the rows not
    tried yet wait with it; if the batch runs into half its lease, the rest goes
    back to the queue and is published again, so no row is sent past its lease."""
    outcome = BatchOutcome()
    started = time.monotonic()
    deadline = started + _setting("NOTIFICATION_SENDING_LEASE", 300) / 2
    claimed = _claim_many(list(notification_ids), timezone.now())
    outcome.skipped = len(set(notification_ids)) - len(claimed)
    if not claimed:
        return outcome
    rows = list(
        Notification.objects.select_related("recipient")
        .filter(pk__in=claimed)
        .order_by("pk")
    )
    subjects = subject_objects(rows)
    renderer = SharedRenderer()
    for index, notification in enumerate(rows):
        if time.monotonic() > deadline:
            rest = [n.pk for n in rows[index:]]
            _release(rest, delay=0, reason="")
            outcome.retries.setdefault(0, []).extend(rest)
            outcome.retry += len(rest)
            logger.warning("Batch ran out of time; %s notices queued again", len(rest))
            break
        result = _send_claimed(
            notification, subject_object=subjects[notification.pk], renderer=renderer
        )
        if result.result == "sent":
            outcome.sent += 1
        elif result.result == "failed":
            outcome.failed += 1
        else:
            outcome.retry += 1
            outcome.retries.setdefault(result.retry_in, []).append(notification.pk)
            if result.connection_lost:
                rest = [n.pk for n in rows[index + 1 :]]
                _release(rest, delay=result.retry_in, reason=result.error)
                outcome.retries[result.retry_in].extend(rest)
                outcome.retry += len(rest)
                break
    return outcome
