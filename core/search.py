"""Full-text search helpers shared by the knowledge base listings and the site search.

The site-wide search page (``core.views.site_search``) shows one group of results
per kind of content. Core contributes standard pages itself; every other app adds
its own group through the ``core_search_groups`` hook, so core never imports them:

    @hooks.register(SEARCH_GROUPS_HOOK)
    def practice_search_group(*, request, query, locale):
        return SearchGroup(key="practices", title=..., results=..., to_hits=...)

A hook returns ``None`` when it has nothing to search (no index page in this
language, say). A page type with a teaser and an index page builds its group with
``page_search_group``.
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Expression, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from modelsearch.backends import get_search_backend

from .search_config import search_config_for

SEARCH_GROUPS_HOOK = "core_search_groups"

# Longer queries are cut (with a message): nobody types more, and the text-search
# parser's work grows with every term.
MAX_QUERY_LENGTH = 200
# The search backends nest one expression per term (PostgreSQL and SQLite alike):
# a few hundred terms exhaust Python's recursion limit, and each costs time.
MAX_QUERY_TERMS = 32
# How the PostgreSQL backend splits a query into terms (spaces and hyphens).
TERM_SEPARATORS = re.compile(r"[\s\-]+")

# Markers for ts_headline: private-use characters that never survive escaping, so the
# highlighted text is escaped first and only these become <mark> elements.
MARK_START = "\ue000"
MARK_END = "\ue001"


@dataclass
class SearchHit:
    """One result as the search page shows it; ``title`` and ``snippet`` are
    escaped HTML with ``<mark>`` around matched words."""

    title: SafeString
    url: str
    snippet: SafeString
    meta: str = ""


@dataclass
class SearchGroup:
    """All results of one kind of content for a query.

    ``results`` is a queryset or Wagtail search results, best match first (it is
    counted and sliced, never loaded whole); ``to_hits`` turns one slice of it into
    ``SearchHit`` rows in a fixed number of queries. ``more_url`` leads to the full
    listing of that kind (the index page with the same query), when there is one.
    """

    key: str
    title: str
    results: Any
    to_hits: Callable[[Sequence], list[SearchHit]]
    more_url: str = ""
    order: int = 100
    count: int = 0


def search_terms(text: str) -> list[str]:
    """The terms the search backend makes of ``text``."""
    return [term for term in TERM_SEPARATORS.split(text) if term]


def clean_query(raw: str | None) -> tuple[str, str]:
    """The query as the search can use it, and a message when it had to change.

    Shared by the site search, the index pages and the API. Control characters go
    (PostgreSQL rejects NUL), so do double quotes (they end a term in SQLite's
    full-text syntax, and no backend here searches phrases), whitespace collapses,
    and the query is cut at ``MAX_QUERY_LENGTH`` characters and
    ``MAX_QUERY_TERMS`` terms.
    """
    text = "".join(
        " " if char == '"' or unicodedata.category(char).startswith("C") else char
        for char in (raw or "")
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        cut = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        return cut, _(
            "Your search was longer than %(limit)d characters; we searched for its "
            "beginning only."
        ) % {"limit": MAX_QUERY_LENGTH}
    terms = search_terms(text)
    if len(terms) > MAX_QUERY_TERMS:
        return " ".join(terms[:MAX_QUERY_TERMS]), _(
            "Your search had more than %(limit)d words; we searched for the first "
            "%(limit)d only."
        ) % {"limit": MAX_QUERY_TERMS}
    return text, ""


def matching_pks(queryset: QuerySet, query: str):
    """The primary keys of the rows of ``queryset`` that match ``query``.

    With the database search backends (PostgreSQL here, SQLite in development) this
    is a subquery, so filters, facet counts and the map combine with full-text
    search in SQL; other backends fall back to a list of keys.
    """
    results = get_search_backend().search(
        query, queryset.order_by(), order_by_relevance=False
    )
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().order_by().values("pk")
    return [obj.pk for obj in results]


def headline_expression(field: str, query: str, language: str) -> Expression | None:
    """A ``ts_headline`` of ``field`` with matched words between the markers, stemmed
    in ``language``; ``None`` on databases other than PostgreSQL."""
    if connection.vendor != "postgresql":
        return None
    from django.contrib.postgres.search import SearchHeadline, SearchQuery

    config = search_config_for(language)
    return SearchHeadline(
        field,
        SearchQuery(query, config=config, search_type="plain"),
        config=config,
        start_sel=MARK_START,
        stop_sel=MARK_END,
        highlight_all=True,
    )


def marked_html(text: str | None) -> SafeString:
    """Escape ``text`` and turn the headline markers into ``<mark>`` elements."""
    escaped = escape(text or "")
    return mark_safe(  # noqa: S308 - escaped above; only our own tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


def highlight(text: str | None, query: str) -> SafeString:
    """Escaped ``text`` with the query's words marked, without the database.

    The fallback where ``ts_headline`` is not available: whole-word prefixes match,
    case-insensitively, without stemming.
    """
    terms = [re.escape(term) for term in query.split() if len(term) > 1]
    if not text or not terms:
        return marked_html(text)
    pattern = re.compile(r"\b(" + "|".join(terms) + r")", re.IGNORECASE)
    return marked_html(pattern.sub(MARK_START + r"\1" + MARK_END, text))


def highlighted(
    queryset: QuerySet,
    pks: Sequence[int],
    query: str,
    language: str,
    fields: Sequence[str] = ("title", "teaser"),
) -> dict[int, dict[str, SafeString]]:
    """``{pk: {field: highlighted html}}`` for the given rows: one query on
    PostgreSQL, the Python fallback elsewhere."""
    if not pks:
        return {}
    expressions = {
        f"_headline_{field}": headline_expression(field, query, language)
        for field in fields
    }
    if all(expression is not None for expression in expressions.values()):
        rows = (
            queryset.filter(pk__in=pks)
            .annotate(**expressions)
            .values("pk", *expressions)
        )
        return {
            row["pk"]: {
                field: marked_html(row[f"_headline_{field}"]) for field in fields
            }
            for row in rows
        }
    rows = queryset.filter(pk__in=pks).values("pk", *fields)
    return {
        row["pk"]: {field: highlight(row[field], query) for field in fields}
        for row in rows
    }


def meta_line(*parts) -> str:
    """A hit's meta line: the parts that are set, joined by middle dots."""
    return " · ".join(str(part) for part in parts if part)


