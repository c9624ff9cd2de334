"""The good practices index: filters, search, facets, sort, map and bad input, in
English and German; a practice's page with its related content."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from lxml import html as lxml_html

from core.knowledge.listing import PER_PAGE
from core.knowledge.versions import content_changed
from core.models import Cluster, FieldOfAction
from demo.indexing import once_per_object
from practices.models import GoodPracticePage
from tests.factories import UserFactory
from tests.knowledge_fixtures import image, make_practice, module_world, translate

pytestmark = pytest.mark.django_db

EN = "/en/good-practices/"
DE = "/de/good-practices/"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def titles(response) -> list[str]:
    """The practice titles listed on an index page, in order."""
    assert response.status_code == 200
    html = response.content.decode()
    results = html.split('id="results-heading"', 1)[1]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', results)


def fresh(page):
    """A page of the module's world as the database has it now (tests run in
    savepoints, so the world's own objects may point at undone revisions)."""
    return type(page).objects.get(pk=page.pk)


def listing(response):
    return response.context["listing"]


ENGLISH_FILTERS = [
    (
        "",
        {
            "Solar street lighting",
            "Participatory budgeting",
            "Waste separation at source",
            "Green rooftop jobs",
        },
    ),
    (
        "cluster=local-economic-development",
        {"Solar street lighting", "Green rooftop jobs"},
    ),
    ("field=urban-budget-and-municipal-finances", {"Participatory budgeting"}),
    (
        "region=middle-east-north-africa",
        {"Solar street lighting", "Participatory budgeting", "Green rooftop jobs"},
    ),
    ("country=TN", {"Participatory budgeting", "Green rooftop jobs"}),
    ("country=tn", {"Participatory budgeting", "Green rooftop jobs"}),
    ("city=munich", {"Waste separation at source"}),
    ("sdg=11", {"Solar street lighting", "Waste separation at source"}),
    ("tag=energy", {"Solar street lighting", "Waste separation at source"}),
    ("year=2018", {"Solar street lighting", "Waste separation at source"}),
    ("cluster=local-economic-development&country=JO", {"Solar street lighting"}),
    ("region=middle-east-north-africa&year=2018&sdg=7", {"Solar street lighting"}),
    ("cluster=municipal-services&country=JO", set()),
]

GERMAN_FILTERS = [
    ("", {"Solare Straßenbeleuchtung", "Bürgerhaushalt"}),
    ("cluster=local-economic-development", {"Solare Straßenbeleuchtung"}),
    ("country=TN", {"Bürgerhaushalt"}),
    ("city=amman&sdg=7&tag=energy&year=2018", {"Solare Straßenbeleuchtung"}),
    ("region=germany", set()),
]

SEARCHES = [
    # Stemming: "lamp" finds "lamps", "budgets" finds "budget".
    (f"{EN}?q=lamp", {"Solar street lighting"}),
    (f"{EN}?q=budgets", {"Participatory budgeting"}),
    # Tags and body are searched too.
    (f"{EN}?q=energy", {"Solar street lighting", "Waste separation at source"}),
    # Search combines with filters.
    (f"{EN}?q=energy&country=JO", {"Solar street lighting"}),
    (f"{EN}?q=energy&city=tunis", set()),
    # German stemming on the German index: "Stadt" finds "Städte".
    (f"{DE}?q=Stadt", {"Solare Straßenbeleuchtung"}),
    (f"{DE}?q=Leuchte", {"Solare Straßenbeleuchtung"}),
]


def test_filters_return_exactly_the_matching_practices(client, world):
    for query, expected in ENGLISH_FILTERS:
        response = client.get(f"{EN}?{query}")
        assert set(titles(response)) == expected, query
        assert listing(response).count == len(expected), query
        assert not listing(response).messages, query


def test_filters_work_the_same_on_german_translations(client, world):
    """German pages point at the English taxonomy rows; filter slugs are shared."""
    for query, expected in GERMAN_FILTERS:
        assert set(titles(client.get(f"{DE}?{query}"))) == expected, query


def test_german_index_shows_taxonomy_in_german(client, world):
    html = client.get(DE).content.decode()
    assert "Lokale Wirtschaftsentwicklung (1)" in html
    assert "Grüne urbane Wirtschaft" in html


