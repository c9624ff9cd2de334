"""The listing engine of the knowledge base: filters, full-text search, facet counts,
sorting and pagination of a set of pages, for one request.

Good practices (``practices.models.index``), supported projects
(``projects.models.index``) and the event calendar (``events.listing``) describe their
filters; this module does the rest, with a query count that never depends on how
many pages match:

* every GET parameter is checked; an unknown value is dropped with a message that
  says so, never an error page;
* full-text search (Wagtail search, stemmed in the page's language) becomes a
  subquery of matching keys, so it combines with every filter in SQL;
* all facet counts, the total and the map's cities come from **one** query: the
  candidate pages (search applied) are selected once in a common table expression
  with one boolean column per chosen filter, and each facet counts its values with
  ``COUNT(*) FILTER (WHERE <every other filter>)``. A facet thus says what choosing
  another value would give, and the candidates (and the full-text search) are
  read once instead of once per facet (see bench/knowledge_base.py);
* labels (taxonomy in the reader's language, cities, tags) are read once per
  request, and one page of results is loaded with what its cards need;
* the facet counts and the labels are cached for a few minutes under the
  *content version* (``content_version``), a token that changes whenever a page is
  published, unpublished, moved or deleted, or a taxonomy row, organisation or tag
  changes (see ``core.knowledge.signals``). The next request after a change counts
  afresh, so the cache never shows a stale count to anyone; the lifetime only
  bounds what a change made behind Django's back (raw SQL) could leave stale.
"""

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Lower
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from taggit.models import Tag
from wagtail.images import get_image_model

from django_countries import countries

from core.forgiving import SIMILAR, forgiving_matches, suggestion
from core.models import SDG, Cluster, FieldOfAction
from core.params import has_control_characters, parse_sdg, parse_year
from core.search import clean_query, matching_pks

from .directory import directory
from .versions import content_version

PER_PAGE = 12
# The renditions of a card's picture (templates/includes/card_image.html asks for
# ``fill-{480x270,960x540} format-{webp,jpeg}``): two widths for ordinary and dense
# screens, WebP with JPEG for browsers without it.
CARD_IMAGE_SPECS = [
    f"fill-{size}|format-{kind}"
    for size in ("480x270", "960x540")
    for kind in ("webp", "jpeg")
]
# How much of an unknown filter value a message repeats back.
ECHO_LENGTH = 40
# Tags are many; the facet lists the most used ones (and the chosen one).
MAX_TAG_OPTIONS = 30
# How long cached facet counts and labels live at most (see the module docstring).
CACHE_SECONDS = 300


