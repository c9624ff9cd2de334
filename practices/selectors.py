"""Reads of the knowledge base: the good practices listing, what a practice's page
shows next to its story, and summaries for other pages.

The listing machinery (filters, search, facets, pagination) and the pieces shared
with projects and events (organisation links, related content) are in
``core.knowledge``.
"""

from django.db.models import F, Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page

from community.models import Organisation, Region
from core.knowledge.links import OrganisationLinks
from core.knowledge.listing import (
    THUMBNAIL_SPEC,
    CityFilter,
    CountryFilter,
    Listing,
    ListingFilter,
    TagFilter,
    YearFilter,
    cluster_filter,
    current_language,
    field_filter,
    localized_rows,
    organisations_with_names,
    region_filter,
    run_listing,
    sdg_filter,
    taxonomy_labels,
)
from core.knowledge.related import (
    RELATED_LIMIT,
    RelatedGroup,
    event_translation,
    related_items,
    without_repeats,
)
from core.links import page_public_url
from core.models import SDG, Cluster, FieldOfAction
from core.structured_data import json_ld, place

from .models import GoodPracticePage, GoodPracticeTag

# Projects (which may import practices, not the other way round) add related content
# to a practice's page through this hook: ``fn(page=, request=, event=)`` returns a
# ``RelatedGroup`` or None.
PRACTICE_RELATED_HOOK = "practices_related_content"


# --- Good practices -------------------------------------------------------------


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


def practice_base(index_page: Page) -> QuerySet:
    """The practices an index page lists: live, public, its own children (and so in
    its language)."""
    return (
        GoodPracticePage.objects.live()
        .public()
        .child_of(index_page)
        .filter(locale_id=index_page.locale_id)
    )


def decorate_practices(queryset: QuerySet, *, locale_id: int, language: str):
    """Everything a practice card shows, in a fixed number of queries."""
    image_model = get_image_model()
    return queryset.defer_streamfields().prefetch_related(
        Prefetch(
            "hero_image",
            queryset=image_model.objects.prefetch_renditions(THUMBNAIL_SPEC),
        ),
        Prefetch(
            "cities",
            queryset=organisations_with_names(language).order_by("name"),
        ),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        "tags",
    )


def practice_listing(index_page: Page, request) -> Listing:
    """The good practices index for one request: filters, search, facets, a page."""
    language = current_language()
    filters = practice_filters()
    return run_listing(
        base=practice_base(index_page),
        filters=filters,
        params=request.GET,
        locale_id=index_page.locale_id,
        decorate=lambda queryset: decorate_practices(
            queryset, locale_id=index_page.locale_id, language=language
        ),
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
            "title": _("Good practices (RSS)"),
            "url": reverse("practice_feed_rss"),
        },
        {
            "type": "application/atom+xml",
            "title": _("Good practices (Atom)"),
            "url": reverse("practice_feed_atom"),
        },
    ]
    chosen = listing.selected.get("cluster")
    if chosen is not None:
        spec, cluster = chosen
        feeds.append(
            {
                "type": "application/rss+xml",
                "title": _("Good practices: %(cluster)s (RSS)")
                % {"cluster": spec.display(cluster, listing)},
                "url": reverse("practice_cluster_feed_rss", args=[cluster.slug]),
            }
        )
    return feeds


# --- A practice's page ---------------------------------------------------------------


def practice_facts(page: GoodPracticePage, request) -> dict:
    """The structured header of a practice in the page's language."""
    locale_id = page.locale_id
    language = current_language()
    links = OrganisationLinks(request, locale_id)
    # Through the page's own relation, so that a preview shows unsaved choices.
    city_ids = [city.pk for city in page.cities.all()]
    cities = [
        {"organisation": city, "url": links.url(city.slug)}
        for city in organisations_with_names(language)
        .filter(pk__in=city_ids)
        .order_by("display_name")
    ]
    cluster, field_of_action, region = (
        localized_rows(model, [row], locale_id)[0] if row else None
        for model, row in (
            (Cluster, page.cluster),
            (FieldOfAction, page.field_of_action),
            (Region, page.region),
        )
    )
    sdgs = localized_rows(
        SDG, sorted(page.sdgs.all(), key=lambda sdg: sdg.number), locale_id
    )
    return {
        "cities": cities,
        "cluster": cluster,
        "field_of_action": field_of_action,
        "region": region,
        "sdgs": sdgs,
        "tags": list(page.tags.all()),
    }


