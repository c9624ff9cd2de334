"""Every write of a peer exchange: the request, its way through the states, the
peers, missions, report, feedback, follow-up checkpoints and practitioners' offers.

Functions are keyword-only and run in one transaction; each locks the case's row
first. A state change is checked against ``exchanges.transitions.TRANSITIONS``
(state and role, through ``exchanges.permissions``), leaves an ``ExchangeLog`` row
(who, when, from, to, why) and writes one outbox notice per person who should hear
of it, with the dedupe key ``exchange:<id>:<log id>:<recipient id>`` (so each change
is announced exactly once). Refusals raise ``ExchangeError`` (``NotAllowed`` when
the actor lacks the right) with a message a person can read, and change nothing.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale, PageViewRestriction

from community import permissions as community_permissions
from community.models import Language, Organisation
from community.services import DELETED_USER_NAME
from core.errors import DomainError
from core.models import THEME_MISMATCH, Cluster, FieldOfAction, theme_mismatch
from events.models import EventIndexPage, EventInvitation, EventPage
from notifications.outbox import notify
from projects.models import Stage

from . import permissions as rules
from .models import (
    MAX_GUIDING_QUESTIONS,
    REASON_MAX,
    SHORT_TEXT_MAX,
    TEXT_MAX,
    TITLE_MAX,
    AdoptionLevel,
    CandidateState,
    CheckpointMonth,
    ExchangeActionItem,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeFeedback,
    ExchangeLog,
    ExchangeMission,
    ExchangeOffer,
    ExchangeState,
    MissionKind,
    PeerExchange,
)
from .transitions import (
    AGREEMENT_STATES,
    ANSWER_STATES,
    EDIT_STATES,
    FEEDBACK_STATES,
    FRAMING_STATES,
    INVITE_STATES,
    MANAGER,
    MISSION_STATES,
    PEER_STATES,
    REQUESTER,
    SHORTLIST_STATES,
    TRANSITIONS,
    VOLUNTEER_STATES,
)

S = ExchangeState
MAX_ACTION_ITEMS = 30
MAX_INVITES_AT_ONCE = 20


class ExchangeError(DomainError):
    """A request the rules of peer exchanges do not allow."""


class NotAllowed(ExchangeError):
    """The actor lacks the right for this action."""


# Text as the person typed it, stripped; too long (or missing) is an ExchangeError.
_clean_text = ExchangeError.clean_text


# The event format of the invite-only event page a mission can get.
MISSION_EVENT_FORMAT = {
    MissionKind.EXPERT_MISSION: "expert_mission",
    MissionKind.STUDY_VISIT: "study_tour",
    MissionKind.ONLINE_CONSULTATION: "webinar",
    MissionKind.LOCAL_PROJECT_WORKSHOP: "local_project_workshop",
}


# --- Helpers --------------------------------------------------------------------------


def _clean_codes(values, *, choices, label: str) -> list[str]:
    allowed = {code for code, _label in choices}
    values = list(dict.fromkeys(values or []))
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ExchangeError(
            _("Unknown %(field)s: %(values)s.")
            % {"field": label, "values": ", ".join(map(str, unknown))}
        )
    return values


def _default_locale_row(row, model, label: str):
    """Taxonomy rows of the default language (what every other app points at)."""
    if row is None:
        return None
    if not isinstance(row, model):
        raise ExchangeError(_("Unknown %(field)s.") % {"field": label})
    return row


def _theme(cluster, field_of_action) -> tuple:
    """The cluster and field of action (ids or rows, either may be empty) as rows
    of the default language; a field alone brings its cluster."""
    cluster = _default_locale_row(cluster, Cluster, _("cluster"))
    field_of_action = _default_locale_row(
        field_of_action, FieldOfAction, _("field of action")
    )
    if theme_mismatch(cluster, field_of_action):
        raise ExchangeError(str(THEME_MISMATCH))
    if field_of_action is not None and cluster is None:
        cluster = field_of_action.cluster
    return cluster, field_of_action


def _lock(exchange: PeerExchange) -> PeerExchange:
    try:
        return (
            PeerExchange.objects.select_for_update(of=("self",))
            .select_related("organisation__region", "cluster", "field_of_action")
            .get(pk=exchange.pk)
        )
    except PeerExchange.DoesNotExist as exc:
        raise ExchangeError(_("This request does not exist (any more).")) from exc


def _log(
    exchange: PeerExchange, action: str, from_state: str, actor, reason: str = ""
) -> ExchangeLog:
    return ExchangeLog.record(
        exchange=exchange,
        action=action,
        from_state=from_state,
        to_state=exchange.state,
        actor=actor,
        reason=reason,
    )


def _path_for(recipient, exchange: PeerExchange) -> str:
    """Where the recipient follows the case: the admin for people who manage it,
    the site for the city and the peers."""
    try:
        if rules.can_manage_exchange(recipient, exchange):
            return reverse("exchange_admin_detail", args=(exchange.pk,))
        return reverse("exchange_detail", args=(exchange.pk,))
    except NoReverseMatch:  # URLs not wired (e.g. a minimal test URLconf)
        return ""


def _case_handlers(exchange: PeerExchange) -> list:
    """Who handles the case now: its case manager, or while it has none, the
    coordinators in its scope."""
    if exchange.case_manager_id:
        return [exchange.case_manager]
    return list(rules.coordinators_for(exchange))


def _announce(
    exchange: PeerExchange,
    log: ExchangeLog,
    kind: str,
    recipients: Iterable,
    *,
    actor=None,
    context: dict | None = None,
) -> int:
    """One outbox notice per recipient (never the actor), keyed by the log row."""
    seen: set[int] = set()
    count = 0
    actor_id = getattr(actor, "pk", None)
    for recipient in recipients:
        if recipient is None or recipient.pk in seen or recipient.pk == actor_id:
            continue
        seen.add(recipient.pk)
        notify(
            recipient=recipient,
            kind=kind,
            dedupe_key=f"exchange:{exchange.pk}:{log.pk}:{recipient.pk}",
            subject_object=exchange,
            context={
                "exchange_title": exchange.title,
                "city": exchange.organisation.name,
                "state": exchange.state,
                "reason": log.reason,
                "path": _path_for(recipient, exchange),
                **(context or {}),
            },
        )
        count += 1
    return count


def _peers(exchange: PeerExchange) -> list:
    return [
        candidate.user
        for candidate in exchange.candidates.filter(
            state=CandidateState.OPTED_IN
        ).select_related("user")
    ]


def state_change_recipients(exchange: PeerExchange) -> list:
    """Who hears that the case reached its current state: the person who filed it
    and the case manager; while nobody manages it yet, every coordinator in scope;
    once peers are confirmed, the peers too."""
    people = [exchange.created_by, exchange.case_manager]
    if exchange.case_manager_id is None and exchange.state in (
        S.SUBMITTED,
        S.RESUBMITTED,
        S.WITHDRAWN,
    ):
        people += list(rules.coordinators_for(exchange))
    if exchange.state in PEER_STATES:
        people += _peers(exchange)
    return people


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ExchangeError(message)


def _check_preconditions(exchange: PeerExchange, action: str) -> None:
    """What a case must hold before it may move on."""
    if action == "start_matching":
        _require(
            bool(exchange.guiding_questions) and bool(exchange.desired_change),
            _(
                "Frame the request first: at least one guiding question and the "
                "change the city wants."
            ),
        )
    elif action == "confirm_peers":
        _require(
            exchange.candidates.filter(state=CandidateState.OPTED_IN).exists(),
            _("No peer has opted in yet."),
        )
    elif action == "start_missions":
        _require(
            bool(exchange.objectives.strip()),
            _("Write down at least the objectives of the agreement first."),
        )
    elif action == "start_report":
        _require(exchange.missions.exists(), _("Schedule at least one mission first."))
    elif action == "file_report":
        _require(
            bool(exchange.findings.strip()) and exchange.action_items.exists(),
            _("The report needs findings and at least one action item."),
        )


def _check_role(actor, exchange: PeerExchange, role: str, message: str) -> None:
    if role not in rules.roles_for(actor, exchange):
        raise NotAllowed(message)


def _check_state(exchange: PeerExchange, states: Sequence[str], doing: str) -> None:
    if exchange.state not in states:
        raise ExchangeError(
            _("This request is “%(state)s”: %(doing)s is not possible now.")
            % {"state": exchange.get_state_display(), "doing": doing}
        )


# --- State changes --------------------------------------------------------------------


@transaction.atomic
def exchange_transition(
    *, exchange: PeerExchange, action: str, actor, reason: str = ""
) -> PeerExchange:
    """Take one step of ``TRANSITIONS`` on the case, log it and tell everyone who
    should hear of it."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ExchangeError(_("Unknown action."))
    locked = _lock(exchange)
    barrier = rules.transition_barrier(actor, locked, action)
    if barrier == "role":
        raise NotAllowed(_("You may not do this with this request."))
    if barrier == "state":
        raise ExchangeError(
            _("This request is “%(state)s”: “%(action)s” is not possible now.")
            % {"state": locked.get_state_display(), "action": transition.label}
        )
    reason = _clean_text(reason, limit=REASON_MAX, label=_("Reason"))
    if transition.reason_required and not reason:
        raise ExchangeError(_("Please give a reason."))
    _check_preconditions(locked, action)
    from_state = locked.state
    locked.state = transition.target
    locked.state_changed_at = timezone.now()
    fields = ["state", "state_changed_at", "updated_at"]
    if action == "accept":
        locked.case_manager = actor
        fields.append("case_manager")
    if action == "file_report":
        locked.report_filed_at = locked.state_changed_at
        fields.append("report_filed_at")
    locked.save(update_fields=fields)
    log = _log(locked, action, from_state, actor, reason)
    _announce(
        locked,
        log,
        f"exchange_{locked.state}",
        state_change_recipients(locked),
        actor=actor,
        context={"from_state": from_state},
    )
    return locked