def cached(version: str, parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``, cached under ``parts`` (anything with a stable ``repr``) for
    this content version."""
    digest = hashlib.sha256(repr((version, *parts)).encode()).hexdigest()
    key = f"kb:listing:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def echo(value: str) -> str:
    """A visitor's input, shortened for repeating it back in a message."""
    return Truncator(value).chars(ECHO_LENGTH)


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def localized_name(model, path: str, locale_id: int):
    """The name of the ``path`` taxonomy row in ``locale_id``, falling back to the
    stored (default-language) row's name: an expression, no extra query."""
    translated = model.objects.filter(
        translation_key=OuterRef(f"{path}__translation_key"), locale_id=locale_id
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F(f"{path}__name"))


def card_images() -> Prefetch:
    """A card's hero image with the renditions its picture shows: no query per card."""
    return Prefetch(
        "hero_image",
        queryset=get_image_model().objects.prefetch_renditions(*CARD_IMAGE_SPECS),
    )


def taxonomy_labels(locale_id: int) -> dict:
    """``cluster_label``, ``cluster_colour`` and ``field_label`` annotations in
    ``locale_id`` (what a card shows; listings set them from their own taxonomy
    instead)."""
    return {
        "cluster_label": localized_name(Cluster, "cluster", locale_id),
        "cluster_colour": F("cluster__colour"),
        "field_label": localized_name(FieldOfAction, "field_of_action", locale_id),
    }


def organisation_name(language: str, path: str = ""):
    """An organisation's name in ``language`` where translated: an expression."""
    prefix = f"{path}__" if path else ""
    translated = (
        directory()
        .organisation_name.objects.filter(
            organisation=OuterRef(f"{prefix}pk"), language=language
        )
        .values("name")[:1]
    )
    return Coalesce(Subquery(translated), F(f"{prefix}name"))


def organisations_with_names(language: str) -> QuerySet:
    """Organisations with ``display_name`` in ``language``."""
    return directory().organisation.objects.annotate(
        display_name=organisation_name(language)
    )


def localized_rows(model, rows: Iterable, locale_id: int) -> list:
    """The ``locale_id`` rows matching ``rows`` by translation key, in order; rows
    without a translation stay as they are. One query."""
    rows = [row for row in rows if row is not None]
    if not rows:
        return []
    translated = {
        row.translation_key: row
        for row in model.objects.filter(
            locale_id=locale_id,
            translation_key__in=[row.translation_key for row in rows],
        )
    }
    return [translated.get(row.translation_key, row) for row in rows]


def localized_relations(page, locale_id: int, *names: str) -> dict:
    """The taxonomy rows a page points at (``cluster``, ``field_of_action``,
    ``region``, ...) by attribute name, each in the language of ``locale_id`` (the
    row itself where it has no translation), or ``None`` where the page has none:
    the facts a page's header shows. One query per row: the row and its
    translation together (by the page's own key, so a preview shows unsaved
    choices)."""
    relations = {}
    for name in names:
        field = page._meta.get_field(name)
        row_id = getattr(page, field.attname)
        if row_id is None:
            relations[name] = None
            continue
        model = field.related_model
        key = model.objects.filter(pk=row_id).values("translation_key")[:1]
        rows = list(
            model.objects.filter(
                Q(pk=row_id) | Q(locale_id=locale_id, translation_key=Subquery(key))
            )
        )
        relations[name] = next(
            (row for row in rows if row.locale_id == locale_id),
            next((row for row in rows if row.pk == row_id), None),
        )
    return relations


# --- Facets and filters --------------------------------------------------------------


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    """One filter with its options and how many results each would give."""

    name: str
    label: str
    all_label: str
    options: list[FacetOption]

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [("", self.all_label)] + [
            (option.value, f"{option.label} ({option.count})")
            for option in self.options
        ]


@dataclass(frozen=True)
class Term:
    """A taxonomy row as a facet shows it: URL key, label in the reader's
    language, position."""

    key: str
    label: str
    order: tuple
    colour: str = ""  # clusters only: ``ClusterColour``


class ListingFilter:
    """One GET parameter of a listing: how to read it, test it and count it.

    ``resolve`` turns the raw value into something ``condition`` understands, or
    None (the listing then says ``unknown`` and ignores it). A filter counts its
    values either from a ``column`` of the page (a field name or an expression) or,
    for relations with many rows per page, from ``pairs`` of (page, value). Such
    relations are tested as ``pk IN (subquery)``: no duplicate rows, and Wagtail
    search accepts the filtered queryset for relevance ranking.
    """

    name: str
    label: Any
    all_label: Any
    unknown: Any  # message with %(value)s
    path: str = ""
    many: bool = False

    def resolve(self, raw: str) -> Any:
        raise NotImplementedError

    def key(self, value: Any) -> str:
        """The URL value of a resolved filter."""
        return str(value)

    def condition(self, model, value: Any) -> Q:
        if self.many:
            matching = model._default_manager.filter(**{self.path: value})
            return Q(pk__in=matching.values("pk"))
        return Q(**{self.path: value})

    def apply(self, queryset: QuerySet, value: Any) -> QuerySet:
        """``queryset`` narrowed to this filter's value (also used by the API)."""
        return queryset.filter(self.condition(queryset.model, value))

    def column(self):
        """What to count for a single-valued filter (None when it uses pairs)."""
        return None if self.many else F(self.path)

    def pairs(self, model) -> QuerySet:
        """(page, value) rows for a many-valued filter, named ``cc_page`` and
        ``cc_value``: the ``pairs`` given to the filter (best straight from the
        relation's own table) or, failing that, the path followed from the page."""
        if getattr(self, "pairs_from", None) is not None:
            return self.pairs_from()
        return (
            model._default_manager.order_by()
            .values(cc_page=F("pk"), cc_value=F(self.path))
            .distinct()
        )

    def options(self, counts: dict[str, int], listing: "Listing") -> list:
        raise NotImplementedError

    def display(self, value: Any, listing: "Listing") -> str:
        return str(value)


class TaxonomyFilter(ListingFilter):
    """A cluster, field of action, region or SDG; pages point at the rows of the
    default language, URLs use their slug (the number for SDGs)."""

    def __init__(
        self,
        name,
        *,
        label,
        all_label,
        unknown,
        model,
        path,
        key_field="slug",
        order_field="sort_order",
        many=False,
        pairs=None,
    ):
        self.pairs_from = pairs
        self.name, self.label, self.all_label = name, label, all_label
        self.unknown = unknown
        self.model, self.path = model, path
        self.key_field, self.order_field, self.many = key_field, order_field, many

    def resolve(self, raw):
        if self.key_field == "number":
            number = parse_sdg(raw)
            if number is None:
                return None
            lookup = {"number": number}
        else:
            lookup = {self.key_field: raw}
        return self.model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, **lookup
        ).first()

    def key(self, value):
        return str(getattr(value, self.key_field))

    def _terms(self, listing):
        return listing.taxonomy(self.model, self.key_field, self.order_field)

    def options(self, counts, listing):
        terms = self._terms(listing)
        found = [
            (terms[int(pk)], count)
            for pk, count in counts.items()
            if pk.isdigit() and int(pk) in terms
        ]
        return [
            FacetOption(value=term.key, label=term.label, count=count)
            for term, count in sorted(found, key=lambda item: item[0].order)
        ]

    def display(self, value, listing):
        terms = self._terms(listing)
        return terms[value.pk].label if value.pk in terms else str(value)


