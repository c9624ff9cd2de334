"""The demo speaks six languages: taxonomy, SDGs, regions, organisation names and the
frame of the site (home, about and index pages) in each, and any practice or event
the data gives in another language is published in it.

The demo is seeded once for the package (``tests/demo/conftest.py``).
"""

import pytest
from lxml import html

from community.models import Organisation, Region
from core.models import SDG, Cluster, FieldOfAction, HomePage, StandardPage
from demo import events as events_demo
from demo import practices as practices_demo
from demo.data import load
from events.models import EventIndexPage, EventPage
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from projects.models import ProjectIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "de", "fr", "es", "pt", "ar"]


def _per_language(model) -> dict[str, int]:
    return {
        language: model.objects.filter(locale__language_code=language).count()
        for language in LANGUAGES
    }


def test_the_taxonomy_sdgs_and_regions_exist_in_every_language(seeded):
    assert set(_per_language(Cluster).values()) == {4}
    assert set(_per_language(FieldOfAction).values()) == {13}
    assert set(_per_language(SDG).values()) == {17}
    assert set(_per_language(Region).values()) == {7}
    # Each row shares its original's key, and fields point at their own
    # language's cluster.
    for field in FieldOfAction.objects.select_related("cluster", "locale"):
        assert field.cluster.locale_id == field.locale_id


@pytest.mark.parametrize(
    ("language", "sdg_11", "cluster", "region"),
    [
        ("fr", "Villes et communautés durables", "Services municipaux", "Asie"),
        ("es", "Ciudades y comunidades sostenibles", "Servicios municipales", "Asia"),
        ("pt", "Cidades e comunidades sustentáveis", "Serviços municipais", "Ásia"),
        ("ar", "مدن ومجتمعات محلية مستدامة", "الخدمات البلدية", "آسيا"),
    ],
)
def test_names_are_the_official_and_translated_ones(
    seeded, language, sdg_11, cluster, region
):
    assert SDG.objects.get(number=11, locale__language_code=language).name == sdg_11
    assert (
        Cluster.objects.get(slug="municipal-services", locale__language_code=language)
    ).name == cluster
    assert (
        Region.objects.get(slug="asia", locale__language_code=language).name == region
    )


def test_organisations_have_their_names_in_other_languages(seeded):
    munich = Organisation.objects.get(slug="munich")
    names = dict(munich.names.values_list("language", "name"))
    assert names == {"de": "München", "es": "Múnich", "pt": "Munique", "ar": "ميونخ"}
    amman = Organisation.objects.get(slug="greater-amman-municipality")
    assert amman.names.get(language="ar").name == "أمانة عمّان الكبرى"
    # Every organisation has its Arabic name, except those whose name is a brand
    # written in Latin letters everywhere.
    without_arabic = Organisation.objects.exclude(names__language="ar")
    assert set(without_arabic.values_list("slug", flat=True)) == {
        "civic",
        "platforma",
        "c40-cities",
    }


@pytest.mark.parametrize(
    "model",
    [HomePage, GoodPracticeIndexPage, EventIndexPage, ProjectIndexPage, StandardPage],
)
def test_the_frame_of_the_site_is_published_in_every_language(seeded, model):
    live = model.objects.live()
    per_language = {
        language: live.filter(locale__language_code=language).count()
        for language in LANGUAGES
    }
    assert len(set(per_language.values())) == 1, per_language
    assert per_language["en"] >= 1


def test_the_arabic_home_page_reads_right_to_left(seeded, client):
    response = client.get("/ar/")
    document = html.fromstring(response.content)
    (root,) = document.xpath("/html")
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert document.xpath("string(//h1)").strip() == "مدن تتعلم من مدن"
    menu = [
        " ".join(a.text_content().split())
        for a in document.xpath("//nav[@class='main-nav']//a")
    ]
    assert menu[:3] == ["الممارسات الجيدة", "المشاريع", "الفعاليات"]


def _with_block(data: dict, key: str, slug: str, language: str, texts: dict) -> dict:
    for spec in data[key]:
        if spec["slug"] == slug:
            spec[language] = texts
    return data


def test_a_practice_given_in_another_language_is_published_in_it(seeded, monkeypatch):
    """The texts of practices in French, Spanish, Portuguese or Arabic come later;
    a block in the data is all it takes."""
    english = load("practices")["practices"][0]
    data = _with_block(
        load("practices"),
        "practices",
        english["slug"],
        "fr",
        {**english["en"], "title": "Une pratique en français"},
    )
    monkeypatch.setattr(
        practices_demo, "load", lambda name: data if name == "practices" else load(name)
    )
    index = GoodPracticeIndexPage.objects.get(locale__language_code="en")
    practices_demo.seed_practices(index, log=lambda message: None)

    french = GoodPracticePage.objects.get(
        slug=english["slug"], locale__language_code="fr"
    )
    assert french.live and french.title == "Une pratique en français"
    assert french.get_parent().locale.language_code == "fr"
    original = GoodPracticePage.objects.get(
        slug=english["slug"], locale__language_code="en"
    )
    assert french.cluster_id == original.cluster_id


def test_an_event_given_in_another_language_takes_the_originals_facts(
    seeded, monkeypatch
):
    english = load("events")["events"][0]
    data = _with_block(
        load("events"),
        "events",
        english["slug"],
        "ar",
        {**english["en"], "title": "فعالية حوارية"},
    )
    monkeypatch.setattr(
        events_demo, "load", lambda name: data if name == "events" else load(name)
    )
    index = EventIndexPage.objects.get(locale__language_code="en")
    events_demo.seed_history(index, events_demo.Lookups(lambda m: None), lambda m: None)

    arabic = EventPage.objects.get(slug=english["slug"], locale__language_code="ar")
    original = arabic.canonical
    assert arabic.live and arabic.title == "فعالية حوارية"
    assert (arabic.starts_at, arabic.host_city_id) == (
        original.starts_at,
        original.host_city_id,
    )