def _transition_service(action: str, doc: str):
    def service(*, exchange: PeerExchange, actor, reason: str = "") -> PeerExchange:
        return exchange_transition(
            exchange=exchange, action=action, actor=actor, reason=reason
        )

    service.__name__ = service.__qualname__ = f"exchange_{action}"
    service.__doc__ = doc
    return service


exchange_submit = _transition_service("submit", "The city sends its draft.")
exchange_start_review = _transition_service(
    "start_review", "A coordinator starts checking eligibility."
)
exchange_request_revision = _transition_service(
    "request_revision", "The city is asked to revise the request (with a reason)."
)
exchange_resubmit = _transition_service("resubmit", "The city sends it again.")
exchange_reject = _transition_service(
    "reject", "Not eligible, with a reason the city reads."
)
exchange_accept = _transition_service(
    "accept", "Accepted; the coordinator who accepts becomes case manager."
)
exchange_start_framing = _transition_service("start_framing", "Framing begins.")
exchange_start_matching = _transition_service(
    "start_matching", "Matching begins (needs a framed request)."
)
exchange_confirm_peers = _transition_service(
    "confirm_peers", "The peers who opted in are confirmed."
)
exchange_start_agreement = _transition_service(
    "start_agreement", "The agreement is drawn up."
)
exchange_start_missions = _transition_service(
    "start_missions", "The agreement stands (objectives at least); missions begin."
)
exchange_start_report = _transition_service(
    "start_report", "Missions are done (at least one); the report is written."
)
exchange_file_report = _transition_service(
    "file_report", "The report (findings, action items) is filed; follow-up begins."
)
exchange_close = _transition_service("close", "The case is closed.")
exchange_withdraw = _transition_service(
    "withdraw", "The city withdraws the request (with a reason)."
)
exchange_cancel = _transition_service(
    "cancel", "Coordinators cancel the case (with a reason)."
)


