"""The notices the demo produced, delivered quietly."""

from django.test.utils import override_settings

from notifications.delivery import close_mail_connection, notification_send
from notifications.models import Notification, NotificationState

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


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
            recipient__email__endswith="@example.org", state=NotificationState.QUEUED
        ).values_list("pk", flat=True)
    )
    if not ids:
        return
    # The outbox keeps its connection open; one opened before would still print.
    close_mail_connection()
    with override_settings(EMAIL_BACKEND=LOCMEM_BACKEND):
        for notification_id in ids:
            notification_send(notification_id=notification_id)
        close_mail_connection()
    log(f"{len(ids)} demo notifications delivered (not printed)")
