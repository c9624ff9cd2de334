"""The outbox in-process: writing, sending once, retries, failures and the sweep.

Tasks run eagerly and mail goes to Django's locmem outbox; the real worker, Redis
and SMTP server are in ``test_worker.py``. The notices are the events app's (the
kinds every other test knows); what each kind says is tested with its app
(``tests/events/test_event_mails.py``).
"""

import time
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from events import announcements
from notifications import delivery, outbox, queue, rendering
from notifications.models import Notification, NotificationState
from notifications.tasks import notification_send_task
from tests.events.fixtures import make_event
from tests.events.helpers import KINDS, participant
from tests.knowledge_fixtures import locale, publish

pytestmark = pytest.mark.django_db

BACKENDS = "tests.notifications.backends"


@pytest.fixture(autouse=True)
def _fresh_mail_connection():
    """The outbox keeps one SMTP connection per process; each test gets its own."""
    delivery.close_mail_connection()
    queue._broker_down_until = 0.0
    yield
    delivery.close_mail_connection()
    queue._broker_down_until = 0.0


def _notify(registration, key="k1", kind="registration_accepted", **extra):
    return outbox.notify(
        recipient=registration.user,
        kind=kind,
        dedupe_key=key,
        subject_object=registration,
        **extra,
    )


def test_notify_sends_one_mail_after_commit(django_capture_on_commit_callbacks):
    registration = participant(make_event(), "accepted")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = _notify(registration)
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert notification.attempts == 1
    assert notification.page_id == registration.event_id
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [registration.user.email]
    assert message.subject == (
        "[Connective Cities] You have a place: Dialogue event on land management"
    )
    assert notification.subject == message.subject.removeprefix("[Connective Cities] ")
    html = message.alternatives[0][0]
    assert 'lang="en"' in html
    assert "/en/notifications/preferences/" in message.body
    assert "/en/notifications/preferences/" in html
    assert message.extra_headers["Message-ID"].startswith(
        f"<notification.{notification.pk}."
    )


def test_the_same_dedupe_key_is_written_and_sent_once(
    django_capture_on_commit_callbacks,
):
    registration = participant(make_event(), "accepted")
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(registration)
        second = _notify(registration)
    assert first is not None and second is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_mail_is_written_in_the_recipients_language(
    django_capture_on_commit_callbacks,
):
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    german.title = "Dialogveranstaltung zum Flächenmanagement"
    german.slug = "dialog-flaeche"
    publish(german)
    registration = participant(event, "accepted", preferred_language="de")
    with django_capture_on_commit_callbacks(execute=True):
        notification = _notify(registration)
    notification.refresh_from_db()
    assert notification.language == "de"
    message = mail.outbox[0]
    assert "Dialogveranstaltung zum Flächenmanagement" in message.subject
    assert 'lang="de"' in message.alternatives[0][0]
    assert "/de/notifications/preferences/" in message.body
    assert "/de/veranstaltungen/dialog-flaeche/" in message.body


def test_a_task_delivered_twice_sends_one_mail(django_capture_on_commit_callbacks):
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)  # not committed yet: nothing enqueued
    assert notification_send_task.apply(args=(notification.pk,)).get() == "sent"
    assert notification_send_task.apply(args=(notification.pk,)).get() == "skipped"
    assert len(mail.outbox) == 1


def test_a_row_being_sent_by_another_worker_is_left_alone():
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    Notification.objects.filter(pk=notification.pk).update(
        state=NotificationState.SENDING,
        leased_until=timezone.now() + timedelta(minutes=5),
    )
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "skipped"
    assert mail.outbox == []


def test_a_transient_smtp_error_queues_the_row_with_backoff(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.TransientFailureBackend"
    settings.NOTIFICATION_RETRY_BACKOFF = 30
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "retry" and outcome.retry_in == 30
    notification.refresh_from_db()
    assert notification.state == NotificationState.QUEUED
    assert notification.attempts == 1
    assert "421" in notification.last_error
    assert notification.next_attempt_at > timezone.now() + timedelta(seconds=25)
    # Not due yet: an early duplicate of the task does nothing.
    again = delivery.notification_send(notification_id=notification.pk)
    assert again.result == "skipped"
    # The second attempt waits twice as long.
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now()
    )
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.retry_in == 60