# --- The request ----------------------------------------------------------------------


def _request_values(
    *,
    title: str,
    challenge: str,
    cluster: Cluster | None,
    field_of_action: FieldOfAction | None,
    formats: Sequence[str],
    languages: Sequence[str],
    timeframe: str,
    show_to_members: bool,
    summary: str,
) -> dict:
    cluster, field_of_action = _theme(cluster, field_of_action)
    values = {
        "title": _clean_text(title, limit=TITLE_MAX, label=_("Title"), required=True),
        "challenge": _clean_text(
            challenge, limit=TEXT_MAX, label=_("Challenge"), required=True
        ),
        "cluster": cluster,
        "field_of_action": field_of_action,
        "formats": _clean_codes(
            formats, choices=MissionKind.choices, label=_("format")
        ),
        "languages": _clean_codes(
            languages, choices=Language.choices, label=_("language")
        ),
        "timeframe": _clean_text(timeframe, limit=TITLE_MAX, label=_("Timeframe")),
        "show_to_members": bool(show_to_members),
        "summary": _clean_text(summary, limit=SHORT_TEXT_MAX, label=_("Summary")),
    }
    if values["show_to_members"] and not values["summary"]:
        raise ExchangeError(
            _("Write the summary members will see, or do not show the request.")
        )
    return values


def exchange_create(
    *,
    user,
    organisation: Organisation,
    title: str,
    challenge: str,
    cluster: Cluster | None = None,
    field_of_action: FieldOfAction | None = None,
    formats: Sequence[str] = (),
    languages: Sequence[str] = (),
    timeframe: str = "",
    show_to_members: bool = False,
    summary: str = "",
    submit: bool = False,
) -> PeerExchange:
    """File a request for a city the user is verified staff (or focal point) of;
    a draft, or submitted at once with ``submit``."""
    if not rules.may_file_requests(user):
        raise NotAllowed(
            _(
                "Only verified staff of a member city can request a peer exchange. "
                "Add your affiliation on your profile and wait for its verification."
            )
        )
    if (
        organisation is None
        or not rules.requesting_organisations(user).filter(pk=organisation.pk).exists()
    ):
        raise NotAllowed(
            _("You can request peer exchanges only for a member city you work for.")
        )
    values = _request_values(
        title=title,
        challenge=challenge,
        cluster=cluster,
        field_of_action=field_of_action,
        formats=formats,
        languages=languages,
        timeframe=timeframe,
        show_to_members=show_to_members,
        summary=summary,
    )
    with transaction.atomic():
        exchange = PeerExchange.objects.create(
            organisation=organisation, created_by=user, **values
        )
        _log(exchange, "create", "", user)
        if submit:
            exchange = exchange_submit(exchange=exchange, actor=user)
    return exchange


