"""Peer-exchange cases waiting for their managers, for the "My queue" panel on the
admin dashboard (``core.my_queue``): cases in a state where only a manager can
take the next step (``transitions.MANAGER_ACTION_STATES``), the longest waiting
first, each linking to its case page. Which cases are the person's is
``exchanges.permissions.exchanges_managed_by``.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.my_queue import ROWS_PER_SECTION, QueueItem, QueueSection

from .. import permissions as rules
from ..transitions import MANAGER_ACTION_STATES


def exchanges_section(*, request) -> QueueSection | None:
    """Cases needing action (three queries: the count, the cases with their
    cities, the cities' names)."""
    user = request.user
    if not rules.may_see_queue(user):
        return None
    cases = (
        rules.exchanges_managed_by(user)
        .filter(state__in=MANAGER_ACTION_STATES)
        .select_related("organisation")
        .prefetch_related("organisation__names")
        .order_by("state_changed_at", "pk")
    )
    return QueueSection(
        key="exchanges",
        title=_("Peer exchanges needing action"),
        items=[
            QueueItem(
                title=case.title,
                detail=f"{case.organisation.localized_name} · "
                f"{case.get_state_display()}",
                url=reverse("exchange_admin_detail", args=(case.pk,)),
                waiting_since=case.state_changed_at,
            )
            for case in cases[:ROWS_PER_SECTION]
        ],
        total=cases.count(),
        more_url=reverse("exchange_admin_queue"),
        order=30,
    )
