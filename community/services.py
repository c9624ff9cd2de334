"""Every write of the community app: claims, verification, memberships, privacy.

Functions are keyword-only, run in one transaction, check permissions through
``community.permissions`` and raise ``CommunityError`` with a message a person can
read. Each state change leaves a history row (who, what, when, why).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from allauth.account.models import EmailAddress

from core import notices
from core.errors import DomainError
from core.models import Cluster, FieldOfAction

from . import permissions
from .models import (
    AFFILIATION_VALIDITY,
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    AffiliationEvent,
    AffiliationStatus,
    Language,
    Membership,
    MembershipChange,
    MembershipStatus,
    Offer,
    Organisation,
    Role,
    User,
    Visibility,
)
from .selectors import own_email_addresses


class CommunityError(DomainError):
    """A request the community's rules do not allow."""


class NotAllowed(CommunityError):
    """The actor lacks the right for this action."""


# How long before a verified affiliation expires its person is reminded.
AFFILIATION_EXPIRY_NOTICE = timedelta(days=30)


def _log(
    affiliation: Affiliation, action: str, actor, reason: str = ""
) -> AffiliationEvent:
    return AffiliationEvent.record(
        affiliation=affiliation, action=action, actor=actor, reason=reason
    )


def _notify_person(affiliation: Affiliation, kind: str, key: str) -> None:
    """Tell the person about their affiliation through the outbox (after the
    commit, in their language: ``community.mails``)."""
    notices.notify(
        recipient=affiliation.user,
        kind=kind,
        dedupe_key=key,
        subject_object=affiliation,
        context={
            "organisation": affiliation.organisation.name,
            "reason": affiliation.reason,
            "expires_at": affiliation.expires_at.isoformat()
            if affiliation.expires_at
            else "",
        },
    )


def affiliation_claim(
    *,
    user: User,
    organisation: Organisation,
    evidence: str,
    job_title: str = "",
    work_email: str = "",
) -> Affiliation:
    """Record that ``user`` says they work for ``organisation``; a reviewer decides."""
    if not evidence.strip():
        raise CommunityError(_("Please tell us how your work there can be confirmed."))
    try:
        with transaction.atomic():
            affiliation = Affiliation.objects.create(
                user=user,
                organisation=organisation,
                evidence=evidence.strip(),
                job_title=job_title.strip(),
                work_email=work_email.strip(),
            )
            _log(affiliation, "claimed", user)
    except IntegrityError as exc:
        raise CommunityError(
            _("You already have an open or verified affiliation with %(name)s.")
            % {"name": organisation.localized_name}
        ) from exc
    return affiliation


def _lock_for_review(affiliation: Affiliation, actor) -> Affiliation:
    if not permissions.can_review_affiliation(actor, affiliation):
        raise NotAllowed(_("You may not decide on this affiliation."))
    return Affiliation.objects.select_for_update().get(pk=affiliation.pk)


