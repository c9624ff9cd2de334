"""The list of supported projects and its listing: the knowledge base's listing
machinery (``core.knowledge``) with the projects' own filters. A project has no
country or region of its own: both come from the cities involved. Its year is the
year of its first milestone.
"""

from django.db import models
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from core.knowledge.forms import KnowledgeFilterForm
from core.knowledge.listing import (
    ChoiceFilter,
    CityFilter,
    CountryFilter,
    Listing,
    ListingFilter,
    TagFilter,
    YearFilter,
    card_images,
    cluster_filter,
    current_language,
    field_filter,
    organisation_name,
    region_filter,
    run_listing,
    sdg_filter,
)
from core.knowledge.pages import KnowledgeIndexPage
from core.models import SDG

from .project import (
    ProjectCity,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
    SupportedProjectTag,
)


class ProjectIndexPage(KnowledgeIndexPage):
    """The list of supported projects with filters, search and map."""

    # Its own field, without the shared help text: help texts are part of the
    # model's state, and changing one is a migration.
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    subpage_types = ["projects.SupportedProjectPage"]

    class Meta:
        verbose_name = _("project index")

    def get_listing(self, request):
        """This request's listing: filtered, searched, faceted and paginated (see
        ``core.knowledge.listing.run_listing``)."""
        return project_listing(self, request)

    def get_map_points(self, request, listing) -> list[dict]:
        """One point per city among all results (not only this page of them)."""
        return project_map_points(listing, self.get_url(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        context["filter_form"] = KnowledgeFilterForm(listing=listing)
        context["map_points"] = self.get_map_points(request, listing)
        return context


# --- The listing ---------------------------------------------------------------


CITY_PATH = "city_roles__organisation"


def first_milestone_year():
    return Subquery(
        ProjectMilestone.objects.filter(page=OuterRef("pk"))
        .order_by("date", "sort_order")
        .annotate(year=ExtractYear("date"))
        .values("year")[:1]
    )


def _city_pairs(value: str) -> QuerySet:
    """(project, value) rows from the cities of projects; a city with two roles in
    one project counts once."""
    return (
        ProjectCity.objects.order_by()
        .values(cc_page=F("page_id"), cc_value=F(value))
        .distinct()
    )


def project_filters() -> list[ListingFilter]:
    return [
        cluster_filter(),
        field_filter(),
        region_filter(
            path=f"{CITY_PATH}__region",
            many=True,
            pairs=lambda: _city_pairs("organisation__region_id"),
        ),
        CountryFilter(
            "country",
            path=f"{CITY_PATH}__country",
            many=True,
            pairs=lambda: _city_pairs("organisation__country"),
        ),
        CityFilter(
            "city", path=CITY_PATH, pairs=lambda: _city_pairs("organisation_id")
        ),
        sdg_filter(
            pairs=lambda: SupportedProjectPage.sdgs.through.objects.values(
                cc_page=F("supportedprojectpage_id"), cc_value=F("sdg_id")
            ),
        ),
        TagFilter(
            pairs=lambda: SupportedProjectTag.objects.values(
                cc_page=F("content_object_id"), cc_value=F("tag_id")
            )
        ),
        YearFilter(expression=first_milestone_year, label=gettext_lazy("Start year")),
        ChoiceFilter(
            "stage",
            path="stage",
            choices=Stage.choices,
            label=gettext_lazy("Stage"),
            all_label=gettext_lazy("All stages"),
            unknown=gettext_lazy("There is no stage “%(value)s”; showing all stages."),
        ),
    ]


def project_card_lookups(language: str) -> list:
    """The relations a project card shows, for ``prefetch_related``."""
    return [
        card_images(),
        Prefetch(
            "city_roles",
            queryset=ProjectCity.objects.select_related("organisation").annotate(
                display_name=organisation_name(language, "organisation")
            ),
        ),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        "tags",
    ]


def decorate_projects(queryset: QuerySet, *, locale_id: int, language: str):
    """Everything a project card shows, in a fixed number of queries."""
    return queryset.defer_streamfields().prefetch_related(
        *project_card_lookups(language)
    )


def project_listing(index_page: KnowledgeIndexPage, request) -> Listing:
    """The project index for one request: filters, search, facets, one page."""
    language = current_language()
    filters = project_filters()
    return run_listing(
        base=index_page.listed_pages(SupportedProjectPage),
        filters=filters,
        params=request.GET,
        locale_id=index_page.locale_id,
        decorate=lambda queryset: queryset.defer_streamfields(),
        card_lookups=project_card_lookups(language),
        map_filter=next(spec for spec in filters if spec.name == "city"),
    )


def project_map_points(listing: Listing, index_url: str) -> list[dict]:
    return listing.map_points(
        url_for=lambda slug: f"{index_url}?{listing.querystring(city=slug, page='')}",
        label=lambda count: (
            ngettext("%(count)d project", "%(count)d projects", count)
            % {"count": count}
        ),
    )
