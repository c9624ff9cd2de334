"""Every transition of a peer exchange, allowed or forbidden, by role × state, and
the scope rules behind the roles."""

from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

import pytest

from exchanges import services
from exchanges.models import ExchangeLog, ExchangeState, PeerExchange
from exchanges.permissions import (
    MANAGER,
    REQUESTER,
    exchanges_managed_by,
    roles_for,
    transition_barrier,
)
from exchanges.story import can_draft_story
from notifications.models import Notification
from projects.models import SupportedProjectPage
from tests.knowledge_fixtures import index_pages, seed_site

from .conftest import make_exchange

S = ExchangeState
OPEN = [
    state
    for state in S
    if state not in ("not_eligible", "closed", "withdrawn", "cancelled")
]

# The workflow of the issue, written out independently of the code's table:
# action: (states it may be taken from, role that takes it, state it leads to)
EXPECTED = {
    "submit": ([S.DRAFT], REQUESTER, S.SUBMITTED),
    "start_review": ([S.SUBMITTED, S.RESUBMITTED], MANAGER, S.ELIGIBILITY_REVIEW),
    "request_revision": ([S.ELIGIBILITY_REVIEW], MANAGER, S.NEEDS_REVISION),
    "resubmit": ([S.NEEDS_REVISION], REQUESTER, S.RESUBMITTED),
    "reject": ([S.ELIGIBILITY_REVIEW], MANAGER, S.NOT_ELIGIBLE),
    "accept": ([S.ELIGIBILITY_REVIEW], MANAGER, S.ACCEPTED),
    "start_framing": ([S.ACCEPTED], MANAGER, S.FRAMING),
    "start_matching": ([S.FRAMING], MANAGER, S.MATCHING),
    "confirm_peers": ([S.MATCHING], MANAGER, S.PEERS_CONFIRMED),
    "start_agreement": ([S.PEERS_CONFIRMED], MANAGER, S.AGREEMENT),
    "start_missions": ([S.AGREEMENT], MANAGER, S.MISSIONS),
    "start_report": ([S.MISSIONS], MANAGER, S.REPORT),
    "file_report": ([S.REPORT], MANAGER, S.FOLLOW_UP),
    "close": ([S.FOLLOW_UP], MANAGER, S.CLOSED),
    "withdraw": (OPEN, REQUESTER, S.WITHDRAWN),
    "cancel": (OPEN, MANAGER, S.CANCELLED),
}

# Who is what for Amman's land-management request (cluster: Integrated Urban
# Development). Scope rules as in Community: region, country or cluster scope; roles
# and affiliations count only while valid.
ROLES = {
    "anonymous": set(),
    "practitioner": set(),
    "unverified": set(),
    "expired": set(),
    "requester": {REQUESTER},
    "colleague": {REQUESTER},
    "focal_point": {REQUESTER},
    "munich_staff": set(),
    "mena_coordinator": {MANAGER},
    "country_coordinator": {MANAGER},
    "cluster_coordinator": {MANAGER},
    "germany_coordinator": set(),
    "expired_coordinator": set(),
    "superuser": {MANAGER},
}

REASONS = {"request_revision", "reject", "withdraw", "cancel"}


def person(world, name):
    return getattr(world.people, name) or AnonymousUser()


def test_the_code_has_exactly_the_expected_transitions():
    assert set(services.TRANSITIONS) == set(EXPECTED)
    for action, (sources, role, target) in EXPECTED.items():
        transition = services.TRANSITIONS[action]
        assert set(transition.sources) == set(sources), action
        assert (transition.role, transition.target) == (role, target), action


@pytest.mark.django_db
def test_roles_follow_the_scope_rules(world):
    exchange = make_exchange(world)
    for name, expected in ROLES.items():
        assert roles_for(person(world, name), exchange) == expected, name


