"""A practice's page makes the same number of queries however many cities, SDGs
and tags it has, in its original language and in a translation; each of its
facts (cluster, field of action, region) costs one query, translation included."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.knowledge.versions import content_changed
from tests import knowledge_fixtures as kb

pytestmark = pytest.mark.django_db

# Routing and the page (Wagtail), its cities, facts, SDGs and tags, the related
# practices, projects and event. The menu, the language links and the related
# content come from the cache after the first request of a content version
# (``_queries`` makes it); that first request makes them all.
PRACTICE_PAGE_QUERIES = 19
FIRST_REQUEST_QUERIES = 29


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from kb.module_world(django_db_blocker)


def _queries(client, url: str, *, first: bool = False) -> list[str]:
    """The queries of a request of ``url`` after one that kept what can be kept
    for the content version, or (``first``) of the first request of a new
    content version, as after a publication (the menu, the language links and
    the related content made again)."""
    client.get(url)
    if first:
        content_changed()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def _practice(world, title: str, *, cities, sdgs, tags):
    return kb.make_practice(
        world.pages["practices"],
        title=title,
        field="waste-management-and-recycling",
        region=world.regions["germany"],
        country="DE",
        cities=cities,
        sdgs=sdgs,
        tags=tags,
    )


def test_a_practice_page_costs_the_same_with_one_fact_or_many(client, world):
    one = _practice(
        world,
        "Repair cafés",
        cities=[world.cities["munich"]],
        sdgs=[12],
        tags=["waste"],
    )
    many = _practice(
        world,
        "Shared bicycles",
        cities=list(world.cities.values()),
        sdgs=[3, 7, 11, 13],
        tags=["mobility", "energy", "climate"],
    )
    assert len(_queries(client, one.url)) == PRACTICE_PAGE_QUERIES
    assert len(_queries(client, many.url)) == PRACTICE_PAGE_QUERIES
    assert len(_queries(client, one.url, first=True)) == FIRST_REQUEST_QUERIES
    assert len(_queries(client, many.url, first=True)) == FIRST_REQUEST_QUERIES


def test_each_fact_is_one_query_with_its_translation(client, world):
    queries = _queries(client, world.p1_de.url)
    for table in ("core_cluster", "core_fieldofaction", "community_region"):
        assert len([sql for sql in queries if f'FROM "{table}"' in sql]) == 1, table
