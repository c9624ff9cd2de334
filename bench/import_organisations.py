"""Benchmark: CSV import of 1,000 organisations on PostgreSQL.

Measures the wall time of ``community.imports.organisations_import_csv`` (no dry
run, as a superuser, search-index update included) for a generated 1,000-row file:
the first import (creates every organisation, German name, membership and history
row), a re-import of the same file (matches every row, nothing to write) and an
import of the file with every population changed (updates every organisation).
Each run starts from no benchmark organisations; the organisation count after the
re-imports proves that they created no duplicates. Prints 5 runs and the medians.

Run on demand, not in CI:  python bench/import_organisations.py
The database (default postgres://postgres@127.0.0.1:5432/cc_bench, override with
DATABASE_URL) is created and migrated when missing.
"""

import csv
import io
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cc_bench")

ROWS = 1000
RUNS = 5
PREFIX = "Bench City"


def ensure_database(url: str) -> None:
    """Create the benchmark database if the server does not have it yet."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )


def generate_csv(population_offset: int) -> bytes:
    regions = [
        ("JO", "middle-east-north-africa"),
        ("DE", "germany"),
        ("MK", "south-east-europe-caucasus"),
        ("KE", "sub-saharan-africa"),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "name",
            "kind",
            "country",
            "region",
            "population",
            "latitude",
            "longitude",
            "website",
            "official_languages",
            "email_domains",
            "name_de",
            "membership_status",
        ]
    )
    for number in range(ROWS):
        country, region = regions[number % len(regions)]
        writer.writerow(
            [
                f"{PREFIX} {number:04d}",
                "municipality",
                country,
                region,
                10_000 + number + population_offset,
                f"{(number % 160) - 80}.123456",
                f"{(number % 340) - 170}.654321",
                f"https://city{number}.example.org/",
                "en; de",
                f"city{number}.example.org",
                f"Bench-Stadt {number:04d}",
                "active",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    ensure_database(os.environ["DATABASE_URL"])

    import django

    django.setup()

    from django.core.management import call_command

    from community.imports import organisations_import_csv
    from community.models import Organisation, User
    from demo.community import seed_regions

    call_command("migrate", verbosity=0)
    seed_regions(log=lambda message: None)
    admin, _created = User.objects.get_or_create(
        email="bench-admin@example.org",
        defaults={"username": "bench-admin", "is_superuser": True, "is_staff": True},
    )
    first_file = generate_csv(0)
    second_file = generate_csv(1)

    def timed(data: bytes):
        # In autocommit mode the on-commit search-index update runs inside the call.
        start = time.perf_counter()
        result = organisations_import_csv(data=data, actor=admin, dry_run=False)
        elapsed = time.perf_counter() - start
        if not result.written:
            raise SystemExit(f"import failed: {result.errors[:5]}")
        return elapsed, result

    bench = Organisation.objects.filter(name__startswith=PREFIX)
    times: dict[str, list[float]] = {"import": [], "reimport": [], "update": []}
    print(f"rows {ROWS}")
    for run in range(1, RUNS + 1):
        bench.delete()
        parts = []
        for step, data in (
            ("import", first_file),
            ("reimport", first_file),
            ("update", second_file),
        ):
            elapsed, result = timed(data)
            times[step].append(elapsed)
            changed = result.to_update - result.unchanged
            parts.append(
                f"{step} {elapsed:.3f} s created {result.to_create} "
                f"updated {result.to_update} changed {changed}"
            )
        parts.append(f"organisations {bench.count()}")
        print(f"run {run} " + " | ".join(parts))
    for step, values in times.items():
        print(f"median {step} {statistics.median(values):.3f} s")


if __name__ == "__main__":
    main()