@pytest.mark.django_db
def test_matrix_of_every_action_by_role_and_state(world):
    exchange = make_exchange(world)
    users = {name: person(world, name) for name in ROLES}
    checked = 0
    for state in S:
        exchange.state = state
        for action, (sources, role, _target) in EXPECTED.items():
            for name, user in users.items():
                allowed = state in sources and role in ROLES[name]
                barrier = transition_barrier(user, exchange, action)
                assert (barrier is None) == allowed, (state, action, name, barrier)
                checked += 1
    assert checked == len(S) * len(EXPECTED) * len(ROLES)


# Everyone in the world may add pages (Wagtail's "Editors" group) except the
# country coordinator: a manager without the page right.
PAGE_EDITORS = set(ROLES) - {"anonymous", "country_coordinator"}


def may_draft_story(name, state):
    return state == S.CLOSED and MANAGER in ROLES[name] and name in PAGE_EDITORS


@pytest.fixture
def page_editors(world):
    index_pages(seed_site())
    editors = Group.objects.get(name="Editors")
    for name in PAGE_EDITORS:
        person(world, name).groups.add(editors)


@pytest.mark.django_db
def test_matrix_of_the_project_story_action_by_role_and_state(world, page_editors):
    """Turning a case into a project story shows its confidential content: it needs
    the right to manage the case and the right to add a project page."""
    exchange = make_exchange(world)
    users = {name: person(world, name) for name in ROLES}
    for state in S:
        exchange.state = state
        for name, user in users.items():
            user.__dict__.pop("_cc_exchange", None)
            allowed = may_draft_story(name, state)
            assert can_draft_story(user, exchange) == allowed, (state, name)


@pytest.mark.django_db
def test_project_story_action_over_http_is_not_found_without_both_rights(
    client, world, page_editors
):
    for name in ROLES:
        exchange = make_exchange(world, S.CLOSED)
        client.logout()
        if name != "anonymous":
            client.force_login(person(world, name))
        response = client.post(reverse("exchange_project_story", args=(exchange.pk,)))
        if name == "anonymous":
            assert response.status_code == 302, name
            assert "/login/" in response["Location"], name
        elif may_draft_story(name, S.CLOSED):
            assert response.status_code == 302, name
            assert "/edit/" in response["Location"], name
        else:
            assert response.status_code == 404, name
    made = SupportedProjectPage.objects.filter(live=False).count()
    assert made == sum(may_draft_story(name, S.CLOSED) for name in ROLES)


def sees_case_page(name, state):
    """The requesting city always; managers once the city has submitted the case
    (as in the admin); Munich's staff member is a peer who opted in."""
    roles = ROLES[name]
    return (
        REQUESTER in roles
        or (MANAGER in roles and state != S.DRAFT)
        or name == "munich_staff"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED])
def test_matrix_of_the_case_pages_by_role_and_state(client, world, state):
    """The public case page and the admin case page follow the same rule."""
    exchange = make_exchange(world, state)
    for name in ROLES:
        client.logout()
        if name != "anonymous":
            client.force_login(person(world, name))
        public = client.get(reverse("exchange_detail", args=(exchange.pk,)))
        admin = client.get(reverse("exchange_admin_detail", args=(exchange.pk,)))
        if name == "anonymous":
            assert public.status_code == 302, name
            continue
        assert public.status_code == (200 if sees_case_page(name, state) else 404), name
        if MANAGER in ROLES[name]:
            assert admin.status_code == (404 if state == S.DRAFT else 200), name
        if public.status_code == 200:
            assert exchange.challenge in public.content.decode(), name
    assert PeerExchange.objects.get().state == state


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_services_take_allowed_steps_and_refuse_the_rest(world, action):
    """For each action: every forbidden role and every forbidden state is refused
    and changes nothing; the allowed role in an allowed state succeeds and logs."""
    sources, role, target = EXPECTED[action]
    allowed_user = (
        world.requester if role == REQUESTER else world.people.mena_coordinator
    )
    reason = "Because." if action in REASONS else ""

    forbidden_states = [state for state in S if state not in sources]
    for state in forbidden_states[:4] + forbidden_states[-2:]:
        exchange = make_exchange(world, state)
        with pytest.raises(services.ExchangeError):
            services.exchange_transition(
                exchange=exchange, action=action, actor=allowed_user, reason=reason
            )
        exchange.refresh_from_db()
        assert exchange.state == state

    exchange = make_exchange(world, sources[0])
    for name, roles in ROLES.items():
        if role in roles:
            continue
        with pytest.raises(services.NotAllowed):
            services.exchange_transition(
                exchange=exchange,
                action=action,
                actor=person(world, name),
                reason=reason,
            )
    exchange.refresh_from_db()
    assert exchange.state == sources[0]
    assert not ExchangeLog.objects.filter(exchange=exchange).exists()
    assert not Notification.objects.exists()

    changed = services.exchange_transition(
        exchange=exchange, action=action, actor=allowed_user, reason=reason
    )
    assert changed.state == target
    log = ExchangeLog.objects.get(exchange=exchange)
    assert (log.action, log.from_state, log.to_state) == (action, sources[0], target)
    assert log.actor == allowed_user
    assert log.reason == reason


