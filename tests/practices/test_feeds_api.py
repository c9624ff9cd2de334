"""Feeds, sitemap and the JSON API of the knowledge base, with known fixtures.

Each answers with exactly the live pages it should: per language, per cluster, per
filter; drafts never show up.
"""

from datetime import date

from django.db import transaction

import pytest
from defusedxml import ElementTree

from practices.models import GoodPracticePage
from tests import knowledge_fixtures as kb

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def knowledge_base(django_db_setup, django_db_blocker):
    """Three live practices (one translated into German), one draft, two projects;
    built once for the module in a transaction rolled back after it, and each test
    runs in a savepoint on top (pytest-django's ``db``)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _knowledge_base()
        transaction.set_rollback(True)


def _knowledge_base() -> dict:
    home = kb.seed_site()
    pages = kb.index_pages(home)
    mena = kb.region("middle-east-north-africa", "Middle East", "Naher Osten")
    see = kb.region("south-east-europe", "South-East Europe", "Südosteuropa")
    amman = kb.organisation("greater-amman", "Amman", country="JO", region=mena)
    beirut = kb.organisation("beirut", "Beirut", country="LB", region=mena)
    tirana = kb.organisation("tirana", "Tirana", country="AL", region=see)
    solar = kb.make_practice(
        pages["practices"],
        title="Solar schools",
        field="waste-management-and-recycling",
        region=mena,
        country="JO",
        cities=[amman],
        sdgs=[7, 11],
        tags=["energy"],
        start_year=2019,
    )
    kb.translate(solar, title="Solarschulen", teaser="Schulen erzeugen Strom.")
    kb.make_practice(
        pages["practices"],
        title="Market halls",
        field="sme-promotion",
        region=see,
        country="AL",
        cities=[tirana],
        sdgs=[8],
        tags=["markets"],
        start_year=2021,
    )
    kb.make_practice(
        pages["practices"],
        title="Green courtyards",
        field="public-space",
        region=mena,
        country="LB",
        cities=[beirut],
        sdgs=[11],
        start_year=2019,
    )
    draft = GoodPracticePage(
        title="Unpublished draft",
        teaser="Not yet.",
        cluster=kb.cluster("municipal-services"),
        country="JO",
        live=False,
    )
    pages["practices"].add_child(instance=draft)
    kb.make_project(
        pages["projects"],
        title="Waste to energy",
        field="waste-management-and-recycling",
        stage="ready",
        cities=[(amman, "requesting"), (beirut, "peer")],
        milestones=[
            (date(2020, 3, 1), "event", "Dialogue event"),
            (date(2022, 5, 1), "mou", "MoU signed"),
        ],
        sdgs=[7],
        tags=["energy"],
    )
    kb.make_project(
        pages["projects"],
        title="Start-up hub",
        field="start-up-promotion",
        stage="idea",
        cities=[(tirana, "requesting")],
        milestones=[(date(2021, 6, 1), "workshop", "Local workshop")],
    )
    return pages


def _rss_items(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "categories": [category.text for category in item.findall("category")],
        }
        for item in channel.findall("item")
    ]


# --- Feeds --------------------------------------------------------------------------


def test_rss_lists_live_practices_of_the_language_newest_first(client, knowledge_base):
    items = _rss_items(client.get("/en/practices/feed/rss/"))
    assert [item["title"] for item in items] == [
        "Green courtyards",
        "Market halls",
        "Solar schools",
    ]
    assert items[2]["link"] == "http://testserver/en/good-practices/solar-schools/"
    assert items[2]["categories"] == ["Municipal Services"]

    german = _rss_items(client.get("/de/practices/feed/rss/"))
    assert [item["title"] for item in german] == ["Solarschulen"]
    assert german[0]["link"] == "http://testserver/de/good-practices/solar-schools/"
    assert german[0]["categories"] == ["Kommunale Dienstleistungen"]


@pytest.mark.parametrize(
    "url",
    [
        "/en/practices/feed/municipal-services/rss/",
        "/en/practices/feed/rss/?cluster=municipal-services",
    ],
)
def test_cluster_feeds_list_only_that_cluster(client, knowledge_base, url):
    response = client.get(url)
    assert [item["title"] for item in _rss_items(response)] == ["Solar schools"]
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == (
        "Good practices: Municipal Services – Connective Cities"
    )
    assert channel.findtext("link") == "http://testserver/en/good-practices/"


def test_german_cluster_feed_has_german_names(client, knowledge_base):
    response = client.get("/de/practices/feed/municipal-services/rss/")
    assert [item["title"] for item in _rss_items(response)] == ["Solarschulen"]
    channel = ElementTree.fromstring(response.content).find("channel")
    assert "Kommunale Dienstleistungen" in channel.findtext("title")
    assert channel.findtext("language") == "de"


def test_atom_feeds_are_valid(client, knowledge_base):
    response = client.get("/en/practices/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Green courtyards",
        "Market halls",
        "Solar schools",
    ]
    assert all(
        entry.find(f"{ATOM}link").get("href").startswith("http://testserver/en/")
        for entry in entries
    )
    projects = ElementTree.fromstring(
        client.get("/en/projects/feed/municipal-services/atom/").content
    )
    assert [
        entry.findtext(f"{ATOM}title") for entry in projects.findall(f"{ATOM}entry")
    ] == ["Waste to energy"]


def test_project_feeds(client, knowledge_base):
    items = _rss_items(client.get("/en/projects/feed/rss/"))
    assert [item["title"] for item in items] == ["Start-up hub", "Waste to energy"]
    assert items[1]["link"] == "http://testserver/en/projects/waste-to-energy/"
    assert _rss_items(client.get("/de/projects/feed/rss/")) == []


@pytest.mark.parametrize(
    "url",
    [
        "/en/practices/feed/no-such-cluster/rss/",
        "/en/practices/feed/rss/?cluster=%3Cscript%3E",
        "/en/projects/feed/no-such-cluster/atom/",
    ],
)
def test_unknown_clusters_are_not_found(client, knowledge_base, url):
    assert client.get(url).status_code == 404


# --- Sitemap ------------------------------------------------------------------------


def test_sitemap_lists_both_languages_with_alternates(client, knowledge_base):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ElementTree.fromstring(response.content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    english = "http://testserver/en/good-practices/solar-schools/"
    german = "http://testserver/de/good-practices/solar-schools/"
    assert english in entries
    assert german in entries
    assert entries[german] == {"en": english, "de": german, "x-default": english}
    assert "http://testserver/de/" in entries
    # Untranslated pages have no alternates; drafts are not listed at all.
    assert entries["http://testserver/en/good-practices/market-halls/"] == {}
    assert not any("unpublished-draft" in url for url in entries)


# --- API ----------------------------------------------------------------------------


def _titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Green courtyards", "Market halls", "Solar schools"]),
        ("cluster=municipal-services", ["Solar schools"]),
        ("field=sme-promotion", ["Market halls"]),
        ("field_of_action=public-space", ["Green courtyards"]),
        ("region=middle-east-north-africa", ["Green courtyards", "Solar schools"]),
        ("country=lb", ["Green courtyards"]),
        ("city=tirana", ["Market halls"]),
        ("sdg=11", ["Green courtyards", "Solar schools"]),
        ("tag=energy", ["Solar schools"]),
        ("year=2019", ["Green courtyards", "Solar schools"]),
        ("year=2020", []),
        ("region=middle-east-north-africa&year=2019&sdg=7", ["Solar schools"]),
        ("search=solar", ["Solar schools"]),
        ("search=courtyards&region=middle-east-north-africa", ["Green courtyards"]),
    ],
)
def test_practice_api_filters(client, knowledge_base, query, titles):
    assert _titles(client, f"/api/v2/practices/?locale=en&{query}") == titles


def test_practice_api_in_german(client, knowledge_base):
    assert _titles(
        client, "/api/v2/practices/?locale=de&cluster=municipal-services"
    ) == ["Solarschulen"]
    assert _titles(client, "/api/v2/practices/?locale=de&country=AL") == []
    # Without a locale, both languages; never the draft.
    assert _titles(client, "/api/v2/practices/?tag=energy") == [
        "Solar schools",
        "Solarschulen",
    ]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("", ["Start-up hub", "Waste to energy"]),
        ("stage=ready", ["Waste to energy"]),
        ("cluster=local-economic-development", ["Start-up hub"]),
        ("field=waste-management-and-recycling", ["Waste to energy"]),
        ("region=middle-east-north-africa", ["Waste to energy"]),
        ("country=AL", ["Start-up hub"]),
        ("city=beirut", ["Waste to energy"]),
        ("sdg=7", ["Waste to energy"]),
        ("tag=energy", ["Waste to energy"]),
        ("year=2020", ["Waste to energy"]),
        ("year=2022", []),
        ("year=2021&stage=idea", ["Start-up hub"]),
    ],
)
def test_project_api_filters(client, knowledge_base, query, titles):
    assert _titles(client, f"/api/v2/projects/?locale=en&{query}") == titles


@pytest.mark.parametrize(
    "query",
    [
        "cluster=no-such-cluster",
        "country=ZZ",
        "year=abc",
        "year=99999",
        "sdg=18",
        "city=" + "x" * 2000,
        "tag=",
        "type=projects.SupportedProjectPage",
        "colour=red",
    ],
)
def test_practice_api_rejects_unknown_values_with_a_message(
    client, knowledge_base, query
):
    response = client.get(f"/api/v2/practices/?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def test_project_api_rejects_unknown_stage(client, knowledge_base):
    response = client.get("/api/v2/projects/?stage=finished")
    assert response.status_code == 400
    assert "stage" in response.json()["message"]


def test_api_details_and_links(client, knowledge_base):
    listing = client.get("/api/v2/practices/?locale=en&city=greater-amman").json()
    (item,) = listing["items"]
    assert item["meta"]["detail_url"].endswith(f"/api/v2/practices/{item['id']}/")
    assert item["teaser"] == "A practice other cities can learn from."
    assert item["country"] == "JO"
    detail = client.get(f"/api/v2/practices/{item['id']}/").json()
    assert detail["title"] == "Solar schools"
    assert detail["start_year"] == 2019
    assert detail["tags"] == ["energy"]
    assert detail["country"] == "JO"
    draft = GoodPracticePage.objects.get(title="Unpublished draft")
    assert client.get(f"/api/v2/practices/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
