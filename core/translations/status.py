"""Which version of its original each translation follows, and what changed since.

A page and its translations share a ``translation_key``; the original is the page in
the default language. When a translation is published, the original's current
version (its live revision, or its latest for an original not yet live) is
recorded as the translation's baseline (``translation_mark_current``). When the
original is published, every translation's baseline is compared with the new
version, field by field, over the fields editors write (the page type's edit form,
without slug, menu and scheduling settings): what differs is kept
(``translations_compare``). So a republication without changes marks nothing, and
changing a text back makes the translation current again.

The facts a page type shares with its translations (``FACT_FIELDS``, an event's
dates say) reach them at once (``core.shared_facts``); a change to them still
marks the translation out of date, since its texts may mention them ("apply by 3
March").
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from taggit.managers import TaggableManager
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision

from core.models import TranslationSync

# Fields of the edit form that are not the page's content: its own address, the
# menu and scheduling settings, and comments.
NOT_CONTENT = {
    "slug",
    "show_in_menus",
    "go_live_at",
    "expire_at",
    "comment_notifications",
    "wagtail_admin_comments",
}
MARKED_CURRENT = "core.translation_current"


def content_fields(model) -> list[str]:
    """The names under which ``model``'s revisions store what editors write."""
    options = model.get_edit_handler().get_form_options()
    names = [*options.get("fields", []), *options.get("formsets", {})]
    stored = []
    for name in names:
        if name in NOT_CONTENT:
            continue
        stored.append(_stored_name(model, name))
    return stored


def _stored_name(model, name: str) -> str:
    """A tag field's rows are kept under its through model's relation."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    through = getattr(field.remote_field, "through", None)
    if isinstance(field, TaggableManager) and through is not None:
        return through._meta.get_field("content_object").remote_field.related_name
    return name


def changed_fields(model, before: dict, after: dict) -> list[str]:
    """The content fields of ``model`` on which two revisions disagree."""
    return [
        name
        for name in content_fields(model)
        if _comparable(before.get(name)) != _comparable(after.get(name))
    ]


def _comparable(value):
    """Child rows without their ids (a re-saved child row gets a new one)."""
    if isinstance(value, list):
        return [
            {k: v for k, v in item.items() if k not in {"pk", "id"}}
            if isinstance(item, dict)
            else item
            for item in value
        ]
    return value


def translation_source(page: Page) -> Page | None:
    """The original of ``page``: its page in the default language (``None`` when
    ``page`` is the original or has none)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return None
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=default)
        .select_related("content_type")
        .first()
    )


def _version_id(source: Page) -> int | None:
    return source.live_revision_id or source.latest_revision_id


@transaction.atomic
def translation_mark_current(*, page: Page, user=None, explicit: bool = False):
    """``page``, a translation, follows its original as it is now: its texts were
    brought in line (it was published), or an editor says they need no change
    (``explicit``, logged in the page's history)."""
    source = translation_source(page)
    if source is None:
        return None
    sync, _created = TranslationSync.objects.update_or_create(
        page=page,
        defaults={
            "source_revision_id": _version_id(source),
            "changed_fields": [],
            "synced_by": user if user is not None and user.is_authenticated else None,
        },
    )
    if explicit:
        log(instance=page, action=MARKED_CURRENT, user=user)
    return sync


@transaction.atomic
def translations_compare(*, source: Page) -> int:
    """After a publication of ``source``, an original: what each translation's
    baseline lacks of the new version. Returns how many are out of date."""
    version_id = _version_id(source)
    syncs = list(
        TranslationSync.objects.select_for_update()
        .filter(page__translation_key=source.translation_key)
        .exclude(page_id=source.pk)
    )
    if not syncs or version_id is None:
        return 0
    revisions = Revision.objects.in_bulk(
        {version_id} | {s.source_revision_id for s in syncs if s.source_revision_id}
    )
    model = source.specific_class
    current = revisions[version_id].content
    out_of_date = 0
    for sync in syncs:
        baseline = revisions.get(sync.source_revision_id)
        if baseline is not None:
            sync.changed_fields = changed_fields(model, baseline.content, current)
        out_of_date += sync.out_of_date
    TranslationSync.objects.bulk_update(syncs, ["changed_fields"])
    return out_of_date


def page_published(sender, instance, revision, **kwargs) -> None:
    """Wagtail's ``page_published``: a translation is current again, an original
    may have left its translations behind."""
    if instance.locale_id == Locale.get_default().pk:
        translations_compare(source=instance)
    else:
        translation_mark_current(page=instance, user=getattr(revision, "user", None))


# --- Reading --------------------------------------------------------------------


@dataclass
class LanguageStatus:
    """One language of a page: the original, a translation (current, out of date,
    draft) or none yet."""

    code: str
    name: str
    page: Page | None = None
    state: str = "missing"
    changed: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    source_revision_id: int | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]


STATE_LABELS = {
    "original": _("Original"),
    "current": _("Up to date"),
    "out_of_date": _("Out of date"),
    "draft": _("Draft"),
    "missing": _("Not translated"),
}


def field_label(model, name: str) -> str:
    """A field's name for editors (a child relation's by its rows' model, tags by
    their field)."""
    fields = model._meta.get_fields()
    label = name
    tags = [
        field
        for field in fields
        if isinstance(field, TaggableManager)
        and _stored_name(model, field.name) == name
    ]
    named = [
        field
        for field in fields
        if field.name == name or getattr(field, "related_name", None) == name
    ]
    if tags:
        label = tags[0].verbose_name
    elif named and named[0].is_relation and named[0].auto_created:
        label = named[0].related_model._meta.verbose_name_plural
    elif named:
        label = getattr(named[0], "verbose_name", name)
    return capfirst(str(label))


def _status(code, name, page, source, model) -> LanguageStatus:
    status = LanguageStatus(code=code, name=name, page=page)
    if page is None:
        return status
    if page.pk == source.pk:
        status.state = "original"
        return status
    sync = getattr(page, "translation_sync", None)
    if sync is None or sync.out_of_date:
        status.state = "out_of_date"
    else:
        status.state = "current" if page.live else "draft"
    if sync is not None:
        facts = set(getattr(model, "FACT_FIELDS", ()))
        status.source_revision_id = sync.source_revision_id
        status.changed = [
            field_label(model, n) for n in sync.changed_fields if n not in facts
        ]
        status.facts = [
            field_label(model, n) for n in sync.changed_fields if n in facts
        ]
    if status.state == "out_of_date" and not page.live:
        status.state = "draft"
    return status


def translation_overview(sources: list[Page]) -> dict[int, list[LanguageStatus]]:
    """For each original in ``sources``: its status in every site language, in the
    order of ``LANGUAGES`` (three queries, whatever the number of pages)."""
    locales = dict(Locale.objects.values_list("language_code", "pk"))
    by_key = {page.translation_key: page for page in sources}
    pages = {}
    for page in (
        Page.objects.filter(translation_key__in=list(by_key))
        .select_related("translation_sync")
        .only(
            "id",
            "title",
            "live",
            "locale_id",
            "translation_key",
            "translation_sync",
            "url_path",
        )
    ):
        pages[(page.translation_key, page.locale_id)] = page
    overview = {}
    for source in sources:
        model = source.specific_class or type(source)
        overview[source.pk] = [
            _status(
                code,
                name,
                pages.get((source.translation_key, locales.get(code))),
                source,
                model,
            )
            for code, name in settings.LANGUAGES
        ]
    return overview
