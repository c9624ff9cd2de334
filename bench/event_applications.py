"""Benchmark of event applications: 1,000 people apply through the real HTTP form.

Run on demand (``make bench`` or ``.venv/bin/python bench/event_applications.py``),
not as a test. It uses its own PostgreSQL database (``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432/cc_bench_events), creates and migrates it, seeds
the demo site, then:

1. creates a fresh first-come event with ``--places`` places (default 200) and
   ``--users`` signed-in people (default 1,000) whose sessions are written straight
   into the session table (what ``Client.force_login`` does);
2. starts gunicorn on a free port with ``--workers`` workers (default 3), the
   production server of the deployment, with the base settings (no Redis: tasks run
   in the request, mail goes to ``locmem``, so the numbers include writing and
   "sending" the notification);
3. from a pool of ``--threads`` threads (default 8), each person GETs the form (for
   the CSRF token, not timed) and POSTs an application (timed);
4. checks that the database has exactly one registration per person and that no
   more people hold a place than the event has, and prints median and p95 latency
   of the POSTs, throughput and the machine's load average.

The capacity check is the point: the places are counted under a row lock on the
event (``events.services.registration_apply``), so concurrent workers must never
overbook, whatever the interleaving.
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cc_bench_events"
os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("EMAIL_URL", "locmem://")
# Tasks in the request and the cache in each process's memory, as without Redis.
os.environ.pop("REDIS_URL", None)

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


def setup_django() -> None:
    import django

    create_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed(places: int, users: int):
    """The demo site, a fresh event and ``users`` people with sessions."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    from demo import core as core_demo
    from events.models import EventIndexPage, EventPage

    with transaction.atomic():
        core_demo.seed(log)
    locale = core_demo.locales()["en"]
    index = EventIndexPage.objects.filter(locale=locale).first()
    if index is None:
        home = Page.objects.get(depth=2, locale=locale)
        index = EventIndexPage(title="Events", slug="events")
        home.add_child(instance=index)
        index.save_revision().publish()
    now = timezone.now()
    run = int(time.time())
    event = EventPage(
        title=f"Benchmark dialogue event {run}",
        slug=f"bench-{run}",
        teaser="Many people apply at once.",
        starts_at=now + timedelta(days=40),
        ends_at=now + timedelta(days=42),
        time_zone="Africa/Tunis",
        capacity=places,
        applications_open=now - timedelta(days=1),
        applications_close=now + timedelta(days=30),
        eligibility="signed_in",
        selection_mode="first_come",
    )
    Page.objects.get(pk=index.pk).add_child(instance=event)
    event.save_revision().publish()

    User = get_user_model()
    people = User.objects.bulk_create(
        [
            User(
                username=f"bench-{run}-{number}",
                email=f"bench-{run}-{number}@example.org",
                first_name="Bench",
                last_name=str(number),
                password="!",  # unusable: they only have sessions
            )
            for number in range(users)
        ]
    )
    backend = settings.AUTHENTICATION_BACKENDS[0]
    cookies = []
    for person in people:
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    return event, cookies


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    gunicorn = BASE_DIR / ".venv" / "bin" / "gunicorn"
    process = subprocess.Popen(
        [
            str(gunicorn if gunicorn.exists() else "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env={**os.environ},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def apply_once(port: int, path: str, session_key: str) -> tuple[float, int]:
    """GET the form (CSRF token), POST the application; the POST's seconds."""
    from django.conf import settings

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    html = response.read().decode()
    csrf_cookie = ""
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and value.startswith("csrftoken="):
            csrf_cookie = value.split(";", 1)[0]
    match = CSRF_FIELD.search(html)
    if response.status != 200 or match is None or not csrf_cookie:
        return 0.0, response.status
    body = urlencode(
        {
            "csrfmiddlewaretoken": match.group(1),
            "organisation_name": "City of Sfax",
            "role": "Urban planner",
            "motivation": "We want to learn how other cities plan their land.",
            "brings": "challenge",
            "brings_title": "Informal settlements",
            "brings_description": "Fast growth at the edge of the city.",
            "consent_data": "on",
        }
    )
    started = time.perf_counter()
    connection.request(
        "POST",
        path,
        body=body,
        headers={
            "Cookie": f"{cookie}; {csrf_cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, response.status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--places", type=int, default=200)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    print("Event applications benchmark", flush=True)
    setup_django()
    event, sessions = seed(args.places, args.users)
    log(f"event {event.pk} with {args.places} places, {len(sessions)} people")

    port = free_port()
    server = start_gunicorn(port, args.workers)
    path = f"/en/events/{event.pk}/apply/"
    try:
        # Warm-up, not counted: each worker imports the project and connects.
        for _ in range(args.workers * 2):
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            warm.request("GET", "/en/events/")
            warm.getresponse().read()
            warm.close()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            results = list(pool.map(lambda key: apply_once(port, path, key), sessions))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    from events.models import Registration
    from events.models.registrations import PLACE_HOLDING_STATES

    statuses: dict[int, int] = {}
    for _seconds, status in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds for seconds, status in results if status == 302)
    registrations = Registration.objects.filter(event=event)
    count = registrations.count()
    holding = registrations.filter(state__in=PLACE_HOLDING_STATES).count()
    waitlisted = registrations.filter(state="waitlisted").count()
    load = os.getloadavg()

    print(f"  HTTP statuses of the POSTs: {dict(sorted(statuses.items()))}")
    if latencies:
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        print(
            f"  POST latency: median {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms"
        )
    print(
        f"  throughput: {len(results) / wall:.1f} applications/s "
        f"(GET + POST, {wall:.1f} s for {len(results)}; "
        f"{args.workers} gunicorn workers, {args.threads} threads)"
    )
    print(
        f"  database: {count} registrations, {holding} hold a place "
        f"(capacity {args.places}), {waitlisted} waitlisted"
    )
    print(f"  load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    ok = count == args.users and holding <= args.places
    ok = ok and holding == min(args.places, args.users)
    print("  check:", "OK" if ok else "FAILED")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
