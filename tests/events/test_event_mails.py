"""The events app's mails: every kind about a registration renders in both
languages, an invitation reads right in each, and organisers send a failed notice
again. (How the outbox sends them: ``tests/notifications/test_outbox.py``.)"""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from events import announcements
from events.models import EventInvitation
from notifications import delivery, outbox, rendering
from notifications.models import Notification, NotificationState
from tests.events.fixtures import make_event
from tests.events.helpers import KINDS, participant
from tests.factories import UserFactory
from tests.knowledge_fixtures import locale, publish

pytestmark = pytest.mark.django_db

BACKENDS = "tests.notifications.backends"


@pytest.fixture(autouse=True)
def _fresh_mail_connection():
    """The outbox keeps one SMTP connection per process; each test gets its own."""
    delivery.close_mail_connection()
    yield
    delivery.close_mail_connection()


def _notify(registration, key="k1", kind="registration_accepted", **extra):
    return outbox.notify(
        recipient=registration.user,
        kind=kind,
        dedupe_key=key,
        subject_object=registration,
        **extra,
    )


def test_every_kind_renders_in_both_languages():
    """Subject, text and HTML of every kind the services and this app write, with
    the preferences link; what people wrote is escaped in the HTML."""
    event = make_event(attendance_mode="hybrid", online_link="https://meet.example/x")
    for language in ("en", "de"):
        registration = participant(event, "confirmed", preferred_language=language)
        for kind, context in KINDS.items():
            notification = _notify(
                registration, key=f"{kind}-{language}", kind=kind, context=context
            )
            rendered = rendering.render_notification(notification)
            assert rendered.subject and "\n" not in rendered.subject
            assert event.title in rendered.subject + rendered.text
            assert "/notifications/preferences/" in rendered.text
            assert "/notifications/preferences/" in rendered.html
            assert f'lang="{language}"' in rendered.html
            assert "<your>" not in rendered.html
            for key in ("reason", "message_subject", "sender"):
                if key in context:
                    assert context[key] in rendered.subject + rendered.text
    changed = rendering.render_notification(
        Notification.objects.get(dedupe_key="event_changed-en")
    )
    assert "New hall (was: Old hall)" in changed.text
    reminder = rendering.render_notification(
        Notification.objects.get(dedupe_key="event_reminder-en")
    )
    name, ics, mimetype = reminder.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    assert "BEGIN:VEVENT" in ics and "meet.example" in ics  # confirmed: with link


def test_an_organiser_retries_a_failed_notice(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.PermanentFailureBackend"
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    delivery.notification_send(notification_id=notification.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    delivery.close_mail_connection()
    organiser = registration.event.organisers.model.objects.create(
        username="org", email="org@example.org"
    )
    with pytest.raises(outbox.NotificationError):
        announcements.notification_retry(notification=notification, actor=organiser)
    event = registration.event
    event.organisers.add(organiser)
    event.save()
    announcements.notification_retry(notification=notification, actor=organiser)
    delivery.notification_send(notification_id=notification.pk)
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert len(mail.outbox) == 1
    with pytest.raises(outbox.NotificationError):
        announcements.notification_retry(notification=notification, actor=organiser)


# --- Invitations ---------------------------------------------------------------------


def test_invitation_mail_in_english_and_german(django_capture_on_commit_callbacks):
    """Who invites, what and when, the deadline and the event page in the
    person's language; sent once."""
    closes = timezone.now() + timedelta(days=20)
    event = make_event(eligibility="invited", applications_close=closes)
    german = event.copy_for_translation(locale("de"))
    german.title = "Dialogveranstaltung zur Bodenpolitik"
    german = publish(german)
    expected = {
        "en": (
            "You are invited to apply: Dialogue event on land management",
            ["The organisers of “Dialogue event on land management”", "apply by"],
            event.get_full_url(),
        ),
        "de": (
            "Einladung zur Bewerbung: Dialogveranstaltung zur Bodenpolitik",
            [
                "Das Organisationsteam von „Dialogveranstaltung zur Bodenpolitik“",
                "bewerben Sie sich bis",
            ],
            german.get_full_url(),
        ),
    }
    for language, (subject, bits, url) in expected.items():
        person = UserFactory(preferred_language=language)
        invitation = EventInvitation.objects.create(event=event, email=person.email)
        with django_capture_on_commit_callbacks(execute=True):
            announcements.event_invitations_notify(
                event=event, invitations=[invitation]
            )
        notification = Notification.objects.get(recipient=person)
        assert notification.kind == "event_invitation"
        rendered = rendering.render_notification(notification)
        assert rendered.subject == subject
        for bit in bits:
            assert bit in rendered.text
        assert str(closes.astimezone(event.tz).year) in rendered.text
        assert "(Asia/Amman)" in rendered.text
        assert url in rendered.text and f'href="{url}"' in rendered.html
        assert f'lang="{language}"' in rendered.html
        assert "/notifications/preferences/" in rendered.text
        [message] = [m for m in mail.outbox if m.to == [person.email]]
        assert message.subject.endswith(subject)
        notification.refresh_from_db()
        assert notification.state == NotificationState.SENT
