"""The site-wide search: results grouped by kind with counts, highlighted matches,
stemming in the language of the URL, other apps' groups through a hook, bad input."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail import hooks

import pytest

from core.search import SEARCH_GROUPS_HOOK, SearchGroup, SearchHit, marked_html
from tests.events.fixtures import event_index, make_event
from tests.knowledge_fixtures import make_practice, module_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def counts(response) -> dict[str, int]:
    assert response.status_code == 200
    return {group.key: group.count for group in response.context["groups"]}


def hits(response, key: str) -> list[str]:
    for entry in response.context["shown"]:
        if entry["group"].key == key:
            return [str(hit.title) for hit in entry["hits"]]
    return []


def test_results_are_grouped_by_kind_with_counts(client, world):
    response = client.get("/en/search/", {"q": "solar"})
    assert counts(response) == {
        "practices": 1,
        "projects": 1,
        "events": 0,
        "cities": 0,
        "pages": 0,
    }
    html = response.content.decode()
    assert '<a href="?q=solar&amp;type=practices">Good practices (1)</a>' in html
    assert (
        '<a href="/en/good-practices/solar-street-lighting/">'
        "<mark>Solar</mark> street lighting</a>"
    ) in html
    assert '<a href="/en/good-practices/?q=solar">' in html


def test_more_events_carry_the_query_to_the_calendar(client, world):
    make_event(event_index(), title="Solar cooking workshop")
    response = client.get("/en/search/", {"q": "solar"})
    group = next(g for g in response.context["groups"] if g.key == "events")
    assert group.more_url == "/en/events/?q=solar"
    calendar = client.get(group.more_url).context["listing"]
    assert calendar.query == "solar"
    assert [event.title for event in calendar.items] == ["Solar cooking workshop"]


def test_english_stemming_on_english_pages(client, world):
    response = client.get("/en/search/", {"q": "lamp"})
    assert hits(response, "practices") == ["Solar street lighting"]
    snippet = response.context["shown"][0]["hits"][0].snippet
    assert "<mark>lamps</mark>" in snippet


def test_german_stemming_on_german_pages(client, world):
    response = client.get("/de/search/", {"q": "Stadt"})
    assert hits(response, "practices") == ["Solare Straßenbeleuchtung"]
    assert counts(client.get("/en/search/", {"q": "Städte"}))["practices"] == 0


def test_cities_are_found_by_their_name_in_the_language(client, world):
    response = client.get("/de/search/", {"q": "München"})
    assert counts(response)["cities"] == 1
    html = response.content.decode()
    assert '<a href="/de/network/munich/"><mark>München</mark></a>' in html


def test_one_kind_alone_is_paginated(client, world):
    for number in range(25):
        make_practice(
            world.pages["practices"],
            title=f"Solar kiosk {number}",
            teaser="Solar power for market kiosks.",
        )
    response = client.get("/en/search/", {"q": "solar", "type": "practices"})
    assert response.context["only"] == "practices"
    assert len(hits(response, "practices")) == 20
    assert hits(response, "projects") == []
    html = response.content.decode()
    assert 'href="?q=solar&amp;type=practices&amp;page=2" rel="next"' in html
    overview = client.get("/en/search/", {"q": "solar"})
    assert len(hits(overview, "practices")) == 5
    assert "Show all 26 results in Good practices" in overview.content.decode()


def test_html_in_content_is_escaped_and_only_marks_are_added(client, world):
    make_practice(
        world.pages["practices"],
        title="Biogas <em>now</em>",
        teaser="<script>alert(1)</script> biogas for buses & trams",
    )
    html = client.get("/en/search/", {"q": "biogas"}).content.decode()
    main = html.split("<main", 1)[1]
    assert "<script>alert(1)</script>" not in main
    assert "<em>now</em>" not in main
    assert "&lt;em&gt;now&lt;/em&gt;" in main
    assert "<mark>biogas</mark> for buses &amp; trams" in main


def test_marked_html_escapes_before_marking():
    text = '\ue000<b>\ue001 & "quotes"'
    assert marked_html(text) == "<mark>&lt;b&gt;</mark> &amp; &quot;quotes&quot;"


def test_other_apps_add_groups_through_the_hook(client, world):
    """Another app (news, say) plugs in like events does."""

    class FakeResults(list):
        def count(self):
            return len(self)

    def news(*, request, query, locale):
        results = FakeResults(["Solar energy news"])
        return SearchGroup(
            key="news",
            title="News",
            results=results,
            to_hits=lambda rows: [
                SearchHit(title=marked_html(row), url="/en/news/1/", snippet="")
                for row in rows
            ],
            order=15,
        )

    with hooks.register_temporarily(SEARCH_GROUPS_HOOK, news):
        response = client.get("/en/search/", {"q": "solar"})
    assert [group.key for group in response.context["groups"]] == [
        "practices",
        "news",
        "projects",
        "events",
        "cities",
        "pages",
    ]
    assert hits(response, "news") == ["Solar energy news"]


def test_bad_input_gives_a_normal_page(client, world):
    for params, message in [
        ({"q": "x" * 2000}, "longer than 200 characters"),
        ({"q": "solar", "type": "nonsense"}, "There is no kind of content"),
        ({"q": "solar", "type": "practices", "page": "999"}, "no such page"),
        ({"q": "solar", "type": "practices", "page": "abc"}, "no such page"),
    ]:
        response = client.get("/en/search/", params)
        assert response.status_code == 200, params
        assert message in response.content.decode(), params
    for query in ["'; DROP TABLE wagtailcore_page; --", "<script>x</script>", "&|!:*"]:
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert "<script>x" not in response.content.decode()
    empty = client.get("/en/search/")
    assert empty.status_code == 200
    assert empty.context["groups"] == []


def test_every_page_has_a_search_box(client, world):
    html = client.get("/de/").content.decode()
    assert '<form class="site-search" method="get" action="/de/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html


def _search_queries() -> tuple[int, int]:
    """Queries of the first search of "geothermal" in a content version (its
    counts made) and of the next (its counts read), after another search has
    made what every page of the version shares (the menu, say)."""
    from django.test import Client

    client = Client()
    assert client.get("/en/search/", {"q": "another"}).status_code == 200
    measured = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/search/", {"q": "geothermal"}).status_code == 200
        measured.append(len(captured.captured_queries))
    return measured[0], measured[1]


def test_search_query_count_does_not_grow_with_results(client, world):
    """Per group: the count (at the first search of a query in a content version),
    one slice of results and one query of highlights (or none when empty), plus
    the frame; the same for 1 and for 30 matches."""
    make_practice(world.pages["practices"], title="Geothermal heat 0")
    one = _search_queries()
    for number in range(1, 30):
        make_practice(world.pages["practices"], title=f"Geothermal heat {number}")
    assert _search_queries() == one


def test_counts_are_made_once_per_content_version(client, world):
    """A count scans every match: it is made at the first search of a query in a
    content version and read afterwards (one query fewer per group), and a
    publication shows in the next search's counts."""
    make_practice(world.pages["practices"], title="Geothermal heat A")
    made, kept = _search_queries()
    assert kept == made - 5  # five groups
    response = client.get("/en/search/", {"q": "geothermal"})
    assert counts(response)["practices"] == 1
    make_practice(world.pages["practices"], title="Geothermal heat B")
    response = client.get("/en/search/", {"q": "geothermal"})
    assert counts(response)["practices"] == 2
    assert "Good practices (2)" in response.content.decode()


