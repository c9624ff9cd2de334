"""The changes that start a new content version of the knowledge-base listings
(``core.knowledge.listing.content_changed``).

What a listing counts or labels: which pages are live and public, where they are,
and the names of taxonomy rows, organisations and tags. Saving a draft changes none
of it. ``CoreConfig.ready`` connects the page signals and core's own rows; the
directory's rows (organisations, their names, regions) are connected when the
community app registers them (``core.knowledge.directory.register_directory``),
since core cannot import them.
"""

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import SDG, Cluster, FieldOfAction

from .versions import content_changed


def _content_changed(sender, **kwargs) -> None:
    content_changed()


def watch_rows(*models: type[Model]) -> None:
    """A new content version whenever a row of ``models`` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _content_changed,
                sender=model,
                dispatch_uid=f"kb_version_{signal is post_save}_{model._meta.label}",
            )


def connect() -> None:
    """Connect the receivers for pages and core's rows; called once from
    ``CoreConfig.ready``."""
    page_published.connect(_content_changed, dispatch_uid="kb_version_published")
    page_unpublished.connect(_content_changed, dispatch_uid="kb_version_unpublished")
    post_page_move.connect(_content_changed, dispatch_uid="kb_version_moved")
    # Deleting a page of any type deletes its Page row too (saves go through
    # publishing).
    post_delete.connect(
        _content_changed, sender=Page, dispatch_uid="kb_version_deleted"
    )
    watch_rows(PageViewRestriction, Cluster, FieldOfAction, SDG, Tag)
