"""The outbox against real services: a Celery worker subprocess on the real Redis
(its own database number, flushed), a real SMTP server (aiosmtpd on 127.0.0.1)
and the test database, which the worker reaches through DATABASE_URL. Tests are
transactional so the worker sees committed rows.

Faults: Redis unreachable while people apply, the worker killed mid-batch, the
SMTP server down, the same task delivered twice. And the mails of the apps other
than events arrive the same way: an affiliation verified (community, through
core's outbox port) and a proposal's outcome (practices).
"""

import os
import time
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from community.services import affiliation_verify
from config.celery import app
from events.models import EventIndexPage, EventPage, Registration
from events.services import registration_apply
from notifications import delivery, outbox, queue
from notifications.models import Notification, NotificationState
from notifications.tasks import notification_send_task
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from practices.services import Outcome, proposal_notify_outcome
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory
from tests.page_cache import delete_keys

from .live import SmtpSink, Worker, wait_for

# A Redis database of its own per test process (``gw0``, ``gw1``… under
# pytest-xdist), so parallel runs never hand a task to another run's worker.
_PROCESS = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get(
    "OUTBOX_TEST_REDIS_URL",
    settings.REDIS_URL.rsplit("/", 1)[0] + f"/{5 + _PROCESS}"
    if settings.REDIS_URL
    else f"redis://127.0.0.1:6379/{5 + _PROCESS}",
)
UNREACHABLE = "redis://127.0.0.1:6390/0"

# serialized_rollback: the flush after each test would also drop what migrations
# create (the locale and the root page) that the other tests need.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _use_broker(url: str) -> None:
    """Point this process's Celery app (the web side) at ``url``."""
    app.conf.update(broker_url=url, task_always_eager=False)
    app._pool = None
    app.amqp._producer_pool = None
    queue._broker_down_until = 0.0


@pytest.fixture(scope="module")
def sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture(scope="module")
def worker(django_db_setup, sink):
    delete_keys(REDIS_URL)
    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER'] or 'postgres'}@"
        f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/"
        f"{settings_dict['NAME']}"
    )
    worker = Worker(
        database_url=database_url,
        redis_url=REDIS_URL,
        smtp_port=sink.port,
        extra_env={"NOTIFICATION_RETRY_BACKOFF": "1"},
    ).start()
    old = app.conf.broker_url, app.conf.task_always_eager
    _use_broker(REDIS_URL)
    yield worker
    worker.stop()
    app.conf.update(broker_url=old[0], task_always_eager=old[1])
    _use_broker(old[0])
    app.conf.task_always_eager = old[1]
    delete_keys(REDIS_URL)


@pytest.fixture
def live(worker, sink):
    """A clean sink and the web side on the test Redis for each test."""
    sink.clear()
    _use_broker(REDIS_URL)
    if worker.process.poll() is not None:
        worker.start()
    delivery.close_mail_connection()
    return worker, sink


def _event(**fields) -> EventPage:
    """A first-come event under a bare index: no demo site, so each test stays
    fast (mails then link to the site root)."""
    # After a flush of a reused test database the migrations' rows are gone.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    index = EventIndexPage.objects.first() or root.add_child(
        instance=EventIndexPage(title="Events", slug="events-live")
    )
    now = timezone.now()
    values = {
        "title": "Dialogue event on land management",
        "slug": f"event-{EventPage.objects.count() + 1}",
        "teaser": "Practitioners compare how their cities plan land.",
        "starts_at": now + timedelta(days=42),
        "ends_at": now + timedelta(days=43),
        "capacity": 100,
        "applications_open": now - timedelta(days=1),
        "applications_close": now + timedelta(days=30),
        "eligibility": "signed_in",
        "selection_mode": "first_come",
        **fields,
    }
    event = index.add_child(instance=EventPage(**values))
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def _apply(event, user):
    return registration_apply(
        event=event,
        user=user,
        role="Head of planning",
        motivation="We plan a new district.",
        consent_data=True,
    )