def cluster_filter() -> TaxonomyFilter:
    """The thematic cluster filter of every knowledge-base listing."""
    return TaxonomyFilter(
        "cluster",
        label=gettext_lazy("Thematic cluster"),
        all_label=gettext_lazy("All clusters"),
        unknown=gettext_lazy("There is no cluster “%(value)s”; showing all clusters."),
        model=Cluster,
        path="cluster",
    )


def field_filter() -> TaxonomyFilter:
    """The field-of-action filter, its choices in the order of their clusters."""
    return TaxonomyFilter(
        "field",
        label=gettext_lazy("Field of action"),
        all_label=gettext_lazy("All fields of action"),
        unknown=gettext_lazy(
            "There is no field of action “%(value)s”; showing all fields."
        ),
        model=FieldOfAction,
        path="field_of_action",
        order_field="cluster__sort_order",
    )


def region_filter(*, path: str = "region", **options) -> TaxonomyFilter:
    """The region filter; ``options`` as ``TaxonomyFilter`` takes them (``many``,
    ``pairs``) for regions reached through a many-valued path."""
    return TaxonomyFilter(
        "region",
        label=gettext_lazy("Region"),
        all_label=gettext_lazy("All regions"),
        unknown=gettext_lazy("There is no region “%(value)s”; showing all regions."),
        model=directory().region,
        path=path,
        **options,
    )


def sdg_filter(*, pairs: Callable[[], QuerySet]) -> TaxonomyFilter:
    """The SDG filter (by number); ``pairs`` gives (page, SDG id) rows."""
    return TaxonomyFilter(
        "sdg",
        label=gettext_lazy("Sustainable Development Goal"),
        all_label=gettext_lazy("All SDGs"),
        unknown=gettext_lazy("There is no SDG “%(value)s”; showing all SDGs."),
        model=SDG,
        path="sdgs",
        key_field="number",
        order_field="number",
        many=True,
        pairs=pairs,
    )


class CountryFilter(ListingFilter):
    """An ISO 3166 country code, e.g. ``JO``."""

    def __init__(self, name, *, path, many=False, pairs=None):
        self.name, self.path, self.many = name, path, many
        self.pairs_from = pairs
        self.label = gettext_lazy("Country")
        self.all_label = gettext_lazy("All countries")
        self.unknown = gettext_lazy(
            "There is no country “%(value)s”; showing all countries."
        )

    def resolve(self, raw):
        code = raw.upper()
        return code if len(code) == 2 and countries.name(code) else None

    def options(self, counts, listing):
        options = [
            FacetOption(value=code, label=str(countries.name(code)), count=count)
            for code, count in counts.items()
            if code
        ]
        return sorted(options, key=lambda option: option.label)

    def display(self, value, listing):
        return str(countries.name(value))


class CityFilter(ListingFilter):
    """A member city (or other organisation) by its slug."""

    many = True

    def __init__(self, name, *, path, pairs=None):
        self.name, self.path, self.pairs_from = name, path, pairs
        self.label = gettext_lazy("City")
        self.all_label = gettext_lazy("All cities")
        self.unknown = gettext_lazy(
            "There is no city or organisation “%(value)s”; showing all cities."
        )

    def resolve(self, raw):
        return organisations_with_names(current_language()).filter(slug=raw).first()

    def key(self, value):
        return value.slug

    def options(self, counts, listing):
        cities = listing.organisations(int(pk) for pk in counts)
        options = [
            FacetOption(
                value=cities[int(pk)].slug,
                label=cities[int(pk)].display_name,
                count=count,
            )
            for pk, count in counts.items()
            if int(pk) in cities
        ]
        return sorted(options, key=lambda option: option.label.lower())

    def display(self, value, listing):
        return value.display_name


