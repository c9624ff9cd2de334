"""iCalendar files: RFC 5545 shape (CRLF, folded lines, escaping, required
properties), stable UIDs, and the online link only for confirmed participants."""

from datetime import UTC, datetime

import pytest

from core.ical import escape_text, fold
from events.ical import calendar
from events.models import Registration
from tests.events.fixtures import make_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import cluster, locale, publish

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/room-with-a-rather-long-name-to-force-folding"


def _check_rfc5545(body: bytes) -> list[str]:
    """Every line ends in CRLF and has at most 75 octets; returns unfolded lines."""
    assert body.endswith(b"\r\n")
    raw_lines = body.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in raw_lines)
    assert all(len(line) <= 75 for line in raw_lines)
    unfolded = body.replace(b"\r\n ", b"").decode("utf-8")
    return unfolded.split("\r\n")[:-1]


def _properties(lines: list[str]) -> dict[str, str]:
    return {
        line.split(":", 1)[0].split(";")[0]: line.split(":", 1)[1] for line in lines
    }


def test_escaping_and_folding():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "ü" * 80)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
    assert folded.replace("\r\n ", "") == "DESCRIPTION:" + "ü" * 80
    assert calendar([]).startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_event_file_has_the_required_properties(client):
    event = make_event(
        title="Dialogue, planning; and \\ land: a long title " + "x" * 60,
        starts_at=datetime(2031, 3, 12, 7, tzinfo=UTC),
        ends_at=datetime(2031, 3, 14, 11, tzinfo=UTC),
    )
    response = client.get(f"/en/events/{event.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    lines = _check_rfc5545(response.content)
    props = _properties(lines)
    for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL", "LOCATION"):
        assert name in props
    assert props["DTSTART"] == "20310312T070000Z"
    assert props["DTEND"] == "20310314T110000Z"
    assert props["SUMMARY"].startswith("Dialogue\\, planning\\; and \\\\ land")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"


def test_uid_is_the_same_in_both_languages(client):
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    publish(german)
    english = _properties(
        _check_rfc5545(client.get(f"/en/events/{event.pk}/calendar.ics").content)
    )
    deutsch = _properties(
        _check_rfc5545(client.get(f"/de/events/{german.pk}/calendar.ics").content)
    )
    assert english["UID"] == deutsch["UID"]
    assert "/de/" in deutsch["URL"]


def test_online_link_only_in_a_confirmed_participants_file(client):
    event = make_event(attendance_mode="hybrid", online_link=LINK)
    url = f"/en/events/{event.pk}/calendar.ics"
    user = UserFactory()
    registration = Registration.objects.create(
        event=event,
        user=user,
        role="r",
        motivation="m",
        consent_data=True,
        state="accepted",
    )
    assert LINK not in _check_rfc5545(client.get(url).content)[0]
    client.force_login(user)
    assert LINK not in "".join(_check_rfc5545(client.get(url).content))
    registration.state = "confirmed"
    registration.save()
    assert LINK in "".join(_check_rfc5545(client.get(url).content))


def test_event_without_date_has_no_file(client):
    event = make_event(starts_at=None, ends_at=None)
    assert client.get(f"/en/events/{event.pk}/calendar.ics").status_code == 404


def test_feeds_list_events_and_filter_by_cluster(client):
    first = make_event(title="First event")
    make_event(title="Second event", cluster=cluster("municipal-services"))
    body = client.get("/en/events/calendar.ics").content
    lines = _check_rfc5545(body)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 2
    assert first.title in "".join(lines)
    lines = _check_rfc5545(
        client.get("/en/events/calendar/municipal-services.ics").content
    )
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    assert "Second event" in "".join(lines)
    assert client.get("/en/events/calendar/no-such-cluster.ics").status_code == 404
    assert client.get("/de/events/calendar.ics").status_code == 200