@transaction.atomic
def affiliation_verify(
    *, affiliation: Affiliation, actor: User, reason: str = ""
) -> Affiliation:
    """Confirm a claim; the affiliation then counts for twelve months. The person
    is told by e-mail (once per decision)."""
    locked = _lock_for_review(affiliation, actor)
    if locked.status != AffiliationStatus.CLAIMED:
        raise CommunityError(
            _("This claim was already decided (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    now = timezone.now()
    locked.status = AffiliationStatus.VERIFIED
    locked.decided_at = now
    locked.decided_by = actor
    locked.reason = reason.strip()
    locked.expires_at = now + AFFILIATION_VALIDITY
    locked.save()
    entry = _log(locked, "verified", actor, reason)
    _notify_person(
        locked, "affiliation_verified", f"affiliation_verified:{locked.pk}:{entry.pk}"
    )
    return locked


@transaction.atomic
def affiliation_reject(
    *, affiliation: Affiliation, actor: User, reason: str
) -> Affiliation:
    """Turn a claim down; the person sees the reason, on their profile and by
    e-mail (once per decision)."""
    if not reason.strip():
        raise CommunityError(_("Please give the person a reason for the rejection."))
    locked = _lock_for_review(affiliation, actor)
    if locked.status != AffiliationStatus.CLAIMED:
        raise CommunityError(
            _("This claim was already decided (%(status)s).")
            % {"status": locked.get_status_display()}
        )
    locked.status = AffiliationStatus.REJECTED
    locked.decided_at = timezone.now()
    locked.decided_by = actor
    locked.reason = reason.strip()
    locked.save()
    entry = _log(locked, "rejected", actor, reason)
    _notify_person(
        locked, "affiliation_rejected", f"affiliation_rejected:{locked.pk}:{entry.pk}"
    )
    return locked


@transaction.atomic
def affiliation_renew(*, affiliation: Affiliation, actor: User) -> Affiliation:
    """Extend a verified affiliation by twelve months from today."""
    locked = _lock_for_review(affiliation, actor)
    if locked.status != AffiliationStatus.VERIFIED:
        raise CommunityError(_("Only verified affiliations can be renewed."))
    locked.expires_at = timezone.now() + AFFILIATION_VALIDITY
    locked.save(update_fields=["expires_at"])
    _log(locked, "renewed", actor)
    return locked


def affiliation_expiry_reminders_send(*, now: datetime | None = None) -> int:
    """Remind people whose verified affiliation expires within
    ``AFFILIATION_EXPIRY_NOTICE`` (30 days) to have it renewed; returns the number
    of new notices. Once per affiliation and expiry date: a second run sends
    nothing, a renewed affiliation is reminded of again before its new date."""
    now = now or timezone.now()
    expiring = (
        Affiliation.objects.filter(
            status=AffiliationStatus.VERIFIED,
            expires_at__gt=now,
            expires_at__lte=now + AFFILIATION_EXPIRY_NOTICE,
            user__is_active=True,
        )
        .select_related("user", "organisation")
        .order_by("expires_at", "pk")
    )
    created = 0
    for affiliation in expiring:
        with transaction.atomic():
            key = (
                f"affiliation_expiring:{affiliation.pk}:"
                f"{affiliation.expires_at.date().isoformat()}"
            )
            if notices.notify(
                recipient=affiliation.user,
                kind="affiliation_expiring",
                dedupe_key=key,
                subject_object=affiliation,
                context={
                    "organisation": affiliation.organisation.name,
                    "expires_at": affiliation.expires_at.isoformat(),
                },
            ):
                created += 1
    return created


@transaction.atomic
def affiliation_withdraw(*, affiliation: Affiliation, user: User) -> Affiliation:
    """The person ends their own claim or affiliation (they left the job)."""
    locked = Affiliation.objects.select_for_update().get(pk=affiliation.pk)
    if locked.user_id != user.pk:
        raise NotAllowed(_("You can only withdraw your own affiliations."))
    if locked.status not in (AffiliationStatus.CLAIMED, AffiliationStatus.VERIFIED):
        raise CommunityError(_("This affiliation has already ended."))
    locked.status = AffiliationStatus.WITHDRAWN
    locked.save(update_fields=["status"])
    _log(locked, "withdrawn", user)
    return locked


@transaction.atomic
def membership_set_status(
    *, organisation: Organisation, status: str, actor: User, reason: str = ""
) -> Membership:
    """Change an organisation's membership status and keep the history."""
    if not permissions.can_manage_organisation(actor, organisation):
        raise NotAllowed(_("You may not change the membership of this organisation."))
    if status not in MembershipStatus.values:
        raise CommunityError(_("Unknown membership status."))
    membership, _created = Membership.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    previous = "" if _created else membership.status
    if previous == status:
        return membership
    if status in (MembershipStatus.SUSPENDED, MembershipStatus.ENDED) and not reason:
        raise CommunityError(_("Please give a reason for suspending or ending."))
    today = timezone.localdate()
    membership.status = status
    if status == MembershipStatus.ACTIVE and membership.active_since is None:
        membership.active_since = today
    if status == MembershipStatus.ENDED:
        membership.ended_on = today
    membership.save()
    MembershipChange.record(
        membership=membership,
        from_status=previous,
        to_status=status,
        actor=actor,
        reason=reason.strip(),
    )
    return membership


# --- A person's own profile and data: profile form, export, account deletion -------

# Hook ``fn(*, user) -> dict``: an app adds its rows about ``user`` to "Download my
# data". Key the dict by the app label (``{"events": [...]}``); values must be JSON
# serialisable with Django's encoder (dates and datetimes are fine).
PERSONAL_DATA_HOOK = "community_personal_data"
# Hook ``fn(*, user, former) -> None``: an app deletes or pseudonymises its rows
# about a person who deletes their account. It runs inside the deletion's
# transaction, after the account is pseudonymised; ``former`` (a ``FormerIdentity``)
# says who the account was, for rows that hold a name or an address as text.
# Raising stops the deletion.
USER_DELETED_HOOK = "community_user_deleted"

DELETED_USER_NAME = "Deleted user"


@dataclass(frozen=True)
class FormerIdentity:
    """Who a deleted account was, as the ``community_user_deleted`` hook hears it.

    The account row no longer holds the name or the addresses once the hook runs;
    apps that stored them as text (an invitation by e-mail, a name in a log) find
    their rows with these. ``emails`` are the account's address and its verified
    addresses, in lower case (``community.selectors.own_email_addresses``).
    """

    name: str
    emails: frozenset[str]


# What the profile form may change with ``user_update_profile``.
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "organisation_name",
    "job_title",
    "languages",
    "preferred_language",
    "bio",
    "offers",
    "seeks",
)

# Kept when an account is deleted: the row's identity and when it was created. Every
# other column goes back to its default (new profile fields are cleared, too).
_KEPT_ON_DELETE = {"id", "password", "date_joined"}


def _default_language_rows(model, rows: Iterable) -> list:
    """The default-language rows matching ``rows`` (any language) by translation key."""
    keys = {row.translation_key for row in rows}
    if not keys:
        return []
    return list(
        model.objects.filter(locale=Locale.get_default(), translation_key__in=keys)
    )


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    values: Mapping[str, Any],
    expertise_clusters: Iterable[Cluster] | None = None,
    expertise_fields: Iterable[FieldOfAction] | None = None,
    visibility: Mapping[str, str] | None = None,
) -> User:
    """Save what a person tells the network about themselves.

    ``values`` holds fields from ``PROFILE_FIELDS``. Expertise rows may be given in
    any language; the profile stores the default-language rows, matched by
    translation key. ``visibility`` maps fields of ``PROFILE_VISIBILITY_FIELDS`` to a
    ``Visibility``; fields left out keep their setting. ``None`` leaves a part as it is.
    """
    unknown = sorted(set(values) - set(PROFILE_FIELDS))
    if unknown:
        raise CommunityError(
            _("These profile fields cannot be changed here: %(fields)s.")
            % {"fields": ", ".join(unknown)}
        )
    if set(values.get("languages", [])) - set(Language.values):
        raise CommunityError(_("Please choose languages from the list."))
    if set(values.get("offers", [])) - set(Offer.values):
        raise CommunityError(_("Please choose what you offer from the list."))
    update_fields = list(values)
    if visibility is not None:
        if set(visibility) - set(PROFILE_VISIBILITY_FIELDS) or set(
            visibility.values()
        ) - set(Visibility.values):
            raise CommunityError(_("Please choose who may see each field."))
        user.visibility = {**user.visibility, **visibility}
        update_fields.append("visibility")
    for name, value in values.items():
        setattr(user, name, value)
    if update_fields:
        user.save(update_fields=update_fields)
    if expertise_clusters is not None:
        user.expertise_clusters.set(_default_language_rows(Cluster, expertise_clusters))
    if expertise_fields is not None:
        user.expertise_fields.set(
            _default_language_rows(FieldOfAction, expertise_fields)
        )
    return user


