"""A new member, end to end: sign up, check the inbox, confirm, take the first
steps (claim a city, choose themes), land on the dashboard. Screenshots at 1280
and 390 px; axe on the new pages."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from community.models import Affiliation, User
from tests.browser.test_accessibility import describe, run_axe
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.browser


def snapshot(page, artefacts, name: str, axe_js: str) -> None:
    violations = run_axe(page, axe_js)
    assert not violations, f"axe-core on {name}:\n{describe(violations)}"
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(
            path=artefacts / f"first-use-{name}-{width}.png", full_page=True
        )
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_new_member_signs_up_confirms_and_takes_the_first_steps(
    page, site, artefacts, axe_js
):
    organisation = OrganisationFactory(name="City of Kumasi", slug="kumasi")
    page.goto(site("/en/accounts/signup/"))
    page.get_by_label("First name").fill("Kwame")
    page.get_by_label("Last name").fill("Mensah")
    page.locator("input[name=email]").fill("kwame@kumasi.example.org")
    page.locator("input[name=password1]").fill("a-long-enough-password")
    page.locator("input[name=password2]").fill("a-long-enough-password")
    page.get_by_role("main").get_by_role("button", name="Sign Up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    expect(page.get_by_text("kwame@kumasi.example.org").first).to_be_visible()
    snapshot(page, artefacts, "check-inbox", axe_js)

    link = re.search(
        r"https?://[^/\s]+(/en/accounts/confirm-email/[^/\s]+/)", mail.outbox[-1].body
    )
    page.goto(site(link.group(1)))
    page.get_by_role("main").get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(site("/en/welcome/city/"))
    snapshot(page, artefacts, "onboarding-city", axe_js)
    page.locator("select[name=organisation]").select_option(label="City of Kumasi")
    page.get_by_label("How can we confirm that you work there?").fill(
        "I work in the planning department."
    )
    page.get_by_role("button", name="Save and continue").click()

    expect(page).to_have_url(site("/en/welcome/themes/"))
    snapshot(page, artefacts, "onboarding-themes", axe_js)
    page.locator("input[name=clusters]").first.check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page).to_have_url(site("/en/welcome/languages/"))
    page.locator("input[name=languages][value=en]").check()
    page.get_by_role("button", name="Save and go to my dashboard").click()

    expect(page).to_have_url(site("/en/me/"))
    snapshot(page, artefacts, "dashboard", axe_js)
    user = User.objects.get(email="kwame@kumasi.example.org")
    assert Affiliation.objects.filter(user=user, organisation=organisation).exists()
    assert user.expertise_clusters.count() == 1
    assert user.languages == ["en"]
    assert user.onboarded_at is not None
