"""Each kind of user, end to end in Chromium, with full-page screenshots at 1280 and
390 px saved as artefacts and axe-core run on every screen they see:

- a practitioner finds a practice from a misspelt word;
- a member confirms a place from "My Connective Cities";
- a coordinator works the "My queue" panel and sends a bulk decision only after
  the confirmation that counts the recipients.

(The new member's first steps are ``test_first_use_journey``.)
"""

import pytest
from playwright.sync_api import expect

from community.models import Region
from demo import community as community_demo
from events.models import Registration
from tests import knowledge_fixtures as kb
from tests.browser.test_accessibility import describe, run_axe
from tests.browser.test_affiliation_journey import make_coordinator, sign_in
from tests.events.fixtures import make_event
from tests.events.helpers import registration_of
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

MENA = "middle-east-north-africa"


def snapshot(page, artefacts, name: str, axe_js: str, *, axe: bool = True) -> None:
    """axe on the screen as it is, then pictures at both widths."""
    if axe:
        violations = run_axe(page, axe_js)
        assert not violations, f"axe-core on {name}:\n{describe(violations)}"
    size = page.viewport_size
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=artefacts / f"persona-{name}-{width}.png", full_page=True)
    page.set_viewport_size(size)


def test_a_practitioner_finds_a_practice_from_a_typo(page, site, artefacts, axe_js):
    world = kb.build_world()
    page.goto(site(world.pages["practices"].url))
    page.get_by_role("searchbox", name="Search", exact=True).fill("recyclng")
    page.get_by_role("button", name="Show good practices").click()

    expect(page.get_by_text("Did you mean:")).to_be_visible()
    result = page.get_by_role("link", name="Waste separation at source")
    expect(result).to_be_visible()
    snapshot(page, artefacts, "practitioner-typo-results", axe_js)

    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Waste separation at source"
    )
    snapshot(page, artefacts, "practitioner-practice", axe_js)


def test_a_member_confirms_a_place_from_the_dashboard(page, site, artefacts, axe_js):
    member = UserFactory(first_name="Rania", last_name="Khalil")
    event = make_event(title="Dialogue event on land management")
    registration = registration_of(event, member, "accepted")

    sign_in(page, site, member.email)
    page.goto(site("/en/me/"))
    confirm = page.get_by_role(
        "button", name="Confirm my place – Dialogue event on land management"
    )
    expect(confirm).to_be_visible()
    snapshot(page, artefacts, "member-dashboard-to-confirm", axe_js)

    confirm.click()
    expect(page).to_have_url(site("/en/me/"))
    expect(page.locator(".messages")).to_be_visible()
    expect(confirm).to_have_count(0)
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    snapshot(page, artefacts, "member-dashboard-confirmed", axe_js)


def test_a_coordinator_works_the_queue_and_sends_a_bulk_decision(
    page, site, artefacts, axe_js
):
    community_demo.seed_regions(log=lambda message: None)
    mena = Region.objects.get(locale__language_code="en", slug=MENA)
    coordinator = make_coordinator(mena, first_name="Omar", last_name="Saleh")
    event = make_event(
        title="Dialogue event on land management",
        region=mena,
        selection_mode="selection",
    )
    applicants = [
        registration_of(
            event, UserFactory(first_name=name, last_name="Haddad"), "applied"
        )
        for name in ("Leila", "Karim", "Nour")
    ]

    sign_in(page, site, coordinator.email)
    page.goto(site("/admin/"))
    queue = page.locator("#my-queue-section")
    expect(queue).to_contain_text("Dialogue event on land management")
    # The admin is Wagtail's own; axe runs on the site's pages, not on it.
    snapshot(page, artefacts, "coordinator-queue", axe_js, axe=False)

    queue.get_by_role("link", name="Dialogue event on land management").first.click()
    expect(page.get_by_role("heading", name="Applicants", exact=True)).to_be_visible()
    page.get_by_label("Select all applicants on this page").check()
    page.get_by_label("Decision", exact=True).select_option("accepted")
    page.get_by_role("button", name="Apply to the selected applicants").click()

    # Nothing is decided or sent before the count is confirmed.
    expect(page.get_by_text("3 recipients", exact=True)).to_be_visible()
    assert set(
        Registration.objects.filter(pk__in=[r.pk for r in applicants]).values_list(
            "state", flat=True
        )
    ) == {"applied"}
    snapshot(page, artefacts, "coordinator-confirm-bulk", axe_js, axe=False)

    page.get_by_role("button", name="Decide and e-mail 3 applicants").click()
    expect(page.locator(".messages")).to_contain_text("3 applicants are now: Accepted")
    assert set(
        Registration.objects.filter(pk__in=[r.pk for r in applicants]).values_list(
            "state", flat=True
        )
    ) == {"accepted"}
