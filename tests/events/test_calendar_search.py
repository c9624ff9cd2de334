"""Keyword search and the date filter of the event calendar: stemmed in the page's
language, combined with the filters, dates inclusive in the event's own time zone,
bad input answered with a message on a normal page."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

import pytest

from events.models import EventIndexPage
from tests.events.fixtures import event_index, make_event, make_past_event
from tests.knowledge_fixtures import cluster

pytestmark = pytest.mark.django_db

EN = "/en/events/"
DE = "/de/veranstaltungen/"


def _at(day: int, hour: int, zone: str) -> dict:
    """Start and end on ``day`` March 2031 at ``hour`` in ``zone``."""
    start = datetime(2031, 3, day, hour, tzinfo=ZoneInfo(zone))
    return {
        "starts_at": start,
        "ends_at": start + timedelta(hours=3),
        "time_zone": zone,
    }


@pytest.fixture(scope="module")
def calendar(django_db_setup, django_db_blocker):
    """English and German events, built once for the module (rolled back after)."""
    with django_db_blocker.unblock(), transaction.atomic():
        index = event_index()
        make_event(
            index,
            title="Workshop on composting",
            teaser="Cities share how they turn organic waste into soil.",
            event_format="training",
            cluster=cluster("municipal-services"),
            # 01:00 in Amman (UTC+3) is still 11 March in UTC.
            **_at(12, 1, "Asia/Amman"),
        )
        make_event(
            index,
            title="Dialogue on land management",
            teaser="Practitioners compare how their cities plan undeveloped land.",
            **_at(14, 18, "Europe/Berlin"),
        )
        make_event(
            index,
            title="Study tour to Tunis",
            teaser="Visiting the recycling centres of the markets.",
            **_at(20, 9, "Europe/Berlin"),
        )
        make_past_event(
            index,
            title="Composting conference",
            teaser="Looking back on a year of organic waste collection.",
        )
        make_event(
            index,
            title="Composting network meeting",
            teaser="The date follows once the host city is chosen.",
            starts_at=None,
            ends_at=None,
        )
        german = EventIndexPage.objects.get(locale__language_code="de")
        make_event(
            german,
            title="Kompostierungen in Städten",
            teaser="Erfahrungen mit Bioabfall aus drei Ländern.",
            **_at(12, 10, "Europe/Berlin"),
        )
        yield index
        transaction.set_rollback(True)


def _listing(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.context["listing"]


def _titles(listing) -> dict[str, list[str]]:
    return {
        "upcoming": [event.title for event in listing.upcoming],
        "unscheduled": [event.title for event in listing.unscheduled],
        "past": [event.title for event in listing.past_items],
    }


SEARCHES = [
    # English stemming: "composted" and "composting" share the stem.
    (
        {"q": "composted"},
        {
            "upcoming": ["Workshop on composting"],
            "unscheduled": ["Composting network meeting"],
            "past": ["Composting conference"],
        },
    ),
    # The teaser is searched: "practitioner" finds "Practitioners".
    ({"q": "practitioner"}, {"upcoming": ["Dialogue on land management"]}),
    # Search combines with the filters.
    (
        {"q": "organic waste", "format": "training", "cluster": "municipal-services"},
        {"upcoming": ["Workshop on composting"]},
    ),
    ({"q": "compost", "when": "past"}, {"past": ["Composting conference"]}),
    # With the dates: undated events are in no date range.
    (
        {"q": "compost", "from": "2031-03-01"},
        {"upcoming": ["Workshop on composting"]},
    ),
    ({"q": "tunis", "to": "2031-03-19"}, {}),
]


@pytest.mark.parametrize(("params", "expected"), SEARCHES)
def test_search_finds_by_title_and_teaser_with_filters(
    client, calendar, params, expected
):
    listing = _listing(client, EN, params)
    assert _titles(listing) == {
        "upcoming": [],
        "unscheduled": [],
        "past": [],
        **expected,
    }
    assert not listing.messages
    assert not listing.forgiven


def test_german_calendar_searches_with_german_stemming(client, calendar):
    for query in ("Kompostierung", "Stadt", "Bioabfälle"):
        listing = _listing(client, DE, {"q": query})
        assert _titles(listing)["upcoming"] == ["Kompostierungen in Städten"], query
    # English pages are not in the German calendar, nor German ones in the English
    # (what is similar may be shown, but in the calendar's own language).
    found = _listing(client, DE, {"q": "composting"}).items
    assert {event.locale.language_code for event in found} <= {"de"}
    found = _listing(client, EN, {"q": "Kompostierungen"}).items
    assert "Kompostierungen in Städten" not in [event.title for event in found]


def test_a_typo_is_forgiven_with_a_suggestion(client, calendar):
    listing = _listing(client, EN, {"q": "compostng"})
    assert listing.forgiven == "similar"
    assert "Workshop on composting" in _titles(listing)["upcoming"]
    assert listing.suggestion == "composting"


DATE_RANGES = [
    # Inclusive at both ends, on the day the event shows (in its own zone): the
    # Amman workshop starts on 11 March in UTC but on 12 March in Amman.
    (
        {"from": "2031-03-12", "to": "2031-03-14"},
        ["Workshop on composting", "Dialogue on land management"],
    ),
    ({"from": "2031-03-12", "to": "2031-03-12"}, ["Workshop on composting"]),
    ({"to": "2031-03-11"}, []),
    ({"from": "2031-03-13"}, ["Dialogue on land management", "Study tour to Tunis"]),
    ({"from": "2031-03-14", "to": "2031-03-14"}, ["Dialogue on land management"]),
    (
        {"from": "2031-03-01", "format": "dialogue_event"},
        ["Dialogue on land management", "Study tour to Tunis"],
    ),
]


@pytest.mark.parametrize(("params", "expected"), DATE_RANGES)
def test_dates_choose_events_by_their_local_start_day(
    client, calendar, params, expected
):
    listing = _listing(client, EN, {"when": "upcoming", **params})
    assert sorted(_titles(listing)["upcoming"]) == sorted(expected)
    assert not listing.unscheduled
    assert not listing.messages


def test_without_dates_undated_events_are_listed(client, calendar):
    listing = _listing(client, EN, {})
    assert _titles(listing)["unscheduled"] == ["Composting network meeting"]
    listing = _listing(client, EN, {"from": "1950-01-01"})
    assert _titles(listing)["unscheduled"] == []
    assert _titles(listing)["past"] == ["Composting conference"]


def test_search_and_dates_are_shareable_and_removable(client, calendar):
    params = {"q": "compost", "format": "training", "from": "2031-03-12"}
    response = client.get(EN, {**params, "to": "2031-03-31"})
    listing = response.context["listing"]
    query = "q=compost&format=training&from=2031-03-12&to=2031-03-31"
    assert listing.canonical_query() == query
    assert response.context["canonical_url"].endswith(f"/en/events/?{query}")
    removes = {active.label: active.remove_query for active in listing.active_filters}
    assert removes["Starts on or after"] == ("q=compost&format=training&to=2031-03-31")
    assert removes["Starts on or before"] == (
        "q=compost&format=training&from=2031-03-12"
    )
    assert listing.query_removed == "format=training&from=2031-03-12&to=2031-03-31"
    html = response.content.decode()
    assert '<input type="search" name="q" id="id_q" value="compost"' in html
    assert '<label for="id_from">' in html
    assert 'name="from" id="id_from" value="2031-03-12"' in html
    assert 'name="to" id="id_to" value="2031-03-31"' in html
    assert "12 March 2031" in html  # the active filter, as a date people read
    assert f'href="/en/events/?{listing.query_removed.replace("&", "&amp;")}"' in html
    assert 'role="search"' in html


BAD_INPUT = [
    ({"from": "yesterday"}, "“yesterday” is not a date we can start from"),
    ({"to": "2031-02-30"}, "“2031-02-30” is not a date we can end at"),
    ({"to": "2031-13-01"}, "“2031-13-01” is not a date we can end at"),
    ({"from": "20310312"}, "“20310312” is not a date we can start from"),
    ({"from": "2031-W11-3"}, "“2031-W11-3” is not a date we can start from"),
    ({"from": "0001-01-01"}, "years 1950 to 2100"),
    ({"to": "9999-12-31"}, "years 1950 to 2100"),
    ({"from": "99999-01-01"}, "is not a date we can start from"),
    ({"from": "²⁰³¹-03-12"}, "is not a date we can start from"),
    ({"from": "٢٠٣١-٠٣-١٢"}, "is not a date we can start from"),
    ({"from": "2031-03-12\x00"}, "is not a date we can start from"),
    ({"from": "2031-03-12T10:00"}, "is not a date we can start from"),
    (
        {"from": "2031-03-20", "to": "2031-03-12"},
        "The first day (20 March 2031) is after the last day (12 March 2031)",
    ),
    ({"q": " ".join(["x"] * 90)}, "more than 32 words"),
]


@pytest.mark.parametrize(("params", "message"), BAD_INPUT)
def test_bad_input_gives_a_normal_page_with_a_message(
    client, calendar, params, message
):
    response = client.get(EN, {**params, "format": "training"})
    assert response.status_code == 200
    listing = response.context["listing"]
    assert any(message in text for text in listing.messages), listing.messages
    assert message.split("(")[0] in response.content.decode()
    # The other filters stay; the bad dates are left out.
    assert listing.params.get("format") == "training"
    assert listing.selected["format"][1] == "training"
    assert not listing.dates
    if "q" not in params:
        assert _titles(listing)["upcoming"] == ["Workshop on composting"]


def test_a_query_with_control_characters_and_quotes_still_searches(client, calendar):
    listing = _listing(client, EN, {"q": '\x00"composting'})
    assert listing.query == "composting"
    assert "Workshop on composting" in _titles(listing)["upcoming"]
