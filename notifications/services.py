"""Writes of a person's notifications page (the outbox writes in ``outbox``)."""

from collections.abc import Iterable

from django.utils import timezone

from .models import Notification


def notifications_mark_read(*, user, notification_ids: Iterable[int]) -> int:
    """Mark the person's notices among ``notification_ids`` as read, once: a notice
    keeps the time it was first seen. Returns how many changed. Only the
    recipient's own rows are touched, whatever ids are given. One UPDATE, atomic
    on its own: no transaction needed around it."""
    return Notification.objects.filter(
        recipient_id=user.pk, pk__in=list(notification_ids), read_at__isnull=True
    ).update(read_at=timezone.now())
