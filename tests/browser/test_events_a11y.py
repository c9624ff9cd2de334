"""axe-core on the event pages: the calendar, an event page (signed out and
signed in), the application form with errors, and "My events"."""

import pytest
from playwright.sync_api import expect

from tests import snapshots
from tests.browser.test_accessibility import describe, run_axe, sign_in
from tests.events.fixtures import make_event, make_past_event

pytestmark = pytest.mark.browser


@pytest.fixture
def events(site):
    """An upcoming and a past event, built once per test process and put back
    from a snapshot for later tests."""

    def build():
        upcoming = make_event(
            title="Dialogue event on land management",
            programme=[
                {
                    "type": "item",
                    "value": {
                        "title": "Welcome",
                        "description": "Opening",
                        "speakers": "Lina",
                    },
                }
            ],
        )
        past = make_past_event(
            title="Dialogue event on waste",
            days_ago=40,
            documentation=[
                {
                    "type": "project_idea",
                    "value": {
                        "title": "Compost hubs",
                        "city": "Irbid",
                        "description": "d",
                    },
                }
            ],
        )
        return {"upcoming": upcoming, "past": past}

    return snapshots.kept("event_pages", build)


def _check(page, axe_js, url):
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    violations = run_axe(page, axe_js)
    assert not violations, f"axe-core on {url}:\n{describe(violations)}"


def test_event_pages_have_no_serious_wcag_violations(axe_js, page, site, events):
    _check(page, axe_js, site("/en/events/"))
    _check(page, axe_js, site("/en/events/?format=party&when=past"))
    _check(page, axe_js, site(events["upcoming"].url))
    _check(page, axe_js, site(events["past"].url))
    _check(page, axe_js, site("/de/veranstaltungen/"))


def test_signed_in_event_pages_have_no_serious_wcag_violations(
    axe_js, page, site, events
):
    sign_in(page, site)
    _check(page, axe_js, site(events["upcoming"].url))
    apply_url = site(f"/en/events/{events['upcoming'].pk}/apply/")
    _check(page, axe_js, apply_url)
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("alert")).to_be_visible()
    violations = run_axe(page, axe_js)
    assert not violations, describe(violations)
    _check(page, axe_js, site("/en/events/mine/"))
