"""Existing translations get the version of their original they were made from.

Before ``TranslationSync``, nothing recorded it. A translation followed whatever its
original was when the translation was last published, so its baseline is the
original's newest revision created up to then (its first revision if none is
older). Translations published after their original's last change start up to
date; the others list what their original changed since (compared as
``core.translations.status`` does, over the revisions' whole content here, since a
migration cannot ask page types for their edit forms). The translated pages
themselves are not touched.
"""

from django.conf import settings
from django.db import migrations

# Keys of a page revision that are not the page's content.
NOT_CONTENT = {
    "pk",
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "live_revision",
    "latest_revision",
    "draft_title",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "locale",
    "translation_key",
    "content_type",
    "go_live_at",
    "expire_at",
    "expired",
    "alias_of",
    "show_in_menus",
    "comments",
    "wagtail_admin_comments",
    "page_ptr",
    "calendar_sequence",
    "calendar_changed_at",
}


def _comparable(value):
    if isinstance(value, list):
        return [
            {k: v for k, v in item.items() if k not in {"pk", "id"}}
            if isinstance(item, dict)
            else item
            for item in value
        ]
    return value


def _changed(before: dict, after: dict) -> list[str]:
    keys = (set(before) | set(after)) - NOT_CONTENT
    return sorted(
        key
        for key in keys
        if _comparable(before.get(key)) != _comparable(after.get(key))
    )


def record_baselines(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Locale = apps.get_model("wagtailcore", "Locale")
    TranslationSync = apps.get_model("core", "TranslationSync")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    originals = {
        page.translation_key: page
        for page in Page.objects.filter(locale=default, depth__gt=1)
    }
    translations = Page.objects.exclude(locale=default).filter(
        translation_key__in=list(originals)
    )
    for translation in translations.iterator():
        original = originals[translation.translation_key]
        revisions = Revision.objects.filter(
            content_type_id=original.content_type_id, object_id=str(original.pk)
        ).order_by("created_at", "pk")
        when = translation.last_published_at or translation.latest_revision_created_at
        baseline = (
            revisions.filter(created_at__lte=when).last() if when else None
        ) or revisions.first()
        current_id = original.live_revision_id or original.latest_revision_id
        current = Revision.objects.filter(pk=current_id).first()
        changed = (
            _changed(baseline.content, current.content)
            if baseline is not None and current is not None
            else []
        )
        TranslationSync.objects.get_or_create(
            page_id=translation.pk,
            defaults={"source_revision": baseline, "changed_fields": changed},
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0007_translationsync")]

    operations = [
        migrations.RunPython(record_baselines, migrations.RunPython.noop),
    ]
