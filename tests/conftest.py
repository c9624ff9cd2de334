"""Fixtures shared by every test package."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

import pytest
from pytest_django.plugin import blocking_manager_key


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With one test process per core (``make test``: pytest-xdist) every module's
    tests run in one process, so a module-wide fixture (a knowledge base, a Celery
    worker on the test Redis) is built once and never twice at the same time; the
    demo's modules share one process and one seeding (``tests/demo/conftest.py``)."""
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return "tests/demo/" if path.startswith("tests/demo/") else path

    return ModuleScheduling(config, log)


@pytest.fixture(scope="session", autouse=True)
def _flush_with_delete():
    """pytest-django empties every table after a transactional test with Django's
    ``flush``, which on PostgreSQL is one ``TRUNCATE`` of the hundred-odd tables:
    0.4 s, as each table gets new files. ``DELETE`` empties the same small tables
    in a tenth of that, in the same transaction (foreign keys are checked at
    commit). Only the flush without sequence resets is changed, the tests' one.

    The flush then sends ``post_migrate``, whose handlers write content types and
    permissions again (0.19 s of its 0.26 s): on PostgreSQL the base snapshot
    replaces every row before anything reads them (``restore_migration_rows``,
    after the test and before the next transactional one), so it is not sent."""
    from django.core.management.commands import flush
    from django.db.backends.postgresql.operations import DatabaseOperations

    from tests import snapshots

    truncate = DatabaseOperations.sql_flush
    emit_post_migrate = flush.emit_post_migrate_signal

    def emit_unless_restored(verbosity, interactive, database, **kwargs):
        if not (_migration_rows and snapshots.supported()):
            emit_post_migrate(verbosity, interactive, database, **kwargs)

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                self,
                style,
                tables,
                reset_sequences=reset_sequences,
                allow_cascade=allow_cascade,
            )
        # Table names from Django's introspection, quoted.
        return [f"DELETE FROM {self.quote_name(table)};" for table in tables]  # noqa: S608

    DatabaseOperations.sql_flush = sql_flush
    flush.emit_post_migrate_signal = emit_unless_restored
    yield
    DatabaseOperations.sql_flush = truncate
    flush.emit_post_migrate_signal = emit_post_migrate


@pytest.fixture(autouse=True)
def _default_language():
    """A test that activates German must not leak it into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_pages(db):
    """The demo page tree (home, about pages) in English and German (the other
    languages only where a test asks for them: each costs a second per test); the
    test database has it from the start (``django_db_setup``)."""
    from tests.knowledge_fixtures import seed_site

    return seed_site()


# What the migrations put in the test database (locales, Wagtail's root page, the
# editorial groups) and the base site, serialized once; see django_db_setup.
_migration_rows: str | None = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's set-up, plus the base site most tests build on, kept with
    the migrations' rows.

    The base site (taxonomy, SDGs, the home page tree in English and German:
    ``tests.knowledge_fixtures.seed_site``) takes seconds to publish and index;
    built once per test process and committed, every test starts with it, and a
    test's changes to it are rolled back with the test.

    The rows are serialized once it is built: Django stores them on the connection
    object, and connection objects are per context: once Playwright's event loop
    runs in this thread (browser tests), a test may see a fresh connection without
    them, and serialized rollback silently restores nothing. Keeping our own copy
    makes the restore independent of that.
    """
    from django.db import connection

    from tests import snapshots
    from tests.knowledge_fixtures import seed_site

    global _migration_rows
    with django_db_blocker.unblock():
        seed_site()
        _migration_rows = connection.creation.serialize_db_to_string()
        if snapshots.supported():
            snapshots.forget_all()
            snapshots.take("base")
    connection._test_serialized_contents = _migration_rows
    yield
    # A reused database (--reuse-db) must not start the next run without them.
    with django_db_blocker.unblock():
        restore_migration_rows()
        connection.close()


def restore_migration_rows() -> None:
    """Put the migrations' rows and the base site back if a flush took them
    (Wagtail's root is gone): from the snapshot on PostgreSQL (``tests.snapshots``),
    with Django's serializer elsewhere.
    The caller unblocks database access."""
    from django.db import connection

    from wagtail.models import Page

    from tests import snapshots

    if _migration_rows and Page.get_first_root_node() is None:
        if snapshots.supported():
            snapshots.restore("base")
        else:
            connection.creation.deserialize_db_from_string(_migration_rows)


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or "live_server" in item.fixturenames
        or "transactional_db" in item.fixturenames
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Once a transactional test's flush is done, put the migrations' rows back
    (content types, permissions, locales, Wagtail's root): with a process per core
    the next module may be any module, not only another transactional one. A next
    transactional test of the same module puts them back itself, when its own
    fixtures start (``_migration_rows_present``); another module's module-wide
    fixtures may read them before that."""
    yield
    # Without a next test the session is over and its teardown has run already
    # (the test database may be gone).
    if (
        _migration_rows
        and nextitem is not None
        and _transactional(item)
        and not (_transactional(nextitem) and nextitem.path == item.path)
    ):
        from django.db import connection

        with item.config.stash[blocking_manager_key].unblock():
            restore_migration_rows()
            connection.close()


@pytest.fixture(autouse=True)
def _migration_rows_present(request, django_db_blocker):
    """A transactional test flushes the database when it ends, taking the rows that
    migrations made with it. Put them back before a transactional test needs them."""
    transactional = _transactional(request.node)
    if transactional:
        from django.db import connection

        # Serialized rollback reads the rows from the connection of this context.
        if _migration_rows and not getattr(
            connection, "_test_serialized_contents", None
        ):
            connection._test_serialized_contents = _migration_rows
        with django_db_blocker.unblock():
            restore_migration_rows()
    yield
