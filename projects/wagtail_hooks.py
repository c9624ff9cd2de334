"""What supported projects add to other pages: the home page's latest projects, a
city profile's projects, a practice's related projects, the site search's
"Supported projects" group and the projects recommended on a person's
dashboard."""

from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail import hooks

from community.dashboard import (
    DASHBOARD_SECTIONS_HOOK,
    DashboardSection,
    Member,
    recommend,
    recommendation_section,
)
from community.pages import ORGANISATION_SECTIONS_HOOK
from core.models import HOME_SECTIONS_HOOK, home_section
from core.search import SEARCH_GROUPS_HOOK, SearchGroup, page_search_group
from core.sections import for_everyone
from practices.models.practice import PRACTICE_RELATED_HOOK

from .models import ProjectCity, ProjectIndexPage, SupportedProjectPage
from .selectors import (
    latest_projects,
    practice_related_projects,
    projects_of_organisation,
)

hooks.register(PRACTICE_RELATED_HOOK, practice_related_projects)


def _index_page(locale_id: int):
    return ProjectIndexPage.objects.live().filter(locale_id=locale_id).first()


@hooks.register(HOME_SECTIONS_HOOK)
def home_latest_projects(*, page, request) -> dict | None:
    """The three newest projects in the home page's language, when there are any."""
    return home_section(
        items=latest_projects(locale_id=page.locale_id),
        template="projects/home_section.html",
        title=_("Latest supported projects"),
        index_model=ProjectIndexPage,
        page=page,
        request=request,
    )


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def recommended_projects(*, request, member: Member) -> DashboardSection:
    """Projects in the reader's language with the person's city or a city of
    their region taking part, or on their themes, newest first within each (one
    query)."""
    cities = ProjectCity.objects.all()
    city = region = None
    if member.organisation is not None:
        city = Q(
            pk__in=cities.filter(organisation=member.organisation).values("page_id")
        )
    if member.region is not None:
        region = Q(
            pk__in=cities.filter(member.region_q("organisation__region")).values(
                "page_id"
            )
        )
    projects = recommend(
        SupportedProjectPage.objects.live()
        .public()
        .filter(locale_id=member.locale_id)
        .defer_streamfields(),
        theme=member.theme_q(),
        region=region,
        city=city,
    )
    return recommendation_section(
        key="recommended-projects",
        title=_("Supported projects"),
        pages=projects,
        request=request,
        order=20,
    )


@hooks.register(ORGANISATION_SECTIONS_HOOK)
@for_everyone
def organisation_projects(*, organisation, page, request) -> dict | None:
    """A city profile's projects with the city's role in each."""
    roles = projects_of_organisation(organisation, locale_id=page.locale_id)
    if not roles:
        return None
    index = _index_page(page.locale_id)
    return {
        "template": "projects/organisation_section.html",
        "title": _("Supported projects"),
        "items": [
            {
                "title": role.page.title,
                "url": role.page.get_url(request),
                "role": role.get_role_display(),
                "stage": role.page.get_stage_display(),
            }
            for role in roles
        ],
        "more_url": (
            f"{index.get_url(request)}?{urlencode({'city': organisation.slug})}"
            if index
            else ""
        ),
    }


@hooks.register(SEARCH_GROUPS_HOOK)
def project_search_group(*, request, query, locale) -> SearchGroup:
    """Supported projects in the language of the search."""
    return page_search_group(
        request=request,
        query=query,
        locale=locale,
        page_model=SupportedProjectPage,
        index_model=ProjectIndexPage,
        key="projects",
        title=_("Supported projects"),
        order=20,
        meta=lambda project: project.get_stage_display(),
    )