def test_search_returns_exactly_the_matching_practices(client, world):
    for url, expected in SEARCHES:
        assert set(titles(client.get(url))) == expected, url


# --- Search that forgives (core.forgiving) ---------------------------------------


def test_a_typo_finds_the_practice_and_suggests_the_word(client, world):
    response = client.get(f"{EN}?q=recyclng")
    assert titles(response) == ["Waste separation at source"]
    assert listing(response).forgiven == "similar"
    assert listing(response).suggestion == "recycling"
    html = response.content.decode()
    assert "Did you mean:" in html
    assert 'href="?q=recycling"' in html


def test_a_german_word_on_the_english_site_finds_the_english_page(client, world):
    translate(
        world.p3,
        title="Abfalltrennung an der Quelle",
        teaser="Münchner Haushalte trennen ihren Abfall an der Quelle.",
    )
    response = client.get(f"{EN}?q=Abfall")
    assert titles(response) == ["Waste separation at source"]
    assert listing(response).forgiven == "other_language"
    assert "found through their version in another language" in (
        response.content.decode()
    )


def test_an_english_word_on_the_german_site_finds_the_german_page(client, world):
    response = client.get(f"{DE}?q=lamps")
    assert titles(response) == ["Solare Straßenbeleuchtung"]
    assert listing(response).forgiven == "other_language"


def test_nothing_is_forgiven_when_the_filters_leave_nothing(client, world):
    response = client.get(f"{EN}?q=energy&city=tunis")
    assert titles(response) == []
    assert listing(response).forgiven == ""
    response = client.get(f"{EN}?q=zzzqqq")
    assert titles(response) == []
    assert listing(response).forgiven == ""


@pytest.mark.both_databases
def test_the_beginning_of_a_word_finds_the_practice(client, world):
    """On PostgreSQL the last word is a prefix already; the demo on SQLite finds
    it by the title."""
    assert titles(client.get(f"{EN}?q=wast")) == ["Waste separation at source"]


def test_facets_count_what_choosing_another_value_would_give(client, world):
    """Each facet counts the results of all other filters (and the search), so a
    chosen region still offers the other regions with their counts."""
    response = client.get(f"{EN}?region=middle-east-north-africa")
    facets = {facet.name: facet for facet in listing(response).facets}
    regions = {option.value: option.count for option in facets["region"].options}
    assert regions == {"middle-east-north-africa": 3, "germany": 1}
    assert [o.value for o in facets["region"].options if o.selected] == [
        "middle-east-north-africa"
    ]
    clusters = {option.value: option.count for option in facets["cluster"].options}
    assert clusters == {"good-urban-governance": 1, "local-economic-development": 2}
    countries = {option.value: option.count for option in facets["country"].options}
    assert countries == {"JO": 1, "TN": 2}
    html = response.content.decode()
    assert '<option value="germany">Germany (1)</option>' in html


def test_facets_follow_the_search(client, world):
    response = client.get(f"{EN}?q=energy")
    facets = {facet.name: facet for facet in listing(response).facets}
    assert {option.value: option.count for option in facets["tag"].options} == {
        "energy": 2,
        "recycling": 1,
    }


def test_counts_follow_publishing_at_once(client, world):
    """Facet counts are cached per content version; publishing or unpublishing a
    practice starts a new version, so the very next request counts afresh."""
    url = f"{EN}?country=TN"
    assert listing(client.get(url)).count == 2
    practice = make_practice(
        world.pages["practices"],
        title="Street markets",
        field="green-urban-economy",
        country="TN",
    )
    response = client.get(url)
    assert listing(response).count == 3
    assert "Street markets" in titles(response)
    facets = {facet.name: facet for facet in listing(response).facets}
    clusters = {option.value: option.count for option in facets["cluster"].options}
    assert clusters == {"good-urban-governance": 1, "local-economic-development": 2}

    practice.unpublish()
    response = client.get(url)
    assert listing(response).count == 2
    assert "Street markets" not in titles(response)


def test_renamed_taxonomy_shows_at_once(client, world):
    """Facet labels are cached too; saving a taxonomy row starts a new version."""
    assert "Local Economic Development (2)" in client.get(EN).content.decode()
    cluster = Cluster.objects.get(
        slug="local-economic-development", locale__language_code="en"
    )
    cluster.name = "Local economies"
    cluster.save()
    assert "Local economies (2)" in client.get(EN).content.decode()


