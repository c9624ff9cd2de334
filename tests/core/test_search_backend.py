"""Full-text search stems each page in its own language on PostgreSQL."""

from django.utils import translation

from wagtail.models import Page

import pytest

from core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_pages(site_pages):
    english = StandardPage.objects.get(slug="about-us", locale__language_code="en")
    german = StandardPage.objects.get(slug="about-us", locale__language_code="de")
    english.intro = "Cities exchanging their planning experiences."
    english.save_revision().publish()
    german.intro = "Städte tauschen ihre Planungserfahrungen aus."
    german.save_revision().publish()
    return english, german


def test_german_query_finds_inflected_german_words(about_pages):
    _, german = about_pages
    with translation.override("de"):
        # "Stadt" stems like "Städte" only with the German configuration.
        results = list(Page.objects.live().filter(locale=german.locale).search("Stadt"))
    assert german.page_ptr in results


def test_english_query_finds_inflected_english_words(about_pages):
    english, _ = about_pages
    with translation.override("en"):
        results = list(
            Page.objects.live().filter(locale=english.locale).search("exchange city")
        )
    assert english.page_ptr in results


def test_search_backend_is_the_locale_aware_one(settings):
    assert (
        settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "core.search_backend"
    )
