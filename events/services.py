"""Every write of the events process: invitations, applications, decisions, the
waitlist, confirmation, withdrawal and attendance, and what a deleted account leaves.

Functions are keyword-only and run in one transaction. Each first locks the event's
row (the default-language page, see ``EventPage.canonical``), then the registration,
always in that order, so two changes to one event never interleave and never
deadlock. Places are counted in one function, ``_place_for``, under that lock.

Every change of state is checked against ``TRANSITIONS``, leaves a
``RegistrationLog`` row (from, to, who, why; ``actor`` is empty when the platform
acted) and, when the person should hear about it, one outbox notice with the dedupe
key ``registration:<id>:<log id>``. Refusals raise ``EventError`` (``NotAllowed``
when the actor lacks the right) with a message a person can read, and change
nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from community import permissions as community_permissions
from community.models import Affiliation, Organisation
from core.errors import DomainError
from notifications.outbox import notify

from . import permissions, selectors
from .announcements import event_invitations_notify
from .event_page import event_moment
from .models import (
    Brings,
    Eligibility,
    EventInvitation,
    EventPage,
    Gender,
    Registration,
    RegistrationLog,
    RegistrationState,
    SelectionMode,
)
from .models.registrations import ACTIVE_STATES, PLACE_HOLDING_STATES

S = RegistrationState

PARTICIPANT = "participant"
ORGANISER = "organiser"
PLATFORM = "platform"

# Every allowed change of state and who may make it; anything else is refused.
# ``""`` is a new application. Extra conditions, checked by the services:
# - taking a place (→ accepted, → offered) needs a free place (``_place_for``);
# - accepted → declined needs a reason (the person is told it);
# - → withdrawn is refused once the event has started;
# - → attended only from the start day (00:00 in the event's time zone) to the end
#   of the day after the last day; → no_show only once the event has started;
# - no_show → attended corrects a late arrival or a mistake;
# - declined → accepted | waitlisted lets organisers reconsider (also an expired
#   offer, which the platform turns into declined);
# - confirmed, attended and withdrawn people cannot be declined; withdrawn is final.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("", S.APPLIED): frozenset({PARTICIPANT}),  # selection events
    ("", S.ACCEPTED): frozenset({PARTICIPANT}),  # first come, a place was free
    ("", S.WAITLISTED): frozenset({PARTICIPANT}),  # first come, full
    (S.APPLIED, S.ACCEPTED): frozenset({ORGANISER}),
    (S.APPLIED, S.WAITLISTED): frozenset({ORGANISER}),
    (S.APPLIED, S.DECLINED): frozenset({ORGANISER}),
    (S.APPLIED, S.WITHDRAWN): frozenset({PARTICIPANT}),
    (S.WAITLISTED, S.ACCEPTED): frozenset({ORGANISER, PLATFORM}),
    (S.WAITLISTED, S.OFFERED): frozenset({PLATFORM}),
    (S.WAITLISTED, S.DECLINED): frozenset({ORGANISER}),
    (S.WAITLISTED, S.WITHDRAWN): frozenset({PARTICIPANT}),
    (S.OFFERED, S.CONFIRMED): frozenset({PARTICIPANT}),
    (S.OFFERED, S.DECLINED): frozenset({PLATFORM}),  # the offer expired
    (S.OFFERED, S.WITHDRAWN): frozenset({PARTICIPANT}),
    (S.ACCEPTED, S.CONFIRMED): frozenset({PARTICIPANT}),
    (S.ACCEPTED, S.DECLINED): frozenset({ORGANISER}),
    (S.ACCEPTED, S.WITHDRAWN): frozenset({PARTICIPANT}),
    (S.ACCEPTED, S.ATTENDED): frozenset({ORGANISER}),
    (S.ACCEPTED, S.NO_SHOW): frozenset({ORGANISER}),
    (S.CONFIRMED, S.WITHDRAWN): frozenset({PARTICIPANT}),
    (S.CONFIRMED, S.ATTENDED): frozenset({ORGANISER}),
    (S.CONFIRMED, S.NO_SHOW): frozenset({ORGANISER}),
    (S.NO_SHOW, S.ATTENDED): frozenset({ORGANISER}),
    (S.DECLINED, S.ACCEPTED): frozenset({ORGANISER}),
    (S.DECLINED, S.WAITLISTED): frozenset({ORGANISER}),
}

MOTIVATION_MAX = 3000
BRINGS_DESCRIPTION_MAX = 2000
REASON_MAX = 2000


class EventError(DomainError):
    """A request the rules of registrations do not allow."""


class NotAllowed(EventError):
    """The actor lacks the right for this action."""


# Text as the person typed it, stripped; too long is an EventError.
_clean_text = EventError.clean_text


@dataclass
class BulkResult:
    """What ``registrations_bulk_transition`` changed and what it refused (why)."""

    changed: list[Registration] = field(default_factory=list)
    refused: list[tuple[Registration, str]] = field(default_factory=list)


# --- Locks, places and the log -------------------------------------------------------


def _lock_event(event: EventPage) -> EventPage:
    """The default-language event, re-read with its ``events_eventpage`` row locked.

    ``of=("self",)`` locks only the event's own row, not the ``wagtailcore_page`` row
    it inherits from: every service locks this same row, which serialises them, and
    editors saving the page (which updates the page row first) cannot deadlock with
    us. The lock lasts until the caller's transaction ends.
    """
    canonical_pk = event.canonical.pk
    return (
        EventPage.objects.select_for_update(of=("self",))
        .select_related("locale")
        .get(pk=canonical_pk)
    )


def _lock_registration(registration: Registration) -> tuple[EventPage, Registration]:
    event = _lock_event(registration.event)
    locked = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=registration.pk)
    )
    locked.event = event
    return event, locked


def _host_staff(event: EventPage, user_id):
    """The person's current, verified affiliations with the event's host city
    (``user_id`` may be an ``OuterRef``, to filter registrations)."""
    return Affiliation.objects.current().filter(
        user_id=user_id, organisation_id=event.host_city_id
    )


def _is_host_staff(event: EventPage, registration: Registration) -> bool:
    if not event.host_city_id or registration.organisation_id != event.host_city_id:
        return False
    return _host_staff(event, registration.user_id).exists()


def _place_for(event: EventPage, *, host_staff: bool) -> bool | None:
    """Whether someone can take one of the event's places right now.

    The one place where capacity is decided; the caller holds the event's row lock,
    and the places are counted afresh inside it. ``None``: no place for them.
    ``True``: a place reserved for the host city (host staff take those first, so
    that the open places stay open to others). ``False``: an ordinary place.
    """
    places = selectors.event_places(event)
    if places.free is None:
        return False
    if host_staff and places.host_reserved_free > 0:
        return True
    if places.free_for_anyone > 0:
        return False
    return None


def _cancelled_message() -> str:
    return _("This event has been cancelled.")


def _full_message(event: EventPage) -> str:
    return _("All places of “%(event)s” are taken.") % {"event": event.title}


def _log(
    registration: Registration, from_state: str, actor, reason: str
) -> RegistrationLog:
    return RegistrationLog.record(
        registration=registration,
        from_state=from_state,
        to_state=registration.state,
        actor=actor,
        reason=reason,
    )


def _notify(
    registration: Registration,
    log: RegistrationLog,
    kind: str,
    context: dict | None = None,
) -> None:
    notify(
        recipient=registration.user,
        kind=kind,
        dedupe_key=f"registration:{registration.pk}:{log.pk}",
        subject_object=registration,
        context=context,
    )


def _check_transition(registration: Registration, to_state: str, who: str) -> None:
    if who not in TRANSITIONS.get((registration.state, to_state), frozenset()):
        raise EventError(
            _("This registration is “%(state)s” and cannot become “%(target)s”.")
            % {
                "state": registration.get_state_display(),
                "target": RegistrationState(to_state).label,
            }
        )


def _set_state(
    registration: Registration,
    to_state: str,
    *,
    who: str,
    actor,
    reason: str = "",
    kind: str | None = None,
    context: dict | None = None,
) -> Registration:
    """Move a locked registration to ``to_state``: check the table, save, log and
    (with ``kind``) notify the person."""
    _check_transition(registration, to_state, who)
    from_state = registration.state
    registration.state = to_state
    if to_state not in PLACE_HOLDING_STATES:
        registration.uses_host_place = False
    if to_state != S.OFFERED:
        registration.offer_expires_at = None
    registration.save()
    log = _log(registration, from_state, actor, reason)
    if kind:
        context = dict(context or {})
        if to_state == S.WAITLISTED:
            context["position"] = selectors.waitlist_position(registration)
        _notify(registration, log, kind, context)
    return registration


def _take_place(event: EventPage, registration: Registration) -> None:
    """Give the registration a place or refuse: the event is full for them."""
    if event.is_cancelled:
        raise EventError(_cancelled_message())
    host_place = _place_for(event, host_staff=_is_host_staff(event, registration))
    if host_place is None:
        raise EventError(_full_message(event))
    registration.uses_host_place = host_place


def _fill_freed_places(event: EventPage) -> list[Registration]:
    """Give free places to the waitlist in order, as far as places allow.

    Without ``waitlist_offer_hours`` the first in line is accepted at once
    (``registration_promoted``); with it they are offered the place until the
    deadline (``registration_offered``). A reserved place only goes to the first
    host-city staff member in line. Nobody moves up once the event has started or
    if it was cancelled.
    """
    moved: list[Registration] = []
    if event.has_started or event.is_cancelled:
        return moved
    while True:
        places = selectors.event_places(event)
        queue = selectors.waitlist_ordered(event).select_related("user")
        if places.free is None or places.free_for_anyone > 0:
            candidate = queue.first()
        elif places.host_reserved_free > 0 and event.host_city_id:
            candidate = (
                queue.filter(organisation_id=event.host_city_id)
                .filter(Exists(_host_staff(event, OuterRef("user_id"))))
                .first()
            )
        else:
            candidate = None
        if candidate is None:
            return moved
        candidate = Registration.objects.select_for_update(of=("self",)).get(
            pk=candidate.pk
        )
        candidate.event = event
        _take_place(event, candidate)
        reason = _("A place became free.")
        if event.waitlist_offer_hours:
            expires = timezone.now() + timedelta(hours=event.waitlist_offer_hours)
            candidate.offer_expires_at = expires
            _set_state(
                candidate,
                S.OFFERED,
                who=PLATFORM,
                actor=None,
                reason=reason,
                kind="registration_offered",
                context={"expires": expires.isoformat()},
            )
        else:
            _set_state(
                candidate,
                S.ACCEPTED,
                who=PLATFORM,
                actor=None,
                reason=reason,
                kind="registration_promoted",
            )
        moved.append(candidate)


def _require_manager(actor, event: EventPage) -> None:
    if not permissions.can_manage_event(actor, event):
        raise NotAllowed(_("You may not manage the applicants of this event."))


def _lock_for_organiser(
    registration: Registration, actor, to_state: str
) -> tuple[EventPage, Registration]:
    """Lock event and registration for an organiser's step, or refuse it."""
    event, locked = _lock_registration(registration)
    _require_manager(actor, event)
    _check_transition(locked, to_state, ORGANISER)
    return event, locked


