"""My events: the person's registrations, upcoming and past, with state and next
step; only their own."""

from django.utils import timezone

import pytest

from events.models import Registration
from events.my_events import my_registrations
from tests.events.fixtures import apply_for, make_event, make_past_event
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _register(event, user, state):
    return Registration.objects.create(
        event=event,
        user=user,
        role="Planner",
        motivation="m",
        consent_data=True,
        state=state,
        waitlisted_at=timezone.now() if state == "waitlisted" else None,
    )


def test_my_events_needs_sign_in(client):
    response = client.get("/en/events/mine/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_my_events_groups_and_shows_the_next_step(client):
    user, other = UserFactory(), UserFactory()
    coming = make_event(title="Coming event")
    past = make_past_event(title="Past event", days_ago=20)
    full = make_event(title="Full event")
    _register(coming, user, "accepted")
    _register(past, user, "attended")
    _register(full, other, "waitlisted")
    _register(full, user, "waitlisted")
    make_event(title="Someone else's")
    client.force_login(user)
    response = client.get("/en/events/mine/")
    assert response.status_code == 200
    upcoming = [item.page.title for item in response.context["upcoming"]]
    assert sorted(upcoming) == ["Coming event", "Full event"]
    assert [item.page.title for item in response.context["past"]] == ["Past event"]
    html = response.content.decode()
    assert "please confirm your place" in html
    assert "position 2 on the waitlist" in html
    assert "Someone else" not in html
    assert client.get("/de/events/mine/").status_code == 200


def test_account_navigation_links_my_events(client):
    client.force_login(UserFactory())
    assert "/en/events/mine/" in client.get("/en/profile/").content.decode()


@pytest.mark.parametrize("events", [1, 6])
def test_my_events_in_constant_queries(events, django_assert_num_queries):
    """Three queries for the lists, whatever their length: the registrations
    with their event page (and its locale, for the URL) and their place on the
    waitlist joined in, the reader's locale, and the pages in its language."""
    user = UserFactory()
    for _ in range(events):
        apply_for(make_event(), user, organisation=OrganisationFactory())
    with django_assert_num_queries(3):
        lists = my_registrations(None, user)
        rows = [
            (item.page.title, item.registration.event.locale.language_code)
            for item in lists["upcoming"] + lists["unscheduled"] + lists["past"]
        ]
    assert len(rows) == events
