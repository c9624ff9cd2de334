"""The outbox leaves the events app: ``Notification`` and
``NotificationPreferences`` become this app's models without losing a row.

1. The models are created in this app's state only, on the events app's tables
   (``events_notification``, ``events_notificationpreferences`` and its two
   many-to-many tables); ``events.0010`` removes them from the events state.
2. The tables are renamed to ``notifications_*`` (the many-to-many tables follow
   their model) and the two named indexes with them.
3. A notice's page (the column keeps its name, ``event_id``) now points at any
   Wagtail page: an event's id is its page's id, so every row keeps its event.
4. The content types move to this app, so permissions and generic relations to
   these models keep working; going back moves them back.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ("notification", "notificationpreferences")


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        # A database migrated from scratch has no content types yet (they are
        # created after migrating), and never one under both labels.
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(
                app_label=new
            )


def content_types_forwards(apps, schema_editor) -> None:
    _relabel(apps, "events", "notifications")


def content_types_backwards(apps, schema_editor) -> None:
    _relabel(apps, "notifications", "events")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # The tables exist as the events app left them.
        ("events", "0009_translations_take_the_originals_facts"),
        ("community", "0007_names_on_one_line"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_sdg"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NotificationPreferences",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "weekly_digest",
                            models.BooleanField(
                                default=False,
                                help_text=(
                                    "Once a week, an e-mail listing new events in "
                                    "your themes and regions."
                                ),
                                verbose_name="weekly digest of new events",
                            ),
                        ),
                        (
                            "event_reminders",
                            models.BooleanField(
                                default=True,
                                help_text=(
                                    "A week and a day before an event you take part "
                                    "in, with a calendar file."
                                ),
                                verbose_name="reminders before my events",
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="last change"
                            ),
                        ),
                        (
                            "clusters",
                            models.ManyToManyField(
                                blank=True,
                                help_text=(
                                    "Leave all unticked to hear about every theme."
                                ),
                                related_name="+",
                                to="core.cluster",
                                verbose_name="themes",
                            ),
                        ),
                        (
                            "regions",
                            models.ManyToManyField(
                                blank=True,
                                help_text=(
                                    "Leave all unticked to hear about every region."
                                ),
                                related_name="+",
                                to="community.region",
                                verbose_name="regions",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notification_preferences",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "notification preferences",
                        "verbose_name_plural": "notification preferences",
                        "db_table": "events_notificationpreferences",
                    },
                ),
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                db_index=True, max_length=50, verbose_name="kind"
                            ),
                        ),
                        (
                            "dedupe_key",
                            models.CharField(
                                help_text="The same key is never sent twice.",
                                max_length=200,
                                unique=True,
                                verbose_name="deduplication key",
                            ),
                        ),
                        (
                            "subject_id",
                            models.PositiveBigIntegerField(blank=True, null=True),
                        ),
                        (
                            "context",
                            models.JSONField(
                                blank=True,
                                default=dict,
                                help_text=(
                                    "What the mail needs beyond its subject object "
                                    "(JSON)."
                                ),
                                verbose_name="details",
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                ],
                                db_index=True,
                                default="queued",
                                max_length=10,
                                verbose_name="state",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="attempts"
                            ),
                        ),
                        (
                            "last_error",
                            models.TextField(blank=True, verbose_name="last error"),
                        ),
                        (
                            "subject",
                            models.CharField(
                                blank=True,
                                help_text="As sent, in the recipient's language.",
                                max_length=300,
                                verbose_name="e-mail subject",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                blank=True, max_length=8, verbose_name="language"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="created"
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="sent"
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                blank=True,
                                db_column="event_id",
                                help_text=(
                                    "The event the notice is about, for the "
                                    "organisers' outbox."
                                ),
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="notifications",
                                to="events.eventpage",
                                verbose_name="event",
                            ),
                        ),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="next attempt",
                            ),
                        ),
                        (
                            "leased_until",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="sending until"
                            ),
                        ),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recipient",
                            ),
                        ),
                        (
                            "subject_type",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "notification",
                        "verbose_name_plural": "notifications",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "events_notification",
                        "indexes": [
                            models.Index(
                                fields=["subject_type", "subject_id"],
                                name="events_noti_subject_33f806_idx",
                            ),
                            models.Index(
                                fields=["recipient", "-created_at"],
                                name="events_noti_recipie_ed76f5_idx",
                            ),
                        ],
                    },
                ),
            ],
        ),
        # The tables (and the preferences' many-to-many tables) get this app's
        # names; ``None`` is the default name.
        migrations.AlterModelTable(name="notificationpreferences", table=None),
        migrations.AlterModelTable(name="notification", table=None),
        migrations.RenameIndex(
            model_name="notification",
            new_name="notificatio_subject_8f1960_idx",
            old_name="events_noti_subject_33f806_idx",
        ),
        migrations.RenameIndex(
            model_name="notification",
            new_name="notificatio_recipie_a972ce_idx",
            old_name="events_noti_recipie_ed76f5_idx",
        ),
        # Any page, not only an event: the foreign key now references the page
        # table (same ids).
        migrations.AlterField(
            model_name="notification",
            name="page",
            field=models.ForeignKey(
                blank=True,
                db_column="event_id",
                help_text=(
                    "The event or other page the notice is about; an event's "
                    "organisers see its notices in their outbox."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="notifications",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="page the notice is about",
            ),
        ),
        migrations.RunPython(content_types_forwards, content_types_backwards),
    ]
