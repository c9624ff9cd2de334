"""Repair the subjects stored on sent notices.

Subjects used to be rendered with HTML autoescaping on, so a row about
``Land for tomorrow's neighbourhoods`` stored ``Land for tomorrow&#x27;s
neighbourhoods`` and the notifications page showed the entity. Subjects are plain
text now; this turns the entities in stored ones back into the characters they
stand for. Only rows holding an entity are touched; going back changes nothing.
"""

import html
import re

from django.db import migrations

# A complete character reference: named (``&amp;``) or numeric (``&#x27;``, ``&#39;``).
ENTITY = r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
# Rendered subjects were cut at 250 characters, which may have split one of the
# entities escaping wrote (&amp; &lt; &gt; &quot; &#x27;); its start is dropped
# rather than decoded into a stray character (``&#x2`` would become U+0002).
CUT_ENTITY = re.compile(r"&(?:a|am|amp|l|lt|g|gt|q|qu|quo|quot|#|#x|#x2|#x27)?$")
RENDERED_SUBJECT_MAX = 250


def plain_subject(subject: str) -> str:
    """``subject`` with its HTML character references decoded (once)."""
    if len(subject) >= RENDERED_SUBJECT_MAX:
        subject = CUT_ENTITY.sub("", subject)
    return html.unescape(subject)


def unescape_subjects(apps, schema_editor=None) -> int:
    """Decode the entities in stored subjects; returns how many rows changed."""
    Notification = apps.get_model("events", "Notification")
    rows = Notification.objects.filter(subject__regex=ENTITY).only("pk", "subject")
    changed = []
    for row in rows.iterator(chunk_size=2000):
        plain = plain_subject(row.subject)
        if plain != row.subject:
            row.subject = plain
            changed.append(row)
    Notification.objects.bulk_update(changed, ["subject"], batch_size=2000)
    return len(changed)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_text_sections_without_label_heading"),
    ]

    operations = [
        migrations.RunPython(unescape_subjects, migrations.RunPython.noop),
    ]
