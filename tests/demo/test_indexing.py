"""The demo seeding's index updates: once per object, when the block ends."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

import pytest

from community.models import Organisation
from core.models import StandardPage
from demo.indexing import once_per_object
from tests.factories import OrganisationFactory
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


def test_pages_and_snippets_are_indexed_as_their_own_class_in_bulk():
    """A page saved as a plain ``Page`` (as tree operations save it) is indexed as
    the page it is; each class's objects go in with one statement, not one each."""
    home = seed_site()
    with once_per_object():
        for number in range(3):
            home.add_child(
                instance=StandardPage(title=f"Lighthouse {number}", slug=f"l{number}")
            )
        OrganisationFactory(name="Lighthouse Municipality")
    assert sorted(found("lighthouse")) == [f"Lighthouse {n}" for n in range(3)]

    with CaptureQueriesContext(connection) as queries, once_per_object():
        for page in Page.objects.filter(slug__in=["l0", "l1", "l2"]):
            page.title = f"Beacon {page.slug}"
            page.save()  # a plain Page: its search fields are StandardPage's
        organisation = Organisation.objects.get(name="Lighthouse Municipality")
        organisation.name = "Beacon Municipality"
        organisation.save()
    assert sorted(found("beacon")) == ["Beacon l0", "Beacon l1", "Beacon l2"]
    organisations = get_search_backend().search("beacon", Organisation)
    assert [organisation.name for organisation in organisations] == [
        "Beacon Municipality"
    ]
    writes = [
        query for query in queries if "INTO wagtailsearch_indexentry" in query["sql"]
    ]
    assert len(writes) == 2  # the pages, the organisation