def _clean_reason(reason: str) -> str:
    return _clean_text(reason, limit=REASON_MAX, label=_("The reason"))


def _require_owner(user, registration: Registration) -> None:
    if not getattr(user, "is_authenticated", False) or user.pk != (
        registration.user_id
    ):
        raise NotAllowed(_("You can only change your own registration."))


# --- Applying -------------------------------------------------------------------------


def _barrier_message(code: str, *, user, event: EventPage) -> str:
    if code == "closed" and event.is_cancelled:
        return _cancelled_message()
    if code == "already_applied":
        existing = Registration.objects.filter(event_id=event.pk, user_id=user.pk)
        if existing.filter(state=S.WITHDRAWN).exists():
            return _(
                "You withdrew your application for this event, so you cannot apply "
                "again. Please write to the organisers if your plans have changed."
            )
        return _("You have already applied for this event.")
    if code == "not_open_yet":
        return _("Applications for this event open on %(date)s.") % {
            "date": event_moment(event, event.applications_open)
        }
    messages = {
        "sign_in": _("Please sign in to apply."),
        "started": _("This event has already started."),
        "closed": _("Applications for this event are closed."),
        "verify_affiliation": _(
            "This event is for verified staff of member cities. Please have your "
            "affiliation with your city verified first."
        ),
        "not_invited": _(
            "This event is by invitation only, and there is no invitation for "
            "%(email)s."
        )
        % {"email": getattr(user, "email", "")},
    }
    return messages.get(code, _("You cannot apply for this event."))


