"""Wagtail's index updates once per object instead of once per save.

Every save of a page or snippet queues two tasks: the search index
(``modelsearch``) and the reference index (Wagtail's "usage"). Seeding saves a
page three to five times (created, revised, published, translated, facts copied
to its translations), so the demo ran some 3,600 of them, 40 % of its time. Inside
``once_per_object()`` the two signal handlers' tasks are collected instead, and
each object's are run once when the block ends, for the state it ends in: the
search index in one statement per model and language (``index_in_bulk``), the
reference index object by object.

It swaps the two handlers' task for the whole process, so it belongs in
single-threaded work (seeding, tests), never around request code.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps

from wagtail import signal_handlers as wagtail_signals

from modelsearch import signal_handlers as search_signals
from modelsearch.backends import get_search_backends_with_name


class _Deferred:
    """Stands in for a task in a signal-handler module; remembers the calls."""

    def __init__(self, task, pending: dict):
        self.task = task
        self.pending = pending

    def enqueue(self, app_label: str, model_name: str, pk: str) -> None:
        self.pending.setdefault((self.task, app_label, model_name, pk), None)


@contextmanager
def once_per_object() -> Iterator[None]:
    pending: dict = {}
    search_task = search_signals.insert_or_update_object_task
    reference_task = wagtail_signals.update_reference_index_task
    search_signals.insert_or_update_object_task = _Deferred(search_task, pending)
    wagtail_signals.update_reference_index_task = _Deferred(reference_task, pending)
    try:
        yield
    finally:
        search_signals.insert_or_update_object_task = search_task
        wagtail_signals.update_reference_index_task = reference_task
    search = defaultdict(set)
    for task, app_label, model_name, pk in pending:
        model = apps.get_model(app_label, model_name)
        if task is search_task:
            search[model].add(pk)
        # An object saved and deleted again in the block has nothing to index.
        elif model._default_manager.filter(pk=pk).exists():
            task.enqueue(app_label, model_name, pk)
    index_in_bulk(search)


def index_in_bulk(pks_by_model: dict) -> None:
    """What ``insert_or_update_object`` does for each object, for many at once:
    each object as its most specific class (a page saved as ``Page`` is indexed as
    the practice it is), if that class indexes it, added to every backend that
    updates itself, one ``add_bulk`` per class."""
    by_class = defaultdict(set)
    for model, pks in pks_by_model.items():
        for row in model._default_manager.filter(pk__in=pks):
            indexed = row.get_indexed_instance()
            if indexed is not None:
                by_class[type(indexed)].add(indexed.pk)
    backends = [
        backend
        for _name, backend in get_search_backends_with_name(with_auto_update=True)
    ]
    for cls, pks in by_class.items():
        objects = list(cls.get_indexed_objects().filter(pk__in=pks).order_by("pk"))
        if not objects:
            continue
        for backend in backends:
            backend.add_bulk(cls, objects)
