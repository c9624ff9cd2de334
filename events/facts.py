"""An event's facts come from one place: its default-language page.

Registrations, places and the waitlist belong to the page in the default language
(``EventPage.canonical``). Its translations repeat the facts that do not depend on
the language (``EventPage.FACT_FIELDS``: dates, place, link, theme, applications)
but never own them: every publication copies them where they belong, and the editor
shows the facts of a translation read-only. The machinery for any page with such
facts is ``core.shared_facts``.

What is the events' own: each publication of the original that changes its facts
raises the event's ``calendar_sequence`` (on every language's row, and the
translations take it with the facts), so calendar clients replace the event they
hold (iCalendar ``SEQUENCE``).
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.shared_facts import facts_changed, facts_published

from .models import EventPage

# The same in every language: raised on every row, copied with the facts.
CALENDAR_FIELDS = ("calendar_sequence", "calendar_changed_at")


@transaction.atomic
def event_facts_published(*, event: EventPage) -> None:
    """After any publication of an event page (``page_published``).

    The original: raise the calendar sequence if its facts changed since the
    revision live before, then copy its facts into every translation. A
    translation: take the original's facts (and sequence) again."""
    if event.fact_source() is None and facts_changed(event):
        EventPage.objects.filter(translation_key=event.translation_key).update(
            calendar_sequence=F("calendar_sequence") + 1,
            calendar_changed_at=timezone.now(),
        )
        event.refresh_from_db(fields=list(CALENDAR_FIELDS))
    facts_published(page=event, columns=CALENDAR_FIELDS)
