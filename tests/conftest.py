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
