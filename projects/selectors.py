"""Reads of the supported projects: the filtered, searched and faceted listing and
what a project's page shows next to its story.

The listing machinery is the knowledge base's (``core.knowledge``); projects add
their own filters. A project has no country or region of its own: both come
from the cities involved. Its year is the year of its first milestone.
"""

from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from community.models import Organisation
from core.knowledge.links import OrganisationLinks
from core.knowledge.listing import (
    THUMBNAIL_SPEC,
    ChoiceFilter,
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
    organisation_name,
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
from practices.models import GoodPracticePage

from .models import (
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
    SupportedProjectTag,
)

CITY_PATH = "city_roles__organisation"

# The usual path of a project; "stalled" can happen at any point.
STAGE_PATH = [Stage.IDEA, Stage.CONCEPT, Stage.ADVISORY, Stage.READY, Stage.IMPLEMENTED]


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


def project_base(index_page: Page) -> QuerySet:
    """The projects an index page lists: live, public, its own children."""
    return (
        SupportedProjectPage.objects.live()
        .public()
        .child_of(index_page)
        .filter(locale_id=index_page.locale_id)
    )


def decorate_projects(queryset: QuerySet, *, locale_id: int, language: str):
    """Everything a project card shows, in a fixed number of queries."""
    return queryset.defer_streamfields().prefetch_related(
        Prefetch(
            "hero_image",
            queryset=get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC),
        ),
        Prefetch(
            "city_roles",
            queryset=ProjectCity.objects.select_related("organisation").annotate(
                display_name=organisation_name(language, "organisation")
            ),
        ),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        "tags",
    )


