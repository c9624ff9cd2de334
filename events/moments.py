"""When an event page reads differently without anyone changing it: the moments
``core.page_cache`` renews anonymous pages at (registered in ``EventsConfig.ready``)."""

from datetime import datetime

from django.db.models import Min, Q

from .models import EventPage

MOMENT_FIELDS = ("starts_at", "ends_at", "applications_open", "applications_close")


def next_moment(now: datetime) -> datetime | None:
    """The next moment after ``now`` at which a published event starts or ends, or
    its call for applications opens or closes (one query)."""
    firsts = EventPage.objects.live().aggregate(
        **{name: Min(name, filter=Q(**{f"{name}__gt": now})) for name in MOMENT_FIELDS}
    )
    moments = [moment for moment in firsts.values() if moment is not None]
    return min(moments) if moments else None
