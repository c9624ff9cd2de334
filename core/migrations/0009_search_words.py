"""The vocabulary of the typo-forgiving search (``core.SearchWord``), on PostgreSQL
kept by the database: a function that adds the words of newly written search index
rows, called by one trigger per statement for inserts and one for updates (the
search library upserts, and bulk writes insert many rows at once), and the words
of the rows already there; the trigram indexes of the index's texts, which the
search no longer reads, go. A word is lower case, 3 to 40 characters, not only
digits; words are inserted in order, so concurrent writers never deadlock. A GIN
trigram index finds the words like a typed one."""

from django.db import migrations, models

WORDS = r"""
    SELECT DISTINCT word
    FROM {rows},
        regexp_split_to_table(
            lower(coalesce({rows}.title_text, '') || ' ' || coalesce({rows}.body_text, '')),
            '[^[:alnum:]]+'
        ) AS word
    WHERE char_length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'
    ORDER BY word
"""

FORWARDS = [
    "CREATE INDEX core_searchword_word_trgm ON core_searchword "
    "USING gin (word gin_trgm_ops)",
    f"""
    CREATE FUNCTION core_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO core_searchword (word)
        {WORDS.format(rows="new_rows")}
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$
    """,
    *(
        f"""
        CREATE TRIGGER core_search_words_{event.lower()}
            AFTER {event} ON wagtailsearch_indexentry
            REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION core_collect_search_words()
        """
        for event in ("INSERT", "UPDATE")
    ),
    f"""
    INSERT INTO core_searchword (word)
    {WORDS.format(rows="wagtailsearch_indexentry")}
    ON CONFLICT DO NOTHING
    """,
    # The search compared the query with the whole texts through these; it no
    # longer does, and every write of the index paid for them.
    "DROP INDEX IF EXISTS modelsearch_title_text_trgm",
    "DROP INDEX IF EXISTS modelsearch_body_text_trgm",
]

BACKWARDS = [
    *(
        f"CREATE INDEX IF NOT EXISTS modelsearch_{column}_trgm "
        f"ON wagtailsearch_indexentry USING gin ({column} gin_trgm_ops)"
        for column in ("title_text", "body_text")
    ),
    "DROP TRIGGER IF EXISTS core_search_words_update ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS core_search_words_insert ON wagtailsearch_indexentry",
    "DROP FUNCTION IF EXISTS core_collect_search_words()",
    "DROP INDEX IF EXISTS core_searchword_word_trgm",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_translation_baselines"),
        ("core", "0003_trigram_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "word",
                    models.CharField(
                        max_length=40,
                        primary_key=True,
                        serialize=False,
                        verbose_name="word",
                    ),
                ),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.RunPython(_run(FORWARDS), _run(BACKWARDS)),
    ]