def test_index_offers_its_feeds_to_browsers(client, world):
    html = client.get(EN).content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Good practices (RSS)" href="/en/practices/feed/rss/">'
    ) in html
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Good practices (Atom)" href="/en/practices/feed/atom/">'
    ) in html
    assert "/feed/local-economic-development/" not in html
    html = client.get(f"{EN}?cluster=local-economic-development").content.decode()
    assert (
        'title="Good practices: Local Economic Development (RSS)" '
        'href="/en/practices/feed/local-economic-development/rss/">'
    ) in html
    html = client.get(DE).content.decode()
    assert 'title="Gute Praktiken (RSS)" href="/de/practices/feed/rss/">' in html


def test_signed_in_people_are_invited_to_propose_a_practice(client, world):
    link = '<a class="button" href="/en/practices/propose/">Propose a good practice'
    assert link not in client.get(EN).content.decode()
    client.force_login(UserFactory())
    assert link in client.get(EN).content.decode()


def test_sorting(client, world):
    newest = titles(client.get(EN))
    assert newest == [
        "Green rooftop jobs",
        "Waste separation at source",
        "Participatory budgeting",
        "Solar street lighting",
    ]
    assert titles(client.get(f"{EN}?sort=title")) == sorted(newest)
    response = client.get(f"{EN}?q=energy")
    assert listing(response).sort == "relevance"
    html = response.content.decode()
    assert '<option value="relevance" selected>Best match</option>' in html


def test_pagination_keeps_filters_in_links(client, world):
    index = world.pages["practices"]
    for number in range(PER_PAGE):
        make_practice(index, title=f"Extra {number}", country="TN")
    response = client.get(f"{EN}?country=TN")
    assert listing(response).count == PER_PAGE + 2
    html = response.content.decode()
    assert 'href="?country=TN&amp;page=2" rel="next"' in html
    second = client.get(f"{EN}?country=TN&page=2")
    assert len(titles(second)) == 2
    assert not listing(second).messages


def test_map_points_follow_the_filters(client, world):
    response = client.get(f"{EN}?country=TN")
    points = response.context["map_points"]
    assert [(point["name"], point["count"]) for point in points] == [("Tunis", 2)]
    assert points[0]["url"] == f"{EN}?country=TN&city=tunis"
    assert points[0]["lat"] == pytest.approx(36.8)
    html = response.content.decode()
    assert 'id="knowledge-map-data"' in html
    # The map stays hidden until the script shows it; the list is always there.
    assert "data-map-section hidden" in html


def test_german_map_uses_german_city_names(client, world):
    points = client.get(DE).context["map_points"]
    assert {point["name"] for point in points} == {
        "Greater Amman Municipality",
        "Tunis",
    }
    response = client.get("/de/projects/")
    assert "München" in {point["name"] for point in response.context["map_points"]}


BAD_INPUT = [
    ("cluster=nope", "There is no cluster “nope”; showing all clusters."),
    ("field=nope", "There is no field of action “nope”"),
    ("region=atlantis", "There is no region “atlantis”"),
    ("country=XX", "There is no country “XX”"),
    ("city=nowhere", "There is no city or organisation “nowhere”"),
    ("sdg=18", "There is no SDG “18”"),
    ("sdg=abc", "There is no SDG “abc”"),
    ("tag=nothing", "There is no tag “nothing”"),
    ("year=1066", "“1066” is not a year"),
    ("year=" + "9" * 5000, "is not a year"),
    ("page=999999", "There is no page 999999; showing the last page."),
    ("page=abc", "“abc” is not a page number; showing the first page."),
    ("page=-1", "There is no page -1; showing the first page."),
    ("page=" + "9" * 5000, "is not a page number"),
    ("sort=relevance", "Sorting by best match needs a search term"),
    ("sort=price", "We cannot sort by “price”"),
]


def test_bad_input_gives_a_normal_page_with_a_message(client, world):
    for query, message in BAD_INPUT:
        response = client.get(f"{EN}?{query}")
        assert response.status_code == 200, query
        assert any(message in text for text in listing(response).messages), query
        assert message in response.content.decode(), query
        # Unknown values are ignored: everything is listed.
        assert listing(response).count == 4, query