def _applicant_organisation(
    *, user, event: EventPage, organisation: Organisation | None
) -> Organisation | None:
    """Member-only events: the organisation must be one the user is verified staff
    of (the only one, if they named none)."""
    if event.eligibility != "verified_members":
        return organisation
    members = community_permissions.member_organisations(user)
    if organisation is None:
        only = list(members[:2])
        return only[0] if len(only) == 1 else None
    if not members.filter(pk=organisation.pk).exists():
        raise EventError(
            _(
                "You can apply for this event only for a member city whose verified "
                "staff you are; %(name)s is not one of them."
            )
            % {"name": organisation.name}
        )
    return organisation


def registration_apply(
    *,
    event: EventPage,
    user,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    role: str,
    motivation: str,
    brings: str = Brings.CHALLENGE,
    brings_title: str = "",
    brings_description: str = "",
    language_needs: str = "",
    gender: str = "",
    consent_data: bool,
    consent_contact_sharing: bool = False,
    consent_photos: bool = False,
) -> Registration:
    """Apply for an event (any language version; the registration points at the
    default-language page).

    First-come events decide at once, under the event's row lock: accepted while a
    place is free (``registration_accepted``), otherwise waitlisted
    (``registration_waitlisted`` with the position). Selection events keep the
    application ``applied`` for the organisers (``application_received``). One mail
    either way. One application per person and event, also after withdrawing.

    ``organisation_name`` is for people whose organisation is not in the directory;
    a chosen ``organisation`` wins over it.
    """
    role = _clean_text(role, limit=200, label=_("Your role"))
    if not role:
        raise EventError(_("Please tell us your role or function."))
    motivation = _clean_text(
        motivation, limit=MOTIVATION_MAX, label=_("Your motivation")
    )
    if not motivation:
        raise EventError(_("Please tell us why you want to take part."))
    if brings not in Brings.values:
        raise EventError(_("Please choose what you bring."))
    brings_title = _clean_text(brings_title, limit=200, label=_("The title"))
    brings_description = _clean_text(
        brings_description, limit=BRINGS_DESCRIPTION_MAX, label=_("The description")
    )
    language_needs = _clean_text(
        language_needs, limit=300, label=_("Your language needs")
    )
    organisation_name = _clean_text(
        organisation_name, limit=200, label=_("The name of your organisation")
    )
    if gender not in Gender.values:
        raise EventError(_("Please choose one of the offered answers for gender."))
    if not consent_data:
        raise EventError(_("We can only process your application if you agree to it."))

    with transaction.atomic():
        event = _lock_event(event)
        barrier = permissions.application_barrier(user, event)
        if barrier:
            raise EventError(_barrier_message(barrier, user=user, event=event))
        organisation = _applicant_organisation(
            user=user, event=event, organisation=organisation
        )
        registration = Registration(
            event=event,
            user=user,
            organisation=organisation,
            organisation_name=organisation.name if organisation else organisation_name,
            role=role,
            gender=gender,
            motivation=motivation,
            brings=brings,
            brings_title=brings_title,
            brings_description=brings_description,
            language_needs=language_needs,
            consent_data=True,
            consent_contact_sharing=bool(consent_contact_sharing),
            consent_photos=bool(consent_photos),
            state=S.APPLIED,
        )
        kind = "application_received"
        if event.selection_mode == SelectionMode.FIRST_COME:
            host_place = _place_for(
                event, host_staff=_is_host_staff(event, registration)
            )
            if host_place is None:
                registration.state = S.WAITLISTED
                registration.waitlisted_at = timezone.now()
                kind = "registration_waitlisted"
            else:
                registration.state = S.ACCEPTED
                registration.uses_host_place = host_place
                kind = "registration_accepted"
        _check_transition(Registration(state=""), registration.state, PARTICIPANT)
        try:
            # A savepoint: the unique constraint is the last word on duplicates.
            with transaction.atomic():
                registration.save()
        except IntegrityError as exc:
            raise EventError(_("You have already applied for this event.")) from exc
        log = _log(registration, "", user, "")
        context = {}
        if registration.state == S.WAITLISTED:
            context["position"] = selectors.waitlist_position(registration)
        _notify(registration, log, kind, context)
    return registration


