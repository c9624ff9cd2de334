"""An index that lets full-text search join its hits to good practices.

Wagtail's PostgreSQL search joins its index table to the searched model on
``page_ptr_id::varchar(50) = object_id``. No index covered that expression, so a
search sorted by relevance read every practice once per hit it ranked (with 10,000
practices the planner materialised the whole table, spilling to disk); with this
index it looks up the few best hits instead (see bench/knowledge_base.py).
PostgreSQL only; nothing happens on SQLite.
"""

from django.db import migrations

INDEX = "cc_goodpractice_ptr_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("practices", "GoodPracticePage")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} "
        "(((page_ptr_id)::varchar(50)::text))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_search_title_body_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
