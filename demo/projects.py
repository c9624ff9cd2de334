"""Demo content of the projects app (``data/projects.yaml``): the project index and
eighteen supported projects, each in English and German, linked to the events they
came from; and the knowledge base's editorial workflow."""

from core.models import SDG, Cluster, FieldOfAction, HomePage
from practices.models import GoodPracticePage
from practices.services import knowledge_base_workflow_ensure
from projects.models import (
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    SupportedProjectPage,
)

from .community import organisations
from .core import add_page, english, index_page, locales, place_after, translate
from .data import load
from .events import link_to_events
from .practices import seed_index as seed_practice_index


def seed_index(home: HomePage, practice_indexes, log):
    """The project index and its German translation, each right after the good
    practice index of its language."""
    spec = load("projects")["index"]
    practice_index, practice_index_de = practice_indexes
    index, _created = index_page(ProjectIndexPage, home, spec, log, "project index")
    index = place_after(index, practice_index)
    translated = index.get_translation(locales()["de"])
    return index, place_after(translated, practice_index_de)


def referenced_organisation_slugs() -> set[str]:
    return {
        city["organisation"]
        for project in load("projects")["projects"]
        for city in project["cities"]
    }


def _milestones(spec: dict, language: str) -> list[ProjectMilestone]:
    return [
        ProjectMilestone(date=row["date"], kind=row["kind"], title=row[language])
        for row in spec["milestones"]
    ]


def seed_projects(index, log) -> None:
    """Every demo project under ``index`` and its German translation, published.

    A German project lists the German translations of its related practices."""
    english_locale, german = locales()["en"], locales()["de"]
    clusters, fields = english(Cluster), english(FieldOfAction)
    sdgs = english(SDG, "number")
    cities = organisations(referenced_organisation_slugs(), log)
    practices = english(GoodPracticePage)
    created = 0
    for spec in load("projects")["projects"]:
        related = [
            practices[slug]
            for slug in spec.get("related_practices", [])
            if slug in practices
        ]
        page = SupportedProjectPage.objects.filter(
            slug=spec["slug"], locale=english_locale
        ).first()
        if page is None:
            page = SupportedProjectPage(
                slug=spec["slug"],
                cluster=clusters[spec["cluster"]],
                field_of_action=fields.get(spec.get("field_of_action", "")),
                stage=spec["stage"],
            )
            city_roles = [
                ProjectCity(organisation=cities[row["organisation"]], role=row["role"])
                for row in spec["cities"]
                if row["organisation"] in cities
            ]
            add_page(
                index,
                page,
                {
                    **spec["en"],
                    "city_roles": city_roles,
                    "milestones": _milestones(spec, "en"),
                    "sdgs": [sdgs[number] for number in spec["sdgs"]],
                    "related_practices": related,
                },
            )
            created += 1
        translated_related = [
            practice.get_translation_or_none(german) or practice for practice in related
        ]
        translate(
            page,
            {
                **spec["de"],
                "milestones": _milestones(spec, "de"),
                "related_practices": translated_related,
            },
        )
    if created:
        log(f"{created} supported projects created")
    log(f"{SupportedProjectPage.objects.live().count()} live project pages")


def originating_events() -> dict[str, str]:
    """Project slug → the slug of the event it came from, where the facts say."""
    return {
        spec["slug"]: spec["originating_event"]
        for spec in load("projects")["projects"]
        if spec.get("originating_event")
    }


def link_originating_events(log) -> None:
    """Point each project at the event it came from (events seed before projects)."""
    links = originating_events()
    linked = link_to_events(SupportedProjectPage, links, "originating_event")
    if linked:
        log(f"{linked} project pages linked to their originating events")


def seed(log) -> None:
    home = HomePage.objects.filter(locale=locales()["en"]).first()
    if home is None:
        log("no home page yet: projects skipped")
        return
    # The practices index exists already (practices seeds first); this only finds it.
    practice_indexes = seed_practice_index(home, log)
    indexes = seed_index(home, practice_indexes, log)
    seed_projects(indexes[0], log)
    link_originating_events(log)
    # The review workflow and the editors' rights cover both parts of the knowledge
    # base in both languages.
    knowledge_base_workflow_ensure(index_pages=[*practice_indexes, *indexes])
    log("knowledge base review workflow ready")
