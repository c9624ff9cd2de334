"""Supported projects for other pages: the home page, organisation profiles and a
practice's related content (``practices_related_content`` hook).

A project's page and the index page render their own reads (``projects.models``).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Locale

from core.knowledge.listing import (
    current_language,
    taxonomy_labels,
)
from core.knowledge.related import (
    RELATED_LIMIT,
    RelatedGroup,
    related_items,
)

from .models import ProjectCity, ProjectIndexPage, SupportedProjectPage
from .models.index import decorate_projects


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
