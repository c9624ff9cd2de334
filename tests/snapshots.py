"""Committed database states kept beside the tables and put back with plain SQL.

A transactional test (the browser tests and the live Celery worker's) commits its
rows, so pytest-django empties every table after it (``flush``). Putting a state
back used to mean Django's serializer (0.7 s for the base site's 1,080 rows) and,
for a browser test's world of practices and projects, publishing the pages again
(2 to 3 s per test). On PostgreSQL a state is instead copied once into a schema of
its own (``CREATE TABLE snapshot_x.t AS TABLE t``) and put back with a ``DELETE``
and an ``INSERT … SELECT`` per table, in about a tenth of a second.

Sequences are left alone: they only grow, so rows made after a restore never take
an id a restored row has. Other databases (SQLite) build the state again instead.
"""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

PREFIX = "snapshot_"

# What a kept fixture returned when it was built, by snapshot name.
_values: dict[str, Any] = {}


def supported() -> bool:
    return connection.vendor == "postgresql"


def _schema(name: str) -> str:
    return connection.ops.quote_name(PREFIX + name)


def _tables() -> list[str]:
    return sorted(
        connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
    )


def forget_all() -> None:
    """Drop every snapshot (a reused test database may hold a previous run's)."""
    _values.clear()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s",
            [PREFIX.replace("_", r"\_") + "%"],
        )
        for (schema,) in cursor.fetchall():
            cursor.execute(f"DROP SCHEMA {connection.ops.quote_name(schema)} CASCADE")


def exists(name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [PREFIX + name])
        return cursor.fetchone() is not None


def take(name: str) -> None:
    """Copy every non-empty table of the current, committed state."""
    quote = connection.ops.quote_name
    schema = _schema(name)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _tables():
            # Table names from Django's introspection, quoted.
            exists_sql = f"SELECT EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
            cursor.execute(exists_sql)
            if cursor.fetchone()[0]:
                cursor.execute(
                    f"CREATE TABLE {schema}.{quote(table)} AS TABLE {quote(table)}"
                )


def restore(name: str) -> None:
    """Empty every table and fill it from the snapshot, in one transaction."""
    from django.contrib.contenttypes.models import ContentType

    quote = connection.ops.quote_name
    schema = _schema(name)
    with transaction.atomic(), connection.cursor() as cursor:
        # DELETE, not TRUNCATE: for a hundred small tables it takes a tenth of the
        # time (0.06 s against 0.4 s); foreign keys are checked at commit.
        for table in _tables():
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1",
            [PREFIX + name],
        )
        for (table,) in cursor.fetchall():
            cursor.execute(
                f"INSERT INTO {quote(table)} SELECT * FROM {schema}.{quote(table)}"  # noqa: S608
            )
    # Rows the flush's post-migrate handlers made had other ids.
    ContentType.objects.clear_cache()


def refetch(value: Any) -> Any:
    """``value`` with every saved model instance in it read again from the
    database, so a test never sees what an earlier test did to the objects."""
    if isinstance(value, Model):
        if value.pk is None:
            return value
        return type(value)._default_manager.get(pk=value.pk)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**refetch(vars(value)))
    if isinstance(value, dict):
        return {key: refetch(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(refetch(item) for item in value)
    return value


def kept(name: str, build: Callable[[], Any]) -> Any:
    """What ``build()`` makes, built once and put back from a snapshot for every
    later test that asks (PostgreSQL); built every time elsewhere.

    ``build`` must start from the same state each time (the base site, which the
    tests' conftest restores before every transactional test) and commit what it
    makes (a transactional test)."""
    if not supported():
        return build()
    if name in _values and exists(name):
        restore(name)
        return refetch(_values[name])
    value = build()
    take(name)
    _values[name] = value
    return value
