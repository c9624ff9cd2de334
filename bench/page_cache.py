"""Benchmark of whole pages for anonymous visitors (``core.page_cache``).

Run on demand (``.venv/bin/python bench/page_cache.py``), not as a test. It uses
its own PostgreSQL database (``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432/cc_bench_pages), creates it when missing,
migrates it and seeds the demo site, and keeps its cache in Redis (``REDIS_URL``,
by default database 9 of the local server), as production does.

For each public page type (home, the practice index, a practice, the calendar, an
event, a city profile) it measures the server time of the Django test client (no
network), ``--requests`` times:

* rendered: the cache for whole pages off (``PAGE_CACHE_SECONDS = 0``), so every
  request runs the view (its own fragment caches warm, as in production);
* kept: the cache on, after one request that kept the page.

It prints the median and 95th percentile of each and the queries per request.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cc_bench_pages"
)
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
sys.path.insert(0, str(BASE_DIR / "bench"))

from knowledge_base import create_database  # noqa: E402 - environment set first


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    create_database(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from community.models import Organisation
    from events.models import EventIndexPage, EventPage
    from practices.models import GoodPracticeIndexPage, GoodPracticePage

    call_command("migrate", verbosity=0)
    if not GoodPracticePage.objects.exists():
        print("seeding the demo site (a few minutes, once)…", flush=True)
        # The demo app is not installed under these settings; its seeds run as
        # seed_demo runs them, a group per transaction.
        from django.db import transaction

        from demo.management.commands.seed_demo import SEEDS

        for group in SEEDS:
            with transaction.atomic():
                for seed in group:
                    seed(log=lambda message: None)
    english = {"locale__language_code": "en"}
    practice = GoodPracticePage.objects.live().filter(**english).first()
    event = EventPage.objects.live().filter(**english).order_by("-starts_at").first()
    city = Organisation.objects.filter(slug="greater-amman-municipality").first() or (
        Organisation.objects.first()
    )
    pages = {
        "home": "/en/",
        "practice index": GoodPracticeIndexPage.objects.filter(**english).first().url,
        "practice": practice.url,
        "calendar": EventIndexPage.objects.filter(**english).first().url,
        "event": event.url,
        "city profile": f"/en/network/{city.slug}/",
    }
    client = Client()
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[1]
    print(
        f"{options.requests} requests per page; server time in ms "
        f"(median / p95), queries per request; cache: {backend}"
    )
    print(f"{'page':<16}{'rendered':>18}{'kept':>18}{'speed-up':>10}")
    for name, url in pages.items():
        results = {}
        for label, seconds in (("rendered", 0), ("kept", 3600)):
            with override_settings(PAGE_CACHE_SECONDS=seconds):
                cache.clear()
                for _ in range(5):  # warm: fragment caches, the kept page
                    assert client.get(url).status_code == 200, url
                times = []
                with CaptureQueriesContext(connection) as queries:
                    for _ in range(options.requests):
                        start = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - start) * 1000)
                        assert response.status_code == 200, url
                times.sort()
                results[label] = (
                    statistics.median(times),
                    times[int(len(times) * 0.95) - 1],
                    len(queries) / options.requests,
                )
        rendered, kept = results["rendered"], results["kept"]
        print(
            f"{name:<16}"
            f"{rendered[0]:>8.1f} /{rendered[1]:>5.1f} q{rendered[2]:<3.0f}"
            f"{kept[0]:>8.2f} /{kept[1]:>5.2f} q{kept[2]:<3.0f}"
            f"{rendered[0] / kept[0]:>9.0f}×"
        )


if __name__ == "__main__":
    main()
