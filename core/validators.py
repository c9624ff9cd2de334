"""Validators shared by every app's models and forms."""

import functools
import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (line breaks and tabs among them) and the Unicode
# line and paragraph separators. A name is printed on one line: in lists, mails,
# exports and the subject of a message, where a line break would start a new one.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def validate_single_line_name(value: str) -> None:
    """A person's or an organisation's name: one line, no control characters."""
    if value and CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _(
                "A name must fit on one line: no line breaks, tabs or other "
                "control characters."
            ),
            code="control_characters",
        )


@functools.cache
def known_time_zones() -> frozenset[str]:
    """The IANA time zone names; read from disk once per process (each read scans
    the whole tz database, about a tenth of a second)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    """An IANA time zone name such as ``Europe/Berlin``."""
    if value not in known_time_zones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone, e.g. Europe/Berlin."),
            params={"value": value},
        )
