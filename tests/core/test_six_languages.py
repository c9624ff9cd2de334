"""The knowledge base in six languages: searches stemmed in each language's own
way, and the sitemap, feeds and API per language.

A module-wide world (``build_world``) with the solar practice also in French,
Spanish, Portuguese and Arabic, each written about urban gardens in that language,
so that a word only finds it through that language's stemming.
"""

import feedparser
import pytest
from lxml import etree

from tests.core.test_public_urls import SCHEMAS, SITEMAP_NS, XHTML_NS
from tests.knowledge_fixtures import build_world, in_language, paragraph

pytestmark = pytest.mark.django_db

TEXTS = {
    "fr": (
        "Jardins partagés d'Amman",
        "Les habitants cultivent des légumes dans les jardins partagés.",
    ),
    "es": (
        "Huertos comunitarios de Amán",
        "Los vecinos cultivan verduras en huertos comunitarios.",
    ),
    "pt": (
        "Hortas comunitárias de Amã",
        "Os moradores cultivam legumes nas hortas comunitárias.",
    ),
    "ar": (
        "الحدائق المشتركة في عمّان",
        "يزرع السكان الخضروات في الحدائق المشتركة للمدينة.",
    ),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        world.translations = {
            language: in_language(
                world.p1,
                language,
                title=title,
                teaser=teaser,
                body=paragraph(teaser),
            )
            for language, (title, teaser) in TEXTS.items()
        }
        yield world
        transaction.set_rollback(True)


def _titles(response) -> list[str]:
    assert response.status_code == 200
    return [page.title for page in response.context["listing"].items]


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("fr", "légume"),  # "légumes"
        ("fr", "jardin"),  # "jardins"
        ("es", "huerto"),  # "huertos"
        ("pt", "horta"),  # "hortas"
        ("ar", "حدائق"),  # "الحدائق", the article stripped
        ("ar", "مدينة"),  # "للمدينة": "for the city"
    ],
)
def test_a_word_finds_the_practice_through_its_languages_stemming(
    client, world, language, word
):
    index = world.translations[language].get_parent().url
    response = client.get(index, {"q": word})
    assert _titles(response) == [TEXTS[language][0]]
    assert response.context["listing"].forgiven == ""  # found, not forgiven


def test_a_word_is_stemmed_in_the_language_of_the_page_not_in_english(world):
    """English stemming would keep "huertos" as "huerto", which "huerto" (stemmed
    "huert" in Spanish) would not find."""
    from django.utils import translation

    from wagtail.models import Page

    spanish = world.translations["es"]
    with translation.override("es"):
        found = list(Page.objects.live().filter(locale=spanish.locale).search("huerto"))
    assert spanish.page_ptr in found


def test_the_sitemap_links_every_language_version(client, world):
    response = client.get("/sitemap.xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-hreflang.xsd")))
    assert schema.validate(document), schema.error_log
    entries = {
        url.findtext(f"{SITEMAP_NS}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML_NS}link")
        }
        for url in document.findall(f"{SITEMAP_NS}url")
    }
    (english,) = [url for url in entries if url.endswith(world.p1.url)]
    alternates = entries[english]
    assert set(alternates) == {"en", "de", "fr", "es", "pt", "ar", "x-default"}
    assert alternates["x-default"] == english
    for language, page in world.translations.items():
        assert alternates[language].endswith(page.url), language
        assert entries[alternates[language]] == alternates  # each lists them all


@pytest.mark.parametrize("language", ["fr", "es", "pt", "ar"])
def test_feeds_list_the_pages_of_their_language(client, world, language):
    for kind in ("rss", "atom"):
        response = client.get(f"/{language}/practices/feed/{kind}/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        titles = [entry.title for entry in feed.entries]
        assert titles == [TEXTS[language][0]], (language, kind)
        assert feed.feed.get("language", language).startswith(language)


@pytest.mark.parametrize("language", ["fr", "es", "pt", "ar"])
def test_the_api_gives_each_languages_pages(client, world, language):
    response = client.get(
        "/api/v2/practices/", {"locale": language, "fields": "teaser"}
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["title"] == TEXTS[language][0]
    assert item["teaser"] == TEXTS[language][1]
    assert item["meta"]["locale"] == language
    searched = client.get(
        "/api/v2/practices/", {"locale": language, "search": TEXTS[language][0]}
    )
    assert [found["id"] for found in searched.json()["items"]] == [item["id"]]


def test_each_page_names_its_language_versions_in_its_head(client, world, settings):
    """``<link rel="alternate" hreflang>``: the versions that exist, absolute on
    the public host, the English one as x-default; the same set as the sitemap."""
    from lxml import html

    base = settings.PUBLIC_BASE_URL.rstrip("/")

    def alternates(url: str) -> dict[str, str]:
        response = client.get(url)
        assert response.status_code == 200
        head = html.fromstring(response.content).find("head")
        return {
            link.get("hreflang"): link.get("href")
            for link in head.xpath("link[@rel='alternate'][@hreflang]")
        }

    english = alternates(world.p1.url)
    assert set(english) == {"en", "de", "fr", "es", "pt", "ar", "x-default"}
    assert english["x-default"] == english["en"] == base + world.p1.url
    for language, page in world.translations.items():
        assert english[language] == base + page.url, language
        assert alternates(page.url) == english, language
    # A page in fewer languages names only those: the second practice is in
    # English and German.
    assert set(alternates(world.p2.url)) == {"en", "de", "x-default"}
    # A view that is not a page is in every language.
    search = alternates("/fr/search/?q=jardin")
    assert search["ar"] == base + "/ar/search/?q=jardin"
    assert len(search) == 7
