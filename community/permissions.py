"""Who may do what in the community: the only place these rules are written down.

Views, admin viewsets and services ask these functions; tests check them as a matrix
(people × actions). Rights derive from roles and verified affiliations at the moment
of asking, never from a stored flag.
"""

from django.db.models import Q, QuerySet

from .models import (
    Affiliation,
    Organisation,
    Region,
    Role,
    RoleKind,
    User,
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


def _scope_filter(user, prefix: str = "") -> Q | None:
    """A filter for organisations in the user's coordinator scope (None: nothing).

    Region and country scopes cover organisations; a cluster scope covers themes, not
    organisations, so it adds nothing here.
    """
    condition = None
    for role in coordinator_roles(user):
        if role.region_id:
            part = Q(
                **{f"{prefix}region__translation_key": role.region.translation_key}
            )
        elif role.country:
            part = Q(**{f"{prefix}country": role.country.code})
        else:
            continue
        condition = part if condition is None else condition | part
    return condition


def organisations_managed_by(user) -> QuerySet[Organisation]:
    """Organisations the user may edit, change membership of and import into."""
    if getattr(user, "is_superuser", False):
        return Organisation.objects.all()
    condition = _scope_filter(user)
    if condition is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(condition)


def can_manage_organisation(user, organisation: Organisation) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    for role in coordinator_roles(user):
        if role.region_id and (
            role.region.translation_key == organisation.region.translation_key
        ):
            return True
        if role.country and role.country.code == organisation.country.code:
            return True
    return False


def can_create_organisations(user) -> bool:
    """Superusers, and coordinators with a region or country scope."""
    return getattr(user, "is_superuser", False) or any(
        role.region_id or role.country for role in coordinator_roles(user)
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
    condition = _scope_filter(user, prefix="organisation__")
    focal_ids = [role.organisation_id for role in focal_point_roles(user)]
    if focal_ids:
        focal = Q(organisation_id__in=focal_ids)
        condition = focal if condition is None else condition | focal
    if condition is None:
        return Affiliation.objects.none()
    # Nobody verifies their own claim.
    return Affiliation.objects.filter(condition).exclude(user=user)


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
    return any(
        role.region_id and role.region.translation_key == region.translation_key
        for role in coordinator_roles(user)
    )


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
    from .models import Visibility

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
