"""A peer exchange, end to end in a real browser.

Amman files a land-management request → the MENA coordinator accepts it, sees
Munich's and Frankfurt's experts and the Lörrach practice among the suggestions with
their reasons, and invites the two experts → both opt in → a mission is scheduled →
a report with action items is filed → a 3-month checkpoint is recorded.
"""

import re

import pytest
from playwright.sync_api import expect

from community.models import Region
from demo import community as community_demo
from exchanges.models import ExchangeCandidate, ExchangeCheckpoint, PeerExchange
from tests.browser.test_affiliation_journey import make_coordinator, sign_in, sign_out
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.knowledge_fixtures import (
    cluster,
    field_of_action,
    index_pages,
    make_practice,
)

pytestmark = pytest.mark.browser

LOERRACH_PRACTICE = "Lörrach plans Germany's first timber-built commercial area"


def member(name, slug, country, region, population):
    city = OrganisationFactory(
        name=name, slug=slug, country=country, region=region, population=population
    )
    MembershipFactory(organisation=city)
    return city


def expert(city, first, last, job, languages):
    person = UserFactory(
        first_name=first, last_name=last, job_title=job, languages=languages
    )
    AffiliationFactory(user=person, organisation=city, verified=True, job_title=job)
    person.expertise_clusters.set([cluster("integrated-urban-development")])
    person.expertise_fields.set([field_of_action("urban-renewal")])
    return person


def click_step(page, name: str):
    page.get_by_role("button", name=name, exact=True).click()
    expect(page.locator(".messages")).to_be_visible()


