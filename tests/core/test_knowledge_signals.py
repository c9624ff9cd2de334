"""Which changes start a new content version of the knowledge-base listings
(``core.knowledge.signals``): the practice and project indexes cache their counts,
labels and cards under it, so a change it misses would show stale listings."""

from taggit.models import Tag
from wagtail.models import Locale, Page, PageViewRestriction

import pytest

from community.models import OrganisationName
from core.knowledge.versions import content_version
from core.models import SDG, Cluster, FieldOfAction, HomePage, StandardPage
from tests.factories import OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def _about_page() -> StandardPage:
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Our work", slug="our-work")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _changes(action) -> bool:
    before = content_version()
    action()
    return content_version() != before


def test_page_publication_moves_and_deletion_start_a_new_version(site_pages):
    page = _about_page()
    home = HomePage.objects.get(locale__language_code="en")
    other = StandardPage(title="Elsewhere", slug="elsewhere")
    home.add_child(instance=other)

    assert not _changes(lambda: page.save_revision())
    assert _changes(lambda: page.save_revision().publish())
    assert _changes(page.unpublish)
    assert _changes(lambda: page.move(other, pos="last-child"))
    assert _changes(lambda: PageViewRestriction.objects.create(page=other))
    assert _changes(lambda: Page.objects.get(pk=page.pk).delete())


def test_taxonomy_directory_and_tag_rows_start_a_new_version(site_pages):
    organisation = OrganisationFactory()
    region = organisation.region
    # The base site has all seventeen goals; this one is made anew.
    SDG.objects.filter(number=6).delete()
    sdg = SDG(number=6, name="Clean water", locale=Locale.get_default())
    assert _changes(sdg.save)
    rows = [
        Cluster.objects.first(),
        FieldOfAction.objects.first(),
        sdg,
        region,
        organisation,
        OrganisationName.objects.create(
            organisation=organisation, language="de", name="Stadt"
        ),
        Tag.objects.create(name="Water", slug="water"),
    ]
    for row in rows:
        assert _changes(row.save), row
    for row in reversed(rows[2:]):
        assert _changes(row.delete), row
    assert _changes(lambda: RegionFactory())
