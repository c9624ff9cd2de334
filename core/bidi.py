"""Keeping names and titles whole inside sentences of the other direction, and
lists separated as the language separates them.

An Arabic sentence with a Latin name in it ("… “Solar street lighting” …"), or an
English one with an Arabic city, is laid out by the Unicode bidirectional
algorithm, which lets neutral characters next to the name (quotes, brackets, a
full stop, a number) join the wrong side: "(Amman)" turns into ")Amman(". Isolating
the name gives it its own direction, found from its first strong letter, so the
sentence around it keeps its order.

- ``bdi`` is for HTML: ``<bdi>`` around the escaped value. Templates use it
  where a person's, a city's or a page's name is put into a translated sentence
  (``{% blocktranslate with title=page.title|bdi %}``).
- ``isolate`` is for plain text (mail subjects and bodies, messages): the Unicode
  isolates FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, which mail clients and
  browsers honour the same way. Only where it is needed: in a right-to-left
  language, or for a right-to-left value in a left-to-right one; English and
  German text without Arabic stays byte for byte as it was.
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi, pgettext

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"

# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and the Arabic
# presentation forms: the scripts written right to left.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_right_to_left(text: str) -> bool:
    return bool(_RIGHT_TO_LEFT.search(text))


def bdi(value) -> SafeString:
    """``value`` escaped and isolated in ``<bdi>`` (nothing for an empty value)."""
    if value is None or value == "":
        return SafeString("")
    return format_html("<bdi>{}</bdi>", conditional_escape(value))


def isolate(value) -> str:
    """``value`` between Unicode isolates where directions may mix."""
    text = "" if value is None else str(value)
    if not text or not (get_language_bidi() or has_right_to_left(text)):
        return value if value is not None else ""
    isolated = FIRST_STRONG_ISOLATE + text + POP_DIRECTIONAL_ISOLATE
    # Escaping is the template's business: keep a safe value safe.
    return SafeString(isolated) if isinstance(value, SafeString) else isolated


def list_separator() -> str:
    """What separates the items of a list in the language being read: ", ", and
    the Arabic comma in Arabic."""
    return pgettext("list separator", ", ")


def join_list(items) -> str:
    """``items`` as one list in the language being read ("7, 11"; "7، 11")."""
    return list_separator().join(str(item) for item in items)
