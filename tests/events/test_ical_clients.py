"""Calendar files as calendar clients read them (parsed with ``icalendar``): every
endpoint and the reminder mail's attachment carry a stable UID shared by the
translations, STATUS (CONFIRMED, then CANCELLED), a SEQUENCE that rises with
every published change of the facts, LAST-MODIFIED, and text read back literally.
"""

from datetime import UTC, datetime

from django.core import mail

import icalendar
import pytest

from events import announcements
from events.models import EventPage
from notifications import delivery, outbox
from tests.events.fixtures import event_index, make_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import cluster, locale, publish

from .helpers import participant

pytestmark = pytest.mark.django_db

TITLE = "Budgets, plans; and \\ land"
TEASER = "First line, with a comma; a semicolon\nSecond line \\ backslash"


@pytest.fixture(autouse=True)
def _fresh_mail_connection():
    delivery.close_mail_connection()
    yield
    delivery.close_mail_connection()


@pytest.fixture
def event():
    event_index()  # seeds the taxonomy, too
    english = make_event(
        title=TITLE, teaser=TEASER, cluster=cluster("municipal-services")
    )
    german = english.copy_for_translation(locale("de"))
    publish(german)
    return EventPage.objects.get(pk=english.pk)


def _vevents(body: bytes | str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(body).walk("VEVENT")


def _from_every_endpoint(client, event: EventPage) -> dict[str, icalendar.Event]:
    """The event's VEVENT from each calendar file and from a reminder mail."""
    german = EventPage.objects.get(
        translation_key=event.translation_key, locale__language_code="de"
    )
    found = {}
    for name, url in {
        "file": f"/en/events/{event.pk}/calendar.ics",
        "german file": f"/de/events/{german.pk}/calendar.ics",
        "feed": "/en/events/calendar.ics",
        "german feed": "/de/events/calendar.ics",
        "cluster feed": "/en/events/calendar/municipal-services.ics",
    }.items():
        response = client.get(url)
        assert response.status_code == 200, name
        (found[name],) = _vevents(response.content)
    registration = participant(EventPage.objects.get(pk=event.pk), "confirmed")
    mail.outbox = []
    notification = outbox.notify(
        recipient=registration.user,
        kind="event_reminder",
        dedupe_key=f"reminder-{event.pk}-{event.calendar_sequence}-{len(found)}",
        subject_object=registration,
        context={"days": 7},
    )
    delivery.notification_send(notification_id=notification.pk)
    (message,) = mail.outbox
    (attachment,) = message.attachments
    assert attachment[0] == "event.ics"
    (found["mail"],) = _vevents(attachment[1])
    return found


def test_every_calendar_endpoint_says_what_clients_need(client, event):
    found = _from_every_endpoint(client, event)
    uids = {str(vevent["UID"]) for vevent in found.values()}
    assert uids == {f"event-{event.translation_key}@connective-cities"}
    for name, vevent in found.items():
        assert str(vevent["STATUS"]) == "CONFIRMED", name
        assert vevent["SEQUENCE"] == 0, name
        assert vevent.decoded("LAST-MODIFIED").tzinfo is not None, name
        if name.startswith("german"):
            continue  # the German page's own text and publication
        assert vevent.decoded("LAST-MODIFIED") == event.last_published_at.replace(
            microsecond=0
        ), name
        assert str(vevent["SUMMARY"]) == TITLE, name
        assert str(vevent["DESCRIPTION"]).startswith(TEASER), name


def test_a_change_of_the_facts_raises_the_sequence_everywhere(client, event):
    before = _from_every_endpoint(client, event)
    event.starts_at = datetime(2031, 9, 1, 8, tzinfo=UTC)
    event.ends_at = datetime(2031, 9, 2, 16, tzinfo=UTC)
    event.save_revision().publish()
    changed = EventPage.objects.get(pk=event.pk)
    after = _from_every_endpoint(client, changed)
    # Every language's entry changed when the original's facts did.
    assert changed.calendar_changed_at is not None
    changed_at = changed.calendar_changed_at.replace(microsecond=0)
    for name, vevent in after.items():
        assert vevent["SEQUENCE"] == 1, name
        assert vevent.decoded("DTSTART") == event.starts_at, name
        modified = vevent.decoded("LAST-MODIFIED")
        assert modified >= changed_at, name
        assert modified >= before[name].decoded("LAST-MODIFIED"), name


def test_a_cancelled_event_is_cancelled_in_every_calendar(client, event):
    announcements.event_cancel(
        event=event,
        actor=UserFactory(is_superuser=True, is_staff=True),
        reason="The venue is closed",
    )
    found = _from_every_endpoint(client, EventPage.objects.get(pk=event.pk))
    for name, vevent in found.items():
        assert str(vevent["STATUS"]) == "CANCELLED", name
        assert vevent["SEQUENCE"] == 1, name
