"""The event calendar: upcoming (open calls first) and past, filters as GET
parameters, unknown values and page numbers with a message, constant queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from lxml import html as lxml_html

from demo.indexing import once_per_object
from tests.events.fixtures import event_index, make_event, make_past_event
from tests.knowledge_fixtures import cluster

pytestmark = pytest.mark.django_db


def _titles(response, key: str) -> list[str]:
    listing = response.context["listing"]
    items = listing.upcoming if key == "upcoming" else listing.past_items
    return [event.title for event in items]


def test_upcoming_lists_open_calls_first_thenmake_past_event(client):
    now = timezone.now()
    soon_closed = make_event(
        title="Soon but closed",
        starts_at=now + timedelta(days=5),
        ends_at=now + timedelta(days=6),
        applications_open=now + timedelta(days=1),
    )
    later_open = make_event(title="Later and open")
    old = make_past_event(title="Long ago")
    response = client.get(event_index().url)
    assert response.status_code == 200
    assert _titles(response, "upcoming") == [later_open.title, soon_closed.title]
    assert _titles(response, "past") == [old.title]
    html = response.content.decode()
    assert "Open for applications" in html


def test_filters_combine_and_are_shareable(client):
    event_index()
    municipal = cluster("municipal-services")
    make_event(
        title="Webinar online",
        event_format="webinar",
        attendance_mode="online",
        online_link="https://x.example/r",
    )
    make_event(title="Workshop", event_format="training", cluster=municipal)
    url = event_index().url
    response = client.get(url, {"format": "training", "cluster": "municipal-services"})
    assert _titles(response, "upcoming") == ["Workshop"]
    response = client.get(url, {"attendance": "online"})
    assert _titles(response, "upcoming") == ["Webinar online"]
    response = client.get(url, {"open": "1", "when": "upcoming"})
    assert len(_titles(response, "upcoming")) == 2
    assert response.context["listing"].past is None
    html = response.content.decode()
    assert 'method="get"' in html
    assert 'value="upcoming" selected' in html


def test_past_filter_hides_upcoming(client):
    make_event(title="Coming")
    make_past_event(title="Gone")
    response = client.get(event_index().url, {"when": "past"})
    assert _titles(response, "past") == ["Gone"]
    assert "Upcoming events" not in response.content.decode()


def test_unknown_values_and_huge_pages_give_a_normal_page(client):
    make_past_event(title="Gone")
    response = client.get(
        event_index().url,
        {"format": "party", "cluster": "nope", "open": "maybe", "page": "99999999999"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no format “party”" in html
    assert "There is no cluster “nope”" in html
    assert "There is no page 99999999999; showing the last page." in html
    assert _titles(response, "past") == ["Gone"]


def test_german_calendar_works(client):
    event_index()
    response = client.get("/de/veranstaltungen/")
    assert response.status_code == 200


def test_event_list_queries_do_not_grow_with_events(client):
    """The budget: the filter taxonomy (clusters, regions: one query each), the
    upcoming events and their host cities with names (prefetches), the same for
    the events without a date, the archive's
    count, page and prefetches, plus Wagtail's page routing and the site frame.
    None of these runs once per event, so 1 and 50 events cost the same."""
    index = event_index()
    make_event(title="Event 0")
    make_past_event(title="Past 0")
    client.get(index.url)
    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    # Indexed once each when the block ends, as the demo seeds (quicker).
    with once_per_object():
        for number in range(1, 50):
            make_event(title=f"Event {number}")
            make_past_event(title=f"Past {number}")
    client.get(index.url)  # the menu, cached again after the new content
    with CaptureQueriesContext(connection) as many:
        response = client.get(index.url)
    assert len(response.context["listing"].upcoming) == 50
    assert len(many) == len(one)


def test_searching_the_calendar_queries_do_not_grow_with_events(client):
    """Searching with dates and a filter costs what browsing costs: the search is a
    subquery of the three sections' queries, the dates a condition in them, and
    the undated section is skipped (no undated event has a date). Nothing runs once
    per event. The check whether the words find anything at all (for the
    forgiving search) runs only when nothing is shown, so not here."""
    index = event_index()
    params = {"q": "land", "from": "2000-01-01", "format": "dialogue_event"}
    make_event(title="Event 0")
    make_past_event(title="Past 0")
    client.get(index.url, params)
    with CaptureQueriesContext(connection) as one:
        client.get(index.url, params)
    # Indexed once each when the block ends, as the demo seeds (quicker).
    with once_per_object():
        for number in range(1, 50):
            make_event(title=f"Event {number}")
            make_past_event(title=f"Past {number}")
    client.get(index.url, params)  # the menu, cached again after the new content
    with CaptureQueriesContext(connection) as many:
        response = client.get(index.url, params)
    listing = response.context["listing"]
    assert len(listing.upcoming) == 50
    assert listing.past.paginator.count == 50
    assert not listing.forgiven
    assert len(many) == len(one)
    with CaptureQueriesContext(connection) as browsing:
        client.get(index.url)
    assert len(one) <= len(browsing)


def test_chosen_filters_are_removable_chips_and_the_panel_opens(client):
    """The date filters too: each chip links to the calendar without it."""
    make_event(title="Workshop", event_format="training")
    url = event_index().url
    response = client.get(url, {"format": "training", "from": "2020-01-01"})
    document = lxml_html.fromstring(response.content)
    chips = document.xpath('//ul[@class="chips"]//a[@class="chip"]')
    names = [" ".join(chip.text_content().split()) for chip in chips]
    assert len(names) == 2
    assert all(name.startswith("Remove filter: ") for name in names)
    assert any(name.startswith("Remove filter: Format: ") for name in names)
    for chip in chips:
        removed = client.get(chip.get("href")).context["listing"]
        assert len(removed.active_filters) == 1
    panel = document.xpath('//details[@class="filter-panel"]')[0]
    assert panel.get("open") is not None
    assert panel.xpath('.//input[@name="from"]')
    assert not panel.xpath('.//input[@name="q"]')
    folded = lxml_html.fromstring(client.get(url).content)
    assert folded.xpath('//details[@class="filter-panel"]')[0].get("open") is None
