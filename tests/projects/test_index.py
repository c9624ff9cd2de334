"""The supported projects index and a project's page: filters (country, region and
city come from the cities involved, the year from the first milestone), search,
facets, bad input, related content, in English and German."""

import json
import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.knowledge.listing import PER_PAGE
from core.knowledge.versions import content_changed
from demo.indexing import once_per_object
from tests.knowledge_fixtures import image, make_project, module_world

pytestmark = pytest.mark.django_db

EN = "/en/projects/"
DE = "/de/projects/"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def titles(response) -> list[str]:
    assert response.status_code == 200
    results = response.content.decode().split('id="results-heading"', 1)[1]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', results)


def listing(response):
    return response.context["listing"]


BOTH = {"Solar lights for Zarqa", "Budget school"}
ENGLISH_FILTERS = [
    ("", BOTH),
    ("cluster=local-economic-development", {"Solar lights for Zarqa"}),
    ("field=urban-budget-and-municipal-finances", {"Budget school"}),
    ("region=middle-east-north-africa", BOTH),
    ("region=germany", {"Solar lights for Zarqa"}),
    ("country=DE", {"Solar lights for Zarqa"}),
    ("country=TN", {"Budget school"}),
    ("city=munich", {"Solar lights for Zarqa"}),
    ("sdg=7", {"Solar lights for Zarqa"}),
    ("tag=energy", {"Solar lights for Zarqa"}),
    ("year=2019", {"Solar lights for Zarqa"}),
    ("year=2021", {"Budget school"}),
    ("stage=idea", {"Budget school"}),
    ("stage=advisory&country=JO&year=2019", {"Solar lights for Zarqa"}),
    ("stage=implemented", set()),
]


def test_filters_return_exactly_the_matching_projects(client, world):
    for query, expected in ENGLISH_FILTERS:
        response = client.get(f"{EN}?{query}")
        assert set(titles(response)) == expected, query
        assert not listing(response).messages, query


def test_filters_and_search_in_german(client, world):
    for query, expected in [
        ("", {"Solarleuchten für Zarqa"}),
        ("stage=advisory&city=amman", {"Solarleuchten für Zarqa"}),
        ("stage=idea", set()),
    ]:
        assert set(titles(client.get(f"{DE}?{query}"))) == expected, query
    html = client.get(DE).content.decode()
    assert "München (Expert city)" in html or "München" in html


def test_search_combines_with_filters(client, world):
    for url, expected in [
        (f"{EN}?q=delegate", {"Budget school"}),  # "delegates" stems to "deleg"
        (f"{EN}?q=electricity", {"Solar lights for Zarqa"}),  # body
        (f"{EN}?q=munich", {"Solar lights for Zarqa"}),  # city names are indexed
        (f"{EN}?q=lamps&stage=idea", set()),
    ]:
        assert set(titles(client.get(url))) == expected, url


def test_facets(client, world):
    response = client.get(f"{EN}?stage=advisory")
    facets = {facet.name: facet for facet in listing(response).facets}
    assert {o.value: o.count for o in facets["stage"].options} == {
        "idea": 1,
        "advisory": 1,
    }
    assert {o.value: o.count for o in facets["year"].options} == {"2019": 1}
    assert {o.value: o.count for o in facets["city"].options} == {
        "amman": 1,
        "munich": 1,
    }
    assert {o.value: o.count for o in facets["region"].options} == {
        "middle-east-north-africa": 1,
        "germany": 1,
    }


def test_map_points_are_the_cities_involved(client, world):
    points = client.get(f"{EN}?stage=advisory").context["map_points"]
    assert {point["name"]: point["count"] for point in points} == {
        "Greater Amman Municipality": 1,
        "Munich": 1,
    }


def test_bad_input_gives_a_normal_page_with_a_message(client, world):
    for query, message in [
        ("stage=finished", "There is no stage “finished”"),
        ("region=<script>", "There is no region “&lt;script&gt;”"),
        ("page=99999999", "There is no page 99999999"),
        ("q=" + "x" * 2000, "longer than 200 characters"),
    ]:
        response = client.get(f"{EN}?{query}")
        assert response.status_code == 200, query
        assert message in response.content.decode(), query
        assert "<script>" not in response.content.decode().split("<main", 1)[1]


# Queries of the index page with the facets, cards and site frame cached, and how
# many more it makes when they are not; see the test's docstring.
INDEX_QUERIES = 10
AFTER_A_CHANGE_QUERIES = 17