@transaction.atomic
def exchange_update(
    *,
    exchange: PeerExchange,
    user,
    title: str,
    challenge: str,
    cluster: Cluster | None = None,
    field_of_action: FieldOfAction | None = None,
    formats: Sequence[str] = (),
    languages: Sequence[str] = (),
    timeframe: str = "",
    show_to_members: bool = False,
    summary: str = "",
) -> PeerExchange:
    """Change the request while it is a draft or was sent back for revision."""
    locked = _lock(exchange)
    _check_role(user, locked, REQUESTER, _("Only the city can change its request."))
    _check_state(locked, EDIT_STATES, _("changing the request"))
    values = _request_values(
        title=title,
        challenge=challenge,
        cluster=cluster,
        field_of_action=field_of_action,
        formats=formats,
        languages=languages,
        timeframe=timeframe,
        show_to_members=show_to_members,
        summary=summary,
    )
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save()
    return locked


@transaction.atomic
def exchange_frame(
    *,
    exchange: PeerExchange,
    actor,
    guiding_questions: Sequence[str],
    desired_change: str,
) -> PeerExchange:
    """Up to three guiding questions and the change the city wants (city or case
    manager, from acceptance until matching)."""
    locked = _lock(exchange)
    if not rules.roles_for(actor, locked):
        raise NotAllowed(_("You may not frame this request."))
    _check_state(locked, FRAMING_STATES, _("framing"))
    questions = [
        _clean_text(question, limit=SHORT_TEXT_MAX, label=_("Guiding question"))
        for question in guiding_questions
    ]
    questions = [question for question in questions if question]
    if len(questions) > MAX_GUIDING_QUESTIONS:
        raise ExchangeError(_("At most three guiding questions, please."))
    locked.guiding_questions = questions
    locked.desired_change = _clean_text(
        desired_change, limit=TEXT_MAX, label=_("The change the city wants")
    )
    locked.save(update_fields=["guiding_questions", "desired_change", "updated_at"])
    _log(locked, "frame", locked.state, actor)
    return locked


# --- Peers ----------------------------------------------------------------------------


def _candidate_users(exchange: PeerExchange, users: Iterable) -> list:
    """Active people who are not staff of the requesting city, or an error."""
    ids = sorted({getattr(user, "pk", user) for user in users})
    if not ids:
        raise ExchangeError(_("Choose at least one person."))
    if len(ids) > MAX_INVITES_AT_ONCE:
        raise ExchangeError(
            _("At most %(count)d people at once, please.")
            % {"count": MAX_INVITES_AT_ONCE}
        )
    found = list(
        get_user_model().objects.filter(
            pk__in=ids, is_active=True, is_pseudonymised=False
        )
    )
    if len(found) != len(ids):
        raise ExchangeError(_("One of the chosen people does not exist."))
    for user in found:
        if rules.is_requester(user, exchange):
            raise ExchangeError(
                _("%(name)s works for the requesting city and cannot be its peer.")
                % {"name": user}
            )
    return found


@transaction.atomic
def exchange_shortlist(
    *, exchange: PeerExchange, actor, users: Iterable, scores: dict | None = None
) -> list[ExchangeCandidate]:
    """Put people on the case's shortlist (nobody is told yet)."""
    locked = _lock(exchange)
    _check_role(actor, locked, MANAGER, _("Only the case manager can shortlist."))
    _check_state(locked, SHORTLIST_STATES, _("shortlisting"))
    added = []
    for user in _candidate_users(locked, users):
        candidate, created = ExchangeCandidate.objects.get_or_create(
            exchange=locked,
            user=user,
            defaults={"score": (scores or {}).get(user.pk)},
        )
        if created:
            added.append(candidate)
            _log(locked, "shortlist", locked.state, actor, str(user))
    return added


@transaction.atomic
def exchange_invite(
    *,
    exchange: PeerExchange,
    actor,
    users: Iterable,
    scores: dict | None = None,
    note: str = "",
) -> list[ExchangeCandidate]:
    """Invite people as peers; each gets a notice with a link to opt in or decline.
    People already invited or who answered are left alone."""
    locked = _lock(exchange)
    _check_role(actor, locked, MANAGER, _("Only the case manager can invite peers."))
    _check_state(locked, INVITE_STATES, _("inviting peers"))
    note = _clean_text(note, limit=REASON_MAX, label=_("Note"))
    invited = []
    now = timezone.now()
    for user in _candidate_users(locked, users):
        candidate, _created = (
            ExchangeCandidate.objects.select_for_update().get_or_create(
                exchange=locked,
                user=user,
                defaults={"score": (scores or {}).get(user.pk)},
            )
        )
        if candidate.state not in (
            CandidateState.SHORTLISTED,
            CandidateState.VOLUNTEERED,
        ):
            continue
        candidate.state = CandidateState.INVITED
        candidate.invited_at = now
        candidate.note = note or candidate.note
        if scores and user.pk in scores:
            candidate.score = scores[user.pk]
        candidate.save()
        log = _log(locked, "invite", locked.state, actor, str(user))
        _announce(
            locked,
            log,
            "exchange_invitation",
            [user],
            actor=actor,
            context={"candidate_id": candidate.pk, "path": _invitation_path(candidate)},
        )
        invited.append(candidate)
    return invited


