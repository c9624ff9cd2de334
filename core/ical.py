"""Writing iCalendar (RFC 5545) files.

Written by hand (it is a small text format and the project has no iCalendar
dependency): CRLF line endings, lines folded at 75 octets without splitting a UTF-8
character, TEXT values escaped, times in UTC. What goes into each entry is the
caller's (``events.ical`` writes an event's ``VEVENT``).
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.http import HttpResponse

MAX_OCTETS = 75


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


def calendar(entries: Iterable[list[str]], *, prodid: str, name: str = "") -> str:
    """A whole ``VCALENDAR`` from the entries' lines, folded, with CRLF endings;
    ``prodid`` names the product that wrote it."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for entry in entries:
        lines.extend(entry)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def ics_response(text: str, filename: str) -> HttpResponse:
    """A calendar file to download as ``filename``."""
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