@pytest.mark.django_db
def test_accepting_makes_the_coordinator_case_manager(world):
    exchange = make_exchange(world, S.ELIGIBILITY_REVIEW)
    services.exchange_accept(exchange=exchange, actor=world.people.cluster_coordinator)
    exchange.refresh_from_db()
    assert exchange.case_manager == world.people.cluster_coordinator


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(REASONS))
def test_some_steps_need_a_reason(world, action):
    sources, role, _target = EXPECTED[action]
    exchange = make_exchange(world, sources[-1])
    actor = world.requester if role == REQUESTER else world.people.superuser
    with pytest.raises(services.ExchangeError, match="reason"):
        services.exchange_transition(exchange=exchange, action=action, actor=actor)
    exchange.refresh_from_db()
    assert exchange.state == sources[-1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "action", "emptied", "message"),
    [
        (S.FRAMING, "start_matching", {"guiding_questions": []}, "Frame the request"),
        (S.AGREEMENT, "start_missions", {"objectives": ""}, "objectives"),
        (S.REPORT, "file_report", {"findings": ""}, "findings"),
    ],
)
def test_steps_out_of_order_are_refused_with_a_reason(
    world, state, action, emptied, message
):
    exchange = make_exchange(world, state, **emptied)
    with pytest.raises(services.ExchangeError, match=message):
        services.exchange_transition(
            exchange=exchange, action=action, actor=world.people.superuser
        )
    exchange.refresh_from_db()
    assert exchange.state == state


@pytest.mark.django_db
def test_preconditions_on_peers_missions_and_action_items(world):
    exchange = make_exchange(world, S.MATCHING)
    exchange.candidates.all().delete()
    with pytest.raises(services.ExchangeError, match="No peer"):
        services.exchange_confirm_peers(exchange=exchange, actor=world.people.superuser)
    exchange = make_exchange(world, S.MISSIONS)
    exchange.missions.all().delete()
    with pytest.raises(services.ExchangeError, match="mission"):
        services.exchange_start_report(exchange=exchange, actor=world.people.superuser)
    exchange = make_exchange(world, S.REPORT)
    exchange.action_items.all().delete()
    with pytest.raises(services.ExchangeError, match="action item"):
        services.exchange_file_report(exchange=exchange, actor=world.people.superuser)


@pytest.mark.django_db
def test_queue_scope(world):
    amman_case = make_exchange(world, S.SUBMITTED)
    make_exchange(world, S.DRAFT)
    munich_case = make_exchange(
        world,
        S.SUBMITTED,
        organisation=world.munich,
        cluster=world.services,
        field_of_action=None,
    )
    people = world.people
    assert list(exchanges_managed_by(people.mena_coordinator)) == [amman_case]
    assert list(exchanges_managed_by(people.country_coordinator)) == [amman_case]
    assert list(exchanges_managed_by(people.cluster_coordinator)) == [amman_case]
    assert list(exchanges_managed_by(people.germany_coordinator)) == [munich_case]
    assert list(exchanges_managed_by(people.expired_coordinator)) == []
    assert list(exchanges_managed_by(people.requester)) == []
    assert set(exchanges_managed_by(people.superuser)) == {amman_case, munich_case}
