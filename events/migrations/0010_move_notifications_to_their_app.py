"""``Notification`` and ``NotificationPreferences`` belong to the ``notifications``
app now (``notifications.0001`` took them over with their tables and rows). This
removes them from the events app's state only; the database is not touched."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_translations_take_the_originals_facts"),
        ("notifications", "0001_move_the_outbox_from_events"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="notificationpreferences", name="clusters"
                ),
                migrations.RemoveField(
                    model_name="notificationpreferences", name="regions"
                ),
                migrations.RemoveField(model_name="notificationpreferences", name="user"),
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="NotificationPreferences"),
            ],
        ),
    ]
