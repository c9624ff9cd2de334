"""The workflow of a peer exchange as data: which step leads from which states to
which, who (the requesting city or the people who manage the case) may take it,
and in which states each part of the case can be worked on.

``exchanges.permissions`` answers "may this person take this step now?" from this
table and ``exchanges.services`` takes the step; both read it here, so neither
imports the other for it.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from .models import OPEN_STATES, ExchangeState

S = ExchangeState

# The two roles that act on a case (see ``exchanges.permissions``).
REQUESTER = "requester"
MANAGER = "manager"


@dataclass(frozen=True)
class Transition:
    """One allowed change of a case's state: from which states, to which, by whom,
    and whether the actor must say why."""

    action: str
    sources: tuple[str, ...]
    target: str
    role: str
    label: Promise
    reason_required: bool = False


# Every allowed change of state; anything else is refused. Withdrawing (the city)
# and cancelling (the coordinators) are possible from every open state.
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "submit", (S.DRAFT,), S.SUBMITTED, REQUESTER, gettext_lazy("Submit")
        ),
        Transition(
            "start_review",
            (S.SUBMITTED, S.RESUBMITTED),
            S.ELIGIBILITY_REVIEW,
            MANAGER,
            gettext_lazy("Start the eligibility review"),
        ),
        Transition(
            "request_revision",
            (S.ELIGIBILITY_REVIEW,),
            S.NEEDS_REVISION,
            MANAGER,
            gettext_lazy("Ask for a revision"),
            reason_required=True,
        ),
        Transition(
            "resubmit",
            (S.NEEDS_REVISION,),
            S.RESUBMITTED,
            REQUESTER,
            gettext_lazy("Resubmit"),
        ),
        Transition(
            "reject",
            (S.ELIGIBILITY_REVIEW,),
            S.NOT_ELIGIBLE,
            MANAGER,
            gettext_lazy("Not eligible"),
            reason_required=True,
        ),
        Transition(
            "accept",
            (S.ELIGIBILITY_REVIEW,),
            S.ACCEPTED,
            MANAGER,
            gettext_lazy("Accept and manage this case"),
        ),
        Transition(
            "start_framing",
            (S.ACCEPTED,),
            S.FRAMING,
            MANAGER,
            gettext_lazy("Start framing"),
        ),
        Transition(
            "start_matching",
            (S.FRAMING,),
            S.MATCHING,
            MANAGER,
            gettext_lazy("Start matching peers"),
        ),
        Transition(
            "confirm_peers",
            (S.MATCHING,),
            S.PEERS_CONFIRMED,
            MANAGER,
            gettext_lazy("Confirm the peers"),
        ),
        Transition(
            "start_agreement",
            (S.PEERS_CONFIRMED,),
            S.AGREEMENT,
            MANAGER,
            gettext_lazy("Draw up the agreement"),
        ),
        Transition(
            "start_missions",
            (S.AGREEMENT,),
            S.MISSIONS,
            MANAGER,
            gettext_lazy("Agreement done: start the missions"),
        ),
        Transition(
            "start_report",
            (S.MISSIONS,),
            S.REPORT,
            MANAGER,
            gettext_lazy("Missions done: write the report"),
        ),
        Transition(
            "file_report",
            (S.REPORT,),
            S.FOLLOW_UP,
            MANAGER,
            gettext_lazy("File the report and start the follow-up"),
        ),
        Transition("close", (S.FOLLOW_UP,), S.CLOSED, MANAGER, gettext_lazy("Close")),
        Transition(
            "withdraw",
            OPEN_STATES,
            S.WITHDRAWN,
            REQUESTER,
            gettext_lazy("Withdraw the request"),
            reason_required=True,
        ),
        Transition(
            "cancel",
            OPEN_STATES,
            S.CANCELLED,
            MANAGER,
            gettext_lazy("Cancel the case"),
            reason_required=True,
        ),
    )
}

# Once peers are confirmed they hear about every further change of the case.
PEER_STATES = (
    S.PEERS_CONFIRMED,
    S.AGREEMENT,
    S.MISSIONS,
    S.REPORT,
    S.FOLLOW_UP,
    S.CLOSED,
    S.CANCELLED,
)
# Where the case manager looks for, shortlists and invites peers.
SHORTLIST_STATES = (S.ACCEPTED, S.FRAMING, S.MATCHING)
INVITE_STATES = (S.MATCHING,)
ANSWER_STATES = (S.MATCHING, S.PEERS_CONFIRMED, S.AGREEMENT)
VOLUNTEER_STATES = (S.ACCEPTED, S.FRAMING, S.MATCHING)
FRAMING_STATES = (S.ACCEPTED, S.FRAMING, S.MATCHING)
AGREEMENT_STATES = (S.PEERS_CONFIRMED, S.AGREEMENT)
MISSION_STATES = (S.AGREEMENT, S.MISSIONS)
FEEDBACK_STATES = (S.REPORT, S.FOLLOW_UP, S.CLOSED)
EDIT_STATES = (S.DRAFT, S.NEEDS_REVISION)
# Open states in which the case waits for its managers (a step only they may take,
# cancelling aside): their queue puts these first. In the other open states the
# case waits for the requesting city (a revision).
MANAGER_ACTION_STATES = tuple(
    state
    for state in OPEN_STATES
    if any(
        t.role == MANAGER and t.action != "cancel" and state in t.sources
        for t in TRANSITIONS.values()
    )
)
