"""When a search finds nothing: the other languages, similar words, a suggestion.

A practitioner types "Abfall" on the English site, "recyclng" with a letter
missing, or "wast" in the demo; the plain full-text search finds nothing for any of
them. Before saying "no results", the listings try, in this order:

1. **Another language**: the query parsed with each other language's stemming,
   against that language's pages; what matches is shown in the reader's language
   (the versions with the same ``translation_key``).
2. **Similar words**: on PostgreSQL each word of the query is corrected to the
   words of the search index most like it (``close_words``: trigram word
   similarity against the vocabulary ``core.SearchWord``, which the database keeps
   from the index's texts, through a GIN trigram index), and the corrected query
   is searched as words are: a typo costs a full-text search, however many pages
   hold a word like it. SQLite (the demo) has no trigrams, so there each word of
   the query need only appear in the title: "wast" finds "Waste separation".

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

from modelsearch.query import Or, PlainText

from .models import SearchWord
from .search import matching_pks, search_terms

OTHER_LANGUAGE = "other_language"
SIMILAR = "similar"

WORD = re.compile(r"\w+")
# The least trigram word similarity of a "similar" word (the search library's
# default for its fuzzy search).
SIMILARITY = 0.3
# The words a typed word may be corrected to, and the shortest word corrected.
CLOSE_WORDS = 3
MIN_CORRECTED = 3
# How many words of a query "did you mean" looks at, and candidates per word.
SUGGESTED_TERMS = 6
CANDIDATES = 5


def close_words(term: str) -> list[str]:
    """The indexed words most like ``term`` (PostgreSQL), best first: at most
    ``CLOSE_WORDS`` whose trigram word similarity to it is at least
    ``SIMILARITY`` (``kumsai`` → ``kumasi``; ``vrmcompost`` → ``vermicomposting``).
    One query on the vocabulary's trigram index."""
    return list(
        SearchWord.objects.filter(word__trigram_word_similar=term)
        .annotate(similarity=TrigramWordSimilarity(term, "word"))
        .order_by("-similarity", "word")
        .values_list("word", flat=True)[:CLOSE_WORDS]
    )


def similar_pks(every_page: QuerySet, query: str):
    """Keys of the rows whose text is like ``query`` despite typos (PostgreSQL), or
    whose title contains each of its words (elsewhere).

    On PostgreSQL each word of three letters or more is replaced by its
    ``close_words`` (any of them may match) and the corrected query is a
    full-text search, through the index's GIN index: one query per word on the
    vocabulary, then a subquery like any search's. A word with nothing close to
    it finds nothing. (Comparing the query with every indexed text instead cost
    1.4 s at 10,000 practices and 8.6 s at 100,000.)
    """
    if connection.vendor == "postgresql":
        corrected = []
        for term in search_terms(query.lower()):
            if len(term) < MIN_CORRECTED:
                continue
            words = close_words(term)
            if not words:
                return every_page.none().values("pk")
            corrected.append(Or([PlainText(word) for word in words]))
        if not corrected:
            return every_page.none().values("pk")
        return matching_pks(every_page, reduce(and_, corrected))
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
    similar = base.filter(pk__in=similar_pks(every_page, query))
    if similar.exists():
        return similar, SIMILAR
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
