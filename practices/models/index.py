"""The knowledge base of good practices: the index page and its listing (filters,
search, facets, map points and feeds), which the page renders.

The listing machinery (filters, search, facets, pagination) is in ``core.knowledge``.
"""

from django.db.models import F, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from core.knowledge.forms import KnowledgeFilterForm
from core.knowledge.listing import (
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
    organisations_with_names,
    region_filter,
    run_listing,
    sdg_filter,
)
from core.knowledge.pages import KnowledgeIndexPage
from core.models import SDG

from .practice import GoodPracticePage, GoodPracticeTag


class GoodPracticeIndexPage(KnowledgeIndexPage):
    """The knowledge base of good practices: filters, search, map and list."""

    subpage_types = ["practices.GoodPracticePage"]

    class Meta:
        verbose_name = _("good practice index")

    def get_listing(self, request):
        """This request's listing: filtered, searched, faceted and paginated (the
        listing paginates itself so it can say when a page number was out of range;
        see ``practice_listing``)."""
        return practice_listing(self, request)

    def get_map_points(self, request, listing) -> list[dict]:
        """One point per city among all results (not only this page of them)."""
        return practice_map_points(listing, self.get_url(request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = context["listing"]
        context["filter_form"] = KnowledgeFilterForm(listing=listing)
        context["map_points"] = self.get_map_points(request, listing)
        context["feeds"] = practice_feeds(listing)
        return context


# --- The listing ---------------------------------------------------------------


def _through_pairs(relation, value_column: str) -> QuerySet:
    """(page, value) rows straight from a many-to-many table of practices."""
    return relation.through.objects.values(
        cc_page=F("goodpracticepage_id"), cc_value=F(value_column)
    )


def practice_filters() -> list[ListingFilter]:
    return [
        cluster_filter(),
        field_filter(),
        region_filter(),
        CountryFilter("country", path="country"),
        CityFilter(
            "city",
            path="cities",
            pairs=lambda: _through_pairs(GoodPracticePage.cities, "organisation_id"),
        ),
        sdg_filter(
            pairs=lambda: _through_pairs(GoodPracticePage.sdgs, "sdg_id"),
        ),
        TagFilter(
            pairs=lambda: GoodPracticeTag.objects.values(
                cc_page=F("content_object_id"), cc_value=F("tag_id")
            )
        ),
        YearFilter(path="start_year", label=gettext_lazy("Start year")),
    ]


def practice_card_lookups(language: str) -> list:
    """The relations a practice card shows, for ``prefetch_related``."""
    return [
        card_images(),
        Prefetch(
            "cities",
            queryset=organisations_with_names(language).order_by("name"),
        ),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        "tags",
    ]


def decorate_practices(queryset: QuerySet, *, locale_id: int, language: str):
    """Everything a practice card shows, in a fixed number of queries."""
    return queryset.defer_streamfields().prefetch_related(
        *practice_card_lookups(language)
    )


def practice_listing(index_page: KnowledgeIndexPage, request) -> Listing:
    """The good practices index for one request: filters, search, facets, a page."""
    language = current_language()
    filters = practice_filters()
    return run_listing(
        base=index_page.listed_pages(GoodPracticePage),
        filters=filters,
        params=request.GET,
        locale_id=index_page.locale_id,
        decorate=lambda queryset: queryset.defer_streamfields(),
        card_lookups=practice_card_lookups(language),
        map_filter=next(spec for spec in filters if spec.name == "city"),
    )


def practice_map_points(listing: Listing, index_url: str) -> list[dict]:
    return listing.map_points(
        url_for=lambda slug: f"{index_url}?{listing.querystring(city=slug, page='')}",
        label=lambda count: (
            ngettext("%(count)d good practice", "%(count)d good practices", count)
            % {"count": count}
        ),
    )


def practice_feeds(listing: Listing) -> list[dict]:
    """The feeds a browser or feed reader can discover on the index page: RSS and
    Atom of all good practices, and RSS of the chosen cluster's."""
    feeds = [
        {
            "type": "application/rss+xml",
            "title": gettext("Good practices (RSS)"),
            "url": reverse("practice_feed_rss"),
        },
        {
            "type": "application/atom+xml",
            "title": gettext("Good practices (Atom)"),
            "url": reverse("practice_feed_atom"),
        },
    ]
    chosen = listing.selected.get("cluster")
    if chosen is not None:
        spec, cluster = chosen
        feeds.append(
            {
                "type": "application/rss+xml",
                "title": gettext("Good practices: %(cluster)s (RSS)")
                % {"cluster": spec.display(cluster, listing)},
                "url": reverse("practice_cluster_feed_rss", args=[cluster.slug]),
            }
        )
    return feeds
