"""Who may write to whom, and who may suspend whom: the only place these rules are
written down (services and views ask these functions).

- Anyone signed in, active, with a verified e-mail address may reply in their
  conversations and write to people who are open to everyone: the programme
  office (the platform's administrators, superusers: community has no role for
  the office) and people with a current coordinator or focal point role
  (``community.models.RoleKind``).
- Starting a conversation with anyone else they have never talked to (shared no
  conversation with) needs a current verified affiliation
  (``community.permissions.is_verified_member_staff``), or being a coordinator or
  the programme office themselves.
- A coordinator may suspend a person from messaging when one of their scopes
  covers the region or country of an organisation the person is affiliated with
  (verified or claimed); superusers anyone.
"""

from django.db.models import Q

from allauth.account.models import EmailAddress

from community import permissions as community_permissions
from community.models import Affiliation, AffiliationStatus, Organisation, User

from .models import Block, MessagingSuspension, Participant, Report


def has_verified_email(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def is_open_to_everyone(person: User) -> bool:
    """The programme office, coordinators and focal points: any member may write
    to them first."""
    return (
        person.is_superuser
        or bool(community_permissions.coordinator_roles(person))
        or bool(community_permissions.focal_point_roles(person))
    )


def have_talked(a: User, b: User) -> bool:
    """Whether two people share a conversation (either may have left it)."""
    return (
        Participant.objects.filter(user=a)
        .filter(conversation__participants__user=b)
        .exists()
    )


def is_blocked_between(a: User, b: User) -> bool:
    """Whether either blocked the other."""
    return Block.objects.filter(
        Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)
    ).exists()


def is_suspended(user: User) -> bool:
    return MessagingSuspension.objects.filter(
        user=user, lifted_at__isnull=True
    ).exists()


def may_start_with_strangers(user) -> bool:
    """Verified members (a current verified affiliation), coordinators and the
    programme office may write to anyone."""
    return (
        user.is_superuser
        or community_permissions.is_coordinator(user)
        or community_permissions.is_verified_member_staff(user)
    )


def is_account_gone(person: User) -> bool:
    return not person.is_active or person.is_pseudonymised


def organisations_of(user: User) -> list[Organisation]:
    """The organisations a person is affiliated with (verified and current, or
    claimed): where their region comes from."""
    return [
        affiliation.organisation
        for affiliation in Affiliation.objects.filter(user=user)
        .filter(
            Q(pk__in=Affiliation.objects.current().filter(user=user))
            | Q(status=AffiliationStatus.CLAIMED)
        )
        .select_related("organisation__region")
    ]


def can_suspend(actor, person: User) -> bool:
    """Superusers, and coordinators whose scope covers one of the person's
    organisations. Nobody suspends themselves."""
    if not getattr(actor, "is_authenticated", False) or actor.pk == person.pk:
        return False
    if actor.is_superuser:
        return True
    return any(
        community_permissions.in_coordinator_scope(
            actor, region=organisation.region, country=organisation.country
        )
        for organisation in organisations_of(person)
    )


def reports_visible_to(user):
    """Reports a coordinator handles: those whose sender or reporter is
    affiliated (verified or claimed) with an organisation in one of their
    scopes; superusers (the programme office) see all. Nobody else sees any."""
    if not getattr(user, "is_authenticated", False):
        return Report.objects.none()
    if user.is_superuser:
        return Report.objects.all()
    scope = community_permissions.scope_q(
        user,
        region_path="organisation__region",
        country_path="organisation__country",
    )
    if scope is None:
        return Report.objects.none()
    people = (
        Affiliation.objects.filter(scope)
        .filter(
            Q(pk__in=Affiliation.objects.current())
            | Q(status=AffiliationStatus.CLAIMED)
        )
        .values("user_id")
    )
    return Report.objects.filter(
        Q(message__sender_id__in=people) | Q(reporter_id__in=people)
    )


def can_handle_report(user, report: Report) -> bool:
    return reports_visible_to(user).filter(pk=report.pk).exists()