def practice_related(page: GoodPracticePage, request, facts: dict) -> list:
    """Practices with the same field of action, from the same cities and from the
    same event, then what other apps add (projects). One query per group; a page
    appears in the first group that lists it only."""
    others = (
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    groups = []
    if page.field_of_action_id:
        groups.append(
            RelatedGroup(
                key="field",
                title=_("More on %(field)s") % {"field": facts["field_of_action"].name},
                items=related_items(
                    others.filter(field_of_action_id=page.field_of_action_id)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    city_ids = [entry["organisation"].pk for entry in facts["cities"]]
    if city_ids:
        names = ", ".join(
            entry["organisation"].display_name for entry in facts["cities"]
        )
        groups.append(
            RelatedGroup(
                key="city",
                title=_("More from %(cities)s") % {"cities": names},
                items=related_items(
                    others.filter(
                        pk__in=GoodPracticePage.objects.filter(
                            cities__in=city_ids
                        ).values("pk")
                    )[:RELATED_LIMIT],
                    request,
                ),
            )
        )
    event = facts.get("event")
    if event is not None:
        groups.append(
            RelatedGroup(
                key="event",
                title=_("Also presented at %(event)s") % {"event": event.title},
                items=related_items(
                    others.filter(presented_at__translation_key=event.translation_key)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    for hook in hooks.get_hooks(PRACTICE_RELATED_HOOK):
        group = hook(page=page, request=request, event=event)
        if group:
            groups.append(group)
    return without_repeats(groups)


def practice_structured_data(page: GoodPracticePage, request, facts: dict) -> dict:
    """schema.org ``Article`` for search engines: what it is about and where."""
    about = [
        {"@type": "Thing", "name": row.name}
        for row in (facts["cluster"], facts["field_of_action"])
        if row is not None
    ] + [
        {"@type": "Thing", "name": f"SDG {sdg.number}: {sdg.name}"}
        for sdg in facts["sdgs"]
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "name": page.title,
        "description": page.teaser,
        "url": page_public_url(page, request),
        "inLanguage": current_language(),
        "about": about,
        "spatialCoverage": [
            place(entry["organisation"], entry["url"]) for entry in facts["cities"]
        ],
        "keywords": [tag.name for tag in facts["tags"]],
        "publisher": {"@type": "Organization", "name": "Connective Cities"},
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at
    if page.last_published_at:
        data["dateModified"] = page.last_published_at
    if page.originally_published_by:
        data["sourceOrganization"] = {
            "@type": "Organization",
            "name": page.originally_published_by,
        }
    return data


def practice_detail(page: GoodPracticePage, request) -> dict:
    """Context of a practice's page: facts, related content, structured data."""
    facts = practice_facts(page, request)
    facts["event"] = event_translation(page.presented_at, page.locale_id)
    index = page.get_parent()
    return {
        "facts": facts,
        "related_groups": practice_related(page, request, facts),
        "structured_data": json_ld(practice_structured_data(page, request, facts)),
        "index_page": index,
        "canonical_url": page_public_url(page, request),
    }


# --- Summaries for other pages (home, organisation profiles, site search) -----------


def latest_practices(*, locale_id: int, limit: int = 3) -> list[GoodPracticePage]:
    return list(
        decorate_practices(
            GoodPracticePage.objects.live().public().filter(locale_id=locale_id),
            locale_id=locale_id,
            language=current_language(),
        )
        .annotate(**taxonomy_labels(locale_id))
        .order_by("-first_published_at", "-pk")[:limit]
    )


def practices_of_organisation(
    organisation: Organisation, *, locale_id: int
) -> list[GoodPracticePage]:
    return list(
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=locale_id, cities=organisation)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
