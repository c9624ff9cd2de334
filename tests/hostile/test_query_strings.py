"""No query string makes the site answer 5xx: generated hostile values for every
parameter of the index pages, the event calendar, the city directory, the site
search, the JSON API, the feeds, the calendar files and the locator maps. Pages
answer with a message and the usual listing; the API answers 400 with
``{"message": ...}``; a locator map answers its picture or 404.

Runs on PostgreSQL and on SQLite (``both_databases``); results may differ between
the backends (stemming, trigram), a 5xx may not.
"""

from datetime import date, timedelta

from django.utils import timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.params import MAX_DB_INT
from core.search import MAX_QUERY_TERMS
from tests.events.fixtures import event_index, make_event
from tests.knowledge_fixtures import module_world

from .strategies import HOSTILE, hostile_params, hostile_value, raw_query

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

INDEX_PARAMS = [
    "q",
    "cluster",
    "field",
    "region",
    "country",
    "city",
    "sdg",
    "tag",
    "year",
    "stage",
    "sort",
    "page",
]
EVENT_PARAMS = [
    "q",
    "from",
    "to",
    "format",
    "cluster",
    "region",
    "attendance",
    "open",
    "when",
    "page",
]
DIRECTORY_PARAMS = ["q", "region", "country", "kind", "cluster", "page"]
SEARCH_PARAMS = ["q", "type", "page"]
API_PARAMS = [
    "search",
    "search_operator",
    "cluster",
    "field",
    "field_of_action",
    "region",
    "country",
    "city",
    "sdg",
    "tag",
    "year",
    "stage",
    "event_format",
    "attendance",
    "upcoming",
    "locale",
    "order",
    "fields",
    "limit",
    "offset",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "first_published_at",
    "starts_at",
    "title",
    "slug",
    "show_in_menus",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The knowledge base of ``build_world`` plus an event calendar with an
    upcoming and a past event, built once for the module."""
    for world in module_world(django_db_blocker):
        with django_db_blocker.unblock():
            index = event_index()
            world.event = make_event(index)
            now = timezone.now()
            world.past_event = make_event(
                index,
                title="Past dialogue",
                starts_at=now - timedelta(days=30),
                ends_at=now - timedelta(days=29),
                applications_open=now - timedelta(days=60),
                applications_close=now - timedelta(days=40),
            )
        yield world


def page_ok(response) -> None:
    assert response.status_code < 500, response.status_code


def api_ok(response) -> None:
    """2xx, a 404 for an unknown object, a redirect from ``find``, or a 400 that
    says what was wrong."""
    assert response.status_code in (200, 301, 302, 400, 404), response.status_code
    if response.status_code == 400:
        message = response.json()["message"]
        assert isinstance(message, str)
        assert message


@HOSTILE
@given(params=hostile_params(INDEX_PARAMS))
def test_knowledge_base_indexes(client, world, params):
    for url in ("/en/good-practices/", "/de/projects/"):
        page_ok(client.get(url, params))


@HOSTILE
@given(params=hostile_params(EVENT_PARAMS))
def test_event_calendar(client, world, params):
    page_ok(client.get("/en/events/", params))


# Dates of every year a client can spell, and some the filter accepts, so that the
# generated ranges reach the SQL (including "from" after "to").
_any_date = st.dates().map(lambda day: day.isoformat())
_near_date = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)).map(
    lambda day: day.isoformat()
)
_date_param = st.one_of(_near_date, _any_date, hostile_value)


@HOSTILE
@given(query=hostile_value, start=_date_param, end=_date_param)
def test_event_calendar_search_and_dates(client, world, query, start, end):
    for url in ("/en/events/", "/de/veranstaltungen/"):
        page_ok(client.get(url, {"q": query, "from": start, "to": end}))
        page_ok(client.get(url, {"from": start, "to": end, "when": "past"}))


@HOSTILE
@given(params=hostile_params(DIRECTORY_PARAMS))
def test_city_directory(client, world, params):
    page_ok(client.get("/en/network/", params))


@HOSTILE
@given(params=hostile_params(SEARCH_PARAMS))
def test_site_search(client, world, params):
    page_ok(client.get("/en/search/", params))
    page_ok(client.get("/de/search/", params))


@HOSTILE
@given(params=hostile_params(API_PARAMS))
def test_api_listings(client, world, params):
    for endpoint in ("practices", "projects", "events", "pages"):
        api_ok(client.get(f"/api/v2/{endpoint}/", params))


@HOSTILE
@given(params=hostile_params(["id", "html_path", "fields", "locale"]))
def test_api_find_and_detail(client, world, params):
    api_ok(client.get("/api/v2/pages/find/", params))
    api_ok(client.get(f"/api/v2/practices/{world.p1.pk}/", params))
    api_ok(client.get(f"/api/v2/events/{world.event.pk}/", params))


@HOSTILE
@given(value=hostile_value)
def test_feeds_and_calendars(client, world, value):
    params = {"cluster": value, "page": value, "q": value}
    for url in (
        "/en/practices/feed/rss/",
        "/en/practices/feed/atom/",
        "/de/projects/feed/rss/",
        "/en/projects/feed/municipal-services/atom/",
        "/en/events/calendar.ics",
        "/en/events/calendar/municipal-services.ics",
        f"/en/events/{world.event.pk}/calendar.ics",
    ):
        page_ok(client.get(url, params))


LOCATOR_PARAMS = ["c", "p", "r", "colour", "v"]
# Values close to what the map tag writes, so that generated examples also reach
# the drawing: places anywhere (poles, the antimeridian, off the globe), any
# two-letter code, real and unknown regions and colours.
_coordinate = st.floats(min_value=-200, max_value=200, allow_nan=False).map(
    lambda value: f"{value:.{abs(int(value)) % 5}f}"
)
_near_locator_value = st.one_of(
    st.tuples(_coordinate, _coordinate).map(",".join),
    st.lists(st.from_regex(r"[A-Za-z]{2}", fullmatch=True), max_size=9).map(",".join),
    st.sampled_from(["teal", "ochre", "pink", "1", "2", "0", "ZZ", "XK,JO,SG"]),
    hostile_value,
)


@HOSTILE
@given(
    params=hostile_params(LOCATOR_PARAMS)
    | st.dictionaries(
        st.sampled_from(LOCATOR_PARAMS),
        st.lists(_near_locator_value, min_size=1, max_size=3),
        min_size=1,
        max_size=5,
    )
)
def test_locator_maps(client, world, params):
    """A picture or "not found", never an error."""
    response = client.get("/en/maps/locator.svg", params)
    assert response.status_code in (200, 404), response.status_code


@HOSTILE
@given(query=raw_query)
def test_percent_encodings_in_raw_query_strings(client, world, query):
    for url in ("/en/good-practices/", "/en/search/", "/api/v2/practices/"):
        page_ok(client.get(f"{url}?q={query}&search={query}&{query}={query}"))


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/{id}/calendar.ics",
        "/en/events/{id}/apply/",
        "/en/exchanges/{id}/",
        "/en/exchanges/invitations/{id}/",
        "/en/profile/affiliations/{id}/withdraw/",
        "/api/v2/pages/{id}/",
        "/api/v2/practices/{id}/",
        "/api/v2/events/{id}/",
    ],
)
@pytest.mark.parametrize("number", [MAX_DB_INT, MAX_DB_INT + 1, 2**64, 10**30])
def test_huge_ids_in_paths_are_not_found(client, world, url, number):
    response = client.get(url.format(id=number))
    # 404, or what the view says before it looks (sign in first, POST only).
    assert response.status_code in (302, 404, 405), response.status_code


# --- What the answers say ---------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"year": "²⁰¹⁹"},
        {"sdg": "¹"},
        {"year": "٢٠١٩"},
        {"cluster": "\x00"},
        {"search": "\x00"},
        {"search": " ".join(["solar"] * 200)},
        {"search": "solar", "search_operator": "bogus"},
        {"offset": str(2**63)},
        {"offset": "²"},
        {"limit": str(2**64)},
        {"first_published_at": "not a date"},
        {"child_of": str(2**64)},
    ],
)
def test_api_answers_400_with_a_message(client, world, params):
    response = client.get("/api/v2/practices/", params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_api_find_with_a_bad_id(client, world):
    response = client.get("/api/v2/pages/find/", {"id": "abc"})
    assert response.status_code == 400
    assert response.json() == {"message": "id must be a page id"}
    response = client.get("/api/v2/pages/find/", {"id": str(world.p1.pk)})
    assert response.status_code == 302


def test_api_search_still_finds(client, world):
    response = client.get("/api/v2/practices/", {"search": '"solar'})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert "Solar street lighting" in titles


def test_index_says_which_values_it_ignored(client, world):
    response = client.get("/en/good-practices/", {"year": "²⁰¹⁹", "sdg": "¹"})
    assert response.status_code == 200
    listing = response.context["listing"]
    assert any("²⁰¹⁹" in message for message in listing.messages)
    assert any("¹" in message for message in listing.messages)
    assert not listing.selected


def test_too_many_words_are_cut_with_a_message(client, world):
    words = " ".join(["x"] * 90)  # under the length limit, over the word limit
    response = client.get("/en/search/", {"q": words})
    assert response.status_code == 200
    assert response.context["query"] == " ".join(["x"] * MAX_QUERY_TERMS)
    assert any(
        f"more than {MAX_QUERY_TERMS} words" in message
        for message in response.context["messages_list"]
    )
    response = client.get("/en/good-practices/", {"q": words})
    assert response.status_code == 200
    assert any(
        f"more than {MAX_QUERY_TERMS} words" in message
        for message in response.context["listing"].messages
    )


def test_a_double_quote_in_the_site_search(client, world):
    response = client.get("/en/search/", {"q": 'solar"'})
    assert response.status_code == 200
    assert response.context["query"] == "solar"