def _states() -> dict:
    return dict(
        Notification.objects.values_list("state").annotate().values_list("pk", "state")
    )


def test_an_application_produces_one_mail_in_the_applicants_language(live):
    worker, sink = live
    event = _event()
    user = UserFactory(preferred_language="de")
    _apply(event, user)
    wait_for(lambda: sink.count() >= 1)
    time.sleep(0.5)  # anything extra would arrive now
    (message,) = sink.messages
    assert message["to"] == [user.email]
    assert message["subject"].startswith("[Connective Cities] ")
    assert event.title in message["subject"]
    assert 'lang="de"' in message["html"]
    notification = Notification.objects.get()
    assert notification.state == NotificationState.SENT
    assert notification.language == "de"
    assert notification.kind == "registration_accepted"
    assert message["notification_id"] == str(notification.pk)


def test_applications_while_redis_is_down_are_mailed_after_the_sweep(live):
    worker, sink = live
    event = _event()
    users = [UserFactory() for _ in range(20)]
    _use_broker(UNREACHABLE)
    started = time.monotonic()
    for user in users:
        _apply(event, user)
    elapsed = time.monotonic() - started
    assert Registration.objects.filter(event=event).count() == 20
    assert Notification.objects.filter(state=NotificationState.QUEUED).count() == 20
    assert elapsed < 20  # no request waited for the broker
    time.sleep(0.5)
    assert sink.count() == 0

    _use_broker(REDIS_URL)
    grace = settings.NOTIFICATION_SWEEP_GRACE
    result = queue.notifications_sweep(
        now=timezone.now() + timedelta(seconds=grace + 1)
    )
    assert result.enqueued == 20
    wait_for(lambda: sink.count() >= 20, timeout=60)
    time.sleep(0.5)
    assert sink.count() == 20
    assert sink.duplicates() == 0
    assert {m["to"][0] for m in sink.messages} == {u.email for u in users}


def test_a_killed_worker_loses_no_mail_and_sends_none_twice(live):
    worker, sink = live
    event = _event()
    total = 24
    registrations = [
        Registration.objects.create(
            event=event, user=UserFactory(), role="Planner", motivation="Learn"
        )
        for _ in range(total)
    ]
    outbox.notify_many(
        [
            outbox.notification_build(
                recipient=registration.user,
                kind="event_changed",
                dedupe_key=f"kill-test:{registration.pk}",
                subject_object=registration,
                context={
                    "changes": [{"field": "venue", "old": "Old hall", "new": "Hall"}]
                },
            )
            for registration in registrations
        ]
    )
    # Let a few through, then keep the next ones waiting for the server's answer
    # and kill the worker while both pool processes wait.
    wait_for(lambda: sink.count() >= 4, timeout=60, interval=0.01)
    sink.handler.hold = True
    wait_for(lambda: sink.handler.waiting >= 2, timeout=30, interval=0.01)
    worker.kill()
    # ``kill`` waits for the main process only: let the server notice that the
    # pool processes hung up too (it drops their held messages) before going on.
    wait_for(lambda: sink.handler.waiting == 0, timeout=30, interval=0.01)
    sink.handler.hold = False
    delivered = sink.count()
    assert 0 < delivered < total

    # The sweep runs as if the lease had run out, before the worker is back: run
    # after the restart, its jump in time would also expire the leases the new
    # worker has just taken on the rows of its first batches (in real time those
    # leases last far longer than a batch).
    lease = settings.NOTIFICATION_SENDING_LEASE + settings.NOTIFICATION_SWEEP_GRACE
    result = queue.notifications_sweep(
        now=timezone.now() + timedelta(seconds=lease + 1)
    )
    assert result.leases_expired >= 2  # the two mails the worker died sending
    worker.start()
    wait_for(lambda: sink.count() >= total, timeout=60)
    time.sleep(0.5)
    assert sink.count() == total
    assert sink.duplicates() == 0
    assert set(_states().values()) == {NotificationState.SENT}


