"""What a map is called, for people: the SVG's ``<title>`` and an image's ``alt``."""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from django_countries import countries as iso_countries


def country_name(code: str) -> str:
    """The country's name in the active language."""
    return str(iso_countries.name(code))


def map_title(*, names: Sequence[str] = (), count: int = 0) -> str:
    """ "Map of Jordan", "Map of Jordan with 1 place marked", "World map"."""
    where = ", ".join(names)
    if where and count:
        return ngettext(
            "Map of %(where)s with %(count)d place marked",
            "Map of %(where)s with %(count)d places marked",
            count,
        ) % {"where": where, "count": count}
    if where:
        return _("Map of %(where)s") % {"where": where}
    if count:
        return ngettext(
            "Map with %(count)d place marked", "Map with %(count)d places marked", count
        ) % {"count": count}
    return _("World map")