class TagFilter(ListingFilter):
    """A tag by its slug; the facet lists the most used tags."""

    many = True

    def __init__(self, name="tag", *, path="tags", pairs=None):
        self.name, self.path, self.pairs_from = name, path, pairs
        self.label = gettext_lazy("Tag")
        self.all_label = gettext_lazy("All tags")
        self.unknown = gettext_lazy("There is no tag “%(value)s”; showing all tags.")

    def resolve(self, raw):
        return Tag.objects.filter(slug=raw).first()

    def key(self, value):
        return value.slug

    def options(self, counts, listing):
        most_used = sorted(counts.items(), key=lambda item: -item[1])[:MAX_TAG_OPTIONS]
        tags = listing.tags(int(pk) for pk, _count in most_used)
        options = [
            FacetOption(value=tags[int(pk)].slug, label=tags[int(pk)].name, count=n)
            for pk, n in most_used
            if int(pk) in tags
        ]
        return sorted(options, key=lambda option: option.label.lower())

    def display(self, value, listing):
        return value.name


class YearFilter(ListingFilter):
    """A year such as 2019: a field of the page, or an expression (a project's
    first milestone)."""

    def __init__(self, name="year", *, path="", expression=None, label=None):
        self.name, self.path, self.expression = name, path, expression
        self.label = label or gettext_lazy("Year")
        self.all_label = gettext_lazy("All years")
        self.unknown = gettext_lazy(
            "“%(value)s” is not a year we have content for; showing all years."
        )

    def resolve(self, raw):
        return parse_year(raw)

    def column(self):
        return self.expression() if self.expression is not None else F(self.path)

    def condition(self, model, value):
        if self.expression is not None:
            matching = model._default_manager.alias(cc_year=self.expression()).filter(
                cc_year=value
            )
            return Q(pk__in=matching.values("pk"))
        return Q(**{self.path: value})

    def options(self, counts, listing):
        return [
            FacetOption(value=year, label=year, count=count)
            for year, count in sorted(counts.items(), reverse=True)
            if year.isdigit()
        ]


class ChoiceFilter(ListingFilter):
    """A field with fixed choices, such as a project's stage."""

    def __init__(self, name, *, path, choices, label, all_label, unknown):
        self.name, self.path, self.choices = name, path, choices
        self.label, self.all_label, self.unknown = label, all_label, unknown

    def resolve(self, raw):
        return raw if raw in dict(self.choices) else None

    def options(self, counts, listing):
        return [
            FacetOption(value=value, label=str(label), count=counts[value])
            for value, label in self.choices
            if counts.get(value)
        ]

    def display(self, value, listing):
        return str(dict(self.choices)[value])


# --- Counting everything in one query ---------------------------------------------

TOTAL = "__total__"
MAP = "__map__"


def _branch(key: str, value_sql: str, join_sql: str, facet: str, everything: str):
    """One ``SELECT key, value, facet count, full count`` of the facet query.

    Every piece is SQL this module or Django's compiler wrote (identifiers, compiled
    subqueries whose parameters are passed separately); no request data is ever
    formatted in.
    """
    select = f"SELECT '{key}', CAST({value_sql} AS TEXT), "
    counts = f"COUNT(*) FILTER (WHERE {facet}), COUNT(*) FILTER (WHERE {everything}) "
    return select + counts + f"FROM cc_candidates c {join_sql} GROUP BY 2"


