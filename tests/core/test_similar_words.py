"""Typo-forgiving search on PostgreSQL: the trigram threshold on every connection,
the vocabulary the database keeps from the search index, and words as far from
the text as that threshold still found, through it."""

from django.db import DEFAULT_DB_ALIAS, connection, connections

import pytest

from core.forgiving import SIMILARITY, close_words, similar_pks
from core.models import SearchWord
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


def test_the_database_keeps_the_words_of_what_it_indexes():
    """Every word of three to forty letters of an indexed title or text, lower
    case, in any script; not numbers, and each word once."""
    pages = index_pages(seed_site())
    make_practice(
        pages["practices"],
        title="Vermicomposting in Kumasi",
        body="Worm bins (2024) in Kumasi: سماد الديدان",
    )
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"vermicomposting", "kumasi", "worm", "bins", "سماد", "الديدان"} <= words
    assert not {"in", "2024", "Kumasi"} & words


def test_a_typed_word_is_corrected_to_the_closest_words_first():
    pages = index_pages(seed_site())
    make_practice(pages["practices"], title="Kumasi compost; Kumasis, Kumbo")
    assert close_words("kumsai")[0] == "kumasi"
    assert close_words("qqqzzz") == []


def test_every_word_of_a_query_must_find_something_close():
    pages = index_pages(seed_site())
    practice = make_practice(pages["practices"], title=TITLE)
    every = GoodPracticePage.objects.live()
    found = every.filter(pk__in=similar_pks(every, "kumsai vrmcompost"))
    assert list(found) == [practice]
    assert not every.filter(pk__in=similar_pks(every, "kumsai qqqzzz")).exists()
    # Words too short to correct are left out, not searched as typed.
    assert list(every.filter(pk__in=similar_pks(every, "kumsai in"))) == [practice]
