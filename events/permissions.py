"""Who may manage an event, and whether a person may apply for it.

The only place these rules are written down: views, admin and ``events.services``
ask these functions. Region rows are translatable, so scopes compare
``translation_key`` the way ``community.permissions`` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone

from community import permissions as community_permissions

from .models.choices import Eligibility
from .models.registrations import EventInvitation, Registration

if TYPE_CHECKING:
    from .models import EventPage


def can_manage_event(user, event: EventPage) -> bool:
    """Superusers, coordinators whose region (or country) scope covers the event,
    and the people listed as its organisers."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    event = event.canonical
    if community_permissions.in_coordinator_scope(
        user, region=event.region, country=event.country
    ):
        return True
    return event.organisers.filter(pk=user.pk).exists()


def managed_events_condition(user) -> Q | None:
    """The rule of ``can_manage_event`` as a filter on event pages, for listings
    (``events.admin.scope`` applies it; the tests check that both agree): ``None``
    for nobody, an empty ``Q()`` for every event, else the organiser and
    coordinator-scope condition."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return None
    if user.is_superuser:
        return Q()
    condition = Q(organisers=user)
    scope = community_permissions.scope_q(
        user, region_path="region", country_path="country"
    )
    if scope is not None:
        condition |= scope
    return condition


def can_see_personal_data(user, event: EventPage) -> bool:
    """Whether ``user`` sees e-mail addresses, gender, needs and motivation of the
    applicants to ``event``: superusers and the event's listed organisers.

    Coordinators who manage the event through their region see the rest (data
    minimisation: enough to run the process, not more).
    """
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return event.organisers.filter(pk=user.pk).exists()


def is_invited(user, event: EventPage) -> bool:
    """An invitation exists for the user's e-mail address (any letter case)."""
    email = getattr(user, "email", "") or ""
    return bool(email) and (
        EventInvitation.objects.filter(
            event_id=event.canonical.pk, email__iexact=email.strip()
        ).exists()
    )


def invited_accounts(emails: Iterable[str]) -> dict[str, list]:
    """The active accounts that invitations for ``emails`` are for, by lower-case
    address, in one query: ``is_invited`` seen from the invitations (the account's
    e-mail address, any letter case)."""
    addresses = {email.strip().lower() for email in emails if email}
    if not addresses:
        return {}
    accounts: dict[str, list] = {}
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .order_by("pk")
    )
    for user in users:
        accounts.setdefault(user.address, []).append(user)
    return accounts


def invitation_has_account() -> Exists:
    """For annotating invitations: whether an active account has the invited
    address (the rule of ``invited_accounts``)."""
    return Exists(
        get_user_model().objects.filter(is_active=True, email__iexact=OuterRef("email"))
    )


def application_barrier(user, event: EventPage) -> str | None:
    """``None`` if the user may apply for the event now, else why not:

    ``"sign_in"``, ``"already_applied"`` (also after withdrawing: one application
    per person and event), ``"started"``, ``"closed"`` (not published, cancelled,
    no window or a past one), ``"not_open_yet"``, ``"verify_affiliation"``
    (member-only events need a verified affiliation with an active member) or
    ``"not_invited"``. Reasons that say something about the person come after
    those about the event, except that someone who applied always hears so.
    """
    if not getattr(user, "is_authenticated", False):
        return "sign_in"
    event = event.canonical
    if Registration.objects.filter(event_id=event.pk, user_id=user.pk).exists():
        return "already_applied"
    now = timezone.now()
    if event.has_started:
        return "started"
    if not event.live or event.is_cancelled or event.applications_open is None:
        return "closed"
    if event.applications_open > now:
        return "not_open_yet"
    if not event.applications_are_open(now):
        return "closed"
    if event.eligibility == Eligibility.VERIFIED_MEMBERS and not (
        community_permissions.is_verified_member_staff(user)
    ):
        return "verify_affiliation"
    if event.eligibility == Eligibility.INVITED and not is_invited(user, event):
        return "not_invited"
    return None
