"""Applications racing for the last places, against the real PostgreSQL.

Every thread has its own database connection (Django opens one per thread; each
worker closes it when done), and a barrier starts them together, so the
applications really meet at the event's row lock. PostgreSQL allows 100
connections here (shared with anything else running on the machine), so the race
uses as many threads as there are connections to spare, up to one per application:
on a quiet CI machine about 80 threads carry the 200 applications, two or three
each, back to back.
"""

import threading
from collections import Counter
from collections.abc import Callable

from django.db import connection

import pytest

from events import services
from events.models import Registration, RegistrationLog
from events.selectors import waitlist_ordered
from notifications import outbox
from notifications.models import Notification
from tests.events.fixtures import apply_for, make_event
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def spare_workers(wanted: int) -> int:
    """Threads for a race: one per job if the server has the connections, else as
    many as it can spare (keeping ten for everyone else), never fewer than ten."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - count(*)"
            " FROM pg_stat_activity"
        )
        spare = cursor.fetchone()[0]
    return max(10, min(wanted, spare - 10))


@pytest.fixture(autouse=True)
def _no_mail(monkeypatch):
    """The outbox rows are what this test checks; sending them is tested elsewhere."""
    monkeypatch.setattr(outbox, "notification_enqueue", lambda pk: None)


def race(jobs: list[Callable[[], object]], workers: int) -> tuple[list, list]:
    """Run ``jobs`` on ``workers`` threads that start together; return the results
    and the exceptions."""
    barrier = threading.Barrier(workers)
    results, errors = [], []
    lock = threading.Lock()

    def worker(mine: list[Callable[[], object]]) -> None:
        try:
            barrier.wait(timeout=30)
            for job in mine:
                try:
                    outcome = job()
                except Exception as exc:  # noqa: BLE001 - collected and asserted
                    with lock:
                        errors.append(exc)
                else:
                    with lock:
                        results.append(outcome)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=worker, args=(jobs[index::workers],))
        for index in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def test_two_hundred_applications_for_twenty_five_places():
    event = make_event(capacity=25)
    users = [UserFactory() for _ in range(200)]

    results, errors = race(
        [lambda user=user: apply_for(event, user) for user in users],
        spare_workers(len(users)),
    )

    assert errors == []
    assert len(results) == 200
    states = Counter(Registration.objects.values_list("state", flat=True))
    assert states == {"accepted": 25, "waitlisted": 175}
    assert Registration.objects.values("user").distinct().count() == 200
    firsts = RegistrationLog.objects.filter(from_state="")
    assert firsts.count() == RegistrationLog.objects.count() == 200
    assert Counter(Notification.objects.values_list("kind", flat=True)) == {
        "registration_accepted": 25,
        "registration_waitlisted": 175,
    }
    positions = sorted(
        n.context["position"]
        for n in Notification.objects.filter(kind="registration_waitlisted")
    )
    assert positions == list(range(1, 176))

    # Three accepted people withdraw at the same moment: the first three in line
    # move up, in order, and nobody else.
    line = list(waitlist_ordered(event).values_list("pk", flat=True))
    leaving = list(Registration.objects.filter(state="accepted")[:3])
    _, errors = race(
        [
            lambda r=r: services.registration_withdraw(registration=r, user=r.user)
            for r in leaving
        ],
        3,
    )
    assert errors == []
    accepted = set(
        Registration.objects.filter(state="accepted").values_list("pk", flat=True)
    )
    assert len(accepted) == 25
    assert set(line[:3]) <= accepted
    assert list(waitlist_ordered(event).values_list("pk", flat=True)) == line[3:]
    promotions = RegistrationLog.objects.filter(from_state="waitlisted")
    assert sorted(promotions.values_list("registration_id", flat=True)) == sorted(
        line[:3]
    )
    assert not promotions.exclude(actor=None).exists()


def test_the_same_person_applying_four_times_at_once_gets_one_registration():
    event = make_event(capacity=25)
    user = UserFactory()

    results, errors = race([lambda: apply_for(event, user) for _ in range(4)], 4)

    assert len(results) == 1
    assert len(errors) == 3
    assert all(isinstance(error, services.EventError) for error in errors)
    assert all("already applied" in error.message for error in errors)
    assert Registration.objects.filter(user=user).count() == 1
    assert RegistrationLog.objects.count() == 1
