"""The knowledge base, end to end in a real browser.

A practitioner narrows the good practices down by cluster and country with the
filter form, opens the one practice left and follows its related project. An editor
writes a practice in the Wagtail admin, saves a draft and submits it to the
"Knowledge base review" workflow; a second editor passes the editorial check and a
moderator approves publication; the practice is then in the index, in its RSS and
Atom feeds and in the JSON API. axe-core checks the index and a practice's page.
"""

import json
import re
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import Site

import pytest
from playwright.sync_api import expect

from practices.models import GoodPracticePage
from practices.services import (
    EDITORS,
    MODERATORS,
    WORKFLOW_NAME,
    knowledge_base_workflow_ensure,
)
from tests import knowledge_fixtures as kb
from tests import snapshots
from tests.browser.test_accessibility import describe, run_axe
from tests.browser.test_affiliation_journey import sign_in, sign_out
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

NEW_TITLE = "Rooftop solar on city schools"
NEW_TEASER = "Tunis puts solar panels on its schools and sells the surplus."


@pytest.fixture
def world(site):
    """The known practices and projects of ``knowledge_fixtures`` on the live site,
    built once per test process and put back from a snapshot for later tests."""

    def build():
        world = kb.build_world()
        # Seeding the demo pages again pointed the default site back at localhost:80.
        live = Site.objects.get(is_default_site=True)
        host, port = site.url.removeprefix("http://").rsplit(":", 1)
        Site.objects.filter(pk=live.pk).update(hostname=host, port=int(port))
        return world

    return snapshots.kept("knowledge_world", build)


def member_of(group_name: str, **names):
    """A person in one of the editorial groups (the migration's groups; a flushed
    test database may have lost them, so they are made again with admin access)."""
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user = UserFactory(**names)
    user.groups.add(group)
    return user


def filter_form(page):
    return page.get_by_role("search", name="Search and filter")


def result_titles(page) -> list[str]:
    return page.locator(".knowledge-list h3").all_inner_texts()


