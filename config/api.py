"""The read-only JSON API (Wagtail API v2), mounted at /api/v2/.

Endpoints: ``pages`` (every live public page), ``practices`` (good practices) and
``projects`` (supported projects). The last two take the knowledge base filters of
the index pages as GET parameters, each by the same slug or code as in the site's
filter URLs and in both languages:

    cluster, field (or field_of_action), region, country, city, sdg, tag, year,
    stage (projects only)

A known value that matches no page gives an empty list; a value the filter does not
know (no such cluster, country "ZZ", year "abc") gives a 400 with a message. Filters
combine with each other and with Wagtail's own parameters (``locale``, ``search``,
``order``, ``fields``, ``limit``, ``offset``). Only live, public pages are returned.
"""

from django.db.models import F, QuerySet

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
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from django_countries.fields import CountryField
from django_countries.serializer_fields import CountryField as CountrySerializerField
from rest_framework.filters import BaseFilterBackend

from events.listing import event_filters
from events.models import EventPage
from practices.models import GoodPracticePage
from practices.selectors import practice_filters
from projects.models import SupportedProjectPage
from projects.selectors import project_filters

MAX_VALUE_LENGTH = 200
# ``field_of_action`` is accepted as another name for ``field``.
ALIASES = {"field_of_action": "field"}


class KnowledgeBaseFilter(BaseFilterBackend):
    """Applies the index pages' own filters (``practices.selectors`` and
    ``projects.selectors``): the same parameters, values and matching as on the
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
                if raw and len(raw) <= MAX_VALUE_LENGTH and "\x00" not in raw:
                    value = api_filter.resolve(raw)
                if value is None:
                    raise BadRequestError(
                        f"unknown {name} {raw[:80]!r}: no page can match it"
                    )
                queryset = api_filter.apply(queryset, value)
        return queryset


class SitePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with country fields given as their ISO code."""

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

    filter_backends = [
        KnowledgeBaseFilter,
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]

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
