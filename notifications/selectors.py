"""Reads of the outbox: a page's notices by state, for the organisers' outbox; a
person's unread count (the site header) and latest notices (their dashboard)."""

from django.db.models import Count, Q, QuerySet

from core.notices import kind_label

from .models import Notification, NotificationState

# Notices someone should look at: failed, or not sent yet.
OPEN_STATES = (
    NotificationState.FAILED,
    NotificationState.QUEUED,
    NotificationState.SENDING,
)


def notification_counts(page_id: int) -> dict[str, int]:
    """How many of the notices about page ``page_id`` are in each state."""
    rows = (
        Notification.objects.filter(page_id=page_id)
        .values("state")
        .annotate(count=Count("pk"))
    )
    return {row["state"]: row["count"] for row in rows}


def with_notification_counts(pages: QuerySet) -> QuerySet:
    """``pages`` with how many notices about each ``failed``, are ``waiting``
    (queued or being sent) and were ``sent``, for an outbox overview."""

    def count(*states: str) -> Count:
        return Count("notifications", filter=Q(notifications__state__in=states))

    return pages.annotate(
        failed=count(NotificationState.FAILED),
        waiting=count(NotificationState.QUEUED, NotificationState.SENDING),
        sent=count(NotificationState.SENT),
    )


def page_notifications(page_id: int, *, show_all: bool = False):
    """The notices about page ``page_id``, newest first, with their recipients:
    those that failed, wait or are being sent (``show_all``: every one)."""
    rows = (
        Notification.objects.filter(page_id=page_id)
        .select_related("recipient")
        .order_by("-created_at", "-pk")
    )
    return rows if show_all else rows.filter(state__in=OPEN_STATES)


def labelled(notifications) -> list[dict]:
    """Each notice with what its kind is, for people."""
    return [
        {"notification": notification, "kind": kind_label(notification.kind)}
        for notification in notifications
    ]


def unread_count(user) -> int:
    """How many of the person's notices they have not seen on their notifications
    page yet (one query on a partial index)."""
    return Notification.objects.filter(
        recipient_id=user.pk, read_at__isnull=True
    ).count()


def notifications_of(user) -> QuerySet[Notification]:
    """The person's notices, newest first, with the page each is about: what
    their notifications page and dashboard show (one query)."""
    return (
        Notification.objects.filter(recipient_id=user.pk)
        .select_related("page")
        .only(
            "kind",
            "state",
            "subject",
            "created_at",
            "sent_at",
            "read_at",
            "page__title",
            "page__url_path",
        )
        .order_by("-created_at", "-pk")
    )


def latest_notifications(user, *, limit: int = 5) -> list[Notification]:
    return list(notifications_of(user)[:limit])
