"""Summaries of good practices for other pages: the home page, organisation profiles.

A practice's page and the index page render their own reads
(``practices.models``).
"""

from community.models import Organisation
from core.knowledge.listing import current_language, taxonomy_labels

from .models import GoodPracticePage
from .models.index import decorate_practices


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