def test_unknown_filter_next_to_a_good_one_keeps_the_good_one(client, world):
    response = client.get(f"{EN}?cluster=nope&country=TN")
    assert set(titles(response)) == {"Participatory budgeting", "Green rooftop jobs"}


def test_a_very_long_query_is_cut_with_a_message(client, world):
    response = client.get(EN, {"q": "energy " * 300})
    assert response.status_code == 200
    assert len(listing(response).query) <= 200
    assert "longer than 200 characters" in response.content.decode()


HOSTILE_QUERIES = [
    "<script>alert('x')</script>",
    "'; DROP TABLE wagtailcore_page; --",
    "energy' OR '1'='1",
    'a & | ! : * ( ) \\ "',
    "\x00energy\x01",
    "<>",
]


def test_sql_and_html_in_the_query_are_harmless(client, world):
    for query in HOSTILE_QUERIES:
        response = client.get(EN, {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert "<script>alert" not in html
    html = client.get(EN, {"q": HOSTILE_QUERIES[0]}).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert set(titles(client.get(EN, {"q": "\x00energy\x01"}))) == {
        "Solar street lighting",
        "Waste separation at source",
    }
    # Everything is still there afterwards.
    assert listing(client.get(EN)).count == 4


def test_html_in_an_unknown_filter_value_is_escaped(client, world):
    response = client.get(EN, {"cluster": "<b>bold</b>"})
    html = response.content.decode()
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_filters_work_without_javascript(client, world):
    """A plain GET form with labelled fields and a submit button."""
    html = client.get(EN).content.decode()
    form = html.split('class="filter-form" method="get"', 1)[1].split("</form>")[0]
    for name in (
        "q",
        "cluster",
        "field",
        "region",
        "country",
        "city",
        "sdg",
        "tag",
        "year",
        "sort",
    ):
        assert f'name="{name}"' in form
        assert f'<label for="id_{name}">' in form
    assert '<button class="button" type="submit">' in form


def test_listing_url_is_shareable(client, world):
    """The canonical link repeats the valid filters and drops the unknown ones."""
    response = client.get(f"{EN}?country=TN&cluster=nope&q=jobs")
    assert response.context["canonical_url"] == (
        f"http://testserver{EN}?q=jobs&country=TN"
    )


def _add_practices(world, count: int) -> None:
    """``count`` more practices in Amman (and Tunis) that match the filters and the
    search of the query-count tests, all with the same hero image."""
    hero = image()
    # Indexed once each when the block ends, as the demo seeds (quicker).
    with once_per_object():
        for number in range(count):
            make_practice(
                world.pages["practices"],
                title=f"Practice {number}",
                teaser="Street lamps powered by the sun.",
                field="green-urban-economy",
                region=world.regions["mena"],
                country="JO",
                cities=[world.cities["amman"], world.cities["tunis"]],
                sdgs=[7, 11],
                tags=["energy", f"tag-{number}"],
                start_year=2018 + number % 5,
                hero_image=hero,
            )


def _count_queries(client, url) -> int:
    client.get(url)  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


# Queries of the index page with the facets, cards and site frame cached, and how
# many more it makes when they are not; see the test's docstring.
INDEX_QUERIES = {"city": 10, "filtered": 13, "search": 10}
AFTER_A_CHANGE_QUERIES = 17
QUERY_COUNT_URLS = {
    "city": f"{EN}?city=amman",
    "filtered": f"{EN}?city=amman&cluster=local-economic-development&sdg=7&tag=energy",
    "search": f"{EN}?city=amman&q=lamps",
}


@pytest.mark.parametrize("key", list(QUERY_COUNT_URLS))
def test_index_query_count_is_the_same_for_1_and_50_practices(
    client, world, django_assert_num_queries, key
):
    """The index page makes the same number of queries for 1 and for 50 matching
    practices (each with cities, SDGs, tags and a hero image).

    The budget, per request: routing (site, locale, page and its ancestors:
    five); view restrictions (``public()``: two); one lookup per filter given; one
    page of results; the network page that city links point to. A search term is
    a subquery, not a query of its own.

    Until the content changes, the facets, the rendered cards, the menu and the
    language links come from the cache. After a change (a new content version)
    the first request makes 17 more: **one** query for all eight facets, the total
    and the map (``core.knowledge.listing.count_facets``) and the labels of the
    facets (clusters, fields, regions, SDGs in the page's language, cities, tags:
    six small queries); one prefetch each for the cards' hero images, their
    renditions, cities, SDGs and tags (five); the menu's pages and their view
    restrictions, the active locale and the translations of the home page and of
    this page for the language links (five). None of it depends on how many
    practices match.
    """
    practice = fresh(world.p1)
    practice.hero_image = image()
    practice.hero_alt = "Street lights with solar panels along a road"
    practice.save_revision().publish()
    url = QUERY_COUNT_URLS[key]
    client.get(url)
    with django_assert_num_queries(INDEX_QUERIES[key]):
        response = client.get(url)
    assert listing(response).count == 1
    content_changed()
    with django_assert_num_queries(INDEX_QUERIES[key] + AFTER_A_CHANGE_QUERIES):
        assert listing(client.get(url)).count == 1

    _add_practices(world, 49)
    with django_assert_num_queries(INDEX_QUERIES[key] + AFTER_A_CHANGE_QUERIES):
        assert listing(client.get(url)).count == 50
    with django_assert_num_queries(INDEX_QUERIES[key]):
        response = client.get(url)
    assert listing(response).count == 50
    assert len(listing(response).items) == PER_PAGE


# --- A practice's page ----------------------------------------------------------


def related(response) -> dict[str, list[str]]:
    return {
        group.key: [item.title for item in group.items]
        for group in response.context["related_groups"]
    }


def test_practice_page_shows_facts_and_links(client, world):
    response = client.get(world.p1.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/en/network/amman/">Greater Amman Municipality</a>' in html
    assert f'href="{EN}?cluster=local-economic-development"' in html
    assert "7. Affordable and clean energy" in html
    assert '<a href="/en/event/">Dialogue event on energy, Amman 2019</a>' in html


def test_practice_related_content(client, world):
    response = client.get(world.p1.url)
    assert related(response) == {
        "field": ["Green rooftop jobs"],
        "event": ["Participatory budgeting"],
        "projects": ["Solar lights for Zarqa"],
    }
    # Same city: Tunis has two practices.
    assert related(client.get(world.p2.url))["city"] == ["Green rooftop jobs"]


def test_german_practice_related_content_stays_german(client, world):
    response = client.get(world.p1_de.url)
    assert related(response) == {
        "event": ["Bürgerhaushalt"],
        "projects": ["Solarleuchten für Zarqa"],
    }
    html = response.content.decode()
    assert "Lokale Wirtschaftsentwicklung" in html


def test_practice_page_has_open_graph_and_json_ld(client, world):
    html = client.get(world.p1.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Solar street lighting">' in html
    data = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    parsed = json.loads(data)
    assert parsed["@type"] == "Article"
    assert parsed["spatialCoverage"][0]["name"] == "Greater Amman Municipality"
    assert parsed["spatialCoverage"][0]["geo"]["latitude"] == pytest.approx(31.95)
    assert {"@type": "Thing", "name": "Green urban economy"} in parsed["about"]


def test_json_ld_cannot_end_its_script_element(client, world):
    practice = fresh(world.p1)
    practice.teaser = "</script><script>alert(1)</script>"
    practice.save_revision().publish()
    html = client.get(world.p1.url).content.decode()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>")[
        0
    ]
    assert "\\u003C/script\\u003E" in block


def test_practice_page_query_count_does_not_grow_with_related_content(
    client, world, django_assert_num_queries
):
    """Related content is one query per group (same field, same city, same event,
    projects), whatever the number of related pages, when it is made (the first
    request of a content version), and none when it is kept as rendered."""
    url = world.p1.url
    client.get(url)
    content_changed()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    made = len(captured.captured_queries)
    kept = _count_queries(client, url)
    assert kept < made
    _add_practices(world, 20)
    with django_assert_num_queries(made):
        client.get(url)
    with django_assert_num_queries(kept):
        response = client.get(url)
    assert len(related(response)["field"]) == 4


def test_a_preview_shows_the_related_content_of_its_unsaved_choices(client, world):
    """A preview makes its related groups afresh: the kept ones belong to the
    published page, and the preview's are kept for nobody."""
    published = client.get(world.p1.url).content.decode()
    assert 'id="related-field"' in published
    draft = fresh(world.p1)
    # A field of action no practice is in: nothing more on it to relate.
    draft.field_of_action = (
        FieldOfAction.objects.filter(locale_id=draft.locale_id)
        .exclude(pk__in=GoodPracticePage.objects.values("field_of_action_id"))
        .first()
    )
    assert draft.field_of_action is not None
    preview = draft.make_preview_request().content.decode()
    assert "Green rooftop jobs" in published
    assert 'id="related-field"' not in preview
    assert 'id="related-event"' in preview
    # The published page still reads as it did.
    assert client.get(world.p1.url).content.decode() == published


def test_home_page_lists_the_latest_practices(client, world):
    html = client.get("/en/").content.decode()
    assert "Latest good practices" in html
    assert "Green rooftop jobs" in html


def test_the_home_pages_sections_are_read_once_per_content_version(client, world):
    """The sections are kept as rendered: the next request reads none of the
    practices, projects or events again, and a publication shows at once."""
    first = client.get("/en/").content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/en/").content.decode()
    assert again == first
    tables = ("practices_", "projects_", "events_")
    assert [
        query["sql"]
        for query in captured.captured_queries
        if any(f'"{table}' in query["sql"] for table in tables)
    ] == []
    make_practice(world.pages["practices"], title="Rain gardens for Irbid")
    html = client.get("/en/").content.decode()
    assert "Rain gardens for Irbid" in html
    assert "Green rooftop jobs" in html


def test_organisation_profile_lists_its_practices(client, world):
    html = client.get("/en/network/tunis/").content.decode()
    assert "Participatory budgeting" in html
    assert f'href="{EN}?city=tunis"' in html


def test_active_filters_are_chips_that_remove_one_filter_each(client, world):
    """Right above the results, each chosen filter is a link to the listing without
    it, named for screen readers ("Remove filter: …"); the filter panel is open."""
    response = client.get(f"{EN}?q=solar&cluster=local-economic-development&country=JO")
    document = lxml_html.fromstring(response.content)
    chips = {
        " ".join(chip.text_content().split()): chip.get("href")
        for chip in document.xpath('//ul[@class="chips"]//a[@class="chip"]')
    }
    assert chips == {
        "Remove search term: Search: “solar”×": (
            f"{EN}?cluster=local-economic-development&country=JO"
        ),
        "Remove filter: Thematic cluster: Local Economic Development×": (
            f"{EN}?q=solar&country=JO"
        ),
        "Remove filter: Country: Jordan×": (
            f"{EN}?q=solar&cluster=local-economic-development"
        ),
    }
    for chip in document.xpath('//a[@class="chip"]'):
        assert chip.xpath('./span[@aria-hidden="true"]')[0].text == "×"
    panel = document.xpath('//form[@role="search"]/details[@class="filter-panel"]')[0]
    assert panel.get("open") is not None
    # The search field stays outside the folding panel.
    assert not panel.xpath('.//input[@name="q"]')
    assert document.xpath('//form[@role="search"]/div//input[@name="q"]')
    for chip in document.xpath('//a[@class="chip"]'):
        assert client.get(chip.get("href")).status_code == 200


def test_filter_panel_is_folded_without_filters_and_the_map_can_be_skipped(
    client, world
):
    document = lxml_html.fromstring(client.get(EN).content)
    panel = document.xpath('//details[@class="filter-panel"]')[0]
    assert panel.get("open") is None
    assert panel.xpath("./summary")[0].text_content().strip() == "Filter and sort"
    assert panel.xpath('.//select[@name="cluster"]')
    assert not document.xpath('//ul[@class="chips"]')
    skip = document.xpath('//section[@class="knowledge-map"]//a[@class="skip-map"]')
    assert skip[0].text == "Skip the map, go to the list"
    target = skip[0].get("href").removeprefix("#")
    assert document.xpath(f'//*[@id="{target}"]')[0].text == "Good practices"
    # The skip link comes before the map itself.
    canvas = document.xpath('//div[@id="knowledge-map"]')[0]
    assert skip[0].getparent() is canvas.getparent()
    section = list(skip[0].getparent())
    assert section.index(skip[0]) < section.index(canvas)
