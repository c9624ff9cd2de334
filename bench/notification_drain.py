"""Benchmark of the notification outbox: an "event changed" notice to 5,000
registrants, drained by one Celery worker with two processes.

Run on demand (``make bench`` or ``.venv/bin/python bench/notification_drain.py``),
not as a test. It uses its own PostgreSQL database (``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432/cc_bench_notifications), creates and migrates
it, the real Redis (``--redis``, default redis://127.0.0.1:6379/7, flushed) and an
aiosmtpd sink on 127.0.0.1 that counts every message it accepts, then:

1. creates an event with ``--registrants`` accepted registrants (default 5,000);
2. starts ``celery -A config worker --concurrency 2`` (production settings, mail
   over SMTP to the sink) and waits until it is ready;
3. calls ``events.announcements.event_changes_notify`` for a moved start date,
   which writes one outbox row per registrant in one transaction and publishes the
   send tasks after the commit (the "fan-out" time);
4. waits until every row is ``sent`` and the sink holds that many messages (the
   "drain" time, from the call to the last mail), and counts duplicates at the sink
   by the ``X-Notification-Id`` header.

Prints the times, mails per second, duplicates and the machine's load average.
Target on this machine: drained in under 60 s, no duplicates.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cc_bench_notifications"
os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)


def log(message: str) -> None:
    print(f"  {message}", flush=True)


def create_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )
            log(f"created database {name}")


def make_event(registrants: int):
    from django.utils import timezone

    from wagtail.models import Page

    from community.models import User
    from events.models import (
        EventIndexPage,
        EventPage,
        Registration,
        RegistrationState,
    )
    from notifications.models import Notification

    Notification.objects.filter(kind="event_changed").delete()
    root = Page.get_first_root_node()
    index = EventIndexPage.objects.first() or root.add_child(
        instance=EventIndexPage(title="Events", slug="bench-events")
    )
    now = timezone.now()
    event = index.add_child(
        instance=EventPage(
            title="Benchmark dialogue event",
            slug=f"bench-{int(time.time())}",
            teaser="Five thousand people hear that the date moved.",
            starts_at=now + timedelta(days=30),
            ends_at=now + timedelta(days=31),
            venue="City Hall",
        )
    )
    event.save_revision().publish()
    stamp = int(time.time())
    users = User.objects.bulk_create(
        [
            User(
                username=f"bench-{stamp}-{n}",
                email=f"bench-{stamp}-{n}@example.org",
                first_name="Bench",
                last_name=str(n),
                preferred_language="de" if n % 3 == 0 else "en",
            )
            for n in range(registrants)
        ],
        batch_size=1000,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=user,
                role="Planner",
                motivation="Benchmark",
                state=RegistrationState.ACCEPTED,
            )
            for user in users
        ],
        batch_size=1000,
    )
    return EventPage.objects.get(pk=event.pk)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrants", type=int, default=5000)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    os.environ["REDIS_URL"] = args.redis
    os.environ["REDIS_CACHE_URL"] = args.redis
    import django

    create_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    import redis

    from events import announcements
    from notifications.models import Notification, NotificationState
    from tests.notifications.live import SmtpSink, Worker, wait_for

    redis.Redis.from_url(args.redis).flushdb()
    sink = SmtpSink().start()
    log(f"SMTP sink on 127.0.0.1:{sink.port}")
    started = time.monotonic()
    event = make_event(args.registrants)
    log(f"{args.registrants} registrants in {time.monotonic() - started:.1f} s")
    worker = Worker(
        database_url=os.environ["DATABASE_URL"],
        redis_url=args.redis,
        smtp_port=sink.port,
        concurrency=2,
        log_path=BASE_DIR / "var" / "bench-notification-worker.log",
    ).start(timeout=120)
    log("worker ready (1 worker, 2 processes)")
    try:
        changes = [
            {
                "field": "starts_at",
                "old": event.starts_at.isoformat(),
                "new": (event.starts_at + timedelta(days=2)).isoformat(),
            }
        ]
        started = time.monotonic()
        created = announcements.event_changes_notify(event=event, changes=changes)
        fanned_out = time.monotonic() - started
        rows = Notification.objects.filter(page=event, kind="event_changed")

        def drained() -> bool:
            return (
                sink.count() >= created
                and not rows.exclude(state=NotificationState.SENT).exists()
            )

        wait_for(drained, timeout=args.timeout, interval=0.25)
        elapsed = time.monotonic() - started
        time.sleep(1)  # a late duplicate would arrive now
    finally:
        worker.stop()
        sink.stop()
    load = os.getloadavg()
    print(f"notices written and published: {created} in {fanned_out:.1f} s")
    print(f"drained (call to last mail):   {elapsed:.1f} s")
    print(f"throughput:                    {created / elapsed:.0f} mails/s")
    print(f"messages at the sink:          {sink.count()}")
    print(f"duplicates at the sink:        {sink.duplicates()}")
    print(f"load average (1/5/15 min):     {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    ok = sink.count() == created and sink.duplicates() == 0 and elapsed < 60
    print("target (< 60 s, no duplicates):", "met" if ok else "NOT met")
    return 0 if sink.duplicates() == 0 and sink.count() == created else 1


if __name__ == "__main__":
    sys.exit(main())
