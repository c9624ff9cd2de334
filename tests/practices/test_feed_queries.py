"""The feed and the API listing of practices cost the same number of queries with
one practice and with many (moved out of ``test_feeds_api.py``, whose knowledge base
is built once for its module: these tests build their own)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests import knowledge_fixtures as kb
from tests.practices.test_feeds_api import _rss_items

pytestmark = pytest.mark.django_db


def test_the_feed_makes_the_same_queries_for_one_and_many_practices(
    client, django_assert_num_queries
):
    """The feed costs the same with 1 and with 6 practices: the clusters of the
    language, the index page, the practices with their cluster (one query), and the
    site root paths once; links and categories come from what is already loaded."""
    pages = kb.index_pages(kb.seed_site())
    kb.make_practice(pages["practices"], title="Practice 0", field="public-space")
    client.get("/en/practices/feed/rss/")  # warm the site root path cache
    with CaptureQueriesContext(connection) as one:
        client.get("/en/practices/feed/rss/")
    for number in range(1, 6):
        kb.make_practice(
            pages["practices"], title=f"Practice {number}", field="public-space"
        )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get("/en/practices/feed/rss/")
    assert len(_rss_items(response)) == 6


def test_the_api_listing_makes_the_same_queries_for_one_and_many(
    client, django_assert_num_queries
):
    """The listing costs the same with 1 and with 6 practices: view restrictions
    and the site (Wagtail asks for both when it builds the base queryset and the
    serializer context), the cluster named in the filter, the count, and the page
    rows joined with their locale; every default field is a column of those rows,
    so nothing is fetched per item."""
    pages = kb.index_pages(kb.seed_site())
    kb.make_practice(pages["practices"], title="Practice 0", field="public-space")
    url = "/api/v2/practices/?cluster=integrated-urban-development"
    client.get(url)  # warm the site root path cache
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(1, 6):
        kb.make_practice(
            pages["practices"], title=f"Practice {number}", field="public-space"
        )
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.json()["meta"]["total_count"] == 6
    assert {item["country"] for item in response.json()["items"]} == {""}
