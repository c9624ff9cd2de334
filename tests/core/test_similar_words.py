"""Typo-forgiving search on PostgreSQL: the trigram threshold on every connection,
and words as far from the text as that threshold still found."""

from django.db import DEFAULT_DB_ALIAS, connection, connections

import pytest

from core.forgiving import SIMILARITY, similar_pks
from practices.models import GoodPracticePage
from tests.knowledge_fixtures import index_pages, make_practice, seed_site

pytestmark = pytest.mark.django_db

TITLE = "Vermicomposting in Kumasi"


def word_similarity(query: str, text: str) -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word_similarity(%s, %s)", [query, text])
        return cursor.fetchone()[0]


def test_every_connection_matches_from_the_search_threshold():
    # A new connection, as a web or worker process opens it.
    fresh = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW pg_trgm.word_similarity_threshold")
            assert float(cursor.fetchone()[0]) == SIMILARITY
    finally:
        fresh.close()


@pytest.mark.parametrize("query", ["kumsai", "vrmcompost", "compostng", "kumazi"])
def test_a_word_as_far_as_the_threshold_allows_is_found(query):
    # Between the threshold and pg_trgm's own default (0.6), which would miss it.
    assert SIMILARITY <= word_similarity(query, TITLE) < 0.6
    pages = index_pages(seed_site())
    practice = make_practice(pages["practices"], title=TITLE)
    make_practice(pages["practices"], title="Street lighting in Amman")
    every = GoodPracticePage.objects.live()
    assert list(every.filter(pk__in=similar_pks(every, query))) == [practice]
