"""Benchmark of the knowledge base with 10,000 good practices on PostgreSQL.

Run on demand (``make bench`` or ``.venv/bin/python bench/knowledge_base.py``), not
as a test. It uses its own database (``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432/cc_bench_kb), creates it when missing, migrates
it, seeds the demo site (taxonomy, pages, organisations) and tops it up to 10,000
English good practices. Then it measures the server time of the Django test client
(no network, no browser; caches warm after a few requests) for:

* the index filtered by cluster and country,
* the index filtered the same way and searched,
* the site-wide search.

The index caches its facet counts and labels, and its result cards, per content
version (``core.knowledge.listing``): repeated requests measure the cached page, what
most visitors get. The "not cached" rows start a new content version before every
timed request (as publishing a page does), so they measure the page computed from
scratch.

How the practices are made quickly: ``Page.add_child`` locks and rewrites the tree
for every page (about 0.2 s each with revisions and indexing). Instead the script
computes the treebeard materialised paths of the new children itself
(``MP_Node._get_path(parent path, depth, position)``: position n of a parent at
depth d has the parent's path plus n in base 36, four characters), bulk-inserts the
``wagtailcore_page`` rows, then the ``practices_goodpracticepage`` rows (Django's
``bulk_create`` refuses multi-table children, so the child table is inserted with
the same query ``bulk_create`` would use, ``QuerySet._batched_insert``), then the
parent's ``numchild``, the cities, SDGs and tags, and finally feeds the search
index in chunks of 500 (``index.add_items``, what ``update_index`` does).
``treebeard``'s ``fix_tree`` finds nothing to repair afterwards (checked below).
Pages made this way have no revisions; the public site does not need them.

Options: ``--count N`` (default 10000), ``--requests N`` per scenario (default 50).
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cc_bench_kb"
os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("DJANGO_DEBUG", "false")

WORDS = {
    "good-urban-governance": (
        "budget transparency participation council citizens digital services "
        "administration finance taxes revenue accountability assemblies portal"
    ),
    "local-economic-development": (
        "jobs start-ups entrepreneurs markets tourism incubator training skills "
        "small businesses investment cooperative craft solar green economy"
    ),
    "integrated-urban-development": (
        "neighbourhood renewal public space parks gardens housing land planning "
        "heritage streets squares trees climate adaptation flooding"
    ),
    "municipal-services": (
        "waste recycling water sanitation energy lighting buses mobility "
        "collection landfill compost pipes leaks efficiency transport"
    ),
}
COMMON = [
    *("city", "municipality", "residents", "project", "pilot", "partners"),
    *("cooperation", "results", "experience", "lessons", "exchange", "workshop"),
    *("department", "mayor", "team", "network"),
]


def create_database(url: str) -> None:
    """Create the benchmark database when it does not exist yet."""
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
            print(f"created database {name}")


def setup_django() -> None:
    import django

    create_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def log(message: str) -> None:
    print(f"  {message}")


def seed_site():
    """Demo taxonomy, pages and organisations, and the two index pages."""
    from django.db import transaction

    from core.models import HomePage
    from demo import community as community_demo
    from demo import core as core_demo
    from practices.models import GoodPracticeIndexPage
    from projects.models import ProjectIndexPage

    with transaction.atomic():
        core_demo.seed(log)
        community_demo.seed(log)
    locales = core_demo.locales()
    home = HomePage.objects.get(locale=locales["en"])
    for model, title, slug in (
        (GoodPracticeIndexPage, "Good practices", "good-practices"),
        (ProjectIndexPage, "Supported projects", "projects"),
    ):
        page = model.objects.filter(locale=locales["en"]).first()
        if page is None:
            page = model(title=title, slug=slug)
            home.add_child(instance=page)
            page.save_revision().publish()
            log(f"{title} index created")
    return GoodPracticeIndexPage.objects.get(locale=locales["en"])


def make_practices(index, count: int) -> None:
    """Top the index up to ``count`` practices with bulk inserts (see above)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from django.utils.text import slugify

    from taggit.models import Tag
    from wagtail.models import Page

    from community.models import Organisation
    from core.models import SDG, FieldOfAction
    from practices.models import GoodPracticePage, GoodPracticeTag

    existing = GoodPracticePage.objects.child_of(index).count()
    missing = count - existing
    if missing <= 0:
        log(f"{existing} practices already there")
        return
    rng = random.Random(2026 + existing)  # noqa: S311 - fake data
    fields = list(
        FieldOfAction.objects.filter(locale_id=index.locale_id).select_related(
            "cluster"
        )
    )
    cities = list(
        Organisation.objects.filter(kind="municipality").select_related("region")
    )
    sdgs = list(SDG.objects.filter(locale_id=index.locale_id))
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        for name in (
            "climate",
            "energy",
            "participation",
            "digital",
            "youth",
            "women",
            "finance",
            "water",
            "waste",
            "housing",
            "mobility",
            "heritage",
        )
    ]
    content_type = ContentType.objects.get_for_model(GoodPracticePage)
    index = Page.objects.get(pk=index.pk)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        index = Page.objects.select_for_update().get(pk=index.pk)
        pages, practices, city_links, sdg_links, tag_links = [], [], [], [], []
        for offset in range(missing):
            number = existing + offset + 1
            field = rng.choice(fields)
            city = rng.choice(cities)
            words = WORDS[field.cluster.slug].split()
            title = (
                f"{rng.choice(words).capitalize()} {rng.choice(COMMON)} in "
                f"{city.name} {number}"
            )
            slug = f"practice-{number}"
            published = now - timedelta(minutes=number)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=GoodPracticePage._get_path(
                        index.path, index.depth + 1, index.numchild + offset + 1
                    ),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    live_revision=None,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            body = " ".join(rng.choice(words + COMMON) for _ in range(120))
            practices.append(
                {
                    "teaser": " ".join(rng.choice(words + COMMON) for _ in range(25)),
                    "body": [
                        {
                            "type": "overview",
                            "value": {"heading": "", "text": f"<p>{body}</p>"},
                        }
                    ],
                    "cluster_id": field.cluster_id,
                    "field_of_action_id": field.pk,
                    "region_id": city.region_id,
                    "country": city.country.code,
                    "start_year": rng.randint(2014, 2025),
                    "status": rng.choice(["planned", "ongoing", "completed"]),
                    "scale": "city",
                    "city": city,
                }
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        children = []
        for page, facts in zip(pages, practices, strict=True):
            city = facts.pop("city")
            child = GoodPracticePage(page_ptr_id=page.pk, **facts)
            # The parent's fields are in wagtailcore_page already; only the
            # child table is written below.
            child.id = page.pk
            children.append(child)
            city_links.append(
                GoodPracticePage.cities.through(
                    goodpracticepage_id=page.pk, organisation_id=city.pk
                )
            )
            for sdg in rng.sample(sdgs, 2):
                sdg_links.append(
                    GoodPracticePage.sdgs.through(
                        goodpracticepage_id=page.pk, sdg_id=sdg.pk
                    )
                )
            for tag in rng.sample(tags, 2):
                tag_links.append(
                    GoodPracticeTag(content_object_id=page.pk, tag_id=tag.pk)
                )
        local_fields = GoodPracticePage._meta.local_concrete_fields
        GoodPracticePage.objects.all()._batched_insert(children, local_fields, 1000)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + missing)
        GoodPracticePage.cities.through.objects.bulk_create(city_links, 2000)
        GoodPracticePage.sdgs.through.objects.bulk_create(sdg_links, 2000)
        GoodPracticeTag.objects.bulk_create(tag_links, 2000)
    log(f"{missing} practices inserted in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    search_index = backend.get_index_for_model(GoodPracticePage)
    ids = [page.pk for page in pages]
    for start in range(0, len(ids), 500):
        chunk = list(
            GoodPracticePage.objects.filter(pk__in=ids[start : start + 500])
            .select_related("locale")
            .prefetch_related("cities", "tags")
        )
        search_index.add_items(GoodPracticePage, chunk)
    log(f"search index fed in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    problems = Page.find_problems()
    assert not any(problems), f"tree problems: {problems}"
    log("page tree checked: no problems")


def busiest_pair(index) -> dict:
    """The cluster and country with the most practices under ``index`` (keys
    ``cluster__slug`` and ``country``), so a filtered page has many results."""
    from django.db.models import Count

    from practices.models import GoodPracticePage

    return (
        GoodPracticePage.objects.child_of(index)
        .values("cluster__slug", "country")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )


def measure(client, url: str, requests: int, *, cached: bool = True) -> dict:
    from core.knowledge.versions import content_changed

    for _ in range(3):  # warm caches (site root paths, compiled templates)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings, cpu = [], []
    for _ in range(requests):
        if not cached:
            content_changed()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    match = re.search(
        r'class="result-count"[^>]*>\s*(\d[\d,]*)', response.content.decode()
    )
    return {
        "median": statistics.median(timings),
        "cpu": statistics.median(cpu),
        "p95": p95,
        "min": timings[0],
        "max": timings[-1],
        "results": match.group(1) if match else "?",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()

    print(f"database: {os.environ['DATABASE_URL']}")
    setup_django()
    index = seed_site()
    make_practices(index, options.count)

    from django.test import Client

    from practices.models import GoodPracticePage

    pair = busiest_pair(index)
    base = index.url_path.split("/", 2)[2]  # "good-practices/"
    filtered = f"/en/{base}?cluster={pair['cluster__slug']}&country={pair['country']}"
    # A word of that cluster's vocabulary, so the filtered search finds something.
    word = WORDS[pair["cluster__slug"]].split()[0]
    searched = f"{filtered}&q={word}"
    scenarios = [
        ("index, no filter", f"/en/{base}"),
        ("index, cluster + country", filtered),
        ("index, cluster + country, not cached", filtered, False),
        (f"index, cluster + country + search '{word}'", searched),
        ("index, same + search, not cached", searched, False),
        ("index, search 'recycling', page 3", f"/en/{base}?q=recycling&page=3"),
        ("site search 'waste'", "/en/search/?q=waste"),
        ("site search 'budget transparency'", "/en/search/?q=budget+transparency"),
    ]
    total = GoodPracticePage.objects.live().count()
    print(f"\n{total} live practices; {options.requests} timed requests each\n")
    client = Client(HTTP_HOST="localhost")
    # Wall-clock server time is what counts; the Python CPU time (PostgreSQL works
    # in its own process) and the load average show how busy the machine was.
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    header = f"{'scenario':46} {'results':>8} {'median':>9} {'p95':>9} {'max':>9}"
    print(f"{header} {'python cpu':>11}")
    for name, url, *cached in scenarios:
        numbers = measure(client, url, options.requests, cached=all(cached))
        print(
            f"{name:46} {numbers['results']!s:>8} {numbers['median']:7.1f}ms "
            f"{numbers['p95']:7.1f}ms {numbers['max']:7.1f}ms {numbers['cpu']:9.1f}ms"
        )
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("Target: median under 100 ms for the filtered index and the search.")


if __name__ == "__main__":
    main()
