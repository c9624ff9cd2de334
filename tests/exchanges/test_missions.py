"""Mission event pages: an online consultation gets the link the case manager
gave or none (never a made-up one), and the pages' slugs are unique per case
without counting every mission in the database."""

from datetime import date

from django.urls import reverse

import pytest

from events.models import EventPage, Registration
from exchanges import services
from exchanges.models import ExchangeMission, ExchangeState
from tests.events.fixtures import event_index

from .conftest import make_exchange

pytestmark = pytest.mark.django_db

LINK = "https://video.example.org/amman-consultation"


def _schedule(world, exchange, **fields):
    values = {
        "exchange": exchange,
        "actor": world.people.mena_coordinator,
        "kind": "online_consultation",
        "title": "Online consultation with Munich",
        "starts_on": date(2027, 5, 3),
        "create_event_page": True,
    }
    values.update(fields)
    return services.mission_schedule(**values)


@pytest.fixture
def exchange(world):
    event_index()
    return make_exchange(
        world, ExchangeState.AGREEMENT, case_manager=world.people.mena_coordinator
    )


def test_online_consultation_without_link_says_it_will_follow(client, world, exchange):
    mission = _schedule(world, exchange)
    page = mission.event
    assert page.attendance_mode == "online"
    assert page.online_link == ""
    Registration.objects.create(
        event=page,
        user=world.requester,
        role="Planner",
        motivation="Learn",
        consent_data=True,
        state="confirmed",
    )
    client.force_login(world.requester)
    html = client.get(page.url).content.decode()
    assert "The link will follow" in html
    assert "meet.example.org" not in html
    response = client.get(reverse("exchange_detail", args=[exchange.pk]))
    assert response.status_code == 200
    assert "the online link will follow" in response.content.decode()


def test_online_consultation_takes_the_case_managers_link(world, exchange):
    page = _schedule(world, exchange, online_link=LINK).event
    assert page.online_link == LINK
    assert EventPage.objects.get(pk=page.pk).online_link == LINK


def test_a_bad_or_misplaced_link_changes_nothing(world, exchange):
    missions = exchange.missions.count()
    pages = EventPage.objects.count()
    with pytest.raises(services.ExchangeError, match="not a valid web address"):
        _schedule(world, exchange, online_link="javascript:alert(1)")
    with pytest.raises(services.ExchangeError, match="only taken for an online"):
        _schedule(world, exchange, kind="study_visit", online_link=LINK)
    assert exchange.missions.count() == missions
    assert EventPage.objects.count() == pages


def test_mission_slugs_are_numbered_per_case(world, exchange):
    other = make_exchange(
        world, ExchangeState.AGREEMENT, case_manager=world.people.mena_coordinator
    )
    # Each case starts with one mission (from ``make_exchange``).
    first = _schedule(world, exchange).event
    second = _schedule(world, exchange, kind="study_visit").event
    elsewhere = _schedule(world, other).event
    assert first.slug == f"exchange-{exchange.pk}-mission-2"
    assert second.slug == f"exchange-{exchange.pk}-mission-3"
    assert elsewhere.slug == f"exchange-{other.pk}-mission-2"
    # A deleted mission frees a number the page of a later one must not reuse.
    ExchangeMission.objects.filter(exchange=exchange, event__isnull=True).delete()
    third = _schedule(world, exchange).event
    assert third.slug == f"exchange-{exchange.pk}-mission-4"
    slugs = list(EventPage.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))