def test_mail_waits_while_the_smtp_server_is_down_and_goes_out_after(live):
    worker, sink = live
    event = _event()
    sink.stop()
    try:
        _apply(event, UserFactory())
        notification = Notification.objects.get()
        wait_for(
            lambda: Notification.objects.filter(
                pk=notification.pk, attempts__gte=1, state=NotificationState.QUEUED
            ).exists(),
            timeout=30,
        )
        notification.refresh_from_db()
        assert "refused" in notification.last_error.lower()
    finally:
        sink.start()
    wait_for(lambda: sink.count() >= 1, timeout=30)
    # The sink counts a mail before it answers 250; the worker marks the row
    # after that answer, and anything extra would arrive meanwhile.
    time.sleep(0.5)
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert notification.attempts >= 2
    assert sink.count() == 1


def test_the_same_task_delivered_twice_sends_one_mail(live):
    worker, sink = live
    event = _event()
    registration = Registration.objects.create(
        event=event, user=UserFactory(), role="Planner", motivation="Learn"
    )
    notification = Notification.objects.create(
        recipient=registration.user,
        kind="registration_accepted",
        dedupe_key="twice",
        subject_type_id=None,
        page=event,
    )
    notification.set_subject_object(registration)
    notification.save()
    for _ in range(3):
        notification_send_task.apply_async((notification.pk,))
    wait_for(lambda: sink.count() >= 1)
    time.sleep(1)
    assert sink.count() == 1
    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT
    assert notification.attempts == 1


def test_an_affiliation_verified_mail_arrives(live):
    worker, sink = live
    claim = AffiliationFactory(
        user=UserFactory(preferred_language="de"),
        organisation=OrganisationFactory(name="Greater Amman Municipality"),
    )
    affiliation_verify(affiliation=claim, actor=UserFactory(is_superuser=True))
    wait_for(lambda: sink.count() >= 1)
    time.sleep(0.5)  # anything extra would arrive now
    (message,) = sink.messages
    assert message["to"] == [claim.user.email]
    assert message["subject"] == (
        "[Connective Cities] Ihre Zugehörigkeit zu Greater Amman Municipality ist "
        "bestätigt"
    )
    assert 'lang="de"' in message["html"]
    notification = Notification.objects.get()
    assert notification.kind == "affiliation_verified"
    assert notification.state == NotificationState.SENT
    assert message["notification_id"] == str(notification.pk)


def _practice(**fields) -> GoodPracticePage:
    """A live good practice under a bare index (no demo site, as ``_event``)."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    index = GoodPracticeIndexPage.objects.first() or root.add_child(
        instance=GoodPracticeIndexPage(title="Good practices", slug="practices-live")
    )
    page = index.add_child(
        instance=GoodPracticePage(
            title="Solar roofs on municipal schools",
            slug=f"practice-{GoodPracticePage.objects.count() + 1}",
            teaser="Schools produce their own electricity.",
            **fields,
        )
    )
    page.save_revision().publish()
    return GoodPracticePage.objects.get(pk=page.pk)


def test_a_proposal_outcome_mail_arrives(live):
    worker, sink = live
    proposer = UserFactory(first_name="Leila", last_name="Haddad")
    page = _practice(proposed_by=proposer)
    # Publishing told the proposer already (the ``page_published`` receiver);
    # telling again is the same notice.
    assert proposal_notify_outcome(page=page, outcome=Outcome.PUBLISHED)
    wait_for(lambda: sink.count() >= 1)
    time.sleep(0.5)  # anything extra would arrive now
    (message,) = sink.messages
    assert message["to"] == [proposer.email]
    assert message["subject"] == (
        "[Connective Cities] Your good practice is published: "
        "Solar roofs on municipal schools"
    )
    notification = Notification.objects.get()
    assert notification.kind == "proposal_outcome"
    assert notification.page_id == page.pk
    assert notification.state == NotificationState.SENT
