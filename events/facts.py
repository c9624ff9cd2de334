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
  (``with_content_json`` does it for every revision that is published or opened in
  the editor, this module for the stored rows);
- the editor shows the facts of a translation read-only.

The machinery for any page with such facts is ``core.shared_facts``. Each
publication of the original that changes its facts raises the event's
``calendar_sequence`` (on every language's row), so calendar clients replace the
event they hold (iCalendar ``SEQUENCE``).
"""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Revision

from core.shared_facts import facts_copy, facts_differ

from .models import EventPage
from .selectors import previous_live_revision

logger = logging.getLogger(__name__)


def event_facts_copy(*, source: EventPage, targets: list[EventPage]) -> None:
    """Give ``targets`` (translations of ``source``) its facts and its calendar
    sequence, which is the same in every language (``core.shared_facts``)."""
    facts_copy(
        source=source,
        targets=targets,
        columns={
            "calendar_sequence": source.calendar_sequence,
            "calendar_changed_at": source.calendar_changed_at,
        },
    )


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
        if facts_differ(EventPage, previous, live.content):
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