# --- Organisers' decisions ---------------------------------------------------------


@transaction.atomic
def registration_accept(
    *, registration: Registration, actor, reason: str = ""
) -> Registration:
    """An organiser gives an applicant (applied, waitlisted or declined) a place;
    refused when the event is full."""
    event, locked = _lock_for_organiser(registration, actor, S.ACCEPTED)
    _take_place(event, locked)
    return _set_state(
        locked,
        S.ACCEPTED,
        who=ORGANISER,
        actor=actor,
        reason=_clean_reason(reason),
        kind="registration_accepted",
    )


@transaction.atomic
def registration_waitlist(
    *, registration: Registration, actor, reason: str = ""
) -> Registration:
    """An organiser puts an applicant (applied or declined) at the end of the
    waitlist."""
    event, locked = _lock_for_organiser(registration, actor, S.WAITLISTED)
    locked.waitlisted_at = timezone.now()
    return _set_state(
        locked,
        S.WAITLISTED,
        who=ORGANISER,
        actor=actor,
        reason=_clean_reason(reason),
        kind="registration_waitlisted",
    )


@transaction.atomic
def registration_decline(
    *, registration: Registration, actor, reason: str = ""
) -> Registration:
    """An organiser turns an applicant down (applied or waitlisted; an accepted
    person only with a reason, which they are told). A freed place goes to the
    waitlist."""
    event, locked = _lock_for_organiser(registration, actor, S.DECLINED)
    reason = _clean_reason(reason)
    if locked.state == S.ACCEPTED and not reason:
        raise EventError(
            _("Please give the person a reason for taking back their place.")
        )
    had_place = locked.state in PLACE_HOLDING_STATES
    _set_state(
        locked,
        S.DECLINED,
        who=ORGANISER,
        actor=actor,
        reason=reason,
        kind="registration_declined",
        context={"reason": reason},
    )
    if had_place:
        _fill_freed_places(event)
    return locked