def _invitation_path(candidate: ExchangeCandidate) -> str:
    try:
        return reverse("exchange_invitation", args=(candidate.pk,))
    except NoReverseMatch:
        return ""


@transaction.atomic
def candidate_respond(
    *, candidate: ExchangeCandidate, user, opt_in: bool, reason: str = ""
) -> ExchangeCandidate:
    """The invited person opts in, or declines with a reason; the case manager and
    the city hear of it."""
    if not getattr(user, "is_authenticated", False) or candidate.user_id != user.pk:
        raise NotAllowed(_("This invitation is not yours."))
    locked = _lock(candidate.exchange)
    candidate = ExchangeCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.state != CandidateState.INVITED:
        raise ExchangeError(
            _("You have already answered this invitation (%(state)s).")
            % {"state": candidate.get_state_display()}
        )
    _check_state(locked, ANSWER_STATES, _("answering the invitation"))
    reason = _clean_text(reason, limit=REASON_MAX, label=_("Reason"))
    if not opt_in and not reason:
        raise ExchangeError(_("Please tell the case manager why you decline."))
    candidate.state = CandidateState.OPTED_IN if opt_in else CandidateState.DECLINED
    candidate.reason = "" if opt_in else reason
    candidate.responded_at = timezone.now()
    candidate.save()
    action = "opt_in" if opt_in else "decline"
    log = _log(locked, action, locked.state, user, reason)
    recipients = _case_handlers(locked)
    if opt_in:
        recipients.append(locked.created_by)
    _announce(
        locked,
        log,
        "exchange_opted_in" if opt_in else "exchange_declined",
        recipients,
        actor=user,
        context={"peer": str(user)},
    )
    return candidate


@transaction.atomic
def exchange_volunteer(
    *, exchange: PeerExchange, user, note: str = ""
) -> ExchangeCandidate:
    """A verified member offers to be a peer for a request its city shows."""
    if not community_permissions.is_verified_member_staff(user):
        raise NotAllowed(_("Only verified staff of member cities can volunteer."))
    locked = _lock(exchange)
    if not locked.show_to_members:
        raise NotAllowed(_("This request is not open for volunteers."))
    _check_state(locked, VOLUNTEER_STATES, _("volunteering"))
    if rules.is_requester(user, locked):
        raise ExchangeError(_("You work for the requesting city."))
    note = _clean_text(note, limit=REASON_MAX, label=_("What you can offer"))
    candidate, created = ExchangeCandidate.objects.get_or_create(
        exchange=locked,
        user=user,
        defaults={"state": CandidateState.VOLUNTEERED, "note": note},
    )
    if not created:
        raise ExchangeError(_("You are already on the list of possible peers."))
    log = _log(locked, "volunteer", locked.state, user, note)
    recipients = _case_handlers(locked)
    _announce(
        locked,
        log,
        "exchange_volunteered",
        recipients,
        actor=user,
        context={"peer": str(user)},
    )
    return candidate


# --- Agreement, missions, report, follow-up ---------------------------------------


@transaction.atomic
def exchange_agreement_save(
    *,
    exchange: PeerExchange,
    actor,
    objectives: str,
    agenda: str = "",
    roles: str = "",
    costs: str = "",
) -> PeerExchange:
    """Objectives, agenda, roles and who pays what."""
    locked = _lock(exchange)
    _check_role(actor, locked, MANAGER, _("Only the case manager can edit this."))
    _check_state(locked, AGREEMENT_STATES, _("editing the agreement"))
    locked.objectives = _clean_text(objectives, limit=TEXT_MAX, label=_("Objectives"))
    locked.agenda = _clean_text(agenda, limit=TEXT_MAX, label=_("Agenda"))
    locked.roles = _clean_text(roles, limit=TEXT_MAX, label=_("Roles"))
    locked.costs = _clean_text(costs, limit=TEXT_MAX, label=_("Who pays what"))
    locked.save()
    _log(locked, "agreement", locked.state, actor)
    return locked


def mission_participants(exchange: PeerExchange) -> list:
    """The peers who opted in and the person who filed the request."""
    people = [*_peers(exchange)]
    if exchange.created_by is not None:
        people.append(exchange.created_by)
    return people


# The length of ``EventPage.online_link``.
LINK_MAX = 200


def _mission_slug(exchange: PeerExchange, index) -> str:
    """A slug for the case's next mission page, free among the calendar's pages:
    the case's id and its own count of missions (the caller holds the case's row
    lock, so two missions of one case cannot take the same number; a number left
    by a deleted mission is skipped)."""
    number = exchange.missions.count() + 1
    taken = set(
        index.get_children()
        .filter(slug__startswith=f"exchange-{exchange.pk}-mission-")
        .values_list("slug", flat=True)
    )
    while f"exchange-{exchange.pk}-mission-{number}" in taken:
        number += 1
    return f"exchange-{exchange.pk}-mission-{number}"


