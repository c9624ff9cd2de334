"""The peer-exchange pages and admin screens: who sees what, bad input, query
budgets, and the mails every notice kind renders."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from exchanges import services
from exchanges.models import (
    CandidateState,
    ExchangeCandidate,
    ExchangeState,
    PeerExchange,
)
from notifications.models import Notification
from notifications.rendering import render_notification

from .conftest import make_exchange

S = ExchangeState


def sign_in(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


@pytest.mark.django_db
def test_unverified_person_cannot_file_and_is_told_why(client, world):
    sign_in(client, world.people.unverified)
    response = client.get(reverse("exchange_create"))
    assert response.status_code == 403
    assert "Only verified staff of a member city" in response.content.decode()
    response = client.post(reverse("exchange_create"), {"title": "x"})
    assert response.status_code == 403
    assert not PeerExchange.objects.exists()


@pytest.mark.django_db
def test_verified_staff_files_a_request_through_the_form(client, world):
    sign_in(client, world.requester)
    data = {
        "organisation": world.amman.pk,
        "title": "Land-use plan",
        "challenge": "Undeveloped land needs a plan.",
        "cluster": world.iud.pk,
        "field_of_action": world.renewal.pk,
        "formats": ["study_visit"],
        "languages": ["ar", "en"],
        "submit": "1",
    }
    response = client.post(reverse("exchange_create"), data)
    exchange = PeerExchange.objects.get()
    assert response.status_code == 302
    assert exchange.state == S.SUBMITTED
    page = client.get(reverse("exchange_my_requests")).content.decode()
    assert "Land-use plan" in page
    assert "A coordinator will check whether the request is eligible." in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"challenge": "x" * 5000}, "at most 4000 characters"),
        ({"organisation": 999_999}, "Select a valid choice"),
        ({"title": ""}, "This field is required"),
    ],
)
def test_bad_request_input_shows_errors_and_saves_nothing(
    client, world, changes, message
):
    sign_in(client, world.requester)
    data = {
        "organisation": world.amman.pk,
        "title": "Land-use plan",
        "challenge": "Undeveloped land needs a plan.",
        "submit": "1",
        **changes,
    }
    response = client.post(reverse("exchange_create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PeerExchange.objects.exists()


@pytest.mark.django_db
def test_forged_ids_are_not_found(client, world):
    other_city_case = make_exchange(world, S.SUBMITTED, organisation=world.munich)
    sign_in(client, world.requester)
    assert (
        client.get(reverse("exchange_detail", args=(other_city_case.pk,))).status_code
        == 404
    )
    assert client.get(reverse("exchange_detail", args=(999_999,))).status_code == 404
    candidate = other_city_case.candidates.get()
    assert (
        client.get(reverse("exchange_invitation", args=(candidate.pk,))).status_code
        == 404
    )
    response = client.post(
        reverse("exchange_action", args=(other_city_case.pk, "withdraw")),
        {"reason": "Forged"},
    )
    assert response.status_code == 404
    other_city_case.refresh_from_db()
    assert other_city_case.state == S.SUBMITTED


@pytest.mark.django_db
def test_out_of_order_step_is_refused_with_a_message(client, world):
    exchange = make_exchange(world, S.SUBMITTED)
    sign_in(client, world.requester)
    response = client.post(
        reverse("exchange_action", args=(exchange.pk, "submit")), follow=True
    )
    assert any("not possible now" in message for message in messages_of(response))
    exchange.refresh_from_db()
    assert exchange.state == S.SUBMITTED


@pytest.mark.django_db
def test_coordinator_out_of_scope_cannot_open_the_case(client, world):
    exchange = make_exchange(world, S.SUBMITTED)
    sign_in(client, world.people.germany_coordinator)
    url = reverse("exchange_admin_detail", args=(exchange.pk,))
    assert client.get(url).status_code == 404
    response = client.post(
        reverse("exchange_admin_transition", args=(exchange.pk, "start_review"))
    )
    assert response.status_code == 404
    exchange.refresh_from_db()
    assert exchange.state == S.SUBMITTED


@pytest.mark.django_db
def test_case_page_shows_suggestions_with_reasons_and_invites(client, world):
    julia = world.people.munich_staff
    julia.expertise_clusters.set([world.iud])
    exchange = make_exchange(
        world, S.MATCHING, case_manager=world.people.mena_coordinator
    )
    exchange.candidates.all().delete()
    sign_in(client, world.people.mena_coordinator)
    url = reverse("exchange_admin_detail", args=(exchange.pk,))
    page = client.get(url).content.decode()
    assert "Expertise in Integrated Urban Development." in page
    assert "Invite the chosen people" in page

    response = client.post(
        reverse("exchange_admin_invite", args=(exchange.pk,)),
        {"users": ["abc"], "do": "invite"},
        follow=True,
    )
    assert "Tick at least one person." in messages_of(response)
    response = client.post(
        reverse("exchange_admin_invite", args=(exchange.pk,)),
        {"users": [str(julia.pk), "999999"], "do": "invite"},
        follow=True,
    )
    assert "One of the chosen people does not exist." in messages_of(response)
    assert not exchange.candidates.exists()
    client.post(
        reverse("exchange_admin_invite", args=(exchange.pk,)),
        {"users": [str(julia.pk)], f"score-{julia.pk}": "30", "do": "invite"},
    )
    candidate = exchange.candidates.get()
    assert (candidate.state, candidate.score) == (CandidateState.INVITED, 30)


@pytest.mark.django_db
def test_report_form_with_incomplete_action_item_saves_nothing(client, world):
    manager = world.people.mena_coordinator
    exchange = make_exchange(world, S.REPORT, case_manager=manager, findings="")
    exchange.action_items.all().delete()
    sign_in(client, manager)
    url = reverse("exchange_admin_detail", args=(exchange.pk,))
    data = {
        "form": "report",
        "findings": "Plans work.",
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "30",
        "items-0-description": "Draft the plan",
        "items-0-owner": "",
        "items-0-due_on": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert (
        "An action item needs what, an owner and a due date."
        in response.content.decode()
    )
    exchange.refresh_from_db()
    assert exchange.findings == ""
    data.update({"items-0-owner": "Planning", "items-0-due_on": "2027-09-01"})
    response = client.post(url, data)
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert exchange.findings == "Plans work."
    assert [item.owner for item in exchange.action_items.all()] == ["Planning"]


@pytest.mark.django_db
def test_invited_peer_opts_in_on_the_invitation_page(client, world):
    exchange = make_exchange(
        world, S.MATCHING, case_manager=world.people.mena_coordinator
    )
    candidate = ExchangeCandidate.objects.create(
        exchange=exchange, user=world.people.practitioner, state=CandidateState.INVITED
    )
    sign_in(client, world.people.practitioner)
    url = reverse("exchange_invitation", args=(candidate.pk,))
    response = client.post(url, {"answer": "decline", "reason": ""})
    assert "Please tell the case manager why you decline." in response.content.decode()
    client.post(url, {"answer": "opt_in"})
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.OPTED_IN


@pytest.mark.django_db
def test_outcomes_page_is_public_and_counts_adoption(client, world):
    exchange = make_exchange(world, S.FOLLOW_UP)
    services.checkpoint_record(
        exchange=exchange,
        actor=world.requester,
        month=3,
        what_changed="Council adopted it.",
        adoption="implemented",
        project_stage="implemented",
    )
    make_exchange(world, S.DRAFT)
    response = client.get(reverse("exchange_outcomes"))
    assert response.status_code == 200
    assert response.context["outcomes"]["requests"] == 1
    implemented = next(
        row
        for row in response.context["outcomes"]["adoption"]
        if row["code"] == "implemented"
    )
    assert implemented["count"] == 1


@pytest.mark.django_db
def test_open_requests_only_for_members_and_only_if_the_city_agreed(client, world):
    shown = make_exchange(
        world, S.MATCHING, show_to_members=True, summary="Amman looks for planners."
    )
    make_exchange(world, S.MATCHING, title="Hidden request")
    sign_in(client, world.people.practitioner)
    assert client.get(reverse("exchange_open_requests")).status_code == 403
    sign_in(client, world.people.munich_staff)
    page = client.get(reverse("exchange_open_requests")).content.decode()
    assert "Amman looks for planners." in page
    assert "Hidden request" not in page
    assert shown.pk


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_my_requests_query_budget_does_not_grow_with_requests(client, world):
    """Session, user, the user's cities (roles and affiliations) and the requests
    with their cities, regions and names: a fixed number, however many requests."""
    sign_in(client, world.requester)
    url = reverse("exchange_my_requests")
    make_exchange(world, S.SUBMITTED)
    client.get(url)  # the site's menu and root paths, cached once
    one = _count_queries(client, url)
    for number in range(8):
        make_exchange(world, S.MATCHING, title=f"Request {number}")
    assert _count_queries(client, url) == one


@pytest.mark.django_db
def test_queue_lists_cases_needing_action_first_and_finished_cases_last(client, world):
    """New and open cases the managers must move come first, the longest waiting
    on top; then cases waiting for their city; closed ones last (the latest
    first), however long they have been closed."""
    now = timezone.now()

    def case(state, days_ago):
        return make_exchange(
            world,
            state,
            title=f"{state} {days_ago}",
            state_changed_at=now - timedelta(days=days_ago),
        )

    closed_long_ago = case(S.CLOSED, 400)
    new = case(S.SUBMITTED, 2)
    waiting_long = case(S.MATCHING, 30)
    closed_lately = case(S.CLOSED, 5)
    withdrawn = case(S.WITHDRAWN, 100)
    revising = case(S.NEEDS_REVISION, 60)
    resubmitted = case(S.RESUBMITTED, 10)
    sign_in(client, world.people.mena_coordinator)

    response = client.get(reverse("exchange_admin_queue"))

    assert response.status_code == 200
    assert list(response.context["cases"]) == [
        waiting_long,
        resubmitted,
        new,
        revising,
        closed_lately,
        withdrawn,
        closed_long_ago,
    ]
    text = response.content.decode()
    assert text.index(f"{S.MATCHING} 30") < text.index(f"{S.CLOSED} 400")
    closed_only = client.get(reverse("exchange_admin_queue") + "?state=closed")
    assert list(closed_only.context["cases"]) == [closed_lately, closed_long_ago]


@pytest.mark.django_db
def test_queue_query_budget_does_not_grow_with_cases(client, world):
    """The admin frame, the coordinator's roles, the counts per state and the cases
    with city, region, cluster and manager: fixed, however many cases."""
    sign_in(client, world.people.mena_coordinator)
    url = reverse("exchange_admin_queue")
    make_exchange(world, S.SUBMITTED, case_manager=world.people.mena_coordinator)
    one = _count_queries(client, url)
    for number in range(8):
        make_exchange(
            world,
            S.MATCHING,
            title=f"Case {number}",
            case_manager=world.people.mena_coordinator,
        )
    assert _count_queries(client, url) == one


@pytest.mark.django_db
def test_every_notice_kind_renders(world):
    exchange = make_exchange(world, S.MISSIONS)
    kinds = [f"exchange_{state}" for state in S if state != S.DRAFT] + [
        "exchange_invitation",
        "exchange_opted_in",
        "exchange_declined",
        "exchange_volunteered",
        "exchange_mission_scheduled",
        "exchange_checkpoint",
    ]
    for number, kind in enumerate(kinds):
        notification = Notification(
            recipient=world.requester,
            kind=kind,
            dedupe_key=f"test:{number}",
            context={
                "exchange_title": exchange.title,
                "city": "Amman",
                "reason": "Because.",
                "path": "/en/exchanges/1/",
                "peer": "Julia",
                "mission_title": "Study visit",
                "starts_on": date(2027, 5, 3).isoformat(),
                "month": 3,
            },
        )
        notification.set_subject_object(exchange)
        notification.save()
        rendered = render_notification(notification)
        if isinstance(rendered, tuple):
            subject, text, html = rendered
        else:
            subject, text, html = rendered.subject, rendered.text, rendered.html
        assert exchange.title in subject or "Study visit" in subject, kind
        assert "/en/exchanges/1/" in text, kind
        assert "Because." in html, kind


@pytest.mark.django_db
def test_case_page_hides_private_fields_of_peers_until_they_opt_in(client, world):
    peer = world.people.practitioner
    peer.job_title = "Head of land surveying"
    peer.save()
    exchange = make_exchange(world, S.MATCHING)
    candidate = ExchangeCandidate.objects.create(
        exchange=exchange, user=peer, state=CandidateState.INVITED
    )
    sign_in(client, world.requester)
    url = reverse("exchange_detail", args=(exchange.pk,))
    page = client.get(url).content.decode()
    assert "Head of land surveying" not in page
    assert "More about this person once they opt in." in page
    candidate.state = CandidateState.OPTED_IN
    candidate.save()
    assert "Head of land surveying" in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_case_page_links_a_peer_who_opted_in_to_a_conversation(client, world):
    exchange = make_exchange(
        world, S.MATCHING, case_manager=world.people.mena_coordinator
    )
    peer = world.people.practitioner
    peer.visibility = {"job_title": "public"}
    peer.save()
    ExchangeCandidate.objects.create(
        exchange=exchange, user=peer, state=CandidateState.OPTED_IN
    )
    sign_in(client, world.requester)
    html = client.get(reverse("exchange_detail", args=(exchange.pk,))).content.decode()
    assert f"{reverse('conversation_start')}?to={peer.pk}" in html
    assert f"Write to {peer.get_full_name()}" in html
    assert peer.email not in html
