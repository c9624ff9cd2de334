"""Requests, peers, missions, report and follow-up: success, bad input and the
outbox (one notice per person and change, never two)."""

from datetime import date

import pytest

from events.models import EventInvitation
from exchanges import services
from exchanges.models import (
    CandidateState,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeLog,
    ExchangeState,
    PeerExchange,
)
from notifications.models import Notification
from tests.events.fixtures import event_index
from tests.factories import OrganisationFactory

from .conftest import make_exchange, staff

S = ExchangeState


def request_fields(world, **overrides) -> dict:
    values = {
        "organisation": world.amman,
        "title": "Land-use plan for undeveloped land",
        "challenge": "Amman grows; undeveloped land needs a plan.",
        "cluster": world.iud,
        "field_of_action": world.renewal,
        "formats": ["study_visit", "expert_mission"],
        "languages": ["ar", "en"],
        "timeframe": "Spring 2027",
    }
    values.update(overrides)
    return values


def sends(callbacks) -> list:
    """The callbacks that send notices: one per notice (the page cache's version
    bumps, ``core.page_cache``, aside)."""
    return [
        callback for callback in callbacks if callback.__module__ != "core.page_cache"
    ]


@pytest.mark.django_db
def test_verified_staff_files_and_submits_a_request(
    world, django_capture_on_commit_callbacks
):
    coordinators = {
        world.people.mena_coordinator,
        world.people.country_coordinator,
        world.people.cluster_coordinator,
    }
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        exchange = services.exchange_create(
            user=world.requester, submit=True, **request_fields(world)
        )
    assert exchange.state == S.SUBMITTED
    assert [log.action for log in exchange.log.all()] == ["create", "submit"]
    submit_log = exchange.log.get(action="submit")
    notices = Notification.objects.filter(
        dedupe_key__startswith=f"exchange:{exchange.pk}:{submit_log.pk}:"
    )
    # Nobody manages it yet: every coordinator in scope hears of it, the filer
    # (who acted) does not.
    assert {n.recipient for n in notices} == coordinators
    assert {n.kind for n in notices} == {"exchange_submitted"}
    assert len(sends(callbacks)) == len(coordinators)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["practitioner", "unverified", "expired", "munich_staff"]
)
def test_only_verified_staff_of_the_city_can_file(world, name):
    with pytest.raises(services.NotAllowed):
        services.exchange_create(
            user=getattr(world.people, name), **request_fields(world)
        )
    assert not PeerExchange.objects.exists()


@pytest.mark.django_db
def test_focal_point_can_file(world):
    exchange = services.exchange_create(
        user=world.people.focal_point, **request_fields(world)
    )
    assert exchange.state == S.DRAFT


@pytest.mark.django_db
def test_forged_organisation_is_refused(world):
    with pytest.raises(services.NotAllowed):
        services.exchange_create(
            user=world.requester, **request_fields(world, organisation=world.munich)
        )
    assert not PeerExchange.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 201, "Title is too long: 201 characters, at most 200"),
        ("challenge", "x" * 100_000, "Challenge is too long"),
        ("title", "   ", "Please fill in: Title"),
        ("formats", ["teleportation"], "Unknown format"),
        ("languages", ["xx"], "Unknown language"),
    ],
)
def test_bad_input_changes_nothing(world, field, value, message):
    with pytest.raises(services.ExchangeError, match=message):
        services.exchange_create(
            user=world.requester, submit=True, **request_fields(world, **{field: value})
        )
    assert not PeerExchange.objects.exists()
    assert not ExchangeLog.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_field_of_another_cluster_is_refused(world):
    with pytest.raises(services.ExchangeError, match="another cluster"):
        services.exchange_create(
            user=world.requester, **request_fields(world, cluster=world.services)
        )


@pytest.mark.django_db
def test_huge_reason_is_refused_and_the_state_kept(world):
    exchange = make_exchange(world, S.ELIGIBILITY_REVIEW)
    with pytest.raises(services.ExchangeError, match="too long"):
        services.exchange_reject(
            exchange=exchange, actor=world.people.mena_coordinator, reason="x" * 5000
        )
    exchange.refresh_from_db()
    assert exchange.state == S.ELIGIBILITY_REVIEW


@pytest.mark.django_db
def test_edit_only_in_draft_or_revision(world):
    exchange = make_exchange(world, S.SUBMITTED)
    with pytest.raises(services.ExchangeError, match="not possible now"):
        services.exchange_update(
            exchange=exchange,
            user=world.requester,
            **{k: v for k, v in request_fields(world).items() if k != "organisation"},
        )
    exchange = make_exchange(world, S.NEEDS_REVISION)
    changed = services.exchange_update(
        exchange=exchange,
        user=world.requester,
        **{
            k: v
            for k, v in request_fields(world, title="Revised").items()
            if k != "organisation"
        },
    )
    assert changed.title == "Revised"


