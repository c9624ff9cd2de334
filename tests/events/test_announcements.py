"""What creates notices about events: publishing a changed event, cancelling it,
documentation, reminders, digests and organisers' messages; and the organisers'
outbox. (A person's own notification pages: ``tests/notifications/test_pages.py``.)

Tasks run eagerly into Django's locmem mail outbox. Every periodic run is run
twice to show that the second one sends nothing new.
"""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale

import pytest

from core.models import Cluster
from events import announcements, digests, reminders
from events.models import EventPage
from notifications import delivery, outbox, preferences
from notifications.models import Notification, NotificationPreferences
from tests.events.fixtures import make_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import publish

from .helpers import event_with, participant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_mail_connection():
    delivery.close_mail_connection()
    yield
    delivery.close_mail_connection()


def _kinds() -> list[str]:
    return sorted(Notification.objects.values_list("kind", flat=True))


def test_publishing_a_moved_event_tells_every_active_participant(
    django_capture_on_commit_callbacks,
):
    event, regs = event_with(["accepted", "confirmed", "waitlisted", "declined"])
    old_start = event.starts_at
    event.starts_at = old_start + timedelta(days=3)
    event.venue = "City Hall, Amman"
    with django_capture_on_commit_callbacks(execute=True):
        # Publishing alone (as the editor, the scheduler or code does) tells them.
        publish(event)
    assert _kinds() == ["event_changed"] * 3  # not the declined applicant
    assert len(mail.outbox) == 3
    body = mail.outbox[0].body
    assert "City Hall, Amman (was: Greater Amman Municipality, Amman)" in body
    # The same revision published again tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        announcements.event_published(event=EventPage.objects.get(pk=event.pk))
    assert len(mail.outbox) == 3


def test_publishing_without_a_watched_change_tells_nobody():
    event, _regs = event_with(["accepted"])
    event.teaser = "A new teaser."
    publish(event)
    announcements.event_published(event=EventPage.objects.get(pk=event.pk))
    assert Notification.objects.count() == 0


def test_a_new_online_link_reaches_only_confirmed_people(
    django_capture_on_commit_callbacks,
):
    event, regs = event_with(
        ["accepted", "confirmed"],
        attendance_mode="hybrid",
        online_link="https://meet.example/old",
    )
    event.online_link = "https://meet.example/new"
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
        announcements.event_published(event=EventPage.objects.get(pk=event.pk))
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "meet.example/new" in by_address[regs[1].user.email]
    assert "meet.example" not in by_address[regs[0].user.email]


def test_cancelling_an_event_tells_participants_and_survives_a_new_revision(
    django_capture_on_commit_callbacks,
):
    event, regs = event_with(["accepted", "waitlisted", "withdrawn"])
    stranger = UserFactory()
    with pytest.raises(outbox.NotificationError):
        announcements.event_cancel(event=event, actor=stranger, reason="Flood")
    admin = UserFactory(is_superuser=True)
    with pytest.raises(outbox.NotificationError):
        announcements.event_cancel(event=event, actor=admin, reason="  ")
    assert Notification.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        announcements.event_cancel(event=event, actor=admin, reason="The venue flooded")
    assert _kinds() == ["event_cancelled"] * 2
    assert "The venue flooded" in mail.outbox[0].body
    with pytest.raises(outbox.NotificationError):
        announcements.event_cancel(event=event, actor=admin, reason="Again")
    page = EventPage.objects.get(pk=event.pk)
    page.teaser = "Edited after the cancellation."
    publish(page)
    page = EventPage.objects.get(pk=event.pk)
    assert page.cancelled_at is not None
    assert page.cancellation_reason == "The venue flooded"


def test_documentation_after_the_event_goes_to_attendees_once():
    now = timezone.now()
    event, regs = event_with(
        ["attended", "confirmed", "no_show", "declined"],
        starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=2),
        applications_open=None,
        applications_close=None,
    )
    event.documentation = [
        ("results", {"heading": "Results", "text": "<p>Ideas.</p>"}),
    ]
    publish(event)
    page = EventPage.objects.get(pk=event.pk)
    announcements.event_published(event=page)
    announcements.event_published(event=page)
    assert _kinds() == ["documentation_published"] * 2


