"""Who may do what in the community: the only place these rules are written down.

Views, admin viewsets and services ask these functions; tests check them as a matrix
(people × actions). Rights derive from roles and verified affiliations at the moment
of asking, never from a stored flag.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q, QuerySet

from .models.network import (
    Affiliation,
    Organisation,
    Region,
    Role,
    RoleKind,
    User,
    Visibility,
)


def _active_roles(user, kind: str) -> list[Role]:
    """The user's roles of one kind, valid today (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = user.__dict__.setdefault("_cc_roles", {})
    if kind not in cache:
        cache[kind] = list(
            Role.objects.active()
            .filter(user=user, kind=kind)
            .select_related("region", "cluster", "organisation")
        )
    return cache[kind]


def coordinator_roles(user) -> list[Role]:
    return _active_roles(user, RoleKind.COORDINATOR)


def focal_point_roles(user) -> list[Role]:
    return _active_roles(user, RoleKind.FOCAL_POINT)


def is_coordinator(user) -> bool:
    return bool(coordinator_roles(user))


@dataclass(frozen=True)
class CoordinatorScopes:
    """What a person's current coordinator roles cover.

    Region and cluster rows are translatable (one row per locale), so they are kept
    as ``translation_key``; countries as ISO codes. Region and country scopes cover
    organisations (and what belongs to them: events, peer exchanges); a cluster scope
    covers a theme, never organisations.
    """

    regions: frozenset = frozenset()
    countries: frozenset[str] = frozenset()
    clusters: frozenset = frozenset()

    def __bool__(self) -> bool:
        return bool(self.regions or self.countries or self.clusters)

    @property
    def covers_organisations(self) -> bool:
        return bool(self.regions or self.countries)


def coordinator_scopes(user) -> CoordinatorScopes:
    """The scopes of the user's coordinator roles valid today (none when signed out).

    Superusers have no scope of their own: every rule that lets them through says
    so itself, next to the scope check.
    """
    roles = coordinator_roles(user)
    return CoordinatorScopes(
        regions=frozenset(
            role.region.translation_key for role in roles if role.region_id
        ),
        countries=frozenset(role.country.code for role in roles if role.country),
        clusters=frozenset(
            role.cluster.translation_key for role in roles if role.cluster_id
        ),
    )


def scope_q(
    user,
    *,
    region_path: str | None = None,
    country_path: str | None = None,
    cluster_path: str | None = None,
) -> Q | None:
    """Rows covered by the user's coordinator scopes, as a filter (None: nothing).

    The paths say where a row keeps its region (a foreign key), country (a country
    field) and cluster (a foreign key), e.g. ``region_path="organisation__region"``
    for affiliations. A scope without a path adds nothing: organisations have no
    cluster, so a cluster coordinator manages none.
    """
    scopes = coordinator_scopes(user)
    lookups = [
        (region_path, "__translation_key__in", scopes.regions),
        (country_path, "__in", scopes.countries),
        (cluster_path, "__translation_key__in", scopes.clusters),
    ]
    parts = [
        Q(**{path + lookup: sorted(values, key=str)})
        for path, lookup, values in lookups
        if path and values
    ]
    return reduce(operator.or_, parts) if parts else None


def in_coordinator_scope(user, *, region=None, country=None, cluster=None) -> bool:
    """Whether a current coordinator role of the user covers one object's region,
    country (a ``Country`` or an ISO code) or cluster; what is not given (or
    empty) is not compared. The rule of ``scope_q`` for a single object."""
    scopes = coordinator_scopes(user)
    if not scopes:
        return False
    code = getattr(country, "code", country)
    return bool(
        (region is not None and region.translation_key in scopes.regions)
        or (code and code in scopes.countries)
        or (cluster is not None and cluster.translation_key in scopes.clusters)
    )


def current_coordinator_roles(
    *, covering_organisations: bool = False
) -> QuerySet[Role]:
    """Every coordinator role valid today; with ``covering_organisations`` only
    those with a region or country scope."""
    roles = Role.objects.active().filter(kind=RoleKind.COORDINATOR)
    if covering_organisations:
        roles = roles.filter(Q(region__isnull=False) | ~Q(country=""))
    return roles


