"""Demo content of the projects app (``data/projects.yaml``): the project index and
eighteen supported projects, in English and the other languages the data gives,
linked to the events they came from; and the knowledge base's editorial workflow."""

from core.models import SDG, Cluster, FieldOfAction, HomePage
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from practices.services import knowledge_base_workflow_ensure
from projects.models import (
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    SupportedProjectPage,
)

from .community import organisations
from .core import (
    add_page,
    english,
    english_page,
    index_page,
    locales,
    place_everywhere,
    translate_all,
)
from .data import load
from .events import link_to_events


def seed_index(home: HomePage, log) -> ProjectIndexPage:
    """The project index, right after the good practice index in each language."""
    spec = load("projects")["index"]
    index, _created = index_page(ProjectIndexPage, home, spec, log, "project index")
    return place_everywhere(index, after=GoodPracticeIndexPage)


def referenced_organisation_slugs() -> set[str]:
    return {
        city["organisation"]
        for project in load("projects")["projects"]
        for city in project["cities"]
    }


def _milestones(spec: dict, language: str) -> list[ProjectMilestone]:
    """The milestones, titled in ``language`` where the data gives it."""
    return [
        ProjectMilestone(
            date=row["date"], kind=row["kind"], title=row.get(language) or row["en"]
        )
        for row in spec["milestones"]
    ]


def seed_projects(index, log) -> None:
    """Every demo project under ``index`` and its translations, published."""
    locale_map = locales()
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
        page = english_page(SupportedProjectPage, slug=spec["slug"])
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
        translate_all(
            page,
            spec,
            extra=lambda language, spec=spec, related=related: {
                "milestones": _milestones(spec, language),
                # Its related practices in its language, where they are translated.
                "related_practices": [
                    practice.get_translation_or_none(locale_map[language]) or practice
                    for practice in related
                ],
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


def seed(log) -> None:
    home = english_page(HomePage)
    if home is None:
        log("no home page yet: projects skipped")
        return
    index = seed_index(home, log)
    seed_projects(index, log)
    # Each project points at the event it came from (events seed before projects).
    if linked := link_to_events(
        SupportedProjectPage, originating_events(), "originating_event"
    ):
        log(f"{linked} project pages linked to their originating events")
    # The review workflow and the editors' rights cover both parts of the knowledge
    # base in every language.
    knowledge_base_workflow_ensure(
        index_pages=[
            *GoodPracticeIndexPage.objects.all(),
            *ProjectIndexPage.objects.all(),
        ]
    )
    log("knowledge base review workflow ready")