def test_practitioner_filters_opens_a_practice_and_its_project(page, site, world):
    # The strict Content-Security-Policy of the site: Chromium reports every refused
    # script, style or image on the console.
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    index_url = site(world.pages["practices"].url)
    page.goto(index_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Good practices")
    # The map's scripts (ours, and Leaflet once the map is opened; both from
    # /static/) ran.
    expect(page.locator(".leaflet-container")).to_have_count(0)
    page.get_by_role("button", name="Show the interactive map").click()
    expect(page.locator(".leaflet-container")).to_have_count(1)
    expect(page.locator(".result-count")).to_contain_text("4 good practices")

    # Local Economic Development has practices in Jordan (p1) and Tunisia (p4).
    form = filter_form(page)
    form.get_by_label("Thematic cluster").select_option("local-economic-development")
    form.get_by_label("Country").select_option("JO")
    form.get_by_role("button", name="Show good practices").click()

    # A GET form: every field is in the URL, the empty ones too.
    expect(page).to_have_url(re.compile(r"cluster=local-economic-development"))
    chosen = {
        name: values
        for name, values in parse_qs(urlsplit(page.url).query).items()
        if any(values)
    }
    assert chosen == {
        "cluster": ["local-economic-development"],
        "country": ["JO"],
        "sort": ["newest"],
    }
    expect(page.locator(".result-count")).to_contain_text("1 good practice")
    assert result_titles(page) == ["Solar street lighting"]
    active = page.locator(".active-filters")
    expect(active).to_contain_text("Thematic cluster: Local Economic Development")
    expect(active).to_contain_text("Country: Jordan")
    # The form shows the choices and how many results the others would give.
    expect(form.get_by_label("Thematic cluster")).to_have_value(
        "local-economic-development"
    )
    expect(form.get_by_label("Country").locator("option:checked")).to_have_text(
        "Jordan (1)"
    )

    page.get_by_role("link", name="Solar street lighting").click()
    expect(page).to_have_url(site(world.p1.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Solar street lighting")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Greater Amman Municipality")
    expect(facts).to_contain_text("Local Economic Development")

    related = page.locator("section.related-group").filter(
        has=page.get_by_role("heading", name="Related projects")
    )
    related.get_by_role("link", name="Solar lights for Zarqa").click()
    expect(page).to_have_url(site(world.r1.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Solar lights for Zarqa")
    # Structured data is data, not a script: the policy does not stop it.
    structured = page.locator('script[type="application/ld+json"]').first.text_content()
    assert json.loads(structured)["@context"] == "https://schema.org"
    assert refused == []


def open_new_practice_form(page, site, index) -> None:
    """From the index page in the admin's page explorer to the create form."""
    page.goto(site(reverse("wagtailadmin_explore", args=[index.pk])))
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.locator("#id_title")).to_be_visible()


def test_editor_writes_moderator_publishes_then_index_feeds_and_api_show_it(
    page, site, world, settings
):
    # Wagtail's autosave saves in the background at moments a test cannot control,
    # and a "Save draft" racing it posts the new page twice; the journey takes the
    # explicit steps (save the draft, submit) with it switched off.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    index = world.pages["practices"]
    knowledge_base_workflow_ensure(index_pages=[index])
    editor = member_of(EDITORS, first_name="Eva", last_name="Editor")
    colleague = member_of(EDITORS, first_name="Emil", last_name="Checker")
    moderator = member_of(MODERATORS, first_name="Mona", last_name="Moderator")

    # The editor writes the practice and saves a draft.
    sign_in(page, site, editor.email)
    open_new_practice_form(page, site, index)
    page.locator("#id_title").fill(NEW_TITLE)
    page.locator("#id_teaser").fill(NEW_TEASER)
    page.locator("#id_country").select_option("TN")
    choose(page, "thematic cluster", "Local Economic Development")
    choose(page, "field of action", "Green urban economy")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill("rooftop-solar-on-city-schools")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{NEW_TITLE}' created")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    practice = GoodPracticePage.objects.get(title=NEW_TITLE)
    assert not practice.live
    draft = practice.get_latest_revision_as_object()
    assert (draft.teaser, draft.country.code) == (NEW_TEASER, "TN")
    assert draft.cluster.slug == "local-economic-development"
    assert draft.field_of_action.slug == "green-urban-economy"

    # ... and submits it to the review workflow.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=f"Submit to {WORKFLOW_NAME}").click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    practice.refresh_from_db()
    assert practice.current_workflow_task.name == "Editorial check"
    assert not practice.live
    sign_out(page, site)

    # Another editor passes the editorial check.
    approve_from_dashboard(page, site, practice, reviewer=colleague)
    assert practice.current_workflow_task.name == "Publication approval"
    assert not practice.live

    # A moderator approves publication; the page goes live.
    approve_from_dashboard(page, site, practice, reviewer=moderator)
    assert practice.live
    assert not practice.workflow_in_progress

    # The public sees it in the index, the feeds and the API.
    index_url = site(index.url)
    page.goto(index_url)
    expect(page.locator(".knowledge-list")).to_contain_text(NEW_TITLE)
    page.goto(f"{index_url}?country=TN")
    assert NEW_TITLE in result_titles(page)

    rss = page.goto(site("/en/practices/feed/rss/"))
    assert rss.status == 200
    assert "rss" in rss.headers["content-type"]
    assert f"<title>{NEW_TITLE}</title>" in rss.text()
    atom = page.goto(site("/en/practices/feed/atom/"))
    assert f"<title>{NEW_TITLE}</title>" in atom.text()
    cluster_feed = page.goto(site("/en/practices/feed/local-economic-development/rss/"))
    assert f"<title>{NEW_TITLE}</title>" in cluster_feed.text()

    api = page.goto(
        site("/api/v2/practices/?locale=en&country=TN&fields=teaser&format=json")
    )
    assert api.status == 200
    items = json.loads(api.text())["items"]
    found = [item for item in items if item["title"] == NEW_TITLE]
    assert len(found) == 1
    assert found[0]["teaser"] == NEW_TEASER
    detail = page.goto(site(f"/api/v2/practices/{practice.pk}/?format=json"))
    assert json.loads(detail.text())["meta"]["slug"] == "rooftop-solar-on-city-schools"


def choose(page, field: str, label: str) -> None:
    """Pick a taxonomy row in the admin's chooser modal."""
    page.get_by_role("button", name=f"Choose {field}").click()
    modal = page.get_by_role("dialog")
    modal.get_by_role("link", name=label, exact=True).click()
    expect(modal).to_be_hidden()


def approve_from_dashboard(page, site, practice, *, reviewer) -> None:
    """``reviewer`` signs in and approves the practice's current step from
    "Awaiting your review" on the admin dashboard, where reviewers find what waits
    for them; then signs out."""
    sign_in(page, site, reviewer.email)
    page.goto(site(reverse("wagtailadmin_home")))
    awaiting = page.get_by_role("region", name="Awaiting your review")
    row = awaiting.locator("tr").filter(has_text=NEW_TITLE)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page).to_have_url(site(reverse("wagtailadmin_home")))
    expect(row).to_have_count(0)
    sign_out(page, site)
    practice.refresh_from_db()


KNOWLEDGE_PAGES = {
    "practice-index": lambda world: world.pages["practices"].url,
    "practice-index-filtered": lambda world: (
        world.pages["practices"].url + "?cluster=local-economic-development&country=TN"
    ),
    "practice": lambda world: world.p1.url,
}


@pytest.mark.parametrize("name", KNOWLEDGE_PAGES)
def test_knowledge_pages_have_no_serious_wcag_violations(
    axe_js, page, site, world, name
):
    path = KNOWLEDGE_PAGES[name](world)
    response = page.goto(site(path))
    assert response.status == 200, f"{path} answered {response.status}"
    violations = run_axe(page, axe_js)
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"
