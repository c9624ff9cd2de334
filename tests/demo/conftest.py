"""The whole demo, seeded once for the package.

Seeding publishes some six hundred pages (one to two minutes), so the demo tests
share one seeding inside a transaction that is rolled back when the package is
done; each test runs in its own savepoint on top of it (pytest-django's ``db``), so
what a test changes, including seeding again, is undone before the next one.
"""

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest


@pytest.fixture(scope="package")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
