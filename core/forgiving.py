"""When a search finds nothing: the other languages, similar words, a suggestion.

A practitioner types "Abfall" on the English site, "recyclng" with a letter
missing, or "wast" in the demo; the plain full-text search finds nothing for any of
them. Before saying "no results", the listings try, in this order:

1. **Another language**: the query parsed with each other language's stemming,
   against that language's pages; what matches is shown in the reader's language
   (the versions with the same ``translation_key``).
2. **Similar words**: on PostgreSQL the trigram word similarity of the indexed
   titles and texts, found through their GIN indexes (``pg_trgm`` and the indexes
   come from ``core/migrations/0003_trigram_search.py``). SQLite (the
   demo) has no trigrams, so there each word of the query need only appear in the
   title: "wast" finds "Waste separation".

``suggestion`` then offers the corrected query ("did you mean") from the words of
what was found, without another query.
"""

import difflib
import re
from functools import reduce
from operator import and_

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import translation

from taggit.models import Tag
from wagtail.models import Locale, Page

from .search import matching_pks, search_terms

OTHER_LANGUAGE = "other_language"
SIMILAR = "similar"

WORD = re.compile(r"\w+")
# The least trigram word similarity of a "similar" word (the search library's
# default for its fuzzy search).
SIMILARITY = 0.3
# How many words of a query "did you mean" looks at, and candidates per word.
SUGGESTED_TERMS = 6
CANDIDATES = 5


def similar_pks(every_page: QuerySet, query: str):
    """Keys of the rows whose text is like ``query`` despite typos (PostgreSQL), or
    whose title contains each of its words (elsewhere).

    On PostgreSQL a row matches when a word of its indexed title or text has a
    trigram word similarity to ``query`` of at least ``SIMILARITY`` (what the
    search library's ``Fuzzy`` query computes for every row of the index, 180 ms
    at 1,000 practices and growing with them). Written as pg_trgm's ``<%``
    operator (Django's ``trigram_word_similar``), the GIN trigram indexes of the
    index's texts find the candidates; the threshold is the connection's
    ``pg_trgm.word_similarity_threshold``, set to ``SIMILARITY`` when it opens
    (``set_similarity_threshold``).
    """
    if connection.vendor == "postgresql":
        similar = Q(index_entries__title_text__trigram_word_similar=query) | Q(
            index_entries__body_text__trigram_word_similar=query
        )
        return every_page.filter(similar).order_by().values("pk")
    terms = [term for term in search_terms(query) if len(term) > 1]
    if not terms:
        return every_page.none().values("pk")
    condition = reduce(and_, (Q(title__icontains=term) for term in terms))
    return every_page.filter(condition).values("pk")


def set_similarity_threshold(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: pg_trgm's ``<%`` operator on this
    connection matches from ``SIMILARITY`` on (pg_trgm's own default is 0.6)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(SIMILARITY)],
            )


def other_language_keys(every_page: QuerySet, query: str, language: str) -> set:
    """Translation keys of the pages in other languages that match ``query``
    stemmed as those languages stem it; one query per language."""
    keys = set()
    for locale in Locale.objects.exclude(language_code=language):
        # The backend reads the stemming configuration of the active language when
        # the search is built, so each language is searched under its own.
        with translation.override(locale.language_code):
            pages = every_page.filter(locale_id=locale.pk)
            found = pages.filter(pk__in=matching_pks(pages, query))
        keys.update(found.values_list("translation_key", flat=True))
    return keys


def forgiving_matches(
    base: QuerySet, every_page: QuerySet, query: str, *, language: str
) -> tuple[QuerySet | None, str]:
    """The rows of ``base`` that ``query`` finds in another language or with its
    typos forgiven, and which of the two (``OTHER_LANGUAGE``, ``SIMILAR``); ``(None,
    "")`` when neither finds anything. Call it only when the plain search found
    nothing: it costs a few queries."""
    keys = other_language_keys(every_page, query, language)
    translated = base.filter(translation_key__in=keys)
    if keys and translated.exists():
        return translated, OTHER_LANGUAGE
    # Comparing words costs more than anything else in the listing, so it is done
    # once: the facets, the count and the page of results then filter by keys.
    similar = list(
        base.filter(pk__in=similar_pks(every_page, query)).values_list("pk", flat=True)
    )
    if similar:
        return base.filter(pk__in=similar), SIMILAR
    return None, ""


def suggestion(query: str, texts) -> str:
    """The query with each word replaced by the closest word of ``texts`` (of the
    results found despite a typo), or ``""`` when nothing would change."""
    words = {word.lower() for text in texts for word in WORD.findall(text or "")}
    if not words:
        return ""
    corrected = []
    for term in query.split():
        close = difflib.get_close_matches(term.lower(), words, n=1, cutoff=0.6)
        corrected.append(close[0] if close else term)
    result = " ".join(corrected)
    return "" if result.lower() == query.lower() else result


def vocabulary_suggestion(query: str, *, locale) -> str:
    """ "Did you mean" for the site search: the query corrected with the closest
    words of the titles of the pages in this language and of the tags.

    On PostgreSQL the candidates are the titles and tags most similar to each word
    (trigrams, with GIN indexes); elsewhere titles and tags that contain the word,
    so "wast" becomes "waste" in the demo. Two queries per word, for at most
    ``SUGGESTED_TERMS`` words; only after a search that found nothing.
    """
    pages = Page.objects.live().public().filter(locale=locale)
    texts: list[str] = []
    for term in search_terms(query)[:SUGGESTED_TERMS]:
        if len(term) < 3:
            continue
        if connection.vendor == "postgresql":
            titles = (
                pages.filter(title__trigram_word_similar=term)
                .annotate(similarity=TrigramWordSimilarity(term, "title"))
                .order_by("-similarity")
            )
            tags = (
                Tag.objects.filter(name__trigram_similar=term)
                .annotate(similarity=TrigramSimilarity("name", term))
                .order_by("-similarity")
            )
        else:
            titles = pages.filter(title__icontains=term).order_by("pk")
            tags = Tag.objects.filter(name__icontains=term).order_by("pk")
        texts += titles.values_list("title", flat=True)[:CANDIDATES]
        texts += tags.values_list("name", flat=True)[:CANDIDATES]
    return suggestion(query, texts)
