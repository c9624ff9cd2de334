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

Options: ``--count N`` (default 10000), ``--requests N`` per scenario (default 50),
``--plans`` (the plan of each uncached page's slowest query, and the indexes),
``--seed-only``. The growth table in the README comes from runs at 1,000, 10,000
and 100,000 (``DATABASE_URL`` naming one database per size).
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
    feed_search_index(GoodPracticePage, [page.pk for page in pages])
    log(f"search index fed in {time.perf_counter() - started:.1f} s")
    sample = [page.pk for page in pages[:: max(1, len(pages) // 20)]]
    check_search_index(GoodPracticePage, sample)
    log(f"index rows of {len(sample)} practices equal those add_items writes")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    problems = Page.find_problems()
    assert not any(problems), f"tree problems: {problems}"
    log("page tree checked: no problems")


def _vector_sql(texts: list[tuple[str, str]], config: str, params: list) -> str:
    """SQL for the weighted tsvector of ``texts`` ((text, weight) pairs), what
    modelsearch's ``ObjectIndexer.as_vector`` builds with Django expressions."""
    if not texts:
        return "''::tsvector"
    parts = []
    for text, weight in texts:
        parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)")
        params.extend((config, text, weight))
    return " || ".join(parts)


def _for_indexing(model, ids: list[int]):
    """The rows ``ids`` with what their index entries read (language, cities, tags)."""
    return (
        model.objects.filter(pk__in=ids)
        .select_related("locale")
        .prefetch_related("cities", "tags")
    )


def feed_search_index(model, ids: list[int], chunk: int = 1000) -> None:
    """Index ``ids`` the way ``add_items`` does, in far less time.

    modelsearch's ``add_items`` builds every vector as Django expressions (about
    9 ms of Python per practice) and recomputes the average title length over
    the whole index after each call, so feeding grows with the square of the
    count (28 ms per practice at 10,000). Here the texts and weights come from
    the same ``ObjectIndexer.prepare_field`` and the vectors are written as plain
    SQL, in each page's own language (``core.search_backend``); title norms are
    computed once at the end. ``check_search_index`` compares the result with
    ``add_items`` on a sample.
    """
    from django.db import connection

    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        ObjectIndexer,
    )
    from modelsearch.index import AutocompleteField, SearchField
    from modelsearch.utils import get_content_type_pk

    from core.search_backend import _language_of
    from core.search_config import search_config_for

    backend = get_search_backend()
    content_type_pk = get_content_type_pk(model)
    for start in range(0, len(ids), chunk):
        objects = _for_indexing(model, ids[start : start + chunk])
        rows, params = [], []
        for obj in objects:
            indexer = ObjectIndexer(obj, backend)
            title, body, autocomplete = [], [], []
            for field in indexer.search_fields:
                for current, weight, value in indexer.prepare_field(obj, field):
                    text = value.strip()
                    if not text:
                        continue
                    if isinstance(current, AutocompleteField):
                        autocomplete.append((text, weight))
                    elif isinstance(current, SearchField):
                        target = title if current.field_name == "title" else body
                        target.append((text, weight))
            config = search_config_for(_language_of(obj))
            params.extend((content_type_pk, str(obj.pk)))
            vectors = [
                _vector_sql(title, config, params),
                _vector_sql(autocomplete, backend.autocomplete_config, params),
                _vector_sql(body, config, params),
            ]
            params.extend((" ".join(t for t, _ in title), " ".join(t for t, _ in body)))
            rows.append(f"(%s, %s, {', '.join(vectors)}, 1.0, %s, %s)")
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, "
                "object_id, title, autocomplete, body, title_norm, title_text, "
                f"body_text) VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_norm = 1.0, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
    backend.get_index_for_model(model)._refresh_title_norms()


def check_search_index(model, ids: list[int]) -> None:
    """The rows ``feed_search_index`` wrote equal those of ``add_items``."""
    from django.db import connection

    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.utils import get_content_type_pk

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, title::text, autocomplete::text, body::text, "
                f"title_text, body_text FROM {IndexEntry._meta.db_table} "
                "WHERE content_type_id = %s AND object_id = ANY(%s) ORDER BY 1",
                [get_content_type_pk(model), [str(pk) for pk in ids]],
            )
            return cursor.fetchall()

    bulk = rows()
    objects = list(_for_indexing(model, ids))
    get_search_backend().get_index_for_model(model).add_items(model, objects)
    expected = rows()
    assert len(bulk) == len(expected) == len(ids), (len(bulk), len(ids))
    # A page's tags and cities come from a prefetch without an order, so their
    # words may sit at other positions: compare each lexeme's weights and the
    # plain texts' words, not positions.
    columns = ("title", "autocomplete", "body", "title_text", "body_text")
    for ours, theirs in zip(bulk, expected, strict=True):
        for column, mine, wanted in zip(columns, ours[1:], theirs[1:], strict=True):
            same = _unordered(column, mine) == _unordered(column, wanted)
            assert same, f"{column} of {ours[0]}: {mine!r} != {wanted!r}"


def _unordered(column: str, value: str):
    if column.endswith("_text"):
        return sorted(value.split())
    lexemes = {}
    for lexeme, _, positions in re.findall(r"'((?:[^']|'')*)'(:([\w,]+))?", value):
        weights = re.sub(r"\d+", "", positions.replace(",", "")) if positions else ""
        lexemes[lexeme] = sorted(weights.ljust(positions.count(",") + 1, "D"))
    return lexemes


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
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

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
    # One more request, its queries recorded (the slowest is explained below).
    if not cached:
        content_changed()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    match = re.search(
        r'class="result-count"[^>]*>\s*(\d[\d,]*)', response.content.decode()
    )
    slowest = max(
        queries.captured_queries,
        key=lambda query: float(query["time"]),
        default={"time": "0", "sql": ""},
    )
    return {
        "median": statistics.median(timings),
        "cpu": statistics.median(cpu),
        "p95": p95,
        "max": timings[-1],
        "queries": len(queries.captured_queries),
        "slowest": slowest,
        "results": match.group(1) if match else "?",
    }


def explain(sql: str) -> list[str]:
    """PostgreSQL's plan of ``sql`` as run (``EXPLAIN ANALYZE``), its node lines."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}")
        lines = [row[0] for row in cursor.fetchall()]
    return [line for line in lines if "->" in line or not line.startswith(" ")]


def indexes() -> list[str]:
    """The indexes that serve the listing and the search, by table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename "
            "IN ('practices_goodpracticepage', 'wagtailsearch_indexentry', "
            "'practices_goodpracticepage_cities', 'practices_goodpracticepage_sdgs',"
            " 'practices_goodpracticetag', 'wagtailcore_page') ORDER BY 1, 2"
        )
        prefix = re.compile(r"^CREATE (UNIQUE )?INDEX \S+ ON \S+ ")
        return [
            f"{table}: {prefix.sub('', definition)}"
            for table, _name, definition in cursor.fetchall()
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--plans",
        action="store_true",
        help="print the plan of each page's slowest query and the indexes",
    )
    parser.add_argument(
        "--seed-only", action="store_true", help="prepare the database, measure nothing"
    )
    options = parser.parse_args()

    print(f"database: {os.environ['DATABASE_URL']}")
    setup_django()
    index = seed_site()
    make_practices(index, options.count)
    if options.seed_only:
        return

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
        ("index, no filter, not cached", f"/en/{base}", False),
        ("index, cluster + country", filtered),
        ("index, cluster + country, not cached", filtered, False),
        (f"index, cluster + country + search '{word}'", searched),
        ("index, same + search, not cached", searched, False),
        ("index, search 'recycling', page 3", f"/en/{base}?q=recycling&page=3"),
        (
            "index, search 'recyclng' (typo), not cached",
            f"/en/{base}?q=recyclng",
            False,
        ),
        ("site search 'waste'", "/en/search/?q=waste"),
        ("site search 'waste', not cached", "/en/search/?q=waste", False),
        ("site search 'budget transparency'", "/en/search/?q=budget+transparency"),
    ]
    total = GoodPracticePage.objects.live().count()
    print(f"\n{total} live practices; {options.requests} timed requests each\n")
    client = Client(HTTP_HOST="localhost")
    # Wall-clock server time is what counts; the Python CPU time (PostgreSQL works
    # in its own process) and the load average show how busy the machine was.
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    header = f"{'scenario':46} {'results':>8} {'median':>9} {'p95':>9} {'max':>9}"
    print(f"{header} {'python cpu':>11} {'queries':>8} {'slowest':>8}")
    plans = []
    for name, url, *cached in scenarios:
        numbers = measure(client, url, options.requests, cached=all(cached))
        slowest = numbers["slowest"]
        print(
            f"{name:46} {numbers['results']!s:>8} {numbers['median']:7.1f}ms "
            f"{numbers['p95']:7.1f}ms {numbers['max']:7.1f}ms {numbers['cpu']:9.1f}ms"
            f" {numbers['queries']:8} {float(slowest['time']) * 1000:6.1f}ms"
        )
        if not all(cached):
            plans.append((name, slowest["sql"]))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("Target: median under 100 ms for the filtered index and the search.")
    if options.plans:
        for name, sql in plans:
            print(f"\nslowest query of '{name}':\n  {sql[:300]}...")
            for line in explain(sql):
                print(f"    {line}")
        print("\nindexes:")
        for line in indexes():
            print(f"  {line}")


if __name__ == "__main__":
    main()
