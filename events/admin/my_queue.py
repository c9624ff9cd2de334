"""Applications waiting for a decision, for the "My queue" panel on the admin
dashboard (``core.my_queue``): one row per event the person manages that has
any, the event starting soonest first, each linking to its applicants waiting for
a decision. Events that are over are left out: their applications are no longer
a decision to make. Who manages which event is ``events.permissions``' rule
(``scope.events_managed_by``).
"""

from django.db.models import Count, F, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks

from core.my_queue import MY_QUEUE_HOOK, ROWS_PER_SECTION, QueueItem, QueueSection

from ..models import RegistrationState
from .scope import events_managed_by, managed_event_keys


@hooks.register(MY_QUEUE_HOOK)
def applications_section(*, request) -> QueueSection | None:
    """Events with applications awaiting a decision (the managed events, once
    per request as for the menu; then the count and the first rows)."""
    user = request.user
    if not managed_event_keys(user):
        return None
    awaiting = Q(registrations__state=RegistrationState.APPLIED)
    events = (
        events_managed_by(user)
        .defer_streamfields()
        .annotate(
            awaiting=Count("registrations", filter=awaiting),
            waiting_since=Min("registrations__created_at", filter=awaiting),
            ends=Coalesce("ends_at", "starts_at"),
        )
        .filter(awaiting__gt=0)
        .filter(Q(ends__isnull=True) | Q(ends__gte=timezone.now()))
        .order_by(F("starts_at").asc(nulls_last=True), "waiting_since", "pk")
    )
    return QueueSection(
        key="applications",
        title=_("Applications awaiting a decision"),
        items=[
            QueueItem(
                title=event.title,
                detail=ngettext(
                    "%(count)s application",
                    "%(count)s applications",
                    event.awaiting,
                )
                % {"count": event.awaiting},
                url=reverse("events_applicants", args=(event.pk,)) + "?state=applied",
                waiting_since=event.waiting_since,
                due=event.starts_at,
                due_label=_("starts"),
            )
            for event in events[:ROWS_PER_SECTION]
        ],
        total=events.count(),
        more_url=reverse("events_applicants_index"),
        order=20,
    )