def count_facets(
    candidates: QuerySet,
    filters: Sequence[ListingFilter],
    selected: dict[str, tuple[ListingFilter, Any]],
    map_filter: ListingFilter | None,
    *,
    version: str,
) -> dict[str, dict[str, int]]:
    """``{facet name: {value: count}}`` plus the total (``TOTAL``) and the results
    per city (``MAP``), in one query, cached under the query's own SQL and
    parameters for this content ``version``.

    ``candidates`` are the pages the search leaves (all filters still to apply).
    Each facet counts the candidates that pass every chosen filter except its own;
    the total and the map (the city facet's second count) those that pass all.
    """
    model = candidates.model
    conditions = [spec.condition(model, value) for spec, value in selected.values()]
    if len(conditions) > 1:
        # Only pages that fail at most one chosen filter count anywhere.
        candidates = candidates.filter(
            reduce(
                or_,
                (
                    reduce(and_, conditions[:index] + conditions[index + 1 :])
                    for index in range(len(conditions))
                ),
            )
        )
    flags = {
        f"cc_flag_{index}": ExpressionWrapper(condition, output_field=BooleanField())
        for index, condition in enumerate(conditions)
    }
    flag_of = {name: f"cc_flag_{index}" for index, name in enumerate(selected)}
    columns = {
        f"cc_col_{index}": spec.column()
        for index, spec in enumerate(filters)
        if spec.column() is not None
    }
    inner = candidates.order_by().values(cc_pk=F("pk"), **columns, **flags)
    inner_sql, params = inner.query.sql_with_params()
    params = list(params)

    def passes(*, except_name: str = "") -> str:
        conditions = [
            f'c."{flag}"' for name, flag in flag_of.items() if name != except_name
        ]
        return " AND ".join(conditions) or "1 = 1"

    branches = []
    for index, spec in enumerate(filters):
        if f"cc_col_{index}" in columns:
            value_sql, join_sql = f'c."cc_col_{index}"', ""
        else:
            pairs_sql, pairs_params = spec.pairs(model).query.sql_with_params()
            params.extend(pairs_params)
            value_sql = 'p."cc_value"'
            join_sql = f'JOIN ({pairs_sql}) p ON p."cc_page" = c."cc_pk"'
        facet = passes(except_name=spec.name)
        branches.append(_branch(str(index), value_sql, join_sql, facet, passes()))
    # The total: every candidate in one group.
    branches.append(_branch(TOTAL, "''", "", passes(), passes()))
    # Safe: see _branch; the request's values are all in ``params``.
    sql = f"WITH cc_candidates AS ({inner_sql}) " + " UNION ALL ".join(branches)

    names = {str(index): spec.name for index, spec in enumerate(filters)}
    counts: dict[str, dict[str, int]] = {spec.name: {} for spec in filters}
    counts[TOTAL], counts[MAP] = {}, {}
    map_name = map_filter.name if map_filter is not None else None

    def fetch() -> list[tuple]:
        with connections[candidates.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    rows = cached(version, ("facets", candidates.db, sql, tuple(params)), fetch)
    for key, value, facet_count, full_count in rows:
        if value is None:
            continue
        name = names.get(key, key)
        if facet_count:
            counts[name][value] = facet_count
        if name == map_name and full_count:
            counts[MAP][value] = full_count
    return counts


# --- The listing --------------------------------------------------------------------


class Sort:
    NEWEST = "newest"
    TITLE = "title"
    RELEVANCE = "relevance"

    ORDERINGS = {
        NEWEST: ("-first_published_at", "-pk"),
        TITLE: (Lower("title"), "pk"),
    }

    @classmethod
    def choices(cls, with_query: bool) -> list[tuple[str, str]]:
        choices = [(cls.NEWEST, _("Newest first")), (cls.TITLE, _("Title (A–Z)"))]
        if with_query:
            choices.insert(0, (cls.RELEVANCE, _("Best match")))
        return choices


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_query: str


class QueryLinks:
    """The query strings of a listing's links, made from its valid ``params``
    (those of the knowledge base and the event calendar alike): ``query`` is the
    cleaned search, ``selected`` the chosen filters, ``suggestion`` the corrected
    words of a forgiven search."""

    params: dict[str, str]
    query: str
    suggestion: str
    selected: dict

    def search_params(self) -> dict[str, str]:
        """The search and the chosen filters; a listing adds its own (sort,
        dates) in ``params``."""
        params = {"q": self.query} if self.query else {}
        params.update(
            {name: spec.key(value) for name, (spec, value) in self.selected.items()}
        )
        return params

    def querystring(self, **changes) -> str:
        params = {**self.params, **changes}
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def filter_query(self) -> str:
        """Everything but the page number, for pagination links."""
        return self.querystring()

    @property
    def suggestion_query(self) -> str:
        """The same listing, searching for the suggested words instead."""
        return self.querystring(q=self.suggestion, page="")

    @property
    def query_removed(self) -> str:
        """The same listing without the search term."""
        return self.querystring(q="", page="")


class CountedPaginator(Paginator):
    """A paginator told the count (the facet query has it) instead of asking."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


@dataclass
class Listing(QueryLinks):
    """One request's view of a knowledge-base listing.

    Build it with ``run_listing``; templates read ``items`` (one page of result
    rows), ``results`` (the paginator page), ``facets``, ``active_filters``,
    ``messages``, ``map_counts`` and the query strings for links.
    """

    locale_id: int
    language: str
    version: str = ""
    query: str = ""
    # How the results were found when the words alone found nothing
    # (``core.forgiving``: "other_language" or "similar"), and a corrected query.
    forgiven: str = ""
    suggestion: str = ""
    sort: str = Sort.NEWEST
    sort_choices: list[tuple[str, str]] = field(default_factory=list)
    selected: dict[str, tuple[ListingFilter, Any]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    active_filters: list[ActiveFilter] = field(default_factory=list)
    results: PaginatorPage | None = None
    items: list = field(default_factory=list)
    # What the cards show beyond ``items``' own columns (``prefetch_related``
    # lookups), loaded by ``card_items`` when the cards are rendered.
    card_lookups: Sequence = ()
    _cards_loaded: bool = field(default=False, repr=False)
    queryset: QuerySet | None = None
    map_counts: dict[int, int] = field(default_factory=dict)
    _terms: dict = field(default_factory=dict, repr=False)
    _organisations: dict = field(default_factory=dict, repr=False)
    _tags: dict = field(default_factory=dict, repr=False)

    def taxonomy(
        self, model, key_field: str = "slug", order_field: str = "sort_order"
    ) -> dict[int, Term]:
        """``{default-language row id: Term}`` for a taxonomy model, labelled in
        the listing's language. One query per model and content version."""
        if model not in self._terms:
            self._terms[model] = cached(
                self.version,
                ("terms", model._meta.label, self.locale_id, key_field, order_field),
                lambda: self._read_terms(model, key_field, order_field),
            )
        return self._terms[model]

    def _read_terms(self, model, key_field: str, order_field: str) -> dict:
        default = settings.LANGUAGE_CODE
        rows = list(
            model.objects.filter(
                Q(locale_id=self.locale_id) | Q(locale__language_code=default)
            ).values(
                "pk",
                "translation_key",
                "locale_id",
                "name",
                language=F("locale__language_code"),
                term_key=F(key_field),
                term_order=F(order_field),
                **({"term_colour": F("colour")} if model is Cluster else {}),
            )
        )
        local = {
            row["translation_key"]: row["name"]
            for row in rows
            if row["locale_id"] == self.locale_id
        }
        terms = {}
        for row in rows:
            if row["language"] != default:
                continue
            name = local.get(row["translation_key"], row["name"])
            label = f"{row['term_key']}. {name}" if model is SDG else name
            terms[row["pk"]] = Term(
                key=str(row["term_key"]),
                label=label,
                order=(row["term_order"], label.lower()),
                colour=row.get("term_colour", ""),
            )
        return terms

    def organisations(self, ids: Iterable[int]) -> dict[int, Model]:
        """Organisations by id with ``display_name`` in the listing's language;
        one query (per content version) for those not loaded yet in this
        request."""
        missing = sorted({pk for pk in ids if pk not in self._organisations})
        if missing:
            self._organisations.update(
                cached(
                    self.version,
                    ("organisations", self.language, tuple(missing)),
                    lambda: organisations_with_names(self.language).in_bulk(missing),
                )
            )
        return self._organisations

    def tags(self, ids: Iterable[int]) -> dict[int, Tag]:
        """Tags by id; one query (per content version) for those not loaded yet."""
        missing = sorted({pk for pk in ids if pk not in self._tags})
        if missing:
            self._tags.update(
                cached(
                    self.version,
                    ("tags", tuple(missing)),
                    lambda: Tag.objects.in_bulk(missing),
                )
            )
        return self._tags

    @property
    def params(self) -> dict[str, str]:
        """The valid parameters of this request, for links and the form."""
        params = self.search_params()
        if self.sort != (Sort.RELEVANCE if self.query else Sort.NEWEST):
            params["sort"] = self.sort
        return params

    def canonical_query(self) -> str:
        """The normalized parameters of this exact page, for canonical links."""
        number = self.results.number if self.results else 1
        return self.querystring(page=str(number) if number > 1 else "")

    @property
    def card_items(self) -> list:
        """``items`` with everything their cards show, loaded in a fixed number of
        queries the first time. Templates read it inside the cards' cached
        fragment, so a request whose cards are cached loads none of it."""
        if not self._cards_loaded:
            prefetch_related_objects(self.items, *self.card_lookups)
            self._cards_loaded = True
        return self.items

    @property
    def item_keys(self) -> str:
        """The results on this page, e.g. for caching their rendered cards."""
        return ",".join(str(item.pk) for item in self.items)

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.selected)

    @property
    def count(self) -> int:
        return self.results.paginator.count if self.results else 0

    def map_points(
        self, *, url_for: Callable[[str], str], label: Callable[[int], str]
    ) -> list[dict]:
        """One point per city with coordinates among all results (not only this
        page), with how many results it has. No query of its own when the city
        facet has loaded the cities already (it lists a superset of them)."""
        cities = self.organisations(self.map_counts)
        points = [
            {
                "name": cities[pk].display_name,
                "url": url_for(cities[pk].slug),
                "lat": float(cities[pk].latitude),
                "lon": float(cities[pk].longitude),
                "count": count,
                "label": label(count),
            }
            for pk, count in self.map_counts.items()
            if pk in cities and cities[pk].has_location
        ]
        return sorted(points, key=lambda point: point["name"].lower())