def _mission_event_page(
    exchange: PeerExchange,
    *,
    kind: str,
    title: str,
    starts_on: date,
    ends_on,
    place,
    online_link: str = "",
) -> EventPage:
    """An invite-only event page for the mission, under the event calendar.

    Published so that invited people can open it and register the usual way, but
    restricted to signed-in people, which keeps it out of the public calendar,
    search, feeds and API (they list only ``public()`` pages). An online
    consultation gets the link the case manager gave, or none: the page then says
    the link will follow, and setting it later on the page tells the participants
    (``event_changed``)."""
    index = EventIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ExchangeError(
            _("There is no event calendar page yet to put the mission's page under.")
        )
    tz = timezone.get_current_timezone()
    starts_at = timezone.make_aware(datetime.combine(starts_on, time(9)), tz)
    ends_at = (
        timezone.make_aware(datetime.combine(ends_on, time(17)), tz)
        if ends_on
        else None
    )
    page = EventPage(
        title=title,
        teaser=_("A mission of the peer exchange “%(title)s”.")
        % {"title": exchange.title},
        event_format=MISSION_EVENT_FORMAT[kind],
        starts_at=starts_at,
        ends_at=ends_at,
        venue_city=place[:120],
        host_city=exchange.organisation,
        region=exchange.organisation.region,
        cluster=exchange.cluster,
        field_of_action=exchange.field_of_action,
        working_languages=exchange.languages,
        applications_open=timezone.now(),
        applications_close=starts_at,
        eligibility="invited",
        selection_mode="first_come",
        attendance_mode=(
            "online" if kind == MissionKind.ONLINE_CONSULTATION else "in_person"
        ),
        online_link=online_link if kind == MissionKind.ONLINE_CONSULTATION else "",
    )
    page.slug = _mission_slug(exchange, index)
    index.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


@transaction.atomic
def mission_schedule(
    *,
    exchange: PeerExchange,
    actor,
    kind: str,
    title: str,
    starts_on: date,
    ends_on: date | None = None,
    place: str = "",
    event: EventPage | None = None,
    create_event_page: bool = False,
    online_link: str = "",
) -> ExchangeMission:
    """Schedule a mission. Its participants (the peers and the city) are invited to
    its event page – an existing one, or a new invite-only page – and register
    there like for any event, with the same notices. ``online_link`` is the
    meeting link of an online consultation's new page (optional)."""
    locked = _lock(exchange)
    _check_role(actor, locked, MANAGER, _("Only the case manager can schedule."))
    _check_state(locked, MISSION_STATES, _("scheduling a mission"))
    if kind not in MissionKind.values:
        raise ExchangeError(_("Unknown kind of mission."))
    title = _clean_text(title, limit=TITLE_MAX, label=_("Title"), required=True)
    place = _clean_text(place, limit=TITLE_MAX, label=_("Place"))
    if not isinstance(starts_on, date):
        raise ExchangeError(_("Give the date the mission starts."))
    if ends_on is not None and ends_on < starts_on:
        raise ExchangeError(_("The mission cannot end before it starts."))
    if event is not None and create_event_page:
        raise ExchangeError(_("Link an event page or create one, not both."))
    online_link = (online_link or "").strip()
    if online_link:
        if kind != MissionKind.ONLINE_CONSULTATION or not create_event_page:
            raise ExchangeError(
                _(
                    "An online link is only taken for an online consultation with "
                    "a new event page; set it on an existing page in the editor."
                )
            )
        try:
            if len(online_link) > LINK_MAX:
                raise ValidationError("too long")
            URLValidator(schemes=["https", "http"])(online_link)
        except ValidationError as error:
            raise ExchangeError(_("The online link is not a valid web address.")) from (
                error
            )
    if create_event_page:
        event = _mission_event_page(
            locked,
            kind=kind,
            title=title,
            starts_on=starts_on,
            ends_on=ends_on,
            place=place,
            online_link=online_link,
        )
    mission = ExchangeMission.objects.create(
        exchange=locked,
        kind=kind,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        place=place,
        event=event,
    )
    participants = mission_participants(locked)
    if event is not None:
        canonical = event.canonical
        for person in participants:
            EventInvitation.objects.get_or_create(
                event=canonical,
                email=person.email.lower(),
                defaults={"invited_by": actor},
            )
    log = _log(locked, "mission", locked.state, actor, title)
    _announce(
        locked,
        log,
        "exchange_mission_scheduled",
        participants,
        actor=actor,
        context={
            "mission_title": title,
            "mission_kind": kind,
            "starts_on": starts_on.isoformat(),
            "place": place,
            "event_path": event.url if event is not None and event.url else "",
        },
    )
    return mission


