"""The search index after a save: written again only when the save wrote text the
index holds.

modelsearch indexes an object after every save. Wagtail saves a page three times
when an editor creates and publishes it (the new page, the revision's bookkeeping,
the publication) and once more for every draft saved later; the draft's save writes
only ``latest_revision``, ``draft_title``, ``has_unpublished_changes`` and the like
(``Page.save_revision``), never the texts of the live page that the index holds.
Indexing a page costs a dozen queries (its tags, cities and organisations), so
those saves index nothing here.

This holds for the database backends this site uses (PostgreSQL, and SQLite in
development): their index rows hold only the text of search and autocomplete
fields, and filters read the object's own table. A backend that copies filter
fields into its index (Elasticsearch, say) gets every save, as before.
"""

from functools import cache

from django.core.exceptions import FieldDoesNotExist

from modelsearch import index
from modelsearch import signal_handlers as modelsearch_handlers
from modelsearch.backends import get_search_backends

# The backends whose index holds only the text of an object (module prefixes).
TEXT_ONLY_BACKENDS = ("modelsearch.backends.database.", "core.search_backend")
# Not text, but they decide how it is indexed: the language stems the words
# (``core.search_backend``).
ALWAYS_INDEXED = frozenset({"locale", "locale_id"})

_index_after_save = modelsearch_handlers.post_save_signal_handler


@cache
def text_only_index() -> bool:
    """Whether every configured search backend indexes text only."""
    return all(
        type(backend).__module__.startswith(TEXT_ONLY_BACKENDS)
        for backend in get_search_backends(with_auto_update=True)
    )


@cache
def indexed_text_fields(model) -> frozenset[str] | None:
    """The names and column names of ``model``'s fields whose text its index row
    holds (related fields by the relation) and of its language, or ``None`` when
    one of them is not a field (a method: any save may change what it returns)."""
    names = set(ALWAYS_INDEXED)
    for search_field in model.get_search_fields():
        if isinstance(search_field, index.FilterField):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            return None
        names.update({field.name, getattr(field, "attname", field.name)})
    return frozenset(names)


def index_after_save(instance, update_fields=None, **kwargs) -> None:
    """modelsearch's ``post_save`` handler, skipped for a save that names the
    fields it wrote (``update_fields``) when none of them is indexed text."""
    if update_fields is not None and text_only_index():
        indexed = indexed_text_fields(type(instance))
        if indexed is not None and indexed.isdisjoint(update_fields):
            return
    _index_after_save(instance, update_fields=update_fields, **kwargs)


def install() -> None:
    """Make ``index_after_save`` the handler modelsearch connects for every indexed
    model. Called by ``core``'s ``ready()``, which runs before the search app's
    (``core`` comes first in ``INSTALLED_APPS``), where modelsearch connects it."""
    modelsearch_handlers.post_save_signal_handler = index_after_save
