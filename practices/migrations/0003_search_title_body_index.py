"""A GIN index for full-text search over titles and bodies together.

Wagtail's PostgreSQL search matches ``(title || body) @@ query`` on its index table,
which the table's separate GIN indexes on ``title`` and ``body`` cannot serve, so
every search read the whole table. This expression index makes that match an index
scan (with 10,000 practices: about 70 ms down to under 20 ms; see
bench/knowledge_base.py). PostgreSQL only; nothing happens on SQLite.
"""

from django.db import migrations

INDEX = "cc_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0002_editorial_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