@transaction.atomic
def exchange_report_save(
    *,
    exchange: PeerExchange,
    actor,
    findings: str,
    recommendations: str = "",
    action_items: Sequence[dict] = (),
) -> PeerExchange:
    """The report's findings, recommendations and action items (each with an owner
    and a due date); the action items given replace the earlier ones."""
    locked = _lock(exchange)
    _check_role(actor, locked, MANAGER, _("Only the case manager writes the report."))
    _check_state(locked, (S.REPORT,), _("writing the report"))
    locked.findings = _clean_text(findings, limit=TEXT_MAX, label=_("Findings"))
    locked.recommendations = _clean_text(
        recommendations, limit=TEXT_MAX, label=_("Recommendations")
    )
    if len(action_items) > MAX_ACTION_ITEMS:
        raise ExchangeError(
            _("At most %(count)d action items.") % {"count": MAX_ACTION_ITEMS}
        )
    items = []
    for item in action_items:
        description = _clean_text(
            item.get("description"),
            limit=SHORT_TEXT_MAX,
            label=_("Action item"),
            required=True,
        )
        owner = _clean_text(
            item.get("owner"), limit=TITLE_MAX, label=_("Owner"), required=True
        )
        due_on = item.get("due_on")
        if not isinstance(due_on, date):
            raise ExchangeError(
                _("Give a due date for “%(item)s”.") % {"item": description}
            )
        items.append(
            ExchangeActionItem(
                exchange=locked,
                description=description,
                owner=owner,
                due_on=due_on,
                done=bool(item.get("done")),
            )
        )
    locked.save()
    locked.action_items.all().delete()
    ExchangeActionItem.objects.bulk_create(items)
    _log(locked, "report", locked.state, actor)
    return locked


@transaction.atomic
def feedback_give(
    *, exchange: PeerExchange, user, rating: int, comment: str = ""
) -> ExchangeFeedback:
    """A participant (a peer who opted in, or the city's staff) rates the
    exchange once the report is being written."""
    locked = _lock(exchange)
    is_peer = locked.candidates.filter(
        user_id=getattr(user, "pk", None), state=CandidateState.OPTED_IN
    ).exists()
    if not (is_peer or rules.is_requester(user, locked)):
        raise NotAllowed(_("Only participants can give feedback."))
    _check_state(locked, FEEDBACK_STATES, _("giving feedback"))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ExchangeError(_("Rate the exchange from 1 to 5."))
    comment = _clean_text(comment, limit=REASON_MAX, label=_("Comment"))
    try:
        with transaction.atomic():
            feedback = ExchangeFeedback.objects.create(
                exchange=locked, user=user, rating=rating, comment=comment
            )
    except IntegrityError as exc:
        raise ExchangeError(_("You have already given your feedback.")) from exc
    _log(locked, "feedback", locked.state, user)
    return feedback


@transaction.atomic
def checkpoint_record(
    *,
    exchange: PeerExchange,
    actor,
    month: int,
    what_changed: str,
    adoption: str,
    project_stage: str,
) -> ExchangeCheckpoint:
    """A follow-up checkpoint (3, 6 or 12 months after the report), by the city
    or the case manager; each checkpoint once."""
    locked = _lock(exchange)
    if not rules.roles_for(actor, locked):
        raise NotAllowed(_("You may not record checkpoints for this request."))
    _check_state(locked, (S.FOLLOW_UP,), _("recording a checkpoint"))
    if month not in CheckpointMonth.values:
        raise ExchangeError(_("Checkpoints are at 3, 6 or 12 months."))
    if adoption not in AdoptionLevel.values:
        raise ExchangeError(_("Unknown adoption level."))
    if project_stage not in Stage.values:
        raise ExchangeError(_("Unknown project stage."))
    what_changed = _clean_text(
        what_changed, limit=TEXT_MAX, label=_("What changed"), required=True
    )
    try:
        with transaction.atomic():
            checkpoint = ExchangeCheckpoint.objects.create(
                exchange=locked,
                month=month,
                what_changed=what_changed,
                adoption=adoption,
                project_stage=project_stage,
                recorded_by=actor,
            )
    except IntegrityError as exc:
        raise ExchangeError(
            _("The %(month)d-month checkpoint is already recorded.") % {"month": month}
        ) from exc
    log = _log(locked, "checkpoint", locked.state, actor, f"{month}")
    _announce(
        locked,
        log,
        "exchange_checkpoint",
        [locked.created_by, locked.case_manager],
        actor=actor,
        context={"month": month, "adoption": adoption},
    )
    return checkpoint


# --- A deleted account --------------------------------------------------------------

# Candidacies on open cases that the person never answered for: they just go.
_UNANSWERED = (CandidateState.SHORTLISTED, CandidateState.VOLUNTEERED)
# Candidacies on open cases the case manager counts on: they become "declined".
_COUNTED_ON = (CandidateState.INVITED, CandidateState.OPTED_IN)
# Log actions whose reason holds the candidate's own words.
_OWN_WORDS_ACTIONS = ("volunteer", "decline")
# Log actions whose reason is the candidate's name (see ``exchange_shortlist``).
_NAMED_ACTIONS = ("shortlist", "invite")


