"""Demo content of the practices app (``data/practices.yaml``): the knowledge base
index and twenty good practices, each in English and German. Pages are found by slug
and locale and left as they are once they exist."""

from wagtail.models import Page

from community.models import Region
from core.models import SDG, Cluster, FieldOfAction, HomePage
from practices.models import GoodPracticeIndexPage, GoodPracticePage

from .community import organisations
from .core import add_page, english, index_page, locales, place_after, translate
from .data import load

INDEX = "good practice index"


def seed_index(home: HomePage, log) -> tuple[GoodPracticeIndexPage, Page]:
    """The knowledge base index under the English home page, and its German
    translation; both first in the menu."""
    spec = load("practices")["index"]
    index, _created = index_page(GoodPracticeIndexPage, home, spec, log, INDEX)
    index = place_after(index)
    return index, place_after(index.get_translation(locales()["de"]))


def referenced_organisation_slugs() -> set[str]:
    return {slug for spec in load("practices")["practices"] for slug in spec["cities"]}


def seed_practices(index: Page, log) -> None:
    """Every demo practice under ``index`` and its German translation, published."""
    english_locale = locales()["en"]
    clusters, fields = english(Cluster), english(FieldOfAction)
    regions, sdgs = english(Region), english(SDG, "number")
    cities = organisations(referenced_organisation_slugs(), log)
    created = 0
    for spec in load("practices")["practices"]:
        page = GoodPracticePage.objects.filter(
            slug=spec["slug"], locale=english_locale
        ).first()
        if page is None:
            page = GoodPracticePage(
                slug=spec["slug"],
                country=spec["country"],
                region=regions[spec["region"]],
                cluster=clusters[spec["cluster"]],
                field_of_action=fields.get(spec.get("field_of_action", "")),
                status=spec["status"],
                start_year=spec.get("start_year"),
                end_year=spec.get("end_year"),
                scale=spec["scale"],
                originally_published_by=spec.get("originally_published_by", ""),
            )
            add_page(
                index,
                page,
                {
                    **spec["en"],
                    "cities": [cities[s] for s in spec["cities"] if s in cities],
                    "sdgs": [sdgs[number] for number in spec["sdgs"]],
                },
            )
            created += 1
        translate(page, spec["de"])
    if created:
        log(f"{created} good practices created")
    log(f"{GoodPracticePage.objects.live().count()} live good practice pages")


def seed(log) -> None:
    home = HomePage.objects.filter(locale=locales()["en"]).first()
    if home is None:
        log("no home page yet: knowledge base skipped")
        return
    index, _translated = seed_index(home, log)
    seed_practices(index, log)
