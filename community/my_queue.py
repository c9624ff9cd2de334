"""Claims waiting for the person's decision, for the "My queue" panel on the admin
dashboard (``core.my_queue``): the oldest claim first, each linking to its row in
the verification queue. Who may decide is ``permissions.affiliations_reviewable_by``.
"""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.my_queue import ROWS_PER_SECTION, QueueItem, QueueSection

from . import permissions


def claims_section(*, request) -> QueueSection | None:
    """Pending claims in the person's scope (three queries: the count, the oldest
    claims with person and organisation, their organisations' names)."""
    user = request.user
    if not permissions.may_review_affiliations(user):
        return None
    pending = permissions.affiliations_reviewable_by(user).pending()
    claims = list(
        pending.select_related("user", "organisation")
        .prefetch_related("organisation__names")
        .order_by("claimed_at", "pk")[:ROWS_PER_SECTION]
    )
    queue_url = reverse("community_claims")
    return QueueSection(
        key="claims",
        title=_("Affiliation claims"),
        items=[
            QueueItem(
                title=gettext("%(person)s works for %(organisation)s?")
                % {
                    "person": claim.user.get_full_name() or claim.user,
                    "organisation": claim.organisation.localized_name,
                },
                detail=claim.job_title,
                url=f"{queue_url}#claim-{claim.pk}",
                waiting_since=claim.claimed_at,
            )
            for claim in claims
        ],
        total=pending.count(),
        more_url=queue_url,
        order=10,
    )