def coordinators_covering(*, region=None, country=None, cluster=None) -> QuerySet[User]:
    """Active people with a current coordinator role covering the region, the
    country or the cluster (e.g. everyone to tell about a case), by id."""
    parts = []
    if region is not None:
        parts.append(Q(region__translation_key=region.translation_key))
    code = getattr(country, "code", country)
    if code:
        parts.append(Q(country=code))
    if cluster is not None:
        parts.append(Q(cluster__translation_key=cluster.translation_key))
    if not parts:
        return User.objects.none()
    roles = current_coordinator_roles().filter(reduce(operator.or_, parts))
    return (
        User.objects.filter(is_active=True, roles__in=roles).distinct().order_by("pk")
    )


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """Organisations the user may edit, change membership of and import into."""
    if getattr(user, "is_superuser", False):
        return Organisation.objects.all()
    condition = scope_q(user, region_path="region", country_path="country")
    if condition is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(condition)


def can_manage_organisation(user, organisation: Organisation) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return in_coordinator_scope(
        user, region=organisation.region, country=organisation.country
    )


def can_create_organisations(user) -> bool:
    """Superusers, and coordinators with a region or country scope."""
    return (
        getattr(user, "is_superuser", False)
        or coordinator_scopes(user).covers_organisations
    )


def is_focal_point_of(user, organisation: Organisation) -> bool:
    return any(
        role.organisation_id == organisation.pk for role in focal_point_roles(user)
    )


def affiliations_reviewable_by(user) -> QuerySet[Affiliation]:
    """Claims the user may see in the verification queue and decide on."""
    if not getattr(user, "is_authenticated", False):
        return Affiliation.objects.none()
    if user.is_superuser:
        return Affiliation.objects.all()
    condition = scope_q(
        user,
        region_path="organisation__region",
        country_path="organisation__country",
    )
    focal_ids = [role.organisation_id for role in focal_point_roles(user)]
    if focal_ids:
        focal = Q(organisation_id__in=focal_ids)
        condition = focal if condition is None else condition | focal
    if condition is None:
        return Affiliation.objects.none()
    # Nobody verifies their own claim.
    return Affiliation.objects.filter(condition).exclude(user=user)


def may_review_affiliations(user) -> bool:
    """Whether the user reviews claims at all (coordinator with a region or country
    scope, focal point, superuser): whether the queue has a scope, not whether it
    has claims in it."""
    return not affiliations_reviewable_by(user).query.is_empty()


def can_review_affiliation(user, affiliation: Affiliation) -> bool:
    if not getattr(user, "is_authenticated", False) or affiliation.user_id == user.pk:
        return False
    return (
        user.is_superuser
        or can_manage_organisation(user, affiliation.organisation)
        or is_focal_point_of(user, affiliation.organisation)
    )


def can_view_region_dashboard(user, region: Region) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return in_coordinator_scope(user, region=region)


def member_organisations(user) -> QuerySet[Organisation]:
    """Active member organisations the user is verified staff of, right now."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.active_members().filter(
        affiliations__in=Affiliation.objects.current().filter(user=user)
    )


def is_verified_member_staff(user) -> bool:
    """Member rights (member-only events, peer-exchange requests) start here."""
    return member_organisations(user).exists()


def can_see_profile_field(
    viewer, person: User, field: str, *, viewer_is_member: bool | None = None
) -> bool:
    """Whether ``viewer`` may see ``person``'s profile ``field``.

    Everyone sees their own; coordinators see everything; verified members see
    members-only fields; the public sees only what the person made public. A page
    that checks many people passes ``viewer_is_member`` (from
    ``is_verified_member_staff``, asked once) to avoid one query per check.
    """
    if getattr(viewer, "is_authenticated", False) and viewer.pk == person.pk:
        return True
    level = person.visibility_of(field)
    if level == Visibility.PUBLIC:
        return True
    if getattr(viewer, "is_superuser", False) or is_coordinator(viewer):
        return True
    if level == Visibility.MEMBERS:
        if viewer_is_member is None:
            viewer_is_member = is_verified_member_staff(viewer)
        return viewer_is_member
    return False
