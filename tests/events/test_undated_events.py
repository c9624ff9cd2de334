"""Events without a date are never "upcoming": not on the calendar's upcoming list
or its ``when=upcoming`` filter, not in the API's ``upcoming=true``, not in the home
page section or the region dashboard's upcoming table. They show apart, as "date to
be announced", and they are not past either."""

import pytest

from events.listing import events_of_organisation, upcoming_events
from events.models import Registration
from events.site_hooks import region_events_panel
from tests.events.fixtures import event_index, make_event, make_past_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import organisation, region, world_fixtures

pytestmark = pytest.mark.django_db


def build_events():
    """One dated upcoming event, one without a date and one past event, all in
    the same region and hosted by the same city."""
    mena = region("middle-east-north-africa", "Middle East and North Africa", "Nahost")
    amman = organisation("amman", "Amman", country="JO", region=mena)
    common = {"region": mena, "host_city": amman}
    return {
        "dated": make_event(title="Dated dialogue", **common),
        "undated": make_event(
            title="Undated workshop",
            starts_at=None,
            ends_at=None,
            applications_close=None,
            **common,
        ),
        "past": make_past_event(title="Old mission", **common),
        "region": mena,
        "organisation": amman,
    }


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, events = world_fixtures(build_events, name="events")


def _titles(items) -> list[str]:
    return [event.title for event in items]


def test_calendar_lists_undated_events_apart(client, events):
    response = client.get(event_index().url)
    listing = response.context["listing"]
    assert _titles(listing.upcoming) == ["Dated dialogue"]
    assert _titles(listing.unscheduled) == ["Undated workshop"]
    assert _titles(listing.past_items) == ["Old mission"]
    html = response.content.decode()
    assert "Date to be announced" in html
    assert "Undated workshop" in html


def test_when_filters_leave_undated_events_out(client, events):
    upcoming = client.get(event_index().url, {"when": "upcoming"})
    assert _titles(upcoming.context["listing"].upcoming) == ["Dated dialogue"]
    assert upcoming.context["listing"].unscheduled == []
    assert "Undated workshop" not in upcoming.content.decode()
    past = client.get(event_index().url, {"when": "past"})
    assert _titles(past.context["listing"].past_items) == ["Old mission"]
    assert "Undated workshop" not in past.content.decode()


def test_api_upcoming_filter_leaves_undated_events_out(client, events):
    def titles(**params):
        response = client.get("/api/v2/events/", params)
        assert response.status_code == 200
        return [item["title"] for item in response.json()["items"]]

    assert titles(upcoming="true") == ["Dated dialogue"]
    assert titles(upcoming="false") == ["Old mission"]
    # Unfiltered: every event, the undated one last.
    assert titles() == ["Old mission", "Dated dialogue", "Undated workshop"]


def test_home_page_section_shows_dated_events_only(client, events):
    assert _titles(upcoming_events(locale_id=events["dated"].locale_id)) == [
        "Dated dialogue"
    ]
    html = client.get("/en/").content.decode()
    assert "Dated dialogue" in html
    assert "Undated workshop" not in html


def test_region_dashboard_shows_undated_events_apart(rf, events):
    Registration.objects.create(
        event=events["undated"],
        user=UserFactory(),
        role="r",
        motivation="m",
        consent_data=True,
        state="accepted",
    )
    panel = region_events_panel(request=rf.get("/admin/"), region=events["region"])
    assert _titles(panel["items"]) == ["Dated dialogue"]
    assert _titles(panel["unscheduled"]) == ["Undated workshop"]
    assert panel["unscheduled"][0].cc_places_taken == 1


def test_city_profile_marks_only_dated_events_as_upcoming(events):
    listed = events_of_organisation(
        events["organisation"], locale_id=events["dated"].locale_id
    )
    assert _titles(listed) == ["Dated dialogue", "Undated workshop", "Old mission"]
    assert [event.is_upcoming for event in listed] == [True, False, False]


def test_my_events_lists_undated_registrations_apart(client, events):
    user = UserFactory()
    for key in ("dated", "undated"):
        Registration.objects.create(
            event=events[key],
            user=user,
            role="r",
            motivation="m",
            consent_data=True,
            state="applied",
        )
    client.force_login(user)
    response = client.get("/en/events/mine/")
    assert response.status_code == 200
    context = response.context
    assert [item.page.title for item in context["upcoming"]] == ["Dated dialogue"]
    assert [item.page.title for item in context["unscheduled"]] == ["Undated workshop"]
