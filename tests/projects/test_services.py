"""Another app starts a supported project: a prefilled draft under the project
index of the default language, never live, for an editor to review."""

from datetime import date

import pytest

from projects.models import CityRole, MilestoneKind, Stage, SupportedProjectPage
from projects.services import (
    Milestone,
    ProjectError,
    StorySection,
    project_draft_create,
)
from tests.factories import OrganisationFactory, UserFactory
from tests.knowledge_fixtures import cluster, index_pages, seed_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    """What a caller hands over, and who asks."""
    amman, munich = OrganisationFactory(name="Amman"), OrganisationFactory()
    return {
        "actor": UserFactory(is_superuser=True),
        "title": "Land-use plan for Tareq",
        "slug": "land-use-plan-for-tareq-7",
        "teaser": "A plan drawn up with residents. " * 20,
        "stage": Stage.ADVISORY,
        "origin_note": "Peer exchange requested by Amman",
        "cities": [(amman, CityRole.REQUESTING), (munich, CityRole.PEER)],
        "milestones": [
            Milestone(date(2026, 3, 2), MilestoneKind.STUDY_TOUR, "Study tour " * 30)
        ],
        "sections": [
            StorySection("initial_situation", "Initial situation", "Land.\n\nA <b>"),
            StorySection("results", "Results", ""),
        ],
    }


def test_a_draft_is_made_under_the_index_and_not_published(draft):
    pages = index_pages(seed_site())
    theme = cluster("integrated-urban-development")
    page = project_draft_create(cluster=theme, **draft)

    page.refresh_from_db()
    assert not page.live
    assert page.get_parent().specific == pages["projects"]
    assert page.locale == pages["projects"].locale
    assert (page.title, page.slug, page.stage) == (
        "Land-use plan for Tareq",
        "land-use-plan-for-tareq-7",
        "advisory",
    )
    assert len(page.teaser) == 400
    assert page.cluster.slug == "integrated-urban-development"
    assert [(c.organisation.name, c.role) for c in page.city_roles.all()] == [
        ("Amman", "requesting"),
        (draft["cities"][1][0].name, "peer"),
    ]
    [milestone] = page.milestones.all()
    assert (milestone.kind, milestone.date) == ("study_tour", date(2026, 3, 2))
    assert len(milestone.title) == 200
    assert [block.block_type for block in page.body] == [
        "initial_situation",
        "results",
    ]
    # Each line a paragraph, the text escaped; an empty section stays empty.
    assert page.body[0].value["text"].source == "<p>Land.</p><p>A &lt;b&gt;</p>"
    assert page.body[1].value["text"].source == ""
    revision = page.get_latest_revision()
    assert revision.user == draft["actor"]


def test_no_draft_without_an_index_or_on_a_taken_address(draft):
    seed_site()
    with pytest.raises(ProjectError, match="no project index page"):
        project_draft_create(**draft)

    index_pages(seed_site())
    project_draft_create(**draft)
    with pytest.raises(ProjectError, match="exists already"):
        project_draft_create(**draft)
    assert SupportedProjectPage.objects.count() == 1
