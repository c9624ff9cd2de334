"""An event's facts come from one place: its default-language page.

Registrations, places and the waitlist belong to the page in the default language
(``EventPage.canonical``). Its translations repeat the facts that do not depend on
the language (``EventPage.FACT_FIELDS``: dates, place, link, theme, applications)
but never own them:

- when the original is published, ``event_facts_published`` copies its facts into
  every translation's row and into the content of the translation's latest and live
  revisions, so the German page, its calendar file and the API show the new values
  at once, and a later publication of an older German draft cannot bring back the
  old ones;
- when a translation is published, its facts are taken from the original again
  (``EventPage.with_content_json`` does it for every revision that is published or
  opened in the editor, this module for the stored rows);
- the editor shows the facts of a translation read-only (``EventPageForm``).

Each publication of the original that changes its facts raises the event's
``calendar_sequence`` (on every language's row), so calendar clients replace the
event they hold (iCalendar ``SEQUENCE``).
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Revision
from wagtail.search import index

from .models import EventPage
from .selectors import previous_live_revision

logger = logging.getLogger(__name__)


def facts_differ(before: dict, after: dict) -> bool:
    """Whether two revisions' contents disagree on a fact."""
    return any(before.get(name) != after.get(name) for name in EventPage.FACT_FIELDS)


def _copy_to_rows(source: EventPage, targets: list[EventPage]) -> None:
    """The facts (and the calendar sequence) into the translations' own rows."""
    columns = {
        "calendar_sequence": source.calendar_sequence,
        "calendar_changed_at": source.calendar_changed_at,
    }
    relations = []
    for name in EventPage.FACT_FIELDS:
        field = EventPage._meta.get_field(name)
        if field.many_to_many:
            relations.append(field)
        else:
            columns[field.attname] = getattr(source, field.attname)
    target_ids = [target.pk for target in targets]
    EventPage.objects.filter(pk__in=target_ids).update(**columns)
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


def _copy_to_revisions(source: EventPage, targets: list[EventPage]) -> None:
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
def event_facts_copy(*, source: EventPage, targets: list[EventPage]) -> None:
    """Give ``targets`` (translations of ``source``) the facts of ``source``: in
    their rows, in their latest and live revisions and in the search index."""
    if not targets:
        return
    _copy_to_rows(source, targets)
    _copy_to_revisions(source, targets)
    for target in EventPage.objects.filter(pk__in=[t.pk for t in targets]):
        index.insert_or_update_object(target)


def _previous_content(event: EventPage) -> dict | None:
    previous = previous_live_revision(event)
    return previous.content if previous is not None else None


@transaction.atomic
def event_facts_published(*, event: EventPage) -> None:
    """After any publication of an event page (``page_published``).

    The original: raise the calendar sequence if its facts changed since the
    revision live before, then copy its facts into every translation. A
    translation: take the original's facts again (its own row and revisions)."""
    source = event.fact_source()
    if source is not None:
        event_facts_copy(source=source, targets=[event])
        event.calendar_sequence = source.calendar_sequence
        event.calendar_changed_at = source.calendar_changed_at
        return
    previous = _previous_content(event)
    if previous is not None:
        live = Revision.objects.get(pk=event.live_revision_id)
        if facts_differ(previous, live.content):
            EventPage.objects.filter(translation_key=event.translation_key).update(
                calendar_sequence=F("calendar_sequence") + 1,
                calendar_changed_at=timezone.now(),
            )
            event.refresh_from_db(fields=["calendar_sequence", "calendar_changed_at"])
    translations = list(
        EventPage.objects.filter(translation_key=event.translation_key).exclude(
            pk=event.pk
        )
    )
    event_facts_copy(source=event, targets=translations)
    logger.info(
        "Facts of event %s copied to %s translations", event.pk, len(translations)
    )
