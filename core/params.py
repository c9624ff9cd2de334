"""Reading untrusted values from URLs, query strings and forms.

Every number a visitor can type ends up in SQL somewhere, and both databases stop at
a signed 64-bit integer (PostgreSQL's ``bigint``, SQLite's ``INTEGER``); Python's
``int()`` also accepts far more than ASCII digits (``"٢٠١٩"``; ``"²"`` passes
``str.isdigit()`` and then fails ``int()``). These helpers accept plain ASCII digits
within bounds and answer ``None`` for anything else, so callers say "unknown value"
instead of crashing. The ``id`` path converter does the same for ids in URLs.
"""

import re
import unicodedata
from datetime import date

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.urls import register_converter
from django.utils.http import url_has_allowed_host_and_scheme

# The largest value of a primary key or any integer column (bigint, SQLite INTEGER).
MAX_DB_INT = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_int(
    raw: str | None, *, minimum: int = 0, maximum: int = MAX_DB_INT
) -> int | None:
    """``raw`` as an int if it is ASCII digits (surrounding spaces allowed) between
    ``minimum`` and ``maximum``; otherwise ``None``."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def parse_year(raw: str | None, *, minimum: int = 1950, maximum: int = 2100):
    """A four-digit ASCII year between ``minimum`` and ``maximum``, or ``None``."""
    if raw is None or len(str(raw).strip()) != 4:
        return None
    return parse_int(raw, minimum=minimum, maximum=maximum)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(
    raw: str | None, *, minimum: int = 1950, maximum: int = 2100
) -> date | None:
    """An ISO date (``2026-03-12``, what ``<input type="date">`` sends) in a year
    between ``minimum`` and ``maximum``, or ``None``. Only this one spelling:
    ``date.fromisoformat`` also takes ``20260312`` and week dates, and a year far
    away overflows date arithmetic before it means anything."""
    text = str(raw or "").strip()
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError:  # 2019-02-30, month 13
        return None
    return value if minimum <= value.year <= maximum else None


def parse_sdg(raw: str | None) -> int | None:
    """The number of a Sustainable Development Goal (1–17), or ``None``."""
    return parse_int(raw, minimum=1, maximum=17)


def has_control_characters(raw: str) -> bool:
    """True when ``raw`` holds a control, format or unassigned character (NUL,
    escape, a lone surrogate, ...): nothing a person types into a filter or a slug,
    and PostgreSQL rejects NUL in any text."""
    return any(unicodedata.category(char).startswith("C") for char in raw)


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The ``next`` address sent with the request if it stays on this site (and
    on HTTPS when the request came that way), else ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def paginate(request: HttpRequest, rows, per_page: int) -> Page:
    """The page of ``rows`` the ``p`` parameter asks for (the last one for a
    number too large, the first for anything else that is not a number)."""
    return Paginator(rows, per_page).get_page(request.GET.get("p"))


class IdConverter:
    """``<id:pk>``: like Django's ``<int:...>`` but never beyond what the database
    can store, so an absurd id in a URL is a 404 instead of an overflow."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_DB_INT:
            raise ValueError(value)  # no match: the URL resolver answers 404
        return number

    def to_url(self, value) -> str:
        return str(value)


def register_converters() -> None:
    """Register the ``id`` path converter (called once, from ``CoreConfig``)."""
    register_converter(IdConverter, "id")
