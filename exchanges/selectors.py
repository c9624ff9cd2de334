"""Reads for peer exchanges: "my requests", the coordinators' queue, a case with
everything its page shows, what a viewer may see of a peer, the cities involved in
a case, open requests and the programme's outcomes. Who may see what is asked of
``exchanges.permissions`` and ``community.permissions``."""

from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from community import permissions as community_permissions
from community.models import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    Organisation,
    Region,
    Visibility,
)
from community.selectors import profile_value
from core.models import Cluster

from . import permissions as rules
from .models import (
    FINAL_STATES,
    OPEN_STATES,
    AdoptionLevel,
    CandidateState,
    CheckpointMonth,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeLog,
    ExchangeState,
    PeerExchange,
)
from .transitions import MANAGER_ACTION_STATES, VOLUNTEER_STATES

S = ExchangeState

NEXT_STEPS = {
    S.DRAFT: _("Complete your request and submit it."),
    S.SUBMITTED: _("A coordinator will check whether the request is eligible."),
    S.ELIGIBILITY_REVIEW: _("A coordinator is checking eligibility."),
    S.NEEDS_REVISION: _("Revise the request as asked and resubmit it."),
    S.RESUBMITTED: _("A coordinator will review the revised request."),
    S.NOT_ELIGIBLE: _("None: the request was found not eligible."),
    S.ACCEPTED: _("Your case manager will frame the request with you."),
    S.FRAMING: _("Agree on up to three guiding questions and the change you want."),
    S.MATCHING: _("Peers are being invited; you see them once they opt in."),
    S.PEERS_CONFIRMED: _("Your case manager draws up the agreement."),
    S.AGREEMENT: _("Agree on objectives, agenda, roles and who pays what."),
    S.MISSIONS: _("Take part in the missions."),
    S.REPORT: _("The report is being written; give your feedback."),
    S.FOLLOW_UP: _("Record what changed at 3, 6 and 12 months."),
    S.CLOSED: _("None: the exchange is closed."),
    S.WITHDRAWN: _("None: the request was withdrawn."),
    S.CANCELLED: _("None: the case was cancelled."),
}


def next_step(exchange: PeerExchange) -> str:
    return str(NEXT_STEPS[exchange.state])


def my_requests(user) -> QuerySet[PeerExchange]:
    """The requests of the cities the user files for, newest first (two queries
    plus one for the user's cities, whatever the number of requests)."""
    return rules.exchanges_of(user).for_listing().order_by("-created_at", "-pk")


