"""The event page: facts, dates in the event's zone, the reader's next step, the
online link for confirmed participants only, documentation, structured data."""

import json
import re
from datetime import UTC, datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from events.models import RegistrationState
from tests.events.fixtures import event_index, make_event, make_past_event
from tests.events.helpers import registration_of
from tests.factories import UserFactory
from tests.knowledge_fixtures import cluster, locale, publish

pytestmark = pytest.mark.django_db


def test_event_page_shows_facts_in_the_events_time_zone(client):
    event = make_event(
        starts_at=datetime(2031, 3, 12, 7, 0, tzinfo=UTC),
        ends_at=datetime(2031, 3, 14, 11, 0, tzinfo=UTC),
        time_zone="Asia/Amman",
    )
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    # 07:00 UTC is 10:00 in Amman (UTC+3).
    assert "10:00" in html
    assert "Asia/Amman" in html
    assert "Dialogue event" in html
    assert "Arabic" in html


def test_event_without_start_says_date_to_be_announced(client):
    event = make_event(starts_at=None, ends_at=None)
    html = client.get(event.url).content.decode()
    assert "Date to be announced" in html
    assert "calendar.ics" not in html


def test_month_only_event_shows_the_month(client):
    event = make_event(
        starts_at=datetime(2019, 5, 10, 8, tzinfo=UTC),
        ends_at=datetime(2019, 5, 11, 8, tzinfo=UTC),
        month_only=True,
        applications_open=None,
        applications_close=None,
    )
    html = client.get(event.url).content.decode()
    assert "May 2019" in html
    assert "Only the month is known" in html


def test_cluster_is_shown_in_the_readers_language(client):
    event_index()
    row = cluster("municipal-services")
    event = make_event(cluster=row)
    german = event.copy_for_translation(locale("de"))
    publish(german)
    german_cluster = row.get_translation(locale("de"))
    response = client.get(german.url)
    assert response.status_code == 200
    assert german_cluster.name in response.content.decode()


def test_anonymous_reader_is_asked_to_sign_in_with_next(client):
    event = make_event()
    html = client.get(event.url).content.decode()
    assert "/en/accounts/login/?next=" + event.url.replace("/", "%2F") in html


def test_verified_members_event_asks_to_verify_the_affiliation(client):
    event = make_event(eligibility="verified_members")
    client.force_login(UserFactory())
    html = client.get(event.url).content.decode()
    assert "/en/profile/affiliations/new/" in html


def test_signed_in_reader_gets_the_apply_link(client):
    event = make_event()
    client.force_login(UserFactory())
    html = client.get(event.url).content.decode()
    assert f"/en/events/{event.pk}/apply/" in html


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("applied", "under review"),
        ("accepted", "please confirm your place"),
        ("confirmed", "Your place is confirmed"),
        ("declined", "not successful"),
    ],
)
def test_registered_reader_sees_their_state(client, state, text):
    event = make_event()
    user = UserFactory()
    registration_of(event, user, state)
    client.force_login(user)
    html = client.get(event.url).content.decode()
    assert text in html
    if state == "accepted":
        assert f"/en/events/{event.pk}/confirm/" in html
        assert 'name="accessibility_needs"' in html


def test_waitlisted_reader_sees_position(client):
    event = make_event(capacity=1)
    first, second = UserFactory(), UserFactory()
    registration_of(event, first, "waitlisted")
    registration_of(event, second, "waitlisted")
    client.force_login(second)
    html = client.get(event.url).content.decode()
    assert "waitlist at position 2" in html


def test_online_link_only_for_confirmed_participants(client):
    link = "https://meet.example.org/secret-room"
    event = make_event(attendance_mode="hybrid", online_link=link)
    accepted, confirmed = UserFactory(), UserFactory()
    registration_of(event, accepted, RegistrationState.ACCEPTED)
    registration_of(event, confirmed, RegistrationState.CONFIRMED)
    assert link not in client.get(event.url).content.decode()
    client.force_login(accepted)
    assert link not in client.get(event.url).content.decode()
    client.force_login(confirmed)
    assert link in client.get(event.url).content.decode()


def test_structured_data_is_a_schema_org_event(client):
    event = make_event(attendance_mode="hybrid", online_link="https://x.example/r")
    html = client.get(event.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert data["startDate"] == event.local_start().isoformat()
    assert "x.example/r" not in match.group(1)
    assert 'property="og:title"' in html


def test_past_event_shows_documentation_and_project_ideas(client):
    event = make_past_event(
        days_ago=30,
        days=2,
        documentation=[
            {
                "type": "project_idea",
                "value": {
                    "title": "Solar rooftops",
                    "city": "Irbid",
                    "description": "Idea",
                },
            }
        ],
    )
    html = client.get(event.url).content.decode()
    assert "Documentation" in html
    assert "Solar rooftops" in html
    assert "Apply for this event" not in html


def test_german_page_works(client):
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    publish(german)
    response = client.get(german.url)
    assert response.status_code == 200
    assert german.url.startswith("/de/")


def test_event_page_queries_do_not_grow_with_applicants(client):
    """The page reads the places as one aggregate and the reader's own
    registration; the number of applicants must not add queries."""
    event = make_event(capacity=300)
    user = UserFactory()
    client.force_login(user)
    registration_of(event, UserFactory(), "accepted")
    client.get(event.url)
    with CaptureQueriesContext(connection) as one:
        client.get(event.url)
    for _ in range(199):
        registration_of(event, UserFactory(), "accepted")
    with CaptureQueriesContext(connection) as many:
        client.get(event.url)
    assert len(many) == len(one)