def test_reminders_a_week_and_a_day_before_are_sent_once(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    soon, soon_regs = event_with(
        ["accepted", "confirmed", "waitlisted"], starts_at=now + timedelta(days=5)
    )
    tomorrow, _regs = event_with(["confirmed"], starts_at=now + timedelta(hours=20))
    far, _far_regs = event_with(["confirmed"], starts_at=now + timedelta(days=20))
    NotificationPreferences.objects.create(
        user=soon_regs[1].user, event_reminders=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        created = reminders.event_reminders_send(now=now)
    assert created == 2  # soon: the accepted person; tomorrow: the confirmed one
    assert len(mail.outbox) == 2
    assert all(m.attachments[0][0] == "event.ics" for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.event_reminders_send(now=now) == 0
    assert len(mail.outbox) == 2


def test_a_reminder_to_confirm_goes_once_per_acceptance():
    event, regs = event_with(["accepted", "confirmed"])
    later = timezone.now() + timedelta(days=4)
    assert reminders.confirm_reminders_send(now=timezone.now()) == 0
    assert reminders.confirm_reminders_send(now=later) == 1
    assert reminders.confirm_reminders_send(now=later) == 0
    assert Notification.objects.get().recipient == regs[0].user


def test_the_weekly_digest_is_opt_in_matches_themes_and_goes_once_a_week(
    django_capture_on_commit_callbacks,
):
    event = make_event()
    cluster = Cluster.objects.filter(locale=Locale.get_default()).first()
    other = Cluster.objects.filter(locale=Locale.get_default()).exclude(pk=cluster.pk)
    EventPage.objects.filter(pk=event.pk).update(cluster=cluster)
    fan, picky, silent = UserFactory(), UserFactory(), UserFactory()
    preferences.notification_preferences_update(
        user=fan, weekly_digest=True, event_reminders=True, clusters=[cluster]
    )
    preferences.notification_preferences_update(
        user=picky, weekly_digest=True, event_reminders=True, clusters=[other.first()]
    )
    preferences.notification_preferences_update(
        user=silent, weekly_digest=False, event_reminders=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert digests.weekly_digests_send() == 1
        assert digests.weekly_digests_send() == 0
    (message,) = mail.outbox
    assert message.to == [fan.email]
    assert event.title in message.body


def test_an_organisers_message_reaches_the_chosen_states_once(
    django_capture_on_commit_callbacks,
):
    event, regs = event_with(["accepted", "confirmed", "waitlisted"])
    admin = UserFactory(is_superuser=True)
    values = {
        "event": event,
        "actor": admin,
        "subject": "Visa letters",
        "body": "Please send us your passport number.",
        "states": ["accepted", "confirmed"],
        "message_key": "form-1",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert announcements.event_message_participants(**values) == 2
        assert announcements.event_message_participants(**values) == 0  # re-sent form
    assert {m.to[0] for m in mail.outbox} == {r.user.email for r in regs[:2]}
    assert "Visa letters" in mail.outbox[0].subject
    with pytest.raises(outbox.NotificationError):
        announcements.event_message_participants(**{**values, "subject": ""})
    with pytest.raises(outbox.NotificationError):
        announcements.event_message_participants(**{**values, "actor": UserFactory()})


def test_organisers_see_the_outbox_and_others_do_not(
    client, django_capture_on_commit_callbacks
):
    registration = participant(make_event(), "accepted")
    notification = outbox.notify(
        recipient=registration.user,
        kind="registration_accepted",
        dedupe_key="outbox",
        subject_object=registration,
    )
    Notification.objects.filter(pk=notification.pk).update(
        state="failed", last_error="550 No such user"
    )
    url = reverse("events_outbox", args=(registration.event_id,))
    client.force_login(UserFactory())
    assert client.get(url).status_code in (302, 403)
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(url)
    assert response.status_code == 200
    assert "550 No such user" in response.content.decode()
    retry = reverse(
        "events_outbox_retry", args=(registration.event_id, notification.pk)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).status_code == 302
    notification.refresh_from_db()
    assert notification.state == "sent"


def test_the_outbox_index_counts_each_events_notices(client):
    """The notices' page is any Wagtail page now: an event's notices are still
    counted on the event (through its page)."""
    event, regs = event_with(["accepted", "accepted", "accepted"])
    quiet = make_event(title="A quiet event")
    for number, (registration, state) in enumerate(
        zip(regs, ["failed", "queued", "sent"], strict=True)
    ):
        notification = outbox.notify(
            recipient=registration.user,
            kind="registration_accepted",
            dedupe_key=f"index:{number}",
            subject_object=registration,
        )
        Notification.objects.filter(pk=notification.pk).update(state=state)
    client.force_login(UserFactory(is_superuser=True))
    response = client.get(reverse("events_outbox_index"))
    assert response.status_code == 200
    rows = {e.pk: (e.failed, e.waiting, e.sent) for e in response.context["events"]}
    assert rows[event.pk] == (1, 1, 1)
    assert rows[quiet.pk] == (0, 0, 0)
    assert list(response.context["events"])[0].pk == event.pk  # failed ones first