# The organisers' decisions on an application, by the state each leads to.
DECISIONS = {
    S.ACCEPTED: registration_accept,
    S.WAITLISTED: registration_waitlist,
    S.DECLINED: registration_decline,
}


# --- The participant's own steps ---------------------------------------------------


@transaction.atomic
def registration_confirm(
    *,
    registration: Registration,
    user,
    accessibility_needs: str = "",
    dietary_needs: str = "",
) -> Registration:
    """The participant confirms an accepted or offered place (an offer only before
    its deadline) and tells us, only now, what they need to take part."""
    _require_owner(user, registration)
    event, locked = _lock_registration(registration)
    _check_transition(locked, S.CONFIRMED, PARTICIPANT)
    if event.is_cancelled:
        raise EventError(_cancelled_message())
    if event.has_started:
        raise EventError(_("This event has already started."))
    if (
        locked.state == S.OFFERED
        and locked.offer_expires_at
        and locked.offer_expires_at <= timezone.now()
    ):
        raise EventError(_("Sorry, the time to take up this place has run out."))
    locked.accessibility_needs = _clean_text(
        accessibility_needs, limit=1000, label=_("Accessibility needs")
    )
    locked.dietary_needs = _clean_text(
        dietary_needs, limit=300, label=_("Dietary needs")
    )
    return _set_state(
        locked,
        S.CONFIRMED,
        who=PARTICIPANT,
        actor=user,
        kind="registration_confirmed",
    )


@transaction.atomic
def registration_withdraw(
    *, registration: Registration, user, reason: str = ""
) -> Registration:
    """The participant withdraws before the event starts; their place (if they had
    one) goes to the waitlist. They cannot apply again."""
    _require_owner(user, registration)
    event, locked = _lock_registration(registration)
    _check_transition(locked, S.WITHDRAWN, PARTICIPANT)
    if event.has_started:
        raise EventError(
            _(
                "The event has already started, so you can no longer withdraw. "
                "Please tell the organisers if you cannot come."
            )
        )
    return _withdraw(
        event,
        locked,
        actor=user,
        reason=_clean_reason(reason),
        kind="registration_withdrawn",
    )


def _withdraw(
    event, locked, *, actor, reason: str, kind: str | None = None
) -> Registration:
    """Withdraw a locked registration as its participant; a place it held goes to
    the waitlist. ``kind``: the notice to the participant, if any."""
    had_place = locked.state in PLACE_HOLDING_STATES
    _set_state(
        locked, S.WITHDRAWN, who=PARTICIPANT, actor=actor, reason=reason, kind=kind
    )
    if had_place:
        _fill_freed_places(event)
    return locked


# --- Attendance ----------------------------------------------------------------------


