"""What peer exchanges add to a person's dashboard (``community.dashboard``): the
open cases of their cities with the next step, the cases they take part in as a
peer, invitations waiting for an answer, and a task for each case waiting for
them."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from community.dashboard import (
    DASHBOARD_SECTIONS_HOOK,
    DashboardSection,
    Member,
    Task,
)

from . import selectors
from .models import OPEN_STATES, CandidateState, ExchangeCandidate, ExchangeState
from .transitions import ANSWER_STATES

S = ExchangeState


@dataclass
class MyCase:
    """One line of the section: a case and the person's part in it."""

    title: str
    url: str
    city: str
    state: str
    part: str
    next_step: str


def _case(exchange, *, url: str, part: str, next_step: str = "") -> MyCase:
    return MyCase(
        title=exchange.title,
        url=url,
        city=exchange.organisation.localized_name,
        state=exchange.get_state_display(),
        part=part,
        next_step=next_step or selectors.next_step(exchange),
    )


def _candidacies(user) -> list[ExchangeCandidate]:
    """Invitations and candidacies the person opted in to, of open cases (two
    queries: the candidacies with their cases and cities, the cities' names)."""
    return list(
        ExchangeCandidate.objects.filter(
            user_id=user.pk, exchange__state__in=OPEN_STATES
        )
        .filter(state__in=(CandidateState.INVITED, CandidateState.OPTED_IN))
        .select_related("exchange__organisation")
        .prefetch_related("exchange__organisation__names")
        .order_by("-exchange__state_changed_at", "-pk")
    )


def _request_task(exchange) -> Task | None:
    url = reverse("exchange_detail", args=[exchange.pk])
    if exchange.state == S.DRAFT:
        text = _("Your request %(title)s is a draft: complete it and submit it.")
    elif exchange.state == S.NEEDS_REVISION:
        text = _("A coordinator asked you to revise the request %(title)s.")
    else:
        return None
    return Task(
        text=text % {"title": exchange.title},
        url=url,
        link_text=_("Open the request"),
        due=exchange.state_changed_at,
    )


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def my_exchanges_section(*, request, member: Member) -> DashboardSection:
    """The person's open cases, as requester or peer, with the next step, in a
    fixed number of queries however many there are."""
    user = member.user
    items, tasks = [], []
    for exchange in selectors.my_requests(user).filter(state__in=OPEN_STATES):
        items.append(
            _case(
                exchange,
                url=reverse("exchange_detail", args=[exchange.pk]),
                part=_("Your city's request"),
            )
        )
        task = _request_task(exchange)
        if task:
            tasks.append(task)
    for candidate in _candidacies(user):
        exchange = candidate.exchange
        if candidate.state == CandidateState.INVITED:
            if exchange.state not in ANSWER_STATES:
                continue
            url = reverse("exchange_invitation", args=[candidate.pk])
            items.append(
                _case(
                    exchange,
                    url=url,
                    part=_("You are invited as a peer"),
                    next_step=_("Read the request and answer the invitation."),
                )
            )
            tasks.append(
                Task(
                    text=_(
                        "%(city)s invites you as a peer for %(title)s: please answer."
                    )
                    % {
                        "city": exchange.organisation.localized_name,
                        "title": exchange.title,
                    },
                    url=url,
                    link_text=_("Answer the invitation"),
                    due=candidate.invited_at,
                )
            )
        else:
            items.append(
                _case(
                    exchange,
                    url=reverse("exchange_detail", args=[exchange.pk]),
                    part=_("You take part as a peer"),
                )
            )
    return DashboardSection(
        key="exchanges",
        title=_("My peer exchanges"),
        template="exchanges/dashboard_section.html",
        items=items,
        order=20,
        tasks=tasks,
        more_url=reverse("exchange_my_requests"),
        more_text=_("All peer-exchange requests and invitations"),
    )