def page_number(raw: str | None, paginator: Paginator, messages: list[str]) -> int:
    """The page to show; a bad or too large number shows the first or last page and
    says so."""
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except (TypeError, ValueError):
        messages.append(
            _("“%(value)s” is not a page number; showing the first page.")
            % {"value": echo(raw)}
        )
        return 1
    if number < 1:
        messages.append(
            _("There is no page %(value)s; showing the first page.")
            % {"value": echo(raw)}
        )
        return 1
    if number > paginator.num_pages:
        messages.append(
            _("There is no page %(value)s; showing the last page.")
            % {"value": echo(raw)}
        )
        return paginator.num_pages
    return number


def read_filters(filters, params, selected: dict, messages: list[str]) -> None:
    """Resolve each filter's GET value into ``selected``; an unknown value (or one
    with control characters, which no slug or number has) adds a message instead."""
    for spec in filters:
        raw = (params.get(spec.name) or "").strip()[: ECHO_LENGTH * 5]
        if not raw:
            continue
        value = None if has_control_characters(raw) else spec.resolve(raw)
        if value is None:
            messages.append(str(spec.unknown) % {"value": echo(raw)})
        else:
            selected[spec.name] = (spec, value)


def read_search_and_filters(listing: QueryLinks, filters, params) -> None:
    """The cleaned search into ``listing.query`` and the chosen filters into
    ``listing.selected``; what was wrong with them into ``listing.messages``."""
    listing.query, problem = clean_query(params.get("q"))
    if problem:
        listing.messages.append(problem)
    read_filters(filters, params, listing.selected, listing.messages)