# --- A search that finds nothing forgives (core.forgiving) ----------------------


def test_a_typo_is_corrected_from_the_tags_and_its_results_shown(client, world):
    response = client.get("/en/search/", {"q": "recyclng"})
    assert response.context["searched"] == "recycling"
    assert hits(response, "practices") == ["Waste separation at source"]
    html = response.content.decode()
    assert (
        "Nothing contains “<bdi>recyclng</bdi>”; showing results for "
        "“<bdi>recycling</bdi>”."
    ) in html
    assert '<a href="?q=recycling&amp;type=practices">Good practices (1)</a>' in html


def test_other_languages_say_what_they_have(client, world):
    german = client.get("/de/search/", {"q": "Städte"}).context["total"]
    assert german >= 1
    response = client.get("/en/search/", {"q": "Städte"})
    assert response.context["total"] == 0
    assert response.context["elsewhere"] == [
        {
            "code": "de",
            "name": "Deutsch",
            "count": german,
            "url": "/de/search/?q=St%C3%A4dte",
        }
    ]
    assert (
        '<a href="/de/search/?q=St%C3%A4dte" hreflang="de"><span lang="de">Deutsch'
        f"</span>: {german} results</a>"
    ) in response.content.decode()


def test_nonsense_is_not_corrected(client, world):
    response = client.get("/en/search/", {"q": "zzzqqqxx"})
    assert response.context["searched"] == "zzzqqqxx"
    assert response.context["total"] == 0
    assert response.context["elsewhere"] == []


@pytest.mark.both_databases
def test_the_beginning_of_a_word_finds_results(client, world):
    """PostgreSQL stems "wast" like "waste"; the demo on SQLite corrects it from
    the titles."""
    response = client.get("/en/search/", {"q": "wast"})
    found = [re.sub("<[^>]+>", "", title) for title in hits(response, "practices")]
    assert found == ["Waste separation at source"]
