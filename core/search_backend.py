"""Wagtail search on PostgreSQL with stemming in each page's own language.

Wagtail's PostgreSQL backend uses one text-search configuration for everything.
Here a German page is indexed with the ``german`` configuration and an English one
with ``english``, and a query is parsed with the configuration of the active
language, so "Städte" finds "Stadt" on /de/ and "cities" finds "city" on /en/.
Objects without a locale (organisations, say) use the site's default language.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import get_language

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)

from .search_config import search_config_for

_indexing = threading.local()


def _language_of(obj) -> str:
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None) or settings.LANGUAGE_CODE


class LocaleAwareIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_language = defaultdict(list)
        for obj in objs:
            by_language[_language_of(obj)].append(obj)
        for language, group in by_language.items():
            with self.backend.indexing_language(language):
                super().add_items(model, group)


class LocaleAwarePostgresSearchBackend(PostgresSearchBackend):
    index_class = LocaleAwareIndex

    @property
    def config(self) -> str:
        return search_config_for(getattr(_indexing, "language", None) or get_language())

    @config.setter
    def config(self, value) -> None:
        """The base class assigns SEARCH_CONFIG; the language decides instead."""

    @contextmanager
    def indexing_language(self, language: str):
        previous = getattr(_indexing, "language", None)
        _indexing.language = language
        try:
            yield
        finally:
            _indexing.language = previous


SearchBackend = LocaleAwarePostgresSearchBackend