def project_listing(index_page: Page, request) -> Listing:
    """The project index for one request: filters, search, facets, one page."""
    language = current_language()
    filters = project_filters()
    return run_listing(
        base=project_base(index_page),
        filters=filters,
        params=request.GET,
        locale_id=index_page.locale_id,
        decorate=lambda queryset: decorate_projects(
            queryset, locale_id=index_page.locale_id, language=language
        ),
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


# --- A project's page --------------------------------------------------------------


def stage_steps(stage: str) -> list[dict]:
    """The usual stages in order, each marked done, current or to come."""
    labels = dict(Stage.choices)
    position = STAGE_PATH.index(stage) if stage in STAGE_PATH else -1
    return [
        {
            "value": value,
            "label": labels[value],
            "state": (
                "done"
                if index < position
                else "current"
                if index == position
                else "next"
            ),
        }
        for index, value in enumerate(STAGE_PATH)
    ]


def project_facts(page: SupportedProjectPage, request) -> dict:
    """The structured header of a project in the page's language."""
    locale_id = page.locale_id
    language = current_language()
    links = OrganisationLinks(request, locale_id)
    # The page's own relations, so that a preview shows unsaved changes.
    roles = list(page.city_roles.all())
    names = organisation_display_names(
        language, [role.organisation_id for role in roles]
    )
    cities = [
        {
            "organisation": role.organisation,
            "name": names.get(role.organisation_id, role.organisation.name),
            "role": role.get_role_display(),
            "url": links.url(role.organisation.slug),
        }
        for role in roles
    ]
    cluster, field_of_action = (
        localized_rows(model, [row], locale_id)[0] if row else None
        for model, row in (
            (Cluster, page.cluster),
            (FieldOfAction, page.field_of_action),
        )
    )
    return {
        "cities": cities,
        "cluster": cluster,
        "field_of_action": field_of_action,
        "sdgs": localized_rows(
            SDG, sorted(page.sdgs.all(), key=lambda sdg: sdg.number), locale_id
        ),
        "tags": list(page.tags.all()),
        "milestones": sorted(
            page.milestones.all(), key=lambda step: (step.date, step.sort_order or 0)
        ),
        "stage_steps": stage_steps(page.stage),
        "event": event_translation(page.originating_event, locale_id),
    }


def organisation_display_names(language: str, ids: list[int]) -> dict[int, str]:
    """``{id: name in language}`` for organisations. One query (none without ids)."""
    if not ids:
        return {}
    return dict(
        Organisation.objects.filter(pk__in=ids)
        .annotate(display_name=organisation_name(language))
        .values_list("pk", "display_name")
    )


def project_related(page: SupportedProjectPage, request, facts: dict) -> list:
    """Practices the project built on, projects on the same field, from the same
    cities and from the same event, and practices presented at that event. One
    query per group."""
    locale_id = page.locale_id
    practices = (
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    projects = (
        SupportedProjectPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    groups = []
    practice_keys = [
        practice.translation_key for practice in page.related_practices.all()
    ]
    if practice_keys:
        groups.append(
            RelatedGroup(
                key="practices",
                title=_("Good practices this project learnt from"),
                items=related_items(
                    practices.filter(translation_key__in=practice_keys), request
                ),
            )
        )
    if page.field_of_action_id:
        groups.append(
            RelatedGroup(
                key="field",
                title=_("More projects on %(field)s")
                % {"field": facts["field_of_action"].name},
                items=related_items(
                    projects.filter(field_of_action_id=page.field_of_action_id)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    city_ids = [entry["organisation"].pk for entry in facts["cities"]]
    if city_ids:
        groups.append(
            RelatedGroup(
                key="city",
                title=_("More projects with %(cities)s")
                % {"cities": ", ".join(entry["name"] for entry in facts["cities"])},
                items=related_items(
                    projects.filter(
                        pk__in=ProjectCity.objects.filter(
                            organisation_id__in=city_ids
                        ).values("page_id")
                    )[:RELATED_LIMIT],
                    request,
                ),
            )
        )
    event = facts["event"]
    if event is not None:
        groups.append(
            RelatedGroup(
                key="event",
                title=_("Also from %(event)s") % {"event": event.title},
                items=related_items(
                    list(
                        projects.filter(
                            originating_event__translation_key=event.translation_key
                        )[:RELATED_LIMIT]
                    )
                    + list(
                        practices.filter(
                            presented_at__translation_key=event.translation_key
                        )[:RELATED_LIMIT]
                    ),
                    request,
                ),
            )
        )
    return without_repeats(groups)


def practice_related_projects(*, page, request, event) -> RelatedGroup | None:
    """Projects that built on a practice or came from the event where it was
    presented, for the practice's page (``practices_related_content`` hook)."""
    condition = Q(
        pk__in=SupportedProjectPage.objects.filter(
            related_practices__translation_key=page.translation_key
        ).values("pk")
    )
    if event is not None:
        condition |= Q(originating_event__translation_key=event.translation_key)
    projects = (
        SupportedProjectPage.objects.live()
        .public()
        .filter(condition, locale_id=page.locale_id)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:RELATED_LIMIT]
    )
    items = related_items(
        projects, request, meta=lambda project: project.get_stage_display()
    )
    if not items:
        return None
    return RelatedGroup(key="projects", title=_("Related projects"), items=items)


def project_structured_data(page: SupportedProjectPage, request, facts: dict) -> dict:
    """schema.org ``CreativeWork``: what the project is about and where."""
    about = [
        {"@type": "Thing", "name": row.name}
        for row in (facts["cluster"], facts["field_of_action"])
        if row is not None
    ] + [
        {"@type": "Thing", "name": f"SDG {sdg.number}: {sdg.name}"}
        for sdg in facts["sdgs"]
    ]
    places = []
    for entry in facts["cities"]:
        organisation = entry["organisation"]
        organisation.display_name = entry["name"]
        places.append(place(organisation, entry["url"]))
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "headline": page.title,
        "name": page.title,
        "description": page.teaser,
        "url": page_public_url(page, request),
        "inLanguage": current_language(),
        "about": about,
        "spatialCoverage": places,
        "keywords": [tag.name for tag in facts["tags"]],
        "creativeWorkStatus": page.get_stage_display(),
        "publisher": {"@type": "Organization", "name": "Connective Cities"},
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at
    if page.last_published_at:
        data["dateModified"] = page.last_published_at
    return data


def project_detail(page: SupportedProjectPage, request) -> dict:
    facts = project_facts(page, request)
    return {
        "facts": facts,
        "related_groups": project_related(page, request, facts),
        "structured_data": json_ld(project_structured_data(page, request, facts)),
        "index_page": page.get_parent(),
        "canonical_url": page_public_url(page, request),
    }


# --- Summaries for other pages ------------------------------------------------------


def latest_projects(*, locale_id: int, limit: int = 3) -> list[SupportedProjectPage]:
    return list(
        decorate_projects(
            SupportedProjectPage.objects.live().public().filter(locale_id=locale_id),
            locale_id=locale_id,
            language=current_language(),
        )
        .annotate(**taxonomy_labels(locale_id))
        .order_by("-first_published_at", "-pk")[:limit]
    )


def projects_of_organisation(organisation, *, locale_id: int) -> list:
    """Projects an organisation takes part in, with its role in each."""
    return list(
        ProjectCity.objects.filter(
            organisation=organisation,
            page__in=SupportedProjectPage.objects.live()
            .public()
            .filter(locale_id=locale_id),
        )
        .select_related("page")
        .order_by("-page__first_published_at", "page_id")
    )


def default_project_index() -> ProjectIndexPage | None:
    """The project index in the default language, where new projects start."""
    return ProjectIndexPage.objects.filter(locale=Locale.get_default()).first()
