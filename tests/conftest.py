"""Fixtures shared by every test package."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

import pytest

from core import demo


def _quiet(message: str) -> None:
    """Demo seeding logs progress; tests do not need it."""


@pytest.fixture(autouse=True)
def _default_language():
    """A test that activates German must not leak it into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_pages(db):
    """The demo page tree (home, about pages) in English and German."""
    demo.seed_taxonomy(log=_quiet)
    return demo.seed_pages(log=_quiet)


@pytest.fixture(autouse=True)
def _migration_rows_present(request, django_db_blocker):
    """A transactional test flushes the database when it ends, taking the rows that
    migrations made (locales, Wagtail's root page, the editorial groups) with it.
    Put them back before the next transactional test needs them."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (
        (marker is not None and marker.kwargs.get("transaction"))
        or "live_server" in request.fixturenames
        or "transactional_db" in request.fixturenames
    )
    if transactional:
        from django.db import connection

        from wagtail.models import Page

        contents = getattr(connection, "_test_serialized_contents", None)
        with django_db_blocker.unblock():
            if contents and Page.get_first_root_node() is None:
                connection.creation.deserialize_db_from_string(contents)
    yield