@transaction.atomic
def exchanges_account_deleted(*, user, former_name: str) -> None:
    """What becomes of a person's part in peer exchanges when they delete their
    account (the ``community_user_deleted`` hook; ``user`` is pseudonymised
    already, ``former_name`` is what the logs called them).

    Gone: their offers to peers (they only fed the matching with someone who left);
    on open cases, candidacies nobody acted on yet (shortlisted, or volunteered with
    the person's note), with a log row. On open cases an invitation or an opt-in
    becomes "declined" with the reason "account deleted", logged, and the case
    manager (or, without one, the coordinators) hear of it: they count on the peer.

    Cleared: the notes and reasons of every candidacy, the comment of their
    feedback (the rating stays for the programme's figures), the reasons they wrote
    when volunteering or declining, and their former name in the log of the cases
    they were shortlisted or invited for (replaced by "Deleted user").

    Kept: requests they filed, open or closed, with ``created_by`` on the
    pseudonymised account. A request is the city's, not the person's: any verified
    staff of the city may carry it on, withdraw or close it, and the person, no
    longer acting for the city once the account is deleted, may not withdraw it
    (``TRANSITIONS`` gives that to the requester role). Likewise the candidacies of
    cases that are over, reports, agreements and checkpoints they wrote, and the
    state changes they made stay as the city's and the programme's record.
    """
    ExchangeOffer.objects.filter(user=user).delete()
    logs = ExchangeLog.objects.filter(
        exchange__candidates__user=user, action__in=_NAMED_ACTIONS
    )
    if former_name:
        logs.filter(reason=former_name).update(reason=DELETED_USER_NAME)
    ExchangeLog.objects.filter(actor=user, action__in=_OWN_WORDS_ACTIONS).exclude(
        reason=""
    ).update(reason="")
    ExchangeFeedback.objects.filter(user=user).update(comment="")
    open_cases = (
        PeerExchange.objects.open()
        .filter(
            candidates__user=user,
            candidates__state__in=(*_UNANSWERED, *_COUNTED_ON),
        )
        .order_by("pk")
        .distinct()
    )
    reason = _("Account deleted by its owner.")
    declined = []
    for exchange in open_cases:
        # Case first, then the candidacy: the order of every other service.
        locked = _lock(exchange)
        candidate = (
            ExchangeCandidate.objects.select_for_update()
            .filter(exchange=locked, user=user)
            .first()
        )
        if candidate is None or not locked.is_open:
            continue
        if candidate.state in _UNANSWERED:
            candidate.delete()
            _log(locked, "remove_candidate", locked.state, user, reason)
            continue
        if candidate.state not in _COUNTED_ON:
            continue
        candidate.state = CandidateState.DECLINED
        candidate.note = ""
        candidate.reason = reason
        candidate.responded_at = timezone.now()
        candidate.save()
        declined.append(candidate.pk)
        log = _log(locked, "decline", locked.state, user, reason)
        recipients = _case_handlers(locked)
        _announce(
            locked,
            log,
            "exchange_declined",
            recipients,
            actor=user,
            context={"peer": DELETED_USER_NAME},
        )
    ExchangeCandidate.objects.filter(user=user).exclude(pk__in=declined).update(
        note="", reason=""
    )


# --- Offers ---------------------------------------------------------------------------


def offer_publish(
    *,
    user,
    kind: str,
    topic: str,
    description: str = "",
    cluster: Cluster | None = None,
    field_of_action: FieldOfAction | None = None,
    languages: Sequence[str] = (),
) -> ExchangeOffer:
    """A verified member offers something to peers (“I can host a study visit on
    X”); the matching ranks them higher for requests on that theme."""
    if not community_permissions.is_verified_member_staff(user):
        raise NotAllowed(
            _("Only verified staff of member cities can publish offers to peers.")
        )
    if kind not in MissionKind.values:
        raise ExchangeError(_("Unknown kind of offer."))
    cluster, field_of_action = _theme(cluster, field_of_action)
    with transaction.atomic():
        return ExchangeOffer.objects.create(
            user=user,
            kind=kind,
            topic=_clean_text(topic, limit=TITLE_MAX, label=_("Topic"), required=True),
            description=_clean_text(
                description, limit=SHORT_TEXT_MAX * 2, label=_("Details")
            ),
            cluster=cluster,
            field_of_action=field_of_action,
            languages=_clean_codes(
                languages, choices=Language.choices, label=_("language")
            ),
        )


@transaction.atomic
def offer_end(*, offer: ExchangeOffer, user) -> ExchangeOffer:
    """Take an offer back; it no longer feeds the matching."""
    if not getattr(user, "is_authenticated", False) or offer.user_id != user.pk:
        raise NotAllowed(_("This offer is not yours."))
    offer.is_active = False
    offer.save(update_fields=["is_active"])
    return offer
