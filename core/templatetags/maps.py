"""Map pictures in templates.

``{% locator_map %}`` writes an ``<img>`` of a locator map (``core.geo``) for a
practice, project, event or organisation: its places (organisations with
coordinates), its country and the countries of its places; else its region; else
the world. The picture is a URL, not inline SVG: the same city's map repeats on
many cards and pages and is downloaded once, and the rendered cards stay small.

``{% overview_map %}`` writes the picture an index page shows before its
interactive map is opened: every point of the map, inline (one per page, and too
many points for a URL), cached.
"""

import hashlib
from collections.abc import Iterable

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.geo.labels import country_name, map_title
from core.geo.locator import LocatorMap, map_version
from core.geo.params import LocatorParams
from core.geo.shapes import country_shape
from core.knowledge.directory import directory
from core.knowledge.listing import cached
from core.knowledge.versions import content_version

register = template.Library()

OVERVIEW_SECONDS = 24 * 3600


def _organisation(item):
    """An organisation from what templates have at hand: the organisation, a
    project's city role or a facts entry (``{"organisation": ...}``)."""
    if isinstance(item, dict):
        return item.get("organisation")
    return getattr(item, "organisation", item)


def _places(places, place) -> list:
    items = list(places or []) if not hasattr(places, "latitude") else [places]
    if place is not None:
        items.append(place)
    found = []
    for item in items:
        organisation = _organisation(item)
        if organisation and organisation not in found:
            found.append(organisation)
    return found


def _name(organisation) -> str:
    return str(
        getattr(organisation, "display_name", None)
        or getattr(organisation, "localized_name", None)
        or organisation.name
    )


def _code(country) -> str:
    return str(getattr(country, "code", country) or "").upper()


def _region_id(region) -> int | None:
    if region in (None, ""):
        return None
    return getattr(region, "pk", region)


def _region_name(region) -> str:
    return str(getattr(region, "name", "") or "")


@register.inclusion_tag("includes/locator_map.html")
def locator_map(
    *,
    country="",
    places: Iterable = (),
    place=None,
    colour: str = "",
    region=None,
    alt: str | None = None,
    css_class: str = "",
):
    """An ``<img>`` of where something is. ``alt`` defaults to a description
    ("Map of Greater Amman Municipality, Jordan"); cards pass ``alt=""`` because
    their text names the places already."""
    organisations = _places(places, place)
    located = [o for o in organisations if o.has_location]
    codes = [_code(country)] + [_code(o.country) for o in organisations]
    codes = [code for code in dict.fromkeys(codes) if code and country_shape(code)]
    params = LocatorParams.build(
        countries=codes,
        points=[(o.latitude, o.longitude) for o in located],
        region=_region_id(region),
        colour=colour or "",
    )
    if alt is None:
        names = [_name(o) for o in organisations]
        names += [
            country_name(code)
            for code in params.countries
            if not any(_code(o.country) == code for o in organisations)
        ]
        if not names and params.region is not None:
            names = [_region_name(region)] if _region_name(region) else []
        alt = map_title(names=names)
    return {
        "url": f"{reverse('locator_map')}?{params.query(map_version())}",
        "alt": alt,
        "css_class": css_class,
    }


@register.simple_tag
def overview_map(points: Iterable[dict], *, title: str, colour: str = ""):
    """Inline SVG with a small marker for each of ``points`` (``lat``, ``lon``)."""
    located = tuple(
        sorted({(round(p["lat"], 2), round(p["lon"], 2)) for p in points or []})
    )
    if not located:
        return ""
    parts = (map_version(), get_language(), title, colour, located)
    key = "geo:overview:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = LocatorMap(
            title=title,
            points=located,
            colour=colour,
            small_markers=True,
            title_id="overview-map-title",
        ).svg()
        cache.set(key, svg, OVERVIEW_SECONDS)
    return mark_safe(svg)  # noqa: S308 - drawn here; the title is escaped in svg()


@register.simple_tag
def network_map(*, title: str):
    """The home page's picture of the network: every organisation with a place on
    the map, as ``overview_map`` draws them. The points are read once per content
    version (saving an organisation starts a new one), so the page pays no query
    for them."""

    def read() -> list[dict]:
        rows = (
            directory()
            .organisation.objects.filter(latitude__isnull=False)
            .order_by()
            .values_list("latitude", "longitude")
        )
        return [{"lat": float(lat), "lon": float(lon)} for lat, lon in rows]

    points = cached(content_version(), ("network-map-points",), read)
    return overview_map(points, title=title)


@register.simple_tag
def map_base_layer_url() -> str:
    """The countries for the interactive maps (kept by browsers for a year)."""
    return f"{reverse('map_base_layer')}?v={map_version()}"