def page_search_group(
    *,
    request,
    query: str,
    locale,
    page_model,
    index_model,
    key: str,
    title: str,
    order: int,
    meta: Callable[[Any], str],
    more_with_query: bool = True,
) -> SearchGroup:
    """The group of one page type with a ``teaser``: its live, public pages in the
    language of the search, title and teaser highlighted, ``meta(page)`` under
    each hit. "More" leads to the live ``index_model`` page in that language,
    carrying the query when ``more_with_query`` (an index page that searches)."""

    def to_hits(pages) -> list[SearchHit]:
        marks = highlighted(
            page_model.objects.all(),
            [page.pk for page in pages],
            query,
            locale.language_code,
        )
        return [
            SearchHit(
                title=marks[page.pk]["title"],
                url=page.get_url(request),
                snippet=marks[page.pk]["teaser"],
                meta=meta(page),
            )
            for page in pages
            if page.pk in marks
        ]

    index = index_model.objects.live().filter(locale=locale).first()
    more_url = index.get_url(request) if index else ""
    if more_url and more_with_query:
        more_url += f"?{urlencode({'q': query})}"
    results = (
        page_model.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .search(query)
    )
    return SearchGroup(
        key=key,
        title=title,
        results=results,
        to_hits=to_hits,
        more_url=more_url,
        order=order,
    )


def default_language() -> str:
    return settings.LANGUAGE_CODE[:2]