def check_in_window(event: EventPage) -> tuple[datetime, datetime] | None:
    """When check-in is possible: from 00:00 of the first day to the end of the day
    after the last day, in the event's time zone (``None``: no date yet)."""
    start = event.local_start()
    if start is None:
        return None
    end = event.local_end() or start
    opens = datetime.combine(start.date(), time.min, tzinfo=event.tz)
    closes = datetime.combine(end.date() + timedelta(days=2), time.min, tzinfo=event.tz)
    return opens, closes


@transaction.atomic
def registration_check_in(*, registration: Registration, actor) -> Registration:
    """An organiser records that the person came (from accepted or confirmed, or
    correcting a no-show), on the event's days."""
    event, locked = _lock_for_organiser(registration, actor, S.ATTENDED)
    window = check_in_window(event)
    now = timezone.now()
    if window is None or not window[0] <= now < window[1]:
        raise EventError(_("Check-in is possible only on the days of the event."))
    locked.checked_in_at = now
    return _set_state(locked, S.ATTENDED, who=ORGANISER, actor=actor)


@transaction.atomic
def registration_mark_no_show(*, registration: Registration, actor) -> Registration:
    """An organiser records that an accepted or confirmed person did not come; only
    once the event has started. Their place is not given to anybody else."""
    event, locked = _lock_for_organiser(registration, actor, S.NO_SHOW)
    window = check_in_window(event)
    if window is None or timezone.now() < window[0]:
        raise EventError(_("Nobody can be marked absent before the event has started."))
    return _set_state(locked, S.NO_SHOW, who=ORGANISER, actor=actor)


# --- Invitations to invite-only events ----------------------------------------------


@dataclass
class InvitationsAdded:
    """What ``event_invitations_add`` did: the new invitations, split into those
    ``emailed`` (the address belongs to an account) and those ``without_account``.
    ``mails_withheld``: the event takes no applications, so nobody was e-mailed."""

    created: list[EventInvitation] = field(default_factory=list)
    emailed: list[EventInvitation] = field(default_factory=list)
    without_account: list[EventInvitation] = field(default_factory=list)
    mails_withheld: bool = False


def event_invitations_add(
    *, event: EventPage, emails: list[str], actor
) -> InvitationsAdded:
    """An organiser invites ``emails`` (valid addresses: the form checks) to an
    invite-only event; addresses already invited, in any letter case, are left
    alone. Each invitation records who invited and when.

    Every newly invited address that belongs to an account gets an
    ``event_invitation`` mail in the same transaction (what, when, until when to
    apply, the link to the event page). Addresses without an account get none:
    the organisers send them the link, and once they sign up with the address they
    may apply (``permissions.is_invited``). While the event takes no applications
    (not published, cancelled, started, no window or past it) nobody is e-mailed.
    """
    with transaction.atomic():
        event = _lock_event(event)
        _require_manager(actor, event)
        if event.eligibility != Eligibility.INVITED:
            raise EventError(_("This event is not invite-only; nobody was invited."))
        existing = {
            email.lower()
            for email in EventInvitation.objects.filter(event=event).values_list(
                "email", flat=True
            )
        }
        result = InvitationsAdded()
        for email in emails:
            if email.lower() in existing:
                continue
            existing.add(email.lower())
            result.created.append(
                EventInvitation.objects.create(
                    event=event, email=email, invited_by=actor
                )
            )
        if not result.created:
            return result
        if not event.takes_applications():
            result.mails_withheld = True
            return result
        emailed = event_invitations_notify(event=event, invitations=result.created)
        for invitation in result.created:
            if invitation.pk in emailed:
                result.emailed.append(invitation)
            else:
                result.without_account.append(invitation)
    return result


# --- A deleted account ----------------------------------------------------------------

# What people wrote or told about themselves when applying or confirming, and the
# value each field goes back to when they delete their account.
PERSONAL_FIELDS = {
    "role": "",
    "gender": Gender.NOT_GIVEN,
    "motivation": "",
    "brings_title": "",
    "brings_description": "",
    "language_needs": "",
    "accessibility_needs": "",
    "dietary_needs": "",
}


