"""Every write of the community app: claims, verification, memberships, privacy.

Functions are keyword-only, run in one transaction, check permissions through
``community.permissions`` and raise ``CommunityError`` with a message a person can
read. Each state change leaves a history row (who, what, when, why).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions
from .models import (
    AFFILIATION_VALIDITY,
    Affiliation,
    AffiliationEvent,
    AffiliationStatus,
    Membership,
    MembershipChange,
    MembershipStatus,
    Organisation,
    User,
)


class CommunityError(Exception):
    """A request the rules do not allow; the message is shown to the person."""


class NotAllowed(CommunityError):
    """The actor lacks the right for this action."""


def _log(affiliation: Affiliation, action: str, actor, reason: str = "") -> None:
    AffiliationEvent.objects.create(
        affiliation=affiliation, action=action, actor=actor, reason=reason
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
    """Confirm a claim; the affiliation then counts for twelve months."""
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
    _log(locked, "verified", actor, reason)
    return locked


@transaction.atomic
def affiliation_reject(
    *, affiliation: Affiliation, actor: User, reason: str
) -> Affiliation:
    """Turn a claim down; the person sees the reason."""
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
    _log(locked, "rejected", actor, reason)
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
    MembershipChange.objects.create(
        membership=membership,
        from_status=previous,
        to_status=status,
        actor=actor,
        reason=reason.strip(),
    )
    return membership
