"""The read-only JSON API (Wagtail API v2), mounted at /api/v2/.

Endpoints: ``pages`` (every live public page), ``practices`` (good practices) and
``projects`` (supported projects). The last two take the knowledge base filters of
the index pages as GET parameters, each by the same slug or code as in the site's
filter URLs and in both languages:

    cluster, field (or field_of_action), region, country, city, sdg, tag, year,
    stage (projects only)

A known value that matches no page gives an empty list; a value the filter does not
know (no such cluster, country "ZZ", year "abc") gives a 400 with a message, and so
does any other value the API cannot use: control characters anywhere, a search of
more than ``MAX_QUERY_LENGTH`` characters or ``MAX_QUERY_TERMS`` words, an offset or
page id beyond what the database stores, a date filter that is no date. Filters
combine with each other and with Wagtail's own parameters (``locale``, ``search``,
``order``, ``fields``, ``limit``, ``offset``). Only live, public pages are returned.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import Http404
from django.utils import translation

from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from django_countries.fields import CountryField
from django_countries.serializer_fields import CountryField as CountrySerializerField
from rest_framework.filters import BaseFilterBackend

from core.links import page_public_url
from core.params import MAX_DB_INT, has_control_characters, parse_int
from core.search import MAX_QUERY_LENGTH, MAX_QUERY_TERMS, clean_query, search_terms
from events.listing import event_filters
from events.models import EventPage
from practices.models import GoodPracticePage
from practices.models.index import practice_filters
from projects.models import SupportedProjectPage
from projects.models.index import project_filters

MAX_VALUE_LENGTH = 200
# ``field_of_action`` is accepted as another name for ``field``.
ALIASES = {"field_of_action": "field"}


class KnowledgeBaseFilter(BaseFilterBackend):
    """Applies the index pages' own filters (``practices.models.index`` and
    ``projects.models.index``): the same parameters, values and matching as on the
    site. Where the site says "no such cluster, showing all", the API answers 400
    with the parameter and value, so a typo never looks like a result."""

    def filter_queryset(self, request, queryset: QuerySet, view) -> QuerySet:
        for api_filter in view.get_kb_filters():
            names = [api_filter.name] + [
                alias for alias, name in ALIASES.items() if name == api_filter.name
            ]
            for name in names:
                raw = request.GET.get(name)
                if raw is None:
                    continue
                raw = raw.strip()
                value = None
                if (
                    raw
                    and len(raw) <= MAX_VALUE_LENGTH
                    and not has_control_characters(raw)
                ):
                    value = api_filter.resolve(raw)
                if value is None:
                    raise BadRequestError(
                        f"unknown {name} {raw[:80]!r}: no page can match it"
                    )
                queryset = api_filter.apply(queryset, value)
        return queryset


class SiteFieldsFilter(FieldsFilter):
    """Wagtail's filter by field value (``?first_published_at=...``), answering 400
    for a value the field cannot hold (a date that is no date, a number beyond
    the database's range) instead of raising deep inside the query."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as exc:
            raise BadRequestError(
                "field filter error: " + " ".join(exc.messages)
            ) from exc
        except OverflowError as exc:
            raise BadRequestError("field filter error: number out of range") from exc


class SiteSearchFilter(SearchFilter):
    """Wagtail's full-text search with the site's query rules (``core.search``):
    at most ``MAX_QUERY_LENGTH`` characters and ``MAX_QUERY_TERMS`` words (more is a
    400, where the site would cut and say so), ``search_operator`` ``and`` or
    ``or``; stemmed in the language of ``locale``."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        raw = request.GET["search"]
        if len(raw) > MAX_QUERY_LENGTH or len(search_terms(raw)) > MAX_QUERY_TERMS:
            raise BadRequestError(
                f"search is too long: at most {MAX_QUERY_LENGTH} characters "
                f"and {MAX_QUERY_TERMS} words"
            )
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(
                "filtering by tag with a search query is not supported"
            )
        query, _problem = clean_query(raw)
        locale = request.GET.get("locale", "")
        if locale in dict(settings.LANGUAGES):
            # The words are stemmed as the pages' language stems them ("huerto"
            # finds "huertos" in Spanish only). The backend reads the active
            # language when the results are fetched, after this method.
            translation.activate(locale)
        try:
            return get_search_backend().search(
                query,
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as exc:
            raise BadRequestError(
                f"cannot filter or order by {exc.field_name!r} while searching"
            ) from exc


# Parameters that name a page by its id; Wagtail's filters also take "root".
PAGE_ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")


class PublicPageHtmlUrlField(PageHtmlUrlField):
    """``html_url`` on ``PUBLIC_BASE_URL`` (``core.links``), not on the Site's root
    URL; the API's own links follow ``WAGTAILAPI_BASE_URL``, which is the same."""

    def to_representation(self, page):
        return page_public_url(page, self.context.get("request")) or None


class PublicPageParentField(PageParentField):
    """The ``parent`` in a page's meta, with its ``html_url`` public as well."""

    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=SitePageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class SitePageSerializer(PageSerializer):
    html_url = PublicPageHtmlUrlField(read_only=True)
    parent = PublicPageParentField(read_only=True)


class SitePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with country fields given as their ISO code, page
    addresses on the public base URL, and every query parameter checked before it
    reaches a query (``check_values``)."""

    base_serializer_class = SitePageSerializer

    filter_backends = [
        SiteFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SiteSearchFilter,  # last: search results cannot be filtered further
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_values(request)

    def check_values(self, request) -> None:
        """400 for values no filter can use: control characters (PostgreSQL rejects
        NUL), an offset beyond the database's range, page ids that are not ids."""
        for name, values in request.GET.lists():
            if any(has_control_characters(value) for value in values):
                raise BadRequestError(f"{name} must not contain control characters")
        if "offset" in request.GET and parse_int(request.GET["offset"]) is None:
            raise BadRequestError(
                f"offset must be a whole number from 0 to {MAX_DB_INT}"
            )
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        if "limit" in request.GET and parse_int(request.GET["limit"]) is None:
            raise BadRequestError(f"limit must be a whole number from 0 to {limit_max}")
        for name in (*PAGE_ID_PARAMETERS, "id"):
            raw = request.GET.get(name)
            if raw is None or (raw == "root" and name != "id"):
                continue
            if parse_int(raw) is None:
                raise BadRequestError(f"{name} must be a page id")

    def get_object(self):
        # The router's ``<int:pk>`` takes any length; SQLite cannot compare a
        # number beyond 64 bits and raises instead of finding nothing.
        if parse_int(str(self.kwargs.get("pk", ""))) is None:
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            # check_values has made sure it is a number the database can hold.
            return queryset.filter(id=parse_int(request.GET["id"])).first()
        return super().find_object(queryset, request)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        for field in model._meta.get_fields():
            # DRF does not know django-countries' field and would hand the JSON
            # encoder a Country object.
            if isinstance(field, CountryField) and field.name not in overrides:
                overrides[field.name] = CountrySerializerField(read_only=True)
        return overrides


class KnowledgeBaseAPIViewSet(SitePagesAPIViewSet):
    """Pages of one knowledge base type with the index pages' filters, newest first."""

    filter_backends = [KnowledgeBaseFilter, *SitePagesAPIViewSet.filter_backends]

    @classmethod
    def get_kb_filters(cls) -> list:
        """The index page's filters (objects with ``name``, ``resolve``, ``apply``)."""
        raise NotImplementedError

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only=db_fields_only)
        if db_fields_only:
            # Our filters take slugs; Wagtail's field filter would read them as ids.
            names = {api_filter.name for api_filter in cls.get_kb_filters()}
            names |= set(ALIASES)
            fields = [field for field in fields if field not in names]
        return fields

    def get_queryset(self):
        queryset = self.model.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        ).select_related("locale")  # listed for every item
        if "order" not in self.request.GET and "search" not in self.request.GET:
            queryset = queryset.order_by("-first_published_at", "-pk")
        return queryset