@transaction.atomic
def registrations_account_deleted(*, user, emails: Iterable[str]) -> list[Registration]:
    """What becomes of a person's registrations and invitations when they delete
    their account (the ``community_user_deleted`` hook; ``user`` is pseudonymised
    already, ``emails`` are the addresses the account had).

    Registrations still under way for events that have not started are withdrawn as
    the person would withdraw them: checked against ``TRANSITIONS``, under the
    event's lock, logged with the reason "account deleted", and a freed place goes
    to the next person on the waitlist, who is told. The deleted account gets no
    mail. Once an event has started nobody can withdraw (by design), so those
    registrations keep their state.

    Then every registration of the person, past ones included, loses what they
    wrote or told about themselves (``PERSONAL_FIELDS``, an organisation typed in
    rather than chosen) and its log loses the reasons written before (the new
    withdrawal keeps its own). What stays is the bare fact of taking part: event,
    organisation, state and dates, and the consents as given, which organisers count
    for their statistics. Invitations to the person's addresses are deleted: they
    name the person and can no longer be used. Returns the withdrawn registrations.
    """
    # Clearing the log locks no registration, so it may come first; the withdrawals
    # then keep the event-before-registration lock order of every other service.
    RegistrationLog.objects.filter(registration__user_id=user.pk).exclude(
        reason=""
    ).update(reason="")
    withdrawn = []
    under_way = (
        Registration.objects.filter(user_id=user.pk, state__in=ACTIVE_STATES)
        .select_related("event")
        .order_by("event_id", "pk")
    )
    for registration in under_way:
        if registration.event.has_started:
            continue
        event, locked = _lock_registration(registration)
        if locked.state not in ACTIVE_STATES or event.has_started:
            continue
        withdrawn.append(
            _withdraw(
                event, locked, actor=user, reason=_("Account deleted by its owner.")
            )
        )
    registrations = Registration.objects.filter(user_id=user.pk)
    registrations.update(**PERSONAL_FIELDS)
    registrations.filter(organisation__isnull=True).update(organisation_name="")
    addresses = {email.strip().lower() for email in emails if email}
    if addresses:
        EventInvitation.objects.annotate(address=Lower("email")).filter(
            address__in=addresses
        ).delete()
    return withdrawn


# --- Many at once, and the periodic sweep -------------------------------------------


def registrations_decidable(*, registrations, to_state: str) -> list[Registration]:
    """Those of ``registrations`` that the table lets an organiser move to
    ``to_state`` now: the people a bulk decision would e-mail, counted on the
    organiser's confirmation page before anything changes. Capacity and the other
    checks come when the decision is taken, so fewer may change, never more."""
    return [
        registration
        for registration in registrations
        if ORGANISER in TRANSITIONS.get((registration.state, to_state), frozenset())
    ]


def registrations_bulk_transition(
    *, registrations, to_state: str, actor, reason: str = ""
) -> BulkResult:
    """Apply one organiser decision (accepted, waitlisted, declined: ``DECISIONS``)
    to many registrations, in the order given.

    Each registration gets its own transaction (each service call is atomic, and
    this function deliberately opens none around them), so one refusal (the event
    is full, a state that does not allow it) does not undo the others: refused ones
    come back with the reason, the rest are changed, logged and notified.
    """
    decide = DECISIONS.get(to_state)
    result = BulkResult()
    for registration in registrations:
        if decide is None:
            result.refused.append(
                (registration, _("Organisers cannot make this change for people."))
            )
            continue
        try:
            result.changed.append(
                decide(registration=registration, actor=actor, reason=reason)
            )
        except EventError as exc:
            result.refused.append((registration, exc.message))
    return result


def offers_expire(*, now: datetime | None = None) -> int:
    """Turn offers whose deadline has passed into ``declined`` (by the platform,
    reason "the offer expired", ``registration_declined``) and offer each place to
    the next person in line. Returns how many offers expired.

    One transaction per event, so one event's trouble does not hold up the others.
    Harmless to run again: an offer that was confirmed or expired meanwhile is no
    longer ``offered`` once its row is locked, and is skipped.
    """
    now = now or timezone.now()
    event_ids = (
        Registration.objects.filter(state=S.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event_id in list(event_ids):
        with transaction.atomic():
            event = _lock_event(EventPage.objects.get(pk=event_id))
            due = list(
                Registration.objects.select_for_update(of=("self",))
                .filter(event_id=event.pk, state=S.OFFERED, offer_expires_at__lte=now)
                .select_related("user")
                .order_by("offer_expires_at", "pk")
            )
            for registration in due:
                registration.event = event
                _set_state(
                    registration,
                    S.DECLINED,
                    who=PLATFORM,
                    actor=None,
                    reason=_("The offer expired."),
                    kind="registration_declined",
                    context={"expired": True},
                )
                expired += 1
            if due:
                _fill_freed_places(event)
    return expired
