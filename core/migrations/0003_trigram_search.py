"""Typo-tolerant search on PostgreSQL (``core.forgiving``): the ``pg_trgm``
extension and GIN trigram indexes on the search index's title and body text, which
the search library's ``Fuzzy`` query compares (what its ``enable_trigram`` command
does, as a migration so every database gets it), and on page titles and tag names,
which "did you mean" compares. Nothing on other databases."""

from django.db import migrations

INDEXES = [
    ("modelsearch_title_text_trgm", "wagtailsearch_indexentry", "title_text"),
    ("modelsearch_body_text_trgm", "wagtailsearch_indexentry", "body_text"),
    ("core_page_title_trgm", "wagtailcore_page", "title"),
    ("core_tag_name_trgm", "taggit_tag", "name"),
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin ({column} gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sdg"),
        ("wagtailsearch", "0010_add_text_fields"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
