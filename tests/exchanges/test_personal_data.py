"""A person's part in peer exchanges in "Download my data", and what their account
deletion leaves: offers and open candidacies go, the cities' cases stay."""

import pytest

from community import services as community_services
from exchanges import services
from exchanges.models import (
    CandidateState,
    ExchangeCandidate,
    ExchangeFeedback,
    ExchangeLog,
    ExchangeOffer,
    ExchangeState,
)
from notifications.models import Notification

from .conftest import make_exchange, staff

S = ExchangeState
DELETED = "Account deleted by its owner."

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(world):
    """Amman's open case (Julia of Munich opted in as a peer, Omar of Frankfurt
    shortlisted, Sara of Frankfurt volunteered) and a closed one Julia took part
    in, rated and offered something for."""
    manager = world.people.mena_coordinator
    julia = world.people.munich_staff
    open_case = make_exchange(
        world,
        S.MATCHING,
        case_manager=manager,
        show_to_members=True,
        summary="Amman looks for land-use planners.",
    )
    omar = staff(world.frankfurt, first_name="Omar", last_name="Nasser")
    sara = staff(world.frankfurt, first_name="Sara", last_name="Klein")
    services.exchange_shortlist(exchange=open_case, actor=manager, users=[omar])
    services.exchange_volunteer(
        exchange=open_case, user=sara, note="I ran Frankfurt's land-use plan."
    )
    closed_case = make_exchange(
        world, S.CLOSED, case_manager=manager, title="Waste collection in Irbid"
    )
    ExchangeCandidate.objects.filter(exchange=closed_case, user=julia).update(
        note="Asked for her work on new districts."
    )
    ExchangeFeedback.objects.create(
        exchange=closed_case, user=julia, rating=4, comment="Very useful visit."
    )
    ExchangeLog.objects.create(
        exchange=closed_case,
        action="report",
        from_state=S.REPORT,
        to_state=S.REPORT,
        actor=manager,
    )
    services.offer_publish(
        user=julia,
        kind="study_visit",
        topic="Community land-use plans",
        field_of_action=world.renewal,
    )
    return {
        "open": open_case,
        "closed": closed_case,
        "manager": manager,
        "julia": julia,
        "omar": omar,
        "sara": sara,
    }


def test_export_holds_requests_candidacies_offers_feedback_and_reports(world, cases):
    julia = community_services.user_export_data(user=cases["julia"])["events"][
        "peer_exchanges"
    ]
    assert [
        (c["request"], c["state"], c["note"]) for c in julia["peer_candidacies"]
    ] == [
        ("Land-use plan for undeveloped land", "opted_in", ""),
        (
            "Waste collection in Irbid",
            "opted_in",
            "Asked for her work on new districts.",
        ),
    ]
    assert [(o["kind"], o["topic"], o["cluster"]) for o in julia["offers"]] == [
        ("study_visit", "Community land-use plans", world.iud.name)
    ]
    assert [(f["rating"], f["comment"]) for f in julia["feedback"]] == [
        (4, "Very useful visit.")
    ]
    assert julia["requests_filed"] == []

    leila = community_services.user_export_data(user=world.requester)["events"][
        "peer_exchanges"
    ]
    assert [(r["title"], r["state"]) for r in leila["requests_filed"]] == [
        ("Land-use plan for undeveloped land", "matching"),
        ("Waste collection in Irbid", "closed"),
    ]
    assert leila["requests_filed"][0]["challenge"].startswith("Greater Amman grows")

    manager = community_services.user_export_data(user=cases["manager"])["events"][
        "peer_exchanges"
    ]
    assert [(r["request"], r["findings"]) for r in manager["reports_written"]] == [
        ("Waste collection in Irbid", "Community plans work.")
    ]


def test_a_deleted_peer_leaves_open_cases_and_the_case_manager_hears_of_it(cases):
    julia, open_case, closed_case = cases["julia"], cases["open"], cases["closed"]

    community_services.user_delete(user=julia)

    assert not ExchangeOffer.objects.filter(user=julia).exists()
    left = ExchangeCandidate.objects.get(exchange=open_case, user=julia)
    assert (left.state, left.reason, left.note) == ("declined", DELETED, "")
    entry = ExchangeLog.objects.filter(exchange=open_case).last()
    assert (entry.action, entry.actor, entry.reason) == ("decline", julia, DELETED)
    notice = Notification.objects.get(
        recipient=cases["manager"], kind="exchange_declined"
    )
    assert notice.context["peer"] == community_services.DELETED_USER_NAME
    open_case.refresh_from_db()
    assert open_case.state == "matching"
    # The closed case keeps her part as its record, without her words.
    kept = ExchangeCandidate.objects.get(exchange=closed_case, user=julia)
    assert (kept.state, kept.note, kept.reason) == ("opted_in", "", "")
    feedback = ExchangeFeedback.objects.get(user=julia)
    assert (feedback.rating, feedback.comment) == (4, "")


def test_candidacies_nobody_acted_on_go_with_the_name_in_the_log(cases):
    open_case = cases["open"]
    assert ExchangeLog.objects.filter(
        exchange=open_case, action="shortlist", reason="Omar Nasser"
    ).exists()

    community_services.user_delete(user=cases["omar"])
    community_services.user_delete(user=cases["sara"])

    assert list(
        ExchangeCandidate.objects.filter(exchange=open_case).values_list(
            "user__first_name", "state"
        )
    ) == [("Julia", CandidateState.OPTED_IN)]
    log = ExchangeLog.objects.filter(exchange=open_case)
    shortlisted = log.get(action="shortlist")
    assert shortlisted.reason == community_services.DELETED_USER_NAME
    assert log.get(action="volunteer").reason == ""
    assert list(
        log.filter(action="remove_candidate").values_list("actor", "reason")
    ) == [(cases["omar"].pk, DELETED), (cases["sara"].pk, DELETED)]
    assert "Frankfurt's land-use plan" not in str(list(log.values_list("reason")))


def test_requests_a_deleted_person_filed_stay_with_the_city(world, cases):
    requester = world.requester

    community_services.user_delete(user=requester)

    open_case, closed_case = cases["open"], cases["closed"]
    open_case.refresh_from_db()
    closed_case.refresh_from_db()
    assert (open_case.state, closed_case.state) == ("matching", "closed")
    assert open_case.created_by_id == requester.pk
    assert open_case.challenge.startswith("Greater Amman grows")
    # A colleague carries it on.
    services.exchange_withdraw(
        exchange=open_case, actor=world.people.colleague, reason="Plans changed."
    )
