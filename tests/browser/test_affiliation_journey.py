"""An affiliation claim, end to end in a real browser.

A practitioner claims to work for Greater Amman Municipality → the claim waits for
verification → a coordinator of another region (South-East Europe) does not see it →
the MENA coordinator verifies it in the admin queue → the practitioner's profile shows
the verified badge and member rights start.
"""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

import pytest
from playwright.sync_api import expect

from community.models import Affiliation, Organisation, Region
from community.permissions import is_verified_member_staff
from demo import community as community_demo
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

MENA = "middle-east-north-africa"
SEE = "south-east-europe-caucasus"
AMMAN = "Greater Amman Municipality"


def coordinators_group() -> Group:
    """The migration's group; a flushed test database may have lost it."""
    group, _created = Group.objects.get_or_create(name="Coordinators")
    access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access)
    return group


def make_coordinator(region: Region, **names):
    user = UserFactory(is_staff=True, **names)
    user.groups.add(coordinators_group())
    RoleFactory(user=user, kind="coordinator", region=region)
    return user


def sign_in(page, site, email: str):
    page.goto(site("/en/accounts/login/"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    expect(page).not_to_have_url(site("/en/accounts/login/"))


def sign_out(page, site):
    page.goto(site("/en/accounts/logout/"))
    page.get_by_role("main").get_by_role("button", name="Sign Out").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role(
            "link", name="Sign in"
        )
    ).to_be_visible()


def test_claim_is_verified_by_the_regions_coordinator_only(page, site):
    community_demo.seed_regions(log=lambda message: None)
    regions = {
        region.slug: region
        for region in Region.objects.filter(locale__language_code="en")
    }
    amman = OrganisationFactory(
        name=AMMAN,
        slug="greater-amman-municipality",
        country="JO",
        region=regions[MENA],
    )
    MembershipFactory(organisation=amman)
    practitioner = UserFactory(first_name="Rania", last_name="Khalil")
    assert not is_verified_member_staff(practitioner)
    mena_coordinator = make_coordinator(
        regions[MENA], first_name="Omar", last_name="Saleh"
    )
    see_coordinator = make_coordinator(
        regions[SEE], first_name="Ana", last_name="Petrovic"
    )
    queue_url = site(reverse("community_claims"))

    # The practitioner claims the affiliation from the profile page.
    sign_in(page, site, practitioner.email)
    page.goto(site("/en/profile/"))
    page.get_by_role("link", name="Add an affiliation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an affiliation")
    page.locator("select[name=organisation]").select_option(label=AMMAN)
    page.get_by_label("Your job title there").fill("Urban planner")
    page.get_by_label("How can we confirm that you work there?").fill(
        "My name is on the staff page of the planning department."
    )
    page.get_by_role("button", name="Send for verification").click()
    expect(page).to_have_url(site("/en/profile/"))
    claim_item = page.locator("li.affiliation").filter(has_text=AMMAN)
    expect(claim_item).to_contain_text("Waiting for verification")
    claim = Affiliation.objects.get(user=practitioner, organisation=amman)
    assert claim.status == "claimed"
    sign_out(page, site)

    # A coordinator of another region neither sees nor can verify the claim.
    sign_in(page, site, see_coordinator.email)
    page.goto(queue_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Affiliation claims")
    expect(page.get_by_text("There are no claims for you to review.")).to_be_visible()
    expect(page.get_by_text(practitioner.email)).to_have_count(0)
    expect(page.get_by_role("button", name="Verify")).to_have_count(0)
    sign_out(page, site)

    # The MENA coordinator verifies it.
    sign_in(page, site, mena_coordinator.email)
    page.goto(queue_url)
    row = page.locator("tr").filter(has_text=practitioner.email)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(AMMAN)
    row.get_by_role("button", name="Verify").click()
    expect(page).to_have_url(queue_url)
    expect(page.locator(".messages")).to_contain_text(
        f"Rania Khalil's affiliation with {AMMAN} is verified."
    )
    sign_out(page, site)

    # The practitioner's profile shows the verified badge.
    sign_in(page, site, practitioner.email)
    page.goto(site("/en/profile/"))
    claim.refresh_from_db()
    assert claim.status == "verified"
    assert claim.decided_by == mena_coordinator
    expect(claim_item).to_contain_text(
        "Verified until " + format_date(timezone.localtime(claim.expires_at), "j M Y")
    )
    expect(claim_item).not_to_contain_text("Waiting for verification")
    assert is_verified_member_staff(practitioner)
    assert Organisation.objects.get(slug="greater-amman-municipality").is_active_member