def test_amman_land_management_exchange(page, site):
    community_demo.seed_regions(log=lambda message: None)
    regions = {r.slug: r for r in Region.objects.filter(locale__language_code="en")}
    mena, germany = regions["middle-east-north-africa"], regions["germany"]
    amman = member(
        "Greater Amman Municipality",
        "greater-amman-municipality",
        "JO",
        mena,
        4_000_000,
    )
    munich = member("Munich", "munich", "DE", germany, 1_500_000)
    frankfurt = member("Frankfurt am Main", "frankfurt-am-main", "DE", germany, 770_000)
    loerrach = member("Lörrach", "loerrach", "DE", germany, 49_000)
    pages = index_pages(site.home)
    make_practice(
        pages["practices"],
        title=LOERRACH_PRACTICE,
        teaser="A brownfield becomes a commercial area through active land policy.",
        field="urban-renewal",
        cities=[loerrach],
        tags=["brownfield", "land policy"],
    )
    leila = UserFactory(
        first_name="Leila", last_name="Haddad", job_title="Urban planner"
    )
    AffiliationFactory(user=leila, organisation=amman, verified=True)
    julia = expert(munich, "Julia", "Becker", "Urban planner", ["de", "en"])
    markus = expert(frankfurt, "Markus", "Hoffmann", "Land-use planner", ["de", "en"])
    coordinator = make_coordinator(mena, first_name="Rania", last_name="Khalil")

    # Amman files the request.
    sign_in(page, site, leila.email)
    page.goto(site("/en/exchanges/new/"))
    page.get_by_label("Title").fill("Sustainable land-use plan for undeveloped land")
    page.get_by_label("Your challenge").fill(
        "Greater Amman grows fast; undeveloped land on its edge needs a land-use "
        "plan and an active land policy before it is built over."
    )
    page.get_by_label("Thematic cluster").select_option(
        label="Integrated Urban Development"
    )
    page.get_by_label("Field of action").select_option(label="Urban renewal")
    page.get_by_label("Study visit").check()
    page.get_by_label("Arabic").check()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Save and submit").click()
    expect(page.get_by_test_id("exchange-state")).to_have_text("Submitted")
    exchange = PeerExchange.objects.get()
    sign_out(page, site)

    # The MENA coordinator accepts it and looks for peers.
    sign_in(page, site, coordinator.email)
    page.goto(site("/admin/exchanges/"))
    page.get_by_role(
        "link", name="Sustainable land-use plan for undeveloped land"
    ).click()
    click_step(page, "Start the eligibility review")
    click_step(page, "Accept and manage this case")
    expect(page.get_by_test_id("case-state")).to_have_text("Accepted")
    click_step(page, "Start framing")
    page.get_by_label("Guiding question 1").fill(
        "How do German cities plan new districts on undeveloped land?"
    )
    page.get_by_label("The change the city wants").fill(
        "A community land-use plan adopted by the council."
    )
    click_step(page, "Save the framing")
    click_step(page, "Start matching peers")
    expect(page.get_by_test_id("case-state")).to_have_text("Matching peers")

    people = page.get_by_role("table").filter(has_text="Choose")
    for name in ("Julia Becker", "Markus Hoffmann"):
        row = people.get_by_role("row").filter(has_text=name)
        expect(row).to_contain_text("Expertise in Integrated Urban Development.")
        expect(row).to_contain_text("Shared working language: English.")
    expect(page.get_by_role("row").filter(has_text="Munich").first).to_be_visible()
    practice_row = page.get_by_role("row").filter(has_text=LOERRACH_PRACTICE)
    expect(practice_row).to_contain_text("Same field of action: Urban renewal.")
    expect(practice_row).to_contain_text("Shares the words:")
    page.get_by_label("Choose Julia Becker").check()
    page.get_by_label("Choose Markus Hoffmann").check()
    click_step(page, "Invite the chosen people")
    expect(page.locator(".messages")).to_contain_text("2 invited.")
    sign_out(page, site)

    # Both experts opt in.
    for person in (julia, markus):
        sign_in(page, site, person.email)
        page.goto(site("/en/exchanges/"))
        page.get_by_role(
            "link", name="Sustainable land-use plan for undeveloped land"
        ).click()
        page.get_by_label("Yes, I take part").check()
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_test_id("invitation-answer")).to_contain_text("Opted in")
        sign_out(page, site)
    assert set(
        ExchangeCandidate.objects.filter(exchange=exchange).values_list(
            "state", flat=True
        )
    ) == {"opted_in"}

    # Agreement, a mission, the report with action items, a 3-month checkpoint.
    sign_in(page, site, coordinator.email)
    page.goto(site(f"/admin/exchanges/{exchange.pk}/"))
    click_step(page, "Confirm the peers")
    click_step(page, "Draw up the agreement")
    page.get_by_label("Objectives").fill("Learn how German cities plan new districts.")
    page.get_by_label("Who pays what").fill("The programme pays travel.")
    click_step(page, "Save the agreement")
    click_step(page, "Agreement done: start the missions")
    page.get_by_label("Kind").select_option(label="Study visit")
    page.locator("input[name=title]").fill("Study visit to Munich and Frankfurt")
    page.get_by_label("Starts").fill("2027-05-03")
    page.get_by_label("Ends").fill("2027-05-07")
    page.get_by_label("Place").fill("Munich")
    click_step(page, "Schedule the mission")
    expect(page.get_by_role("region", name="Missions")).to_contain_text(
        "Study visit to Munich and Frankfurt"
    )
    click_step(page, "Missions done: write the report")
    page.get_by_label("Findings").fill("Community plans and land banking work.")
    group = page.get_by_role("group", name="Action item 1")
    group.get_by_label("Action item").fill("Draft the Tareq community plan")
    group.get_by_label("Owner").fill("GAM planning department")
    group.get_by_label("Due").fill("2027-09-01")
    click_step(page, "Save the report")
    expect(page.get_by_role("table").filter(has_text="Owner")).to_contain_text(
        "GAM planning department"
    )
    click_step(page, "File the report and start the follow-up")
    expect(page.get_by_test_id("case-state")).to_have_text("Follow-up")
    page.locator("select[name=month]").select_option(label="3 months")
    page.get_by_label("What changed").fill("The council discussed the draft plan.")
    page.get_by_label("Adapting").check()
    page.get_by_label("Project stage").select_option(label="Concept")
    click_step(page, "Record the checkpoint")
    expect(page.locator(".messages")).to_contain_text(
        "The checkpoint has been recorded."
    )

    checkpoint = ExchangeCheckpoint.objects.get(exchange=exchange)
    assert (checkpoint.month, checkpoint.adoption) == (3, "adapting")
    exchange.refresh_from_db()
    assert exchange.state == "follow_up"
    assert exchange.case_manager == coordinator
    assert [item.owner for item in exchange.action_items.all()] == [
        "GAM planning department"
    ]
    assert re.search("Study visit", exchange.missions.get().get_kind_display())