def user_finish_onboarding(*, user: User) -> User:
    """Mark the first steps after signing up done (finished or skipped): signing in
    leads to the dashboard from now on. The first time counts."""
    if user.onboarded_at is None:
        user.onboarded_at = timezone.now()
        user.save(update_fields=["onboarded_at"])
    return user


def _role_scope(role: Role) -> str:
    if role.region_id:
        return role.region.name
    if role.country:
        return str(role.country.name)
    if role.cluster_id:
        return role.cluster.name
    return role.organisation.name if role.organisation_id else ""


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything the platform stores about ``user``, for "Download my data".

    Holds the account, the profile, e-mail addresses, affiliations with their
    history, roles, membership changes the person made, and what other apps add
    through the ``community_personal_data`` hook. Other people appear only as "a
    reviewer": who decided on a claim is the reviewer's personal data, not the
    person's.
    """
    affiliations = (
        Affiliation.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related("events")
    )
    data: dict[str, Any] = {
        "exported_at": timezone.now(),
        "account": {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "onboarded_at": user.onboarded_at,
            "is_active": user.is_active,
        },
        "profile": {
            "organisation_name": user.organisation_name,
            "job_title": user.job_title,
            "languages": user.languages,
            "preferred_language": user.preferred_language,
            "bio": user.bio,
            "expertise_clusters": [c.name for c in user.expertise_clusters.all()],
            "expertise_fields": [f.name for f in user.expertise_fields.all()],
            "offers": user.offers,
            "seeks": user.seeks,
            "visibility": {
                field: user.visibility_of(field) for field in PROFILE_VISIBILITY_FIELDS
            },
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "affiliations": [
            {
                "organisation": a.organisation.name,
                "country": a.organisation.country.code,
                "job_title": a.job_title,
                "work_email": a.work_email,
                "evidence": a.evidence,
                "status": a.status,
                "claimed_at": a.claimed_at,
                "decided_at": a.decided_at,
                "reason": a.reason,
                "expires_at": a.expires_at,
                "history": [
                    {
                        "action": event.action,
                        "at": event.created_at,
                        "by": "you" if event.actor_id == user.pk else "a reviewer",
                        "reason": event.reason,
                    }
                    for event in a.events.all()
                ],
            }
            for a in affiliations
        ],
        "roles": [
            {
                "role": role.kind,
                "scope": _role_scope(role),
                "valid_from": role.valid_from,
                "valid_until": role.valid_until,
            }
            for role in Role.objects.filter(user=user).select_related(
                "region", "cluster", "organisation"
            )
        ],
        "membership_changes_made": [
            {
                "organisation": change.membership.organisation.name,
                "from": change.from_status,
                "to": change.to_status,
                "reason": change.reason,
                "at": change.created_at,
            }
            for change in MembershipChange.objects.filter(actor=user).select_related(
                "membership__organisation"
            )
        ],
    }
    admin_profile = UserProfile.objects.filter(user=user).first()
    if admin_profile is not None:
        data["admin_preferences"] = {
            "preferred_language": admin_profile.preferred_language,
            "time_zone": admin_profile.current_time_zone,
            "avatar": admin_profile.avatar.name or "",
        }
    for hook in hooks.get_hooks(PERSONAL_DATA_HOOK):
        for key, value in (hook(user=user) or {}).items():
            # An app never overwrites the community's own sections, nor another
            # app's parts of a section they share (peer exchanges add theirs to
            # the "events" section, where they began).
            section = data.setdefault(key, value)
            shared = isinstance(section, dict) and isinstance(value, dict)
            if shared and section is not value:
                for part, rows in value.items():
                    section.setdefault(part, rows)
    return data


def _delete_sessions(user: User) -> None:
    """End the person's stored sessions on every device.

    Database sessions are not indexed by user, so they are scanned. With a session
    engine that cannot be listed (cache, signed cookies), the unusable password set
    on deletion ends the sessions instead: Django drops a session whose password
    hash no longer matches.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return
    user_id = str(user.pk)
    sessions = store_class.get_model_class().objects.filter(
        expire_date__gt=timezone.now()
    )
    for session in sessions.iterator():
        if session.get_decoded().get(SESSION_KEY) == user_id:
            store_class(session_key=session.session_key).delete()