def _read_sort(listing: Listing, params) -> None:
    """Best match first when there is a query, newest first otherwise."""
    listing.sort_choices = Sort.choices(with_query=bool(listing.query))
    raw_sort = (params.get("sort") or "").strip()
    listing.sort = Sort.RELEVANCE if listing.query else Sort.NEWEST
    if raw_sort and raw_sort in dict(listing.sort_choices):
        listing.sort = raw_sort
    elif raw_sort == Sort.RELEVANCE:
        listing.messages.append(
            _("Sorting by best match needs a search term; showing the newest first.")
        )
    elif raw_sort:
        listing.messages.append(
            _("We cannot sort by “%(value)s”; showing the usual order.")
            % {"value": echo(raw_sort[: ECHO_LENGTH * 5])}
        )


def _build_facets(listing: Listing, filters, counts) -> None:
    for spec in filters:
        options = spec.options(counts[spec.name], listing)
        chosen = listing.selected.get(spec.name)
        if chosen:
            key = spec.key(chosen[1])
            for option in options:
                option.selected = option.value == key
            if not any(option.selected for option in options):
                options.append(
                    FacetOption(
                        value=key,
                        label=spec.display(chosen[1], listing),
                        count=0,
                        selected=True,
                    )
                )
            listing.active_filters.append(
                ActiveFilter(
                    label=str(spec.label),
                    value=next(o.label for o in options if o.selected),
                    remove_query=listing.querystring(**{spec.name: ""}),
                )
            )
        listing.facets.append(
            Facet(
                name=spec.name,
                label=str(spec.label),
                all_label=str(spec.all_label),
                options=options,
            )
        )


@dataclass
class FilterField:
    """One select of a filter form without counts (the event calendar's)."""

    name: str
    label: str
    choices: list[tuple[str, str]]
    value: str = ""


def filter_fields(listing, filters, terms: Listing) -> list[FilterField]:
    """One select per filter, with every value it can take (taxonomy terms in
    the reader's language, fixed choices, or else the filter's own ``choices()``),
    and an entry in ``listing.active_filters`` for each chosen one. No query:
    the terms are the ones ``terms`` has read for the cards."""
    fields = []
    for spec in filters:
        if isinstance(spec, TaxonomyFilter):
            options = [
                (term.key, term.label)
                for term in sorted(
                    terms.taxonomy(spec.model).values(), key=lambda term: term.order
                )
            ]
        elif isinstance(spec, ChoiceFilter):
            options = [(value, str(label)) for value, label in spec.choices]
        else:
            options = spec.choices()
        chosen = listing.selected.get(spec.name)
        fields.append(
            FilterField(
                name=spec.name,
                label=str(spec.label),
                choices=[("", str(spec.all_label)), *options],
                value=spec.key(chosen[1]) if chosen else "",
            )
        )
        if chosen:
            listing.active_filters.append(
                ActiveFilter(
                    label=str(spec.label),
                    value=dict(options).get(spec.key(chosen[1]), ""),
                    remove_query=listing.querystring(**{spec.name: ""}),
                )
            )
    return fields


