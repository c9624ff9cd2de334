"""The notices the demo produced, delivered quietly."""

from contextlib import contextmanager

from django.conf import settings
from django.db.models import Q

from notifications.delivery import close_mail_connection, notification_send
from notifications.models import Notification, NotificationState

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@contextmanager
def _mail_kept_in_memory():
    """Mail sent inside goes to Django's in-memory outbox, not the console."""
    backend = settings.EMAIL_BACKEND
    # The outbox keeps its connection open; one opened before would still print.
    close_mail_connection()
    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    try:
        yield
    finally:
        close_mail_connection()
        settings.EMAIL_BACKEND = backend


def deliver(log) -> None:
    """Send the notices the demo registrations and exchanges produced.

    Without Redis, tasks run eagerly and mail goes to the console, so the dozens of
    demo notices would flood the output of ``make run``. Sending them here, to the
    in-memory backend, marks them sent as in real use; the send tasks queued for
    after the commit then find them sent and do nothing. Only demo addresses
    (example.org) are sent this way.
    """
    ids = list(
        Notification.objects.filter(
            Q(recipient__email__endswith="@example.org"),
            state=NotificationState.QUEUED,
        ).values_list("pk", flat=True)
    )
    if not ids:
        return
    with _mail_kept_in_memory():
        for notification_id in ids:
            notification_send(notification_id=notification_id)
    log(f"{len(ids)} demo notifications delivered (not printed)")