@pytest.mark.django_db
def test_every_state_change_is_announced_exactly_once(
    world, django_capture_on_commit_callbacks
):
    """Walk one case from draft to closed; each step writes one notice per person
    who should hear of it, keyed by the log row, and repeating a step is refused
    without a second notice."""
    people = world.people
    manager = people.mena_coordinator
    exchange = services.exchange_create(user=world.requester, **request_fields(world))
    steps = [
        ("submit", world.requester),
        ("start_review", manager),
        ("request_revision", manager),
        ("resubmit", world.requester),
        ("start_review", manager),
        ("accept", manager),
        ("start_framing", manager),
    ]
    for action, actor in steps:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            exchange = services.exchange_transition(
                exchange=exchange, action=action, actor=actor, reason="Why not."
            )
        log = exchange.log.order_by("-pk").first()
        rows = Notification.objects.filter(
            dedupe_key__startswith=f"exchange:{exchange.pk}:{log.pk}:"
        )
        assert rows.count() == len(sends(callbacks)) > 0, action
        assert {row.kind for row in rows} == {f"exchange_{exchange.state}"}
        assert actor.pk not in {row.recipient_id for row in rows}
        with pytest.raises(services.ExchangeError):
            services.exchange_transition(
                exchange=exchange, action=action, actor=actor, reason="Again."
            )
        assert (
            Notification.objects.filter(
                dedupe_key__startswith=f"exchange:{exchange.pk}:{log.pk}:"
            ).count()
            == rows.count()
        )

    services.exchange_frame(
        exchange=exchange,
        actor=world.requester,
        guiding_questions=["How?", "", "Who?"],
        desired_change="A plan.",
    )
    services.exchange_start_matching(exchange=exchange, actor=manager)
    peer = people.munich_staff
    [candidate] = services.exchange_invite(
        exchange=exchange, actor=manager, users=[peer.pk]
    )
    assert (
        Notification.objects.filter(recipient=peer, kind="exchange_invitation").count()
        == 1
    )
    # Inviting again leaves the invitation alone and sends nothing more.
    assert (
        services.exchange_invite(exchange=exchange, actor=manager, users=[peer]) == []
    )
    assert (
        Notification.objects.filter(recipient=peer, kind="exchange_invitation").count()
        == 1
    )
    services.candidate_respond(candidate=candidate, user=peer, opt_in=True)
    assert set(
        Notification.objects.filter(kind="exchange_opted_in").values_list(
            "recipient", flat=True
        )
    ) == {manager.pk, world.requester.pk}
    with pytest.raises(services.ExchangeError, match="already answered"):
        services.candidate_respond(
            candidate=candidate, user=peer, opt_in=False, reason="No"
        )

    services.exchange_confirm_peers(exchange=exchange, actor=manager)
    last = exchange.log.order_by("-pk").first()
    assert set(
        Notification.objects.filter(
            dedupe_key__startswith=f"exchange:{exchange.pk}:{last.pk}:"
        ).values_list("recipient", flat=True)
    ) == {world.requester.pk, peer.pk}


@pytest.mark.django_db
def test_invitations_refuse_forged_and_own_city_people(world):
    exchange = make_exchange(
        world, S.MATCHING, case_manager=world.people.mena_coordinator
    )
    manager = world.people.mena_coordinator
    with pytest.raises(services.ExchangeError, match="does not exist"):
        services.exchange_invite(exchange=exchange, actor=manager, users=[999_999])
    with pytest.raises(services.ExchangeError, match="requesting city"):
        services.exchange_invite(
            exchange=exchange, actor=manager, users=[world.people.colleague]
        )
    with pytest.raises(services.NotAllowed):
        services.exchange_invite(
            exchange=exchange, actor=world.requester, users=[world.people.practitioner]
        )
    assert exchange.candidates.count() == 1


@pytest.mark.django_db
def test_declining_needs_a_reason_and_only_the_invited_person_answers(world):
    exchange = make_exchange(
        world, S.MATCHING, case_manager=world.people.mena_coordinator
    )
    candidate = ExchangeCandidate.objects.create(
        exchange=exchange, user=world.people.practitioner, state=CandidateState.INVITED
    )
    with pytest.raises(services.NotAllowed):
        services.candidate_respond(
            candidate=candidate, user=world.requester, opt_in=True
        )
    with pytest.raises(services.ExchangeError, match="why you decline"):
        services.candidate_respond(
            candidate=candidate, user=world.people.practitioner, opt_in=False
        )
    candidate.refresh_from_db()
    assert candidate.state == CandidateState.INVITED
    services.candidate_respond(
        candidate=candidate,
        user=world.people.practitioner,
        opt_in=False,
        reason="No time this spring.",
    )
    candidate.refresh_from_db()
    assert (candidate.state, candidate.reason) == ("declined", "No time this spring.")


