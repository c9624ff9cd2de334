"""The outbox's move from the events app to its own app keeps every row.

A database as it was before the move (the events app at its last migration with
the outbox, ``events.0009``) holds notices and preferences in the events app's
tables; migrating forward renames the tables, points a notice's page at Wagtail's
page table and relabels the content types, and every row is found in the new
models. The test migrates the test database back and forth, so it runs outside a
transaction, and leaves the database at the latest migration.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from community.models import Region
from notifications.models import Notification, NotificationPreferences
from tests.events.fixtures import make_event
from tests.factories import RegionFactory, UserFactory
from tests.knowledge_fixtures import cluster

BEFORE_THE_MOVE = [("notifications", None)]  # and so events back to 0009
OLD_EVENTS = ("events", "0009_translations_take_the_originals_facts")


def _migrate(targets) -> MigrationExecutor:
    # The content type cache is left alone: the rows keep their ids, and the
    # rows the test database is restored from after the test expect them.
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _page_foreign_key() -> tuple[str, str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "notifications_notification"
        )
    [target] = [
        c["foreign_key"]
        for c in constraints.values()
        if c["foreign_key"] and c["columns"] == ["event_id"]
    ]
    return target


# serialized_rollback: the flush after the test would also drop what migrations
# create (the locale and the root page) that the other tests need.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_notices_and_preferences_survive_the_move_to_their_own_app():
    # Rows the old tables point at, written while the schema is the latest (the
    # tables of users, pages, themes and regions do not change).
    event = make_event()
    person, other = UserFactory(), UserFactory()
    theme = cluster("municipal-services")
    region = Region.objects.first() or RegionFactory()
    notice_type = ContentType.objects.get_for_model(Notification)
    preferences_type = ContentType.objects.get_for_model(NotificationPreferences)
    view_notice = Permission.objects.get(
        content_type=notice_type, codename="view_notification"
    )
    latest = _latest()
    try:
        executor = _migrate(BEFORE_THE_MOVE)
        assert "events_notification" in _tables()
        assert "notifications_notification" not in _tables()
        # Going back gave the content types back to the events app.
        assert ContentType.objects.get(pk=notice_type.pk).app_label == "events"
        assert ContentType.objects.get(pk=preferences_type.pk).app_label == "events"

        old = executor.loader.project_state([OLD_EVENTS]).apps
        OldNotification = old.get_model("events", "Notification")
        OldPreferences = old.get_model("events", "NotificationPreferences")
        registration_type = ContentType.objects.get(
            app_label="events", model="registration"
        )
        OldNotification.objects.create(
            recipient_id=person.pk,
            kind="registration_accepted",
            dedupe_key="registration:1:2",
            subject_type_id=registration_type.pk,
            subject_id=12,
            context={"position": 3},
            state="sent",
            attempts=1,
            subject="You have a place: Dialogue event on land management",
            language="de",
            event_id=event.pk,
        )
        OldNotification.objects.create(
            recipient_id=other.pk,
            kind="weekly_digest",
            dedupe_key="weekly_digest:9:2027-W01",
            context={"event_ids": [event.pk]},
            state="failed",
            last_error="550 No such user",
        )
        preferences = OldPreferences.objects.create(
            user_id=person.pk, weekly_digest=True, event_reminders=False
        )
        preferences.clusters.add(theme.pk)
        preferences.regions.add(region.pk)

        _migrate(latest)
        tables = _tables()
        assert {
            "notifications_notification",
            "notifications_notificationpreferences",
            "notifications_notificationpreferences_clusters",
            "notifications_notificationpreferences_regions",
        } <= tables
        assert not {t for t in tables if t.startswith("events_notification")}

        accepted = Notification.objects.get(dedupe_key="registration:1:2")
        assert accepted.recipient == person
        assert (accepted.kind, accepted.state, accepted.attempts) == (
            "registration_accepted",
            "sent",
            1,
        )
        assert accepted.subject_type == registration_type
        assert accepted.subject_id == 12
        assert accepted.context == {"position": 3}
        assert accepted.subject.startswith("You have a place")
        assert accepted.language == "de"
        assert accepted.page.specific == event
        digest = Notification.objects.get(dedupe_key="weekly_digest:9:2027-W01")
        assert digest.recipient == other and digest.page is None
        assert (digest.state, digest.last_error) == ("failed", "550 No such user")
        assert digest.context == {"event_ids": [event.pk]}
        assert Notification.objects.count() == 2
        # A notice's page is any page now: the key points at Wagtail's pages.
        assert _page_foreign_key() == ("wagtailcore_page", "id")

        moved = NotificationPreferences.objects.get(user=person)
        assert moved.weekly_digest and not moved.event_reminders
        assert list(moved.clusters.all()) == [theme]
        assert list(moved.regions.all()) == [region]

        # The same content type rows, relabelled: permissions kept theirs.
        relabelled = ContentType.objects.filter(app_label="notifications")
        assert relabelled.get(model="notification").pk == notice_type.pk
        assert relabelled.get(model="notificationpreferences").pk == (
            preferences_type.pk
        )
        assert not ContentType.objects.filter(
            app_label="events", model__in=["notification", "notificationpreferences"]
        ).exists()
        assert Permission.objects.get(pk=view_notice.pk).content_type_id == (
            notice_type.pk
        )
    finally:
        _migrate(latest)