def queue(user, state: str | None = None) -> QuerySet[PeerExchange]:
    """Cases the user manages, those that need them first: cases waiting for a
    manager's step (``MANAGER_ACTION_STATES``), then those waiting for their city,
    each the longest waiting on top; finished cases last, the latest first. Sorted
    by state alone, closed cases (long in their state) came before new ones."""
    cases = rules.exchanges_managed_by(user).for_listing()
    if state:
        cases = cases.filter(state=state)
    return cases.annotate(
        queue_group=Case(
            When(state__in=MANAGER_ACTION_STATES, then=Value(0)),
            When(state__in=OPEN_STATES, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        finished_at=Case(
            When(state__in=FINAL_STATES, then=F("state_changed_at")),
            default=None,
        ),
    ).order_by(
        "queue_group", F("finished_at").desc(nulls_last=True), "state_changed_at", "pk"
    )


def queue_counts(user) -> dict[str, int]:
    """Cases per state in the user's scope (one query)."""
    rows = (
        rules.exchanges_managed_by(user)
        .order_by()
        .values("state")
        .annotate(count=Count("pk"))
    )
    return {row["state"]: row["count"] for row in rows}


def case(pk: int) -> PeerExchange:
    """One case with everything its pages show."""
    return (
        PeerExchange.objects.for_listing()
        .select_related("created_by")
        .prefetch_related(
            Prefetch(
                "log",
                queryset=ExchangeLog.objects.select_related("actor").order_by(
                    "-created_at", "-pk"
                ),
            ),
            Prefetch(
                "candidates",
                queryset=ExchangeCandidate.objects.select_related("user").order_by(
                    "-score", "pk"
                ),
            ),
            "missions__event",
            "action_items",
            "checkpoints__recorded_by",
            "feedback__user",
        )
        .get(pk=pk)
    )


def peer_profile(viewer, candidate: ExchangeCandidate, *, manages: bool) -> dict:
    """What ``viewer`` may see of a candidate's profile.

    The case manager sees what coordinators see. Anyone else sees only the fields
    the person made public until the person has opted in; after that, the usual
    rules (members-only fields for verified members)."""
    person = candidate.user
    if manages or candidate.state == CandidateState.OPTED_IN:
        allowed = [
            name
            for name in PROFILE_VISIBILITY_FIELDS
            if community_permissions.can_see_profile_field(viewer, person, name)
        ]
    else:
        allowed = [
            name
            for name in PROFILE_VISIBILITY_FIELDS
            if person.visibility_of(name) == Visibility.PUBLIC
        ]
    return {name: profile_value(person, name) for name in allowed}


def cities_involved(exchange: PeerExchange) -> list[tuple[Organisation, str]]:
    """The requesting city, then the organisations of the peers who opted in (their
    current affiliations), each once, with the role they had (``"requesting"`` or
    ``"peer"``, the codes of ``projects.models.CityRole``)."""
    cities = [(exchange.organisation, "requesting")]
    seen = {exchange.organisation_id}
    peer_ids = exchange.candidates.filter(state=CandidateState.OPTED_IN).values(
        "user_id"
    )
    for affiliation in (
        Affiliation.objects.current()
        .filter(user_id__in=peer_ids)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    ):
        if affiliation.organisation_id not in seen:
            seen.add(affiliation.organisation_id)
            cities.append((affiliation.organisation, "peer"))
    return cities


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


@dataclass
class CheckpointSlot:
    month: int
    label: str
    due_on: date | None
    checkpoint: ExchangeCheckpoint | None


def checkpoint_slots(exchange: PeerExchange) -> list[CheckpointSlot]:
    """The 3-, 6- and 12-month checkpoints with their due dates (counted from the
    report) and what was recorded (uses the prefetched checkpoints)."""
    recorded = {
        checkpoint.month: checkpoint for checkpoint in exchange.checkpoints.all()
    }
    start = exchange.report_filed_at.date() if exchange.report_filed_at else None
    return [
        CheckpointSlot(
            month=month,
            label=str(label),
            due_on=add_months(start, month) if start else None,
            checkpoint=recorded.get(month),
        )
        for month, label in CheckpointMonth.choices
    ]


def open_requests() -> QuerySet[PeerExchange]:
    """Requests whose city agreed to show a summary to members, while peers are
    looked for."""
    return (
        PeerExchange.objects.filter(show_to_members=True, state__in=VOLUNTEER_STATES)
        .for_listing()
        .order_by("-state_changed_at", "-pk")
    )


def outcomes() -> dict:
    """What the programme achieved, for the public page: requests and closed
    exchanges per cluster and region, missions, and adoption levels from each
    case's latest follow-up checkpoint. Nothing personal. A fixed number of
    queries."""
    submitted = PeerExchange.objects.exclude(state=S.DRAFT)
    per_cluster = Counter()
    closed_cluster = Counter()
    per_region = Counter()
    closed_region = Counter()
    for cluster_key, region_key, state in submitted.values_list(
        "cluster__translation_key", "organisation__region__translation_key", "state"
    ):
        per_cluster[cluster_key] += 1
        per_region[region_key] += 1
        if state == S.CLOSED:
            closed_cluster[cluster_key] += 1
            closed_region[region_key] += 1
    latest: dict[int, str] = {}
    for exchange_id, adoption in ExchangeCheckpoint.objects.order_by(
        "exchange_id", "month"
    ).values_list("exchange_id", "adoption"):
        latest[exchange_id] = adoption
    adoption_counts = Counter(latest.values())
    clusters = {
        c.translation_key: c for c in Cluster.objects.filter(locale__language_code="en")
    }
    regions = {
        r.translation_key: r for r in Region.objects.filter(locale__language_code="en")
    }
    language = (get_language() or "en")[:2]
    for row in Cluster.objects.filter(locale__language_code=language):
        clusters[row.translation_key] = row
    for row in Region.objects.filter(locale__language_code=language):
        regions[row.translation_key] = row

    def rows(counts, closed, names):
        result = [
            {
                "name": names[key].name if key in names else _("Not given"),
                "requests": count,
                "closed": closed.get(key, 0),
            }
            for key, count in counts.items()
        ]
        return sorted(result, key=lambda row: (-row["requests"], str(row["name"])))

    total_adoption = sum(adoption_counts.values())
    return {
        "requests": sum(per_cluster.values()),
        "closed": sum(closed_cluster.values()),
        "open": submitted.filter(state__in=OPEN_STATES).count(),
        "missions": submitted.aggregate(n=Count("missions"))["n"],
        "by_cluster": rows(per_cluster, closed_cluster, clusters),
        "by_region": rows(per_region, closed_region, regions),
        "adoption": [
            {
                "level": label,
                "code": code,
                "count": adoption_counts.get(code, 0),
                "percent": round(100 * adoption_counts.get(code, 0) / total_adoption)
                if total_adoption
                else 0,
            }
            for code, label in AdoptionLevel.choices
        ],
        "followed_up": total_adoption,
    }