def test_a_server_that_is_down_counts_as_transient(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.DownBackend"
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "retry"


def test_retries_are_bounded_then_the_row_fails(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.TransientFailureBackend"
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    delivery.notification_send(notification_id=notification.pk)
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now()
    )
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "failed"
    notification.refresh_from_db()
    assert notification.state == NotificationState.FAILED
    assert notification.attempts == 2


def test_a_permanent_smtp_error_fails_the_row_with_the_reason(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.PermanentFailureBackend"
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "failed"
    notification.refresh_from_db()
    assert notification.state == NotificationState.FAILED
    assert "550" in notification.last_error


def test_an_inactive_recipient_fails_without_a_mail():
    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    registration.user.is_active = False
    registration.user.save()
    outcome = delivery.notification_send(notification_id=notification.pk)
    assert outcome.result == "failed"
    assert mail.outbox == []


def test_the_sweep_requeues_expired_leases_and_forgotten_rows():
    registration = participant(make_event(), "accepted")
    stuck = _notify(registration, key="stuck")
    forgotten = _notify(registration, key="forgotten")
    fresh = _notify(registration, key="fresh")
    now = timezone.now()
    Notification.objects.filter(pk=stuck.pk).update(
        state=NotificationState.SENDING, leased_until=now - timedelta(seconds=1)
    )
    Notification.objects.filter(pk=forgotten.pk).update(
        next_attempt_at=now - timedelta(minutes=10)
    )
    result = queue.notifications_sweep(now=now)
    assert result.leases_expired == 1
    assert result.enqueued == 2  # the stuck row and the forgotten one
    states = dict(Notification.objects.values_list("pk", "state"))
    assert states[stuck.pk] == states[forgotten.pk] == NotificationState.SENT
    assert states[fresh.pk] == NotificationState.QUEUED  # its own task is on the way
    assert len(mail.outbox) == 2
    # A second run finds nothing to do.
    assert queue.notifications_sweep(now=now).enqueued == 0


def test_enqueue_fails_fast_when_the_broker_is_unreachable(settings):
    from config.celery import app

    registration = participant(make_event(), "accepted")
    notification = _notify(registration)
    old = app.conf.broker_url, app.conf.task_always_eager
    app.conf.update(broker_url="redis://127.0.0.1:6390/0", task_always_eager=False)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        started = time.monotonic()
        assert queue.notifications_enqueue([notification.pk]) == 0
        first = time.monotonic() - started
        started = time.monotonic()
        assert queue.notifications_enqueue([notification.pk]) == 0
        second = time.monotonic() - started
    finally:
        app.conf.update(broker_url=old[0], task_always_eager=old[1])
        app._pool = None
        app.amqp._producer_pool = None
    assert first < 3
    assert second < 0.05  # paused: later requests do not wait for the broker
    notification.refresh_from_db()
    assert notification.state == NotificationState.QUEUED


# --- Batches (the fan-outs' path) ----------------------------------------------------


def _batch(event, count: int, key: str = "batch") -> list[int]:
    """``count`` queued event_changed notices, written without publishing."""
    rows = []
    for n in range(count):
        registration = participant(event, "accepted")
        notification = outbox.notification_build(
            recipient=registration.user,
            kind="event_changed",
            dedupe_key=f"{key}:{n}",
            subject_object=registration,
            context={"changes": [{"field": "venue", "old": "Old", "new": "New"}]},
        )
        notification.save()
        rows.append(notification.pk)
    return rows


def test_a_fan_out_is_published_in_batches_and_mailed_once_each(
    django_capture_on_commit_callbacks, monkeypatch
):
    event = make_event()
    registrations = [participant(event, "accepted") for _ in range(12)]
    published = []
    real_publish = queue._publish
    monkeypatch.setattr(
        queue,
        "_publish",
        lambda chunk, **options: (
            published.append(chunk) or real_publish(chunk, **options)
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        created = announcements.event_changes_notify(
            event=event, changes=[{"field": "venue", "old": "Old", "new": "New"}]
        )
    assert created == 12
    assert [len(chunk) for chunk in published] == [2] * 6  # spread over the workers
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        r.user.email for r in registrations
    )
    rows = Notification.objects.filter(kind="event_changed")
    assert set(rows.values_list("state", "attempts")) == {(NotificationState.SENT, 1)}
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 12


def test_batches_are_at_most_the_batch_size(settings):
    settings.NOTIFICATION_BATCH_SIZE = 50
    chunks = queue._chunks(list(range(5000)))
    assert len(chunks) == 100 and {len(chunk) for chunk in chunks} == {50}
    assert sum(queue._chunks(list(range(101))), []) == list(range(101))
    assert queue._chunks([7]) == [[7]]


def test_a_batch_delivered_twice_sends_nothing_twice(django_assert_max_num_queries):
    ids = _batch(make_event(), 5)
    # Claim, load, subjects, locale, event in each language, one mark per mail.
    with django_assert_max_num_queries(5 + 8):
        first = delivery.notifications_send_batch(notification_ids=ids)
    second = delivery.notifications_send_batch(notification_ids=ids)
    assert (first.sent, first.skipped) == (5, 0)
    assert (second.sent, second.skipped) == (0, 5)
    assert len(mail.outbox) == 5
    assert len({m.to[0] for m in mail.outbox}) == 5


def test_a_batch_leaves_rows_another_worker_is_sending_alone():
    ids = _batch(make_event(), 3)
    Notification.objects.filter(pk=ids[1]).update(
        state=NotificationState.SENDING,
        leased_until=timezone.now() + timedelta(minutes=5),
    )
    outcome = delivery.notifications_send_batch(notification_ids=ids)
    assert (outcome.sent, outcome.skipped) == (2, 1)
    assert Notification.objects.get(pk=ids[1]).state == NotificationState.SENDING
    assert len(mail.outbox) == 2


def test_one_failing_mail_in_a_batch_is_retried_alone(settings, monkeypatch):
    settings.EMAIL_BACKEND = f"{BACKENDS}.OneRecipientBusyBackend"
    settings.NOTIFICATION_RETRY_BACKOFF = 30
    ids = _batch(make_event(), 4)
    busy = Notification.objects.select_related("recipient").get(pk=ids[1])
    from tests.notifications.backends import OneRecipientBusyBackend

    monkeypatch.setattr(OneRecipientBusyBackend, "busy", {busy.recipient.email})
    outcome = delivery.notifications_send_batch(notification_ids=ids)
    assert (outcome.sent, outcome.retry, outcome.failed) == (3, 1, 0)
    assert outcome.retries == {30: [busy.pk]}
    busy.refresh_from_db()
    assert busy.state == NotificationState.QUEUED and busy.attempts == 1
    assert "450" in busy.last_error
    assert len(mail.outbox) == 3

    # The retry (published as a batch of one) sends that one mail and no other.
    monkeypatch.setattr(OneRecipientBusyBackend, "busy", set())
    Notification.objects.filter(pk=busy.pk).update(next_attempt_at=timezone.now())
    again = delivery.notifications_send_batch(notification_ids=ids)
    assert (again.sent, again.skipped) == (1, 3)
    assert len(mail.outbox) == 4
    assert mail.outbox[-1].to == [busy.recipient.email]
    busy.refresh_from_db()
    assert busy.state == NotificationState.SENT and busy.attempts == 2


def test_a_server_that_goes_away_holds_the_rest_of_the_batch(settings):
    settings.EMAIL_BACKEND = f"{BACKENDS}.DownBackend"
    settings.NOTIFICATION_RETRY_BACKOFF = 30
    ids = _batch(make_event(), 4)
    outcome = delivery.notifications_send_batch(notification_ids=ids)
    assert outcome.retry == 4 and outcome.sent == 0
    assert sorted(outcome.retries[30]) == sorted(ids)
    rows = Notification.objects.filter(pk__in=ids).order_by("pk")
    assert {row.state for row in rows} == {NotificationState.QUEUED}
    # Only the mail that was tried counts an attempt; all wait for the backoff.
    assert [row.attempts for row in rows] == [1, 0, 0, 0]
    assert all(row.next_attempt_at > timezone.now() for row in rows)


def test_a_batch_past_half_its_lease_gives_the_rest_back(settings):
    settings.NOTIFICATION_SENDING_LEASE = 0  # every row is past the deadline
    ids = _batch(make_event(), 3)
    outcome = delivery.notifications_send_batch(notification_ids=ids)
    assert outcome.sent == 0 and outcome.retries == {0: ids}
    rows = Notification.objects.filter(pk__in=ids)
    assert set(rows.values_list("state", "attempts")) == {(NotificationState.QUEUED, 0)}
    assert mail.outbox == []


def test_a_batch_renders_shared_mails_exactly_as_one_by_one(monkeypatch):
    """Fan-out kinds are rendered once per language and link visibility, with the
    name filled in: the result is what rendering each mail alone gives."""
    # The attached .ics carries DTSTAMP (now): hold the clock so that both renderings
    # fall in the same second.
    frozen = timezone.now()
    monkeypatch.setattr("events.ical.timezone.now", lambda: frozen)
    event = make_event(attendance_mode="hybrid", online_link="https://meet.example/x")
    renderer = rendering.SharedRenderer()
    for language in ("en", "de"):
        for state in ("accepted", "confirmed"):
            for first_name in ('Ana <&> "O\'Neil"', ""):
                registration = participant(
                    event, state, preferred_language=language, first_name=first_name
                )
                for kind in rendering.fan_out_kinds():
                    notification = _notify(
                        registration,
                        key=f"{kind}-{registration.pk}",
                        kind=kind,
                        context=KINDS[kind],
                    )
                    (row,) = Notification.objects.select_related("recipient").filter(
                        pk=notification.pk
                    )
                    subject = rendering.subject_objects([row])[row.pk]
                    shared = renderer(row, subject_object=subject)
                    alone = rendering.render_notification(row)
                    assert shared == alone
                    assert rendering._NAME_MARK not in shared.html + shared.text
    # Rendered once per kind, language and link visibility, not once per person.
    assert len(renderer._rendered) == len(rendering.fan_out_kinds()) * 2 * 2
