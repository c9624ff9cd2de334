"""Related content on a knowledge-base page: groups of links under a heading, each
page listed once."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import SimpleLazyObject

from wagtail.models import Page

from .versions import content_version

# How many pages a group of related content lists.
RELATED_LIMIT = 4


@dataclass
class RelatedItem:
    title: str
    url: str
    meta: str = ""


@dataclass
class RelatedGroup:
    """A list of related pages under a heading, e.g. "More on urban renewal"."""

    key: str
    title: str
    items: list[RelatedItem]


def related_items(pages: Iterable[Page], request, meta: Callable = None) -> list:
    return [
        RelatedItem(
            title=page.title,
            url=page.get_url(request),
            meta=meta(page) if meta else "",
        )
        for page in pages
    ]


def without_repeats(groups: list[RelatedGroup]) -> list[RelatedGroup]:
    """The groups with each page only in the first that lists it; empty groups
    left out."""
    seen: set[str] = set()
    kept = []
    for group in groups:
        group.items = [item for item in group.items if item.url not in seen]
        seen.update(item.url for item in group.items)
        if group.items:
            kept.append(group)
    return kept


def kept_related(request, groups: Callable[[], list[RelatedGroup]]) -> dict:
    """The context of ``includes/related_content.html``: ``related_groups``, made
    by ``groups()`` only when the template has not kept them as rendered for
    ``related_version``, the content version (what they list changes only with a
    publication, a move or a renamed city). A preview shows the editor's unsaved
    choices: its groups are made afresh and kept for nobody."""
    preview = getattr(request, "is_preview", False)
    return {
        "related_groups": SimpleLazyObject(groups),
        "related_version": "" if preview else content_version(),
    }


def event_translation(event: Page | None, locale_id: int) -> Page | None:
    """The event page in the reader's language, or the one stored."""
    if event is None:
        return None
    return (
        Page.objects.live()
        .public()
        .filter(translation_key=event.translation_key, locale_id=locale_id)
        .first()
        or event
    )