@transaction.atomic
def user_delete(*, user: User) -> User:
    """Delete a person's account at their request, keeping what the programme must.

    Removes the profile, e-mail addresses, admin preferences, sessions, roles and
    claims nobody decided on. The user row stays as an inactive placeholder ("Deleted
    user", ``deleted-<id>@invalid``, no usable password) so that decided affiliations
    and changes the person made keep their history; those affiliations lose the
    person's own words (evidence, work address, job title) and verified ones end.
    Then apps pseudonymise their rows through the ``community_user_deleted`` hook,
    told who the account was (``FormerIdentity``).
    """
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.is_pseudonymised:
        raise CommunityError(_("This account has already been deleted."))
    if (
        locked.is_superuser
        and not User.objects.filter(is_superuser=True, is_active=True)
        .exclude(pk=locked.pk)
        .exists()
    ):
        raise CommunityError(
            _(
                "You are the only administrator. Make someone else an administrator "
                "before you delete your account."
            )
        )

    former = FormerIdentity(name=str(locked), emails=own_email_addresses(locked))

    # Claims nobody decided on hold only the person's own words: they go entirely.
    Affiliation.objects.filter(user=locked, decided_at__isnull=True).delete()
    for affiliation in Affiliation.objects.select_for_update().filter(
        user=locked, status=AffiliationStatus.VERIFIED
    ):
        affiliation.status = AffiliationStatus.WITHDRAWN
        affiliation.save(update_fields=["status"])
        _log(affiliation, "withdrawn", locked, "Account deleted by its owner.")
    Affiliation.objects.filter(user=locked).update(
        evidence="", work_email="", job_title=""
    )
    Role.objects.filter(user=locked).delete()
    EmailAddress.objects.filter(user=locked).delete()
    for admin_profile in UserProfile.objects.filter(user=locked):
        if admin_profile.avatar:
            avatar = admin_profile.avatar
            transaction.on_commit(lambda avatar=avatar: avatar.delete(save=False))
        admin_profile.delete()
    locked.expertise_clusters.clear()
    locked.expertise_fields.clear()
    locked.groups.clear()
    locked.user_permissions.clear()

    for field in User._meta.concrete_fields:
        if field.name not in _KEPT_ON_DELETE:
            setattr(locked, field.attname, field.get_default())
    locked.username = f"deleted-{locked.pk}"
    locked.email = f"deleted-{locked.pk}@invalid"
    locked.first_name = DELETED_USER_NAME
    locked.is_active = False
    locked.is_pseudonymised = True
    locked.set_unusable_password()
    locked.save()

    _delete_sessions(locked)
    for hook in hooks.get_hooks(USER_DELETED_HOOK):
        hook(user=locked, former=former)
    return locked
