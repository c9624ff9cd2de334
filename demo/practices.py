"""Demo content of the practices app (``data/practices.yaml``): the knowledge base
index and twenty good practices in English and the other languages the data gives.
Pages are found by slug and locale and left as they are once they exist."""

from community.models import Region
from core.models import SDG, Cluster, FieldOfAction, HomePage
from practices.models import GoodPracticeIndexPage, GoodPracticePage

from .community import organisations
from .core import (
    add_page,
    english,
    english_page,
    index_page,
    place_everywhere,
    translate_all,
)
from .data import load

INDEX = "good practice index"


def seed_index(home: HomePage, log) -> GoodPracticeIndexPage:
    """The knowledge base index under the home page, first in each language's menu."""
    spec = load("practices")["index"]
    return place_everywhere(
        index_page(GoodPracticeIndexPage, home, spec, log, INDEX)[0]
    )


def referenced_organisation_slugs() -> set[str]:
    return {slug for spec in load("practices")["practices"] for slug in spec["cities"]}


def seed_practices(index: GoodPracticeIndexPage, log) -> None:
    """Every demo practice under ``index`` and its translations, published."""
    clusters, fields = english(Cluster), english(FieldOfAction)
    regions, sdgs = english(Region), english(SDG, "number")
    cities = organisations(referenced_organisation_slugs(), log)
    created = 0
    for spec in load("practices")["practices"]:
        page = english_page(GoodPracticePage, slug=spec["slug"])
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
        translate_all(page, spec)
    if created:
        log(f"{created} good practices created")
    log(f"{GoodPracticePage.objects.live().count()} live good practice pages")


def seed(log) -> None:
    home = english_page(HomePage)
    if home is None:
        log("no home page yet: knowledge base skipped")
        return
    index = seed_index(home, log)
    seed_practices(index, log)
