"""The search index after a save: a draft's save leaves the index row alone, a
save that writes indexed text or the page's language rewrites it
(``core.search_index``)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core import search_index
from practices.models import GoodPracticePage
from tests.knowledge_fixtures import index_pages, make_practice, seed_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    pages = index_pages(seed_site())
    return make_practice(
        pages["practices"], title="Solar lamps", teaser="Light for market stalls."
    )


def index_writes(queries) -> int:
    return sum(
        "wagtailsearch_indexentry" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
        for query in queries
    )


def found(words: str) -> list[str]:
    return [page.title for page in GoodPracticePage.objects.live().search(words)]


def test_a_drafts_save_leaves_the_index_and_publishing_rewrites_it(practice):
    practice.title = "Wind pumps"
    practice.teaser = "Water for gardens."
    with CaptureQueriesContext(connection) as draft:
        revision = practice.save_revision()
    assert index_writes(draft) == 0
    # The index holds the live page: the draft's words find nothing yet.
    assert found("lamps") == ["Solar lamps"]
    assert found("pumps") == []

    with CaptureQueriesContext(connection) as publication:
        revision.publish()
    assert index_writes(publication) > 0
    assert found("pumps") == ["Wind pumps"]
    assert found("lamps") == []


def test_a_save_naming_an_indexed_field_rewrites_the_row(practice):
    practice.teaser = "Water for gardens."
    with CaptureQueriesContext(connection) as saved:
        practice.save(update_fields=["teaser"])
    assert index_writes(saved) > 0
    assert found("gardens") == ["Solar lamps"]


def test_the_language_is_indexed_whatever_the_field_kinds():
    assert {"title", "teaser", "body", "tags", "cities", "locale"} <= (
        search_index.indexed_text_fields(GoodPracticePage)
    )
    assert "latest_revision" not in search_index.indexed_text_fields(GoodPracticePage)


def test_a_backend_that_indexes_more_than_text_gets_every_save(practice, monkeypatch):
    monkeypatch.setattr(search_index, "text_only_index", lambda: False)
    practice.title = "Wind pumps"
    with CaptureQueriesContext(connection) as draft:
        practice.save_revision()
    assert index_writes(draft) > 0
