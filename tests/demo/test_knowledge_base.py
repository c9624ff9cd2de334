"""The knowledge base demo content: twenty practices and eighteen projects in two
languages, linked to real demo organisations and taxonomy, seeded idempotently.

The demo is seeded once for the package (``tests/demo/conftest.py``); that seeding
again changes nothing is ``tests/demo/test_seed.py``.
"""

from wagtail.models import WorkflowPage

import pytest

from community.models import Organisation
from demo import practices as practices_demo
from demo import projects as projects_demo
from demo.data import load
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from projects.models import ProjectIndexPage, SupportedProjectPage

pytestmark = pytest.mark.django_db


def _live(model, language: str):
    return model.objects.live().filter(locale__language_code=language)


def test_seeds_every_practice_and_project_in_both_languages_once(seeded):
    assert _live(GoodPracticePage, "en").count() == 20
    assert _live(GoodPracticePage, "de").count() == 20
    assert _live(SupportedProjectPage, "en").count() == 18
    assert _live(SupportedProjectPage, "de").count() == 18


def test_practices_carry_their_facts(seeded):
    for page in GoodPracticePage.objects.select_related("cluster", "region"):
        assert page.cluster is not None, page.title
        assert page.region is not None or page.country, page.title
        assert page.cluster.locale.language_code == "en", page.title
        assert page.body, page.title
    loerrach = GoodPracticePage.objects.get(
        slug="loerrach-timber-built-commercial-area", locale__language_code="de"
    )
    assert loerrach.title.startswith("Lörrach plant")
    assert [city.slug for city in loerrach.cities.all()] == ["loerrach"]
    assert loerrach.start_year == 2020
    assert {figure["value"] for figure in _figures(loerrach)} == {
        "8,5 ha",
        "9,1 Mio. EUR",
    }
    assert {tag.name for tag in loerrach.tags.all()} >= {"holzbau"}


def _figures(page) -> list[dict]:
    return [
        figure
        for block in page.body
        if block.block_type == "figures"
        for figure in block.value["figures"]
    ]


def test_every_referenced_organisation_exists_and_is_linked(seeded):
    slugs = (
        practices_demo.referenced_organisation_slugs()
        | projects_demo.referenced_organisation_slugs()
    )
    found = set(
        Organisation.objects.filter(slug__in=slugs).values_list("slug", flat=True)
    )
    assert slugs - found == set()
    for project in load("projects")["projects"]:
        page = SupportedProjectPage.objects.get(
            slug=project["slug"], locale__language_code="de"
        )
        roles = [(row.organisation.slug, row.role) for row in page.city_roles.all()]
        cities = [(city["organisation"], city["role"]) for city in project["cities"]]
        assert sorted(roles) == sorted(cities), project["slug"]
        assert page.milestones.count() == len(project["milestones"]), project["slug"]


def test_projects_link_related_practices_in_their_own_language(seeded):
    page = SupportedProjectPage.objects.get(
        slug="climate-adapted-urban-development-kumasi-dortmund",
        locale__language_code="de",
    )
    assert page.stage == "advisory"
    assert [p.slug for p in page.related_practices.all()] == ["phoenix-dortmund-hoerde"]
    assert {p.locale.language_code for p in page.related_practices.all()} == {"de"}
    amman = SupportedProjectPage.objects.get(
        slug="sustainable-land-use-plan-for-undeveloped-land",
        locale__language_code="en",
    )
    assert amman.related_practices.count() == 0


def test_index_pages_lead_the_menu_and_render(seeded, client):
    for language in ("en", "de"):
        practices = _live(GoodPracticeIndexPage, language).get()
        projects = _live(ProjectIndexPage, language).get()
        menu = practices.get_parent().get_children().in_menu()
        assert list(menu.values_list("pk", flat=True)[:2]) == [
            practices.pk,
            projects.pk,
        ]
        # Both parts of the knowledge base, in both languages, go through review.
        for page in (practices, projects):
            assert WorkflowPage.objects.filter(page=page).exists(), page.url
            assert client.get(page.url).status_code == 200, page.url
        for child in (practices.get_children().first(), projects.get_children().last()):
            assert client.get(child.url).status_code == 200, child.url