class PracticesAPIViewSet(KnowledgeBaseAPIViewSet):
    name = "practices"
    model = GoodPracticePage
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"type"}).union(
        [api_filter.name for api_filter in practice_filters()], ALIASES
    )
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "teaser",
        "country",
        "start_year",
    ]

    @classmethod
    def get_kb_filters(cls) -> list:
        return practice_filters()


class ProjectsAPIViewSet(KnowledgeBaseAPIViewSet):
    name = "projects"
    model = SupportedProjectPage
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"type"}).union(
        [api_filter.name for api_filter in project_filters()], ALIASES
    )
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "teaser",
        "stage",
    ]

    @classmethod
    def get_kb_filters(cls) -> list:
        return project_filters()


class EventsAPIViewSet(KnowledgeBaseAPIViewSet):
    """Events with the calendar's filters (``event_format``, ``cluster``, ``region``,
    ``attendance``) and ``upcoming=true|false``; soonest first. ``upcoming=true``
    gives dated events that are not over, ``upcoming=false`` those that are over;
    events without a date yet ("date to be announced") are in neither and listed
    only without the filter, last. The online link is not an API field: only
    confirmed participants see it."""

    name = "events"
    model = EventPage
    known_query_parameters = (PagesAPIViewSet.known_query_parameters - {"type"}).union(
        [api_filter.name for api_filter in event_filters(api=True)]
    )
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "teaser",
        "event_format",
        "starts_at",
        "attendance_mode",
    ]

    @classmethod
    def get_kb_filters(cls) -> list:
        return event_filters(api=True)

    def get_queryset(self):
        queryset = super().get_queryset()
        if "order" not in self.request.GET and "search" not in self.request.GET:
            queryset = queryset.order_by(F("starts_at").asc(nulls_last=True), "pk")
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
# The knowledge base endpoints come first so that their pages link to them.
api_router.register_endpoint("practices", PracticesAPIViewSet)
api_router.register_endpoint("projects", ProjectsAPIViewSet)
api_router.register_endpoint("events", EventsAPIViewSet)
api_router.register_endpoint("pages", SitePagesAPIViewSet)
