"""Notices get a read state: ``read_at`` is set when the recipient sees them on
their notifications page, and the site header counts those without it.

Notices written before there was a read state count as read (their creation
time), so nobody starts with years of "unread" mail that they have long read in
their inbox.
"""

from django.db import migrations, models
from django.db.models import F


def mark_existing_read(apps, schema_editor) -> None:
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.filter(read_at__isnull=True).update(read_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_move_the_outbox_from_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="read_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="read"),
        ),
        migrations.RunPython(mark_existing_read, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                condition=models.Q(("read_at__isnull", True)),
                fields=["recipient"],
                name="notifications_unread",
            ),
        ),
    ]
