"""iCalendar (RFC 5545) files for events: one event's file and calendar feeds.

Written by hand (it is a small text format and the project has no iCalendar
dependency): CRLF line endings, lines folded at 75 octets without splitting a UTF-8
character, TEXT values escaped, times in UTC. The UID is the page's translation key,
so an event keeps its UID across languages and edits and calendars update it in
place instead of adding a copy; ``SEQUENCE`` is the event's ``calendar_sequence``
(raised when a publication changes its facts and when it is cancelled, the same in
every language), ``STATUS`` says whether it still takes place and ``LAST-MODIFIED``
when its entry last changed. The online link is written only when the caller says
the reader may have it (a confirmed participant's own file).
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from .models import EventPage

PRODID = "-//Connective Cities//Events//EN"
MAX_OCTETS = 75
# An event with a start but no end is shown as lasting this long.
DEFAULT_DURATION = timedelta(hours=2)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (3.1), continuation
    lines starting with a space, never inside a multi-byte character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # the leading space counts
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


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
    """A whole ``VCALENDAR`` from the events' lines, folded, with CRLF endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for entry in entries:
        lines.extend(entry)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