@pytest.mark.django_db
def test_volunteering_needs_the_citys_consent_and_verified_staff(world):
    exchange = make_exchange(world, S.MATCHING)
    volunteer = staff(world.frankfurt)
    with pytest.raises(services.NotAllowed, match="not open"):
        services.exchange_volunteer(exchange=exchange, user=volunteer)
    exchange.show_to_members = True
    exchange.summary = "Amman looks for land-use planners."
    exchange.save()
    with pytest.raises(services.NotAllowed):
        services.exchange_volunteer(exchange=exchange, user=world.people.practitioner)
    candidate = services.exchange_volunteer(
        exchange=exchange, user=volunteer, note="I planned Riedberg."
    )
    assert candidate.state == CandidateState.VOLUNTEERED
    with pytest.raises(services.ExchangeError, match="already"):
        services.exchange_volunteer(exchange=exchange, user=volunteer)


@pytest.mark.django_db
def test_mission_gets_an_invite_only_event_page(world):
    event_index()
    exchange = make_exchange(
        world, S.AGREEMENT, case_manager=world.people.mena_coordinator
    )
    mission = services.mission_schedule(
        exchange=exchange,
        actor=world.people.mena_coordinator,
        kind="study_visit",
        title="Study visit to Munich",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 5, 7),
        place="Munich",
        create_event_page=True,
    )
    page = mission.event
    assert page.live and page.eligibility == "invited"
    assert page.get_view_restrictions().exists()
    invited = set(
        EventInvitation.objects.filter(event=page).values_list("email", flat=True)
    )
    assert invited == {world.people.munich_staff.email, world.requester.email}
    assert Notification.objects.filter(kind="exchange_mission_scheduled").count() == 2


@pytest.mark.django_db
def test_mission_bad_dates_change_nothing(world):
    exchange = make_exchange(world, S.MISSIONS)
    with pytest.raises(services.ExchangeError, match="end before"):
        services.mission_schedule(
            exchange=exchange,
            actor=world.people.superuser,
            kind="expert_mission",
            title="Mission",
            starts_on=date(2027, 5, 3),
            ends_on=date(2027, 5, 1),
        )
    assert exchange.missions.count() == 1


@pytest.mark.django_db
def test_report_with_action_items_and_checkpoints(world):
    manager = world.people.mena_coordinator
    exchange = make_exchange(world, S.REPORT, case_manager=manager, findings="")
    exchange.action_items.all().delete()
    with pytest.raises(services.ExchangeError, match="due date"):
        services.exchange_report_save(
            exchange=exchange,
            actor=manager,
            findings="Plans work.",
            action_items=[
                {"description": "Draft", "owner": "Planning", "due_on": None}
            ],
        )
    exchange.refresh_from_db()
    assert exchange.findings == ""
    services.exchange_report_save(
        exchange=exchange,
        actor=manager,
        findings="Community plans work.",
        recommendations="Start with Tareq.",
        action_items=[
            {
                "description": "Draft the plan",
                "owner": "Planning",
                "due_on": date(2027, 9, 1),
            }
        ],
    )
    exchange = services.exchange_file_report(exchange=exchange, actor=manager)
    assert exchange.report_filed_at is not None
    services.checkpoint_record(
        exchange=exchange,
        actor=world.requester,
        month=3,
        what_changed="The council discussed the plan.",
        adoption="adapting",
        project_stage="concept",
    )
    with pytest.raises(services.ExchangeError, match="already recorded"):
        services.checkpoint_record(
            exchange=exchange,
            actor=manager,
            month=3,
            what_changed="Again",
            adoption="aware",
            project_stage="idea",
        )
    with pytest.raises(services.ExchangeError, match="3, 6 or 12"):
        services.checkpoint_record(
            exchange=exchange,
            actor=manager,
            month=4,
            what_changed="x",
            adoption="aware",
            project_stage="idea",
        )
    assert ExchangeCheckpoint.objects.count() == 1
    feedback = services.feedback_give(
        exchange=exchange, user=world.people.munich_staff, rating=5, comment="Good."
    )
    assert feedback.rating == 5
    with pytest.raises(services.NotAllowed):
        services.feedback_give(
            exchange=exchange, user=world.people.practitioner, rating=3
        )


@pytest.mark.django_db
def test_offers_need_verified_staff(world):
    with pytest.raises(services.NotAllowed):
        services.offer_publish(
            user=world.people.practitioner, kind="study_visit", topic="Land"
        )
    offer = services.offer_publish(
        user=world.people.munich_staff,
        kind="study_visit",
        topic="Community land-use plans",
        field_of_action=world.renewal,
    )
    assert offer.cluster == world.iud
    with pytest.raises(services.NotAllowed):
        services.offer_end(offer=offer, user=world.requester)


@pytest.mark.django_db
def test_unknown_organisation_type_is_refused(world):
    with pytest.raises(services.NotAllowed):
        services.exchange_create(
            user=world.requester,
            **request_fields(world, organisation=OrganisationFactory()),
        )