def test_index_query_count_is_the_same_for_1_and_50_projects(
    client, world, django_assert_num_queries
):
    """The project index makes the same number of queries for 1 and for 50 matching
    projects (each with two cities and their roles, milestones, SDGs, tags, image).

    The budget, per request: routing (five); view restrictions (two); the lookup
    of the one filter given (the city); one page of results; the network page for
    links. The first request after a change of content also makes one query for
    all nine facets (the year facet reads each project's first milestone in a
    subquery), the total and the map, and six for the facets' labels; one prefetch
    each for the cards' hero images, their renditions, city roles (with
    organisations and localized names), SDGs and tags; five for the menu and the
    language links. Later ones take them from the cache (``core.knowledge.listing``,
    the cards' fragment, ``core.templatetags.core_tags``).
    """
    project = type(world.r1).objects.get(pk=world.r1.pk)
    project.hero_image = image()
    project.hero_alt = "Workshop participants at a map of the city"
    project.save_revision().publish()
    url = f"{EN}?city=munich"
    client.get(url)
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(url)
    assert listing(response).count == 1
    content_changed()
    with django_assert_num_queries(INDEX_QUERIES + AFTER_A_CHANGE_QUERIES):
        assert listing(client.get(url)).count == 1

    hero = image()
    # Indexed once each when the block ends, as the demo seeds (quicker).
    with once_per_object():
        for number in range(49):
            project = make_project(
                world.pages["projects"],
                title=f"Project {number}",
                field="green-urban-economy",
                stage="concept",
                cities=[
                    (world.cities["munich"], "expert"),
                    (world.cities["tunis"], "requesting"),
                ],
                milestones=[(date(2020, 1, 1), "event", "Dialogue")],
                sdgs=[7],
                tags=["energy"],
            )
            project.hero_image = hero
            project.hero_alt = "Workshop participants at a map of the city"
            project.save_revision().publish()
    client.get(url)
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get(url)
    assert listing(response).count == 50
    assert len(listing(response).items) == PER_PAGE


# --- A project's page ---------------------------------------------------------


def related(response) -> dict[str, list[str]]:
    return {
        group.key: [item.title for item in group.items]
        for group in response.context["related_groups"]
    }


def test_project_page_shows_cities_with_roles_and_timeline(client, world):
    html = client.get(world.r1.url).content.decode()
    assert (
        '<a href="/en/network/amman/">Greater Amman Municipality</a> – Requesting city'
        in html
    )
    assert '<a href="/en/network/munich/">Munich</a> – Expert city' in html
    timeline = html.split('class="timeline"', 1)[1].split("</ol>", 1)[0]
    assert timeline.index("Local project workshop") < timeline.index(
        "Memorandum signed"
    )
    assert 'aria-current="step">Advisory <strong>(current stage)</strong>' in html


def test_project_related_content(client, world):
    assert related(client.get(world.r1.url)) == {
        "practices": ["Solar street lighting"],
        "event": ["Participatory budgeting"],
    }
    assert related(client.get(world.r2.url)) == {}


def test_german_project_links_german_practices(client, world):
    """The German project's related practices point at English pages (that is how
    translations are copied); the page shows their German translations."""
    assert related(client.get(world.r1_de.url)) == {
        "practices": ["Solare Straßenbeleuchtung"],
        "event": ["Bürgerhaushalt"],
    }


def test_project_json_ld(client, world):
    html = client.get(world.r1.url).content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert data["@type"] == "CreativeWork"
    assert [place["name"] for place in data["spatialCoverage"]] == [
        "Greater Amman Municipality",
        "Munich",
    ]
    assert data["creativeWorkStatus"] == "Advisory"


def test_project_page_query_count_does_not_grow_with_related_content(
    client, world, django_assert_num_queries
):
    """Related content is one query per group, whatever the number of related
    projects and practices, when it is made (the first request of a content
    version), and none when it is kept as rendered (every other request)."""
    url = world.r1.url
    client.get(url)
    content_changed()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    made = len(captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    kept = len(captured.captured_queries)
    assert kept < made
    for number in range(10):
        make_project(
            world.pages["projects"],
            title=f"Sister project {number}",
            field="green-urban-economy",
            cities=[(world.cities["amman"], "peer")],
            originating_event=world.event,
        )
    with django_assert_num_queries(made):
        client.get(url)
    with django_assert_num_queries(kept):
        response = client.get(url)
    assert len(related(response)["field"]) == 4


def test_organisation_profile_lists_projects_with_roles(client, world):
    html = client.get("/en/network/munich/").content.decode()
    assert "Solar lights for Zarqa</a> – Expert city" in html
