"""The demo seeding's index updates: once per object, when the block ends."""

from wagtail.models import ReferenceIndex

import pytest

from core.models import StandardPage
from demo.indexing import once_per_object
from tests.knowledge_fixtures import seed_site

pytestmark = pytest.mark.django_db


def found(word: str) -> list[str]:
    return [page.title for page in StandardPage.objects.search(word)]


def test_an_object_saved_three_times_is_indexed_once_as_it_ends():
    home = seed_site()
    with once_per_object():
        page = StandardPage(
            title="Drafted lighthouse",
            slug="lighthouse",
            body=[("paragraph", f'<p><a linktype="page" id="{home.pk}">Home</a></p>')],
        )
        home.add_child(instance=page)
        page.title = "Revised lighthouse"
        page.save()
        page.title = "Published lighthouse"
        page.save_revision().publish()
        assert found("lighthouse") == []
        assert not ReferenceIndex.get_references_for_object(page).exists()
    assert found("lighthouse") == ["Published lighthouse"]
    # Its link to the home page is in the reference index ("usage" in the admin).
    assert ReferenceIndex.get_references_to(home).filter(object_id=str(page.pk))


def test_an_object_deleted_in_the_block_is_not_indexed_and_breaks_nothing():
    home = seed_site()
    with once_per_object():
        page = StandardPage(title="Passing lighthouse", slug="passing")
        home.add_child(instance=page)
        page.delete()
        kept = StandardPage(title="Standing lighthouse", slug="standing")
        home.add_child(instance=kept)
    assert found("lighthouse") == ["Standing lighthouse"]
