"""iCalendar (RFC 5545) files for events: one event's file and calendar feeds.

The file format (folding, escaping, UTC times) is ``core.ical``. The UID is the
page's translation key, so an event keeps its UID across languages and edits and
calendars update it in place instead of adding a copy; ``SEQUENCE`` is the
event's ``calendar_sequence`` (raised when a publication changes its facts and
when it is cancelled, the same in every language), ``STATUS`` says whether it
still takes place and ``LAST-MODIFIED`` when its entry last changed. The online
link is written only when the caller says the reader may have it (a confirmed
participant's own file).
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.utils import timezone

from core.ical import calendar as ical_calendar
from core.ical import escape_text, utc_stamp

from .models import EventPage

PRODID = "-//Connective Cities//Events//EN"
# An event with a start but no end is shown as lasting this long.
DEFAULT_DURATION = timedelta(hours=2)


def event_uid(event: EventPage) -> str:
    return f"event-{event.translation_key}@connective-cities"


def calendar_lines(
    event: EventPage, *, url: str, online_link: str = "", now: datetime | None = None
) -> list[str]:
    """The ``VEVENT`` of one event (unfolded lines); empty without a fixed date."""
    if event.starts_at is None or event.month_only:
        return []
    now = now or timezone.now()
    end = event.ends_at or event.starts_at + DEFAULT_DURATION
    location = event.location_line
    description = event.teaser or ""
    if online_link:
        description += f"\n\nOnline: {online_link}"
        location = f"{location} / {online_link}" if location else online_link
    description += f"\n\n{url}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(event)}",
        f"SEQUENCE:{event.calendar_sequence}",
        f"STATUS:{'CANCELLED' if event.is_cancelled else 'CONFIRMED'}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(event.starts_at)}",
        f"DTEND:{utc_stamp(end)}",
        f"SUMMARY:{escape_text(event.title)}",
        f"DESCRIPTION:{escape_text(description.strip())}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    modified = event.calendar_modified_at
    if modified:
        lines.append(f"LAST-MODIFIED:{utc_stamp(modified)}")
    lines.append("END:VEVENT")
    return lines


def calendar(entries: Iterable[list[str]], *, name: str = "") -> str:
    """A whole calendar of events from their lines (``calendar_lines``)."""
    return ical_calendar(entries, prodid=PRODID, name=name)
