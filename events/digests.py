"""The opt-in weekly digest of new events (beat runs it on Mondays, see
``events.tasks``), matched to each person's themes and regions
(``notifications.models.NotificationPreferences``)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale

from notifications.models import NotificationPreferences
from notifications.outbox import notification_build, notify_many

from .models import EventPage


def _matches(event: EventPage, clusters: set[int], regions: set[str]) -> bool:
    if clusters and event.cluster_id not in clusters:
        return False
    return not regions or (
        event.region is not None and str(event.region.translation_key) in regions
    )


def weekly_digests_send(*, now: datetime | None = None) -> int:
    """The opt-in weekly digest: events published in the last seven days that
    are still ahead, matching the person's themes and regions. One per person and
    ISO week, so a second run in the same week sends nothing."""
    now = now or timezone.now()
    new_events = list(
        EventPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            cancelled_at__isnull=True,
            first_published_at__gte=now - timedelta(days=7),
        )
        .filter(Q(starts_at__isnull=True) | Q(starts_at__gt=now))
        .select_related("region")
        .order_by("starts_at", "pk")
    )
    if not new_events:
        return 0
    year, week, _weekday = now.isocalendar()
    preferences = (
        NotificationPreferences.objects.filter(weekly_digest=True, user__is_active=True)
        .select_related("user")
        .prefetch_related("clusters", "regions")
    )
    rows = []
    for preference in preferences:
        clusters = {cluster.pk for cluster in preference.clusters.all()}
        regions = {str(region.translation_key) for region in preference.regions.all()}
        ids = [e.pk for e in new_events if _matches(e, clusters, regions)]
        if ids:
            rows.append(
                notification_build(
                    recipient=preference.user,
                    kind="weekly_digest",
                    dedupe_key=f"weekly_digest:{preference.user_id}:{year}-W{week:02d}",
                    context={"event_ids": ids},
                )
            )
    with transaction.atomic():
        return len(notify_many(rows))
