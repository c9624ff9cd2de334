"""Facts a page's translations share with its default-language original.

Some fields of a page do not depend on the language: an event's dates, place and
places, say. A page model names them in ``FACT_FIELDS``; they are edited on the
page in the default language (``canonical``) only, and its translations repeat
them but never own them:

- ``SharedFactsPage.with_content_json`` gives every revision of a translation that
  is published or opened in the editor the original's facts;
- ``SharedFactsForm`` shows a translation's facts read-only and keeps the
  original's values whatever a request sends for them;
- ``facts_copy`` puts the original's facts into the translations' rows, their
  latest and live revisions and the search index, so a translation, its feeds and
  the API show the new values at once and a later publication of an older draft
  cannot bring back the old ones;
- ``facts_published``, called by the model's app after every publication
  (``events.facts``), copies them: from the original to every translation when the
  original is published, from the original again when a translation is;
  ``facts_changed`` says whether a publication of the original changed them.
"""

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_field_value
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, Revision
from wagtail.search import index

from .models import previous_live_revision

logger = logging.getLogger(__name__)


class SharedFactsPage:
    """A mixin for a page model (before ``Page`` in its bases) with
    ``FACT_FIELDS``."""

    FACT_FIELDS: tuple[str, ...] = ()

    @property
    def canonical(self):
        """The page in the default language, which owns the facts."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        source = (
            type(self)
            .objects.filter(
                translation_key=self.translation_key,
                locale=Locale.get_default(),
            )
            .select_related("locale")
            .first()
        )
        return source or self

    def fact_source(self):
        """The page whose facts this one shows: the default-language original, or
        ``None`` when this is the original (or a translation without one)."""
        if self.locale_id is None:
            return None
        source = self.canonical
        return None if source.pk is None or source.pk == self.pk else source

    def fact_content(self) -> dict[str, Any]:
        """The facts as a revision stores them (related rows by id)."""
        data: dict[str, Any] = {}
        for name in self.FACT_FIELDS:
            field = self._meta.get_field(name)
            if field.many_to_many:
                data[name] = [row.pk for row in getattr(self, name).all()]
            else:
                data[name] = get_field_value(field, self)
        return data

    def fact_values(self) -> dict[str, Any]:
        """The facts as form values (related rows as objects)."""
        values: dict[str, Any] = {}
        for name in self.FACT_FIELDS:
            field = self._meta.get_field(name)
            values[name] = (
                list(getattr(self, name).all())
                if field.many_to_many
                else getattr(self, name)
            )
        return values

    def with_content_json(self, content):
        """A translation's revision never brings back facts of its own: they are
        the original's, whatever the revision holds."""
        source = self.fact_source()
        if source is not None:
            content = {**content, **source.fact_content()}
        return super().with_content_json(content)


class SharedFactsForm(WagtailAdminPageForm):
    """On a translation, the facts are read-only, with a note naming the
    original's language: they are edited there, and whatever a request sends for
    them, the translation keeps the original's values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fact_source = self.instance.fact_source()
        if self.fact_source is None:
            return
        note = _("Taken from the %(language)s original; change it there.") % {
            "language": self.fact_source.locale.get_display_name()
        }
        for name in self.instance.FACT_FIELDS:
            field = self.fields.get(name)
            if field is not None:
                field.disabled = True
                field.required = False
                field.help_text = note

    def clean(self):
        cleaned = super().clean()
        if self.fact_source is not None:
            for name, value in self.fact_source.fact_values().items():
                if name in self.fields:
                    cleaned[name] = value
        return cleaned


def facts_differ(model, before: dict, after: dict) -> bool:
    """Whether two revisions' contents of a ``model`` page disagree on a fact."""
    return any(before.get(name) != after.get(name) for name in model.FACT_FIELDS)


def _copy_to_rows(source, targets: list, columns: dict) -> None:
    """The facts (and ``columns``) into the translations' own rows."""
    model = type(source)
    columns = dict(columns)
    relations = []
    for name in model.FACT_FIELDS:
        field = model._meta.get_field(name)
        if field.many_to_many:
            relations.append(field)
        else:
            columns[field.attname] = getattr(source, field.attname)
    target_ids = [target.pk for target in targets]
    model.objects.filter(pk__in=target_ids).update(**columns)
    for field in relations:
        through = field.remote_field.through
        source_column = field.m2m_field_name()
        target_column = field.m2m_reverse_field_name()
        related_ids = list(
            through.objects.filter(**{source_column: source.pk}).values_list(
                target_column, flat=True
            )
        )
        through.objects.filter(**{f"{source_column}__in": target_ids}).delete()
        through.objects.bulk_create(
            through(**{f"{source_column}_id": pk, f"{target_column}_id": related})
            for pk in target_ids
            for related in related_ids
        )


def _copy_to_revisions(source, targets: list) -> None:
    """The facts into the content of each translation's latest and live revision."""
    content = source.fact_content()
    revision_ids = {
        revision_id
        for target in targets
        for revision_id in (target.latest_revision_id, target.live_revision_id)
        if revision_id
    }
    revisions = list(Revision.objects.filter(pk__in=revision_ids))
    for revision in revisions:
        revision.content = {**revision.content, **content}
    Revision.objects.bulk_update(revisions, ["content"])


@transaction.atomic
def facts_copy(*, source, targets: list, columns: dict | None = None) -> None:
    """Give ``targets`` (translations of ``source``) the facts of ``source``: in
    their rows (with ``columns``, more values the rows take from the original), in
    their latest and live revisions and in the search index."""
    if not targets:
        return
    _copy_to_rows(source, targets, columns or {})
    _copy_to_revisions(source, targets)
    for target in type(source).objects.filter(pk__in=[t.pk for t in targets]):
        index.insert_or_update_object(target)


def facts_changed(page) -> bool:
    """Whether the publication of ``page`` just now changed its facts: its live
    revision against the one live before (a first publication changes none)."""
    previous = previous_live_revision(page)
    if previous is None:
        return False
    live = Revision.objects.get(pk=page.live_revision_id)
    return facts_differ(type(page), previous.content, live.content)


@transaction.atomic
def facts_published(*, page, columns: tuple[str, ...] = ()) -> None:
    """After any publication of ``page``: a translation takes the original's facts
    again (its own row and revisions), the original gives its facts to every
    translation. ``columns``: more fields the rows take from the original."""
    source = page.fact_source()
    if source is not None:
        targets = [page]
    else:
        source = page
        targets = list(
            type(page)
            .objects.filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
        )
    values = {name: getattr(source, name) for name in columns}
    facts_copy(source=source, targets=targets, columns=values)
    # The page in hand shows what its row now holds.
    for name, value in values.items():
        setattr(page, name, value)
    logger.info("Facts of page %s copied to %s pages", source.pk, len(targets))
