"""A dialogue event, end to end in a real browser.

A verified staff member of a member city applies through the public form with a
challenge → the coordinator of the event's region accepts them in the admin
applicant list → the participant confirms the place on the event page and downloads
the .ics → on the day, the coordinator checks them in on a phone-sized screen.
"""

from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from community.models import Region
from demo import community as community_demo
from events.models import EventPage, Registration
from tests.browser.test_affiliation_journey import make_coordinator, sign_in, sign_out
from tests.events.fixtures import make_event
from tests.factories import AffiliationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.browser

MENA = "middle-east-north-africa"
AMMAN = "Greater Amman Municipality"
PHONE = {"width": 390, "height": 844}


def test_apply_accept_confirm_and_check_in(page, site):
    community_demo.seed_regions(log=lambda message: None)
    mena = Region.objects.get(locale__language_code="en", slug=MENA)
    amman = MembershipFactory(
        organisation__name=AMMAN,
        organisation__slug="greater-amman-municipality",
        organisation__country="JO",
        organisation__region=mena,
    ).organisation
    staff = UserFactory(first_name="Rania", last_name="Khalil")
    AffiliationFactory(user=staff, organisation=amman, verified=True)
    coordinator = make_coordinator(mena, first_name="Omar", last_name="Saleh")
    event = make_event(
        title="Dialogue event on land management",
        region=mena,
        eligibility="verified_members",
        selection_mode="selection",
        capacity=20,
    )
    event_url = site(event.get_url_parts()[2])

    # The city staff member applies with a challenge of their city.
    sign_in(page, site, staff.email)
    page.goto(event_url)
    page.get_by_role("link", name="Apply for this event").click()
    page.get_by_label("Your role").fill("Head of urban planning")
    page.get_by_label("Motivation").fill(
        "Amman's land bank needs clear rules; we want to learn from others."
    )
    page.get_by_label("A challenge of my city").check()
    page.get_by_label("Title of your good practice or challenge").fill(
        "Informal settlements at the edge of the city"
    )
    page.get_by_label("I agree that the organisers process the data").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_text("your application was received")).to_be_visible()
    registration = Registration.objects.get(event=event, user=staff)
    assert registration.state == "applied"
    assert registration.organisation == amman
    sign_out(page, site)

    # The coordinator of the region accepts them in the admin applicant list.
    sign_in(page, site, coordinator.email)
    page.goto(site("/admin/events/applicants/"))
    page.get_by_role(
        "link", name="Dialogue event on land management", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Applicants", exact=True)).to_be_visible()
    # "Select all on this page" (shown by its script) ticks and clears every box.
    select_all = page.get_by_label("Select all applicants on this page")
    select_all.check()
    expect(page.get_by_label("Select Rania Khalil")).to_be_checked()
    select_all.uncheck()
    expect(page.get_by_label("Select Rania Khalil")).not_to_be_checked()
    page.get_by_label("Select Rania Khalil").check()
    expect(select_all).to_be_checked()
    page.get_by_label("Decision", exact=True).select_option("accepted")
    page.get_by_label("Message to the applicants").fill("Welcome to Amman!")
    page.get_by_role("button", name="Apply to the selected applicants").click()
    expect(page.get_by_text("1 recipient", exact=True)).to_be_visible()
    page.get_by_role("button", name="Decide and e-mail 1 applicant").click()
    expect(page.locator(".messages")).to_contain_text("1 applicant is now: Accepted")
    registration.refresh_from_db()
    assert registration.state == "accepted"
    sign_out(page, site)

    # The participant confirms the place and takes the event into their calendar.
    sign_in(page, site, staff.email)
    page.goto(event_url)
    expect(page.get_by_text("You are accepted")).to_be_visible()
    page.get_by_label("Dietary needs (optional)").fill("Vegetarian")
    page.get_by_role("button", name="Confirm my place").click()
    expect(page.get_by_text("Your place is confirmed").first).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    ics = download_info.value.path().read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR")
    assert "Dialogue event on land management" in ics
    registration.refresh_from_db()
    assert registration.state == "confirmed"
    assert registration.dietary_needs == "Vegetarian"
    sign_out(page, site)

    # The day has come (today, in the event's time zone): check-in on a phone.
    now = timezone.now()
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(minutes=30), ends_at=now + timedelta(hours=6)
    )
    page.set_viewport_size(PHONE)
    sign_in(page, site, coordinator.email)
    page.goto(site("/admin/events/applicants/"))
    page.get_by_role(
        "link", name="Check-in – Dialogue event on land management"
    ).click()
    expect(page.get_by_text("0 of 1 checked in")).to_be_visible()
    page.get_by_label("Find a participant").fill("Khalil")
    page.get_by_role("button", name="Search").click()
    check_in = page.get_by_role("button", name="Check in – Rania Khalil")
    box = check_in.bounding_box()
    assert box is not None and box["height"] >= 44  # big enough for a thumb
    check_in.click()
    expect(page.locator(".messages")).to_contain_text("Rania Khalil is checked in.")
    expect(page.get_by_text("Checked in at")).to_be_visible()
    expect(page.get_by_text("1 of 1 checked in")).to_be_visible()
    registration.refresh_from_db()
    assert registration.state == "attended"
    assert registration.checked_in_at is not None