def run_listing(
    *,
    base: QuerySet,
    filters: Sequence[ListingFilter],
    params,
    locale_id: int,
    decorate: Callable[[QuerySet], QuerySet],
    card_lookups: Sequence = (),
    map_filter: ListingFilter | None = None,
    per_page: int = PER_PAGE,
) -> Listing:
    """Filter, search, count facets, sort and paginate ``base`` for one request.

    ``base`` is the unfiltered set (live, public children of the index page);
    ``decorate`` shapes the query of the one page of results (the columns a card
    needs); ``card_lookups`` are the relations a card shows, loaded only when the
    cards are rendered (``Listing.card_items``); ``map_filter`` is the city filter
    whose values the map shows.
    """
    listing = Listing(
        locale_id=locale_id,
        language=current_language(),
        version=content_version(),
        card_lookups=card_lookups,
    )
    read_search_and_filters(listing, filters, params)
    _read_sort(listing, params)

    candidates = base
    every_page = base.model._default_manager.all()
    if listing.query:
        # Searched over the whole table: ``base`` already keeps the right pages,
        # and the search subquery need not join the page tree again.
        candidates = base.filter(pk__in=matching_pks(every_page, listing.query))
    counts = count_facets(
        candidates, filters, listing.selected, map_filter, version=listing.version
    )
    # Forgiven only when the words find nothing at all here, not when the
    # filters leave none of what they find. Without a filter the total says so
    # already (asking again cost 0.6 s at 100,000 practices).
    found_nothing = listing.query and not counts[TOTAL].get("", 0)
    if found_nothing and (not listing.selected or not candidates.exists()):
        forgiven, listing.forgiven = forgiving_matches(
            base, every_page, listing.query, language=listing.language
        )
        if forgiven is not None:
            candidates = forgiven
            counts = count_facets(
                candidates,
                filters,
                listing.selected,
                map_filter,
                version=listing.version,
            )
    listing.map_counts = {int(pk): count for pk, count in counts[MAP].items()}

    filtered = candidates
    without_text = base
    for spec, value in listing.selected.values():
        condition = spec.condition(base.model, value)
        filtered = filtered.filter(condition)
        without_text = without_text.filter(condition)
    listing.queryset = filtered
    if listing.sort == Sort.RELEVANCE and not listing.forgiven:
        rows = decorate(without_text).search(listing.query)
    else:
        # What was found despite the words has no relevance score: newest first.
        sort = Sort.NEWEST if listing.sort == Sort.RELEVANCE else listing.sort
        rows = decorate(filtered).order_by(*Sort.ORDERINGS[sort])

    paginator = CountedPaginator(rows, per_page, count=counts[TOTAL].get("", 0))
    number = page_number(params.get("page"), paginator, listing.messages)
    listing.results = paginator.page(number)
    listing.items = list(listing.results.object_list)
    if listing.forgiven == SIMILAR:
        listing.suggestion = suggestion(
            listing.query, [words_of(item) for item in listing.card_items]
        )
    _build_facets(listing, filters, counts)
    _label_items(listing)
    return listing


def words_of(item) -> str:
    """The words a result was likely found by: title, teaser and its tags when
    they are loaded already (the cards prefetch them); no query."""
    tags = getattr(item, "_prefetched_objects_cache", {}).get("tags", ())
    return " ".join(
        [item.title, getattr(item, "teaser", ""), *(tag.name for tag in tags)]
    )


def _label_items(listing: Listing) -> None:
    """Cluster and field names on each card, from the taxonomy the facets read
    (no query, and none of the per-row subqueries an annotation would cost)."""
    clusters = listing.taxonomy(Cluster)
    fields = listing.taxonomy(FieldOfAction, "slug", "cluster__sort_order")
    for item in listing.items:
        cluster = clusters.get(getattr(item, "cluster_id", None))
        field_of_action = fields.get(getattr(item, "field_of_action_id", None))
        item.cluster_label = cluster.label if cluster else ""
        item.cluster_colour = cluster.colour if cluster else ""
        item.field_label = field_of_action.label if field_of_action else ""
