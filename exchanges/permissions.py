"""Who may do what with a peer exchange: the only place these rules are written.

Two roles act on a case:

- the **requester**: verified staff of the requesting member city (a current
  affiliation with an organisation whose membership is active), or the city's focal
  point while the city is an active member;
- the **manager**: a superuser, a coordinator whose region or country scope covers the
  requesting city or whose cluster scope is the request's cluster, and the case
  manager (the coordinator who accepted it) while they are a coordinator.

Which action each role may take in which state is the table in
``exchanges.transitions.TRANSITIONS``; ``transition_barrier`` answers from it.
Roles are computed at the moment of asking, never stored.
"""

from django.db.models import Q, QuerySet

from community import permissions as community_permissions
from community.models import Organisation

from .models import CandidateState, ExchangeState, PeerExchange
from .transitions import MANAGER, REQUESTER, TRANSITIONS


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def requesting_organisations(user) -> QuerySet[Organisation]:
    """Active member organisations the user may file peer-exchange requests for."""
    if not _authenticated(user):
        return Organisation.objects.none()
    focal_ids = [
        role.organisation_id for role in community_permissions.focal_point_roles(user)
    ]
    staff = Q(pk__in=community_permissions.member_organisations(user).values("pk"))
    return (
        Organisation.objects.active_members()
        .filter(staff | Q(pk__in=focal_ids))
        .distinct()
    )


def _requesting_ids(user) -> frozenset[int]:
    """Cached on the user object: one query per request however many cases show."""
    cache = user.__dict__.setdefault("_cc_exchange", {})
    if "requesting_ids" not in cache:
        cache["requesting_ids"] = frozenset(
            requesting_organisations(user).values_list("pk", flat=True)
        )
    return cache["requesting_ids"]


def may_file_requests(user) -> bool:
    return _authenticated(user) and bool(_requesting_ids(user))


def is_requester(user, exchange: PeerExchange) -> bool:
    return _authenticated(user) and exchange.organisation_id in _requesting_ids(user)


def coordinator_covers(user, exchange: PeerExchange) -> bool:
    """A current coordinator role of the user covers the city or the cluster."""
    organisation = exchange.organisation
    return community_permissions.in_coordinator_scope(
        user,
        region=organisation.region,
        country=organisation.country,
        cluster=exchange.cluster,
    )


def may_see_queue(user) -> bool:
    """The coordinators' queue of cases in the admin: superusers and anyone with a
    current coordinator role (the queue then shows the cases in their scope)."""
    return bool(
        getattr(user, "is_superuser", False)
        or community_permissions.is_coordinator(user)
    )


def can_manage_exchange(user, exchange: PeerExchange) -> bool:
    if not _authenticated(user):
        return False
    if user.is_superuser:
        return True
    if exchange.case_manager_id == user.pk and community_permissions.is_coordinator(
        user
    ):
        return True
    return coordinator_covers(user, exchange)


def can_oversee_exchange(user, exchange: PeerExchange) -> bool:
    """May ``user`` look at the case as its manager (the admin case page, the case
    page on the site, tools built on a case)? Managers, once the city has submitted
    the case: a draft stays with its city until then, for superusers too."""
    return exchange.state != ExchangeState.DRAFT and can_manage_exchange(user, exchange)


def can_see_exchange(user, exchange: PeerExchange) -> bool:
    """May ``user`` open the case page on the site? The requesting city's staff,
    managers once it is submitted (``can_oversee_exchange``) and peers invited to it
    or who opted in. Everyone else gets a 404, so ids reveal nothing."""
    if not _authenticated(user):
        return False
    if is_requester(user, exchange) or can_oversee_exchange(user, exchange):
        return True
    return exchange.candidates.filter(
        user_id=user.pk, state__in=[CandidateState.INVITED, CandidateState.OPTED_IN]
    ).exists()


def roles_for(user, exchange: PeerExchange) -> frozenset[str]:
    roles = set()
    if is_requester(user, exchange):
        roles.add(REQUESTER)
    if can_manage_exchange(user, exchange):
        roles.add(MANAGER)
    return frozenset(roles)


def transition_barrier(user, exchange: PeerExchange, action: str) -> str | None:
    """``None`` if ``user`` may take ``action`` on the case now, else why not:
    ``"unknown"`` (no such action), ``"role"`` (not theirs to take) or ``"state"``
    (not from the case's current state). Preconditions on the case's content (e.g.
    a report before follow-up) are checked by the service."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        return "unknown"
    if transition.role not in roles_for(user, exchange):
        return "role"
    if exchange.state not in transition.sources:
        return "state"
    return None


def allowed_actions(user, exchange: PeerExchange) -> list:
    """The transitions ``user`` may take on the case now, in table order."""
    roles = roles_for(user, exchange)
    return [
        transition
        for transition in TRANSITIONS.values()
        if transition.role in roles and exchange.state in transition.sources
    ]


def _manager_filter(user) -> Q | None:
    condition = community_permissions.scope_q(
        user,
        region_path="organisation__region",
        country_path="organisation__country",
        cluster_path="cluster",
    )
    if condition is not None:
        condition |= Q(case_manager=user)
    return condition


def exchanges_managed_by(user) -> QuerySet[PeerExchange]:
    """Cases the user manages; drafts stay with their city until submitted."""
    if not _authenticated(user):
        return PeerExchange.objects.none()
    cases = PeerExchange.objects.exclude(state=ExchangeState.DRAFT)
    if user.is_superuser:
        return cases
    condition = _manager_filter(user)
    if condition is None:
        return PeerExchange.objects.none()
    return cases.filter(condition)


def exchanges_of(user) -> QuerySet[PeerExchange]:
    """Cases of the cities the user may file requests for ("my requests")."""
    if not _authenticated(user):
        return PeerExchange.objects.none()
    return PeerExchange.objects.filter(organisation_id__in=_requesting_ids(user))


def coordinators_for(exchange: PeerExchange) -> QuerySet:
    """Everyone whose current coordinator role covers the case (for notices)."""
    organisation = exchange.organisation
    return community_permissions.coordinators_covering(
        region=organisation.region,
        country=organisation.country,
        cluster=exchange.cluster,
    )
