"""Events on other pages: the home page, a city profile, the site search, the
region dashboard, and the JSON API."""

from datetime import timedelta
from unittest import mock

from django.utils import timezone

import pytest

from events.models import EventPage, Registration
from events.site_hooks import region_events_panel
from tests.events.fixtures import event_index, make_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import network_page, organisation, region

pytestmark = pytest.mark.django_db


def test_home_page_shows_upcoming_events(client):
    make_event(title="Dialogue on waste")
    html = client.get("/en/").content.decode()
    assert "Upcoming events" in html
    assert "Dialogue on waste" in html


def test_the_home_page_shows_a_call_closed_once_it_has_closed(client):
    """The home page keeps its sections for the content and process versions, as
    the page cache keeps pages: once the call's closing moment has passed, the
    event is no longer shown as open."""
    closes = timezone.now() + timedelta(hours=1)
    event = make_event(title="Dialogue on waste", applications_close=closes)
    assert "Open for applications" in client.get("/en/").content.decode()
    # An hour later: the call closed (the row as it then reads, the clock after).
    EventPage.objects.filter(pk=event.pk).update(
        applications_close=timezone.now() - timedelta(minutes=1)
    )
    later = closes + timedelta(seconds=1)
    with mock.patch("core.page_cache.timezone.now", return_value=later):
        html = client.get("/en/").content.decode()
    assert "Dialogue on waste" in html
    assert "Open for applications" not in html


def test_site_search_has_an_events_group(client):
    make_event(title="Dialogue on groundwater", teaser="Groundwater in dry cities.")
    response = client.get("/en/search/", {"q": "groundwater"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Events" in html
    assert "Dialogue on groundwater" in html or "<mark>" in html


def test_city_profile_lists_events_it_hosts(client):
    home = event_index().get_parent()
    directory = network_page(home)
    mena = region("middle-east-north-africa", "Middle East and North Africa", "Nahost")
    amman = organisation("amman", "Amman", country="JO", region=mena)
    make_event(title="Hosted in Amman", host_city=amman)
    url = directory.specific.organisation_url(_request(client), "amman")
    html = client.get(url).content.decode()
    assert "Hosted in Amman" in html


def _request(client):
    from django.test import RequestFactory

    return RequestFactory().get("/en/")


def test_region_dashboard_panel_counts_applications(rf):
    mena = region("middle-east-north-africa", "Middle East and North Africa", "Nahost")
    event = make_event(title="Regional event", region=mena)
    Registration.objects.create(
        event=event,
        user=UserFactory(),
        role="r",
        motivation="m",
        consent_data=True,
        state="accepted",
    )
    panel = region_events_panel(request=rf.get("/admin/"), region=mena)
    assert [event.title for event in panel["items"]] == ["Regional event"]
    assert panel["items"][0].cc_places_taken == 1


def test_api_lists_events_with_filters(client):
    make_event(title="A webinar", event_format="webinar")
    make_event(title="A dialogue")
    response = client.get("/api/v2/events/", {"event_format": "webinar"})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["A webinar"]
    assert (
        client.get("/api/v2/events/", {"upcoming": "true"}).json()["meta"][
            "total_count"
        ]
        == 2
    )
    assert client.get("/api/v2/events/", {"event_format": "party"}).status_code == 400
    detail = client.get(f"/api/v2/events/{response.json()['items'][0]['id']}/")
    assert "online_link" not in detail.json()
