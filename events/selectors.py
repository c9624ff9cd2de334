"""Reads of the events process: places, the waitlist, a person's registrations.

Writes live in ``events.services``; the services count places through
``event_places`` too, under the event's row lock, so the numbers shown to people and
the numbers the rules act on come from one query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from .models.registrations import (
    PLACE_HOLDING_STATES,
    Registration,
    RegistrationState,
)

if TYPE_CHECKING:
    from .models import EventPage


@dataclass(frozen=True)
class Places:
    """How full an event is.

    ``capacity`` and ``free`` are ``None`` for events without a limit. ``taken``
    counts accepted, offered, confirmed and attended people. ``host_reserved_free``
    is the part of ``free`` that only staff of the host city may take.
    """

    capacity: int | None
    taken: int
    free: int | None
    host_reserved_free: int
    waitlisted: int
    applied: int

    @property
    def free_for_anyone(self) -> int | None:
        """Free places that are not reserved for the host city."""
        if self.free is None:
            return None
        return self.free - self.host_reserved_free

    @property
    def is_full(self) -> bool:
        """No place left for someone outside the host city."""
        return self.free is not None and self.free_for_anyone <= 0


def event_places(event: EventPage) -> Places:
    """Capacity and counts of the event (its default-language page), in one query.

    Host staff take reserved places first (``uses_host_place``), so the reserved
    places still free are those not yet held that way. Editors may lower the capacity
    below what is taken; ``free`` then stays at 0 rather than going negative.
    """
    holding = Q(state__in=PLACE_HOLDING_STATES)
    counts = Registration.objects.filter(event_id=event.pk).aggregate(
        taken=Count("pk", filter=holding),
        host_taken=Count("pk", filter=holding & Q(uses_host_place=True)),
        waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)),
        applied=Count("pk", filter=Q(state=RegistrationState.APPLIED)),
    )
    capacity = event.capacity
    taken = counts["taken"]
    if capacity is None:
        free = None
        host_reserved_free = 0
    else:
        free = max(0, capacity - taken)
        reserved_left = max(0, (event.host_reserved_places or 0) - counts["host_taken"])
        host_reserved_free = min(free, reserved_left)
    return Places(
        capacity=capacity,
        taken=taken,
        free=free,
        host_reserved_free=host_reserved_free,
        waitlisted=counts["waitlisted"],
        applied=counts["applied"],
    )


def waitlist_ordered(event: EventPage) -> QuerySet[Registration]:
    """The event's waitlist, first in line first (joined earliest, then by id)."""
    return Registration.objects.filter(
        event_id=event.pk, state=RegistrationState.WAITLISTED
    ).order_by("waitlisted_at", "pk")


def waitlisted_ahead(*, event_id, waitlisted_at, pk) -> QuerySet[Registration]:
    """Who is ahead of a registration on its event's waitlist (the order of
    ``waitlist_ordered``). The values may be ``OuterRef``s, for a subquery."""
    return Registration.objects.filter(
        event_id=event_id, state=RegistrationState.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=waitlisted_at) | Q(waitlisted_at=waitlisted_at, pk__lt=pk)
    )


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person on the waitlist; ``None`` if not waitlisted."""
    if registration.state != RegistrationState.WAITLISTED:
        return None
    ahead = waitlisted_ahead(
        event_id=registration.event_id,
        waitlisted_at=registration.waitlisted_at,
        pk=registration.pk,
    )
    return ahead.count() + 1


def registration_for(user, event: EventPage) -> Registration | None:
    """The user's registration for the event (any language version), if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(user_id=user.pk, event_id=event.canonical.pk)
        .select_related("organisation")
        .first()
    )
