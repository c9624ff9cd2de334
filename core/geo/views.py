"""The maps' URLs: locator maps as SVG images and the interactive maps' base layer.

Both answer from a cache and say how long a browser may keep the answer: a URL with
the current ``v`` (``locator.map_version()``) names exactly one picture, so it is
kept for a year; a region's map also depends on which countries have member
organisations, so it is kept for a day. Each answer has an ETag, so a browser that
asks again gets a 304 without a body. Bad parameters are a 404, never an error.
"""

import hashlib
import json
from functools import cache as process_cache

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from core.knowledge.directory import directory
from core.knowledge.versions import content_version

from .labels import country_name, map_title
from .locator import LocatorMap, map_version
from .params import LocatorParams
from .shapes import countries, country_shape

YEAR = 365 * 24 * 3600
DAY = 24 * 3600
HOUR = 3600


def region_countries(region_id: int) -> tuple[str, tuple[str, ...]] | None:
    """The region's name in the reader's language and the countries of its
    organisations; ``None`` for no such region."""
    model = directory().region
    region = model.objects.filter(pk=region_id).first()
    if region is None:
        return None
    local = (
        model.objects.filter(
            translation_key=region.translation_key,
            locale__language_code=get_language(),
        ).first()
        or region
    )
    codes = (
        directory()
        .organisation.objects.filter(region__translation_key=region.translation_key)
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
    return local.name, tuple(str(code) for code in codes)


def draw_locator(params: LocatorParams) -> str | None:
    """The SVG for ``params``, or ``None`` when it would locate nothing (only
    countries too small for the shapes, or an unknown region)."""
    codes, names = params.countries, []
    if params.region is not None:
        found = region_countries(params.region)
        if found is None:
            return None
        name, codes = found
        names = [name]
    elif params.countries:
        if not params.points and not any(country_shape(code) for code in codes):
            return None
        names = [country_name(code) for code in codes]
    return LocatorMap(
        title=map_title(names=names, count=len(params.points)),
        countries=codes,
        points=params.points,
        colour=params.colour,
    ).svg()


def with_validators(request, response: HttpResponse, body: bytes, max_age: int):
    """``response`` with an ETag and cache lifetime, or a 304 when the browser's
    copy is still good."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        response = not_modified
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}" + (
        ", immutable" if max_age == YEAR else ""
    )
    return response


@require_safe
@gzip_page
def locator_map(request: HttpRequest) -> HttpResponse:
    """A locator map (``core.geo.params`` says what the URL may hold)."""
    params = LocatorParams.read(request.GET)
    if params is None:
        raise Http404("Not a locator map.")
    version = map_version()
    parts = [version, get_language(), repr(params)]
    if params.region is not None:
        parts.append(content_version())
    key = "geo:locator:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = draw_locator(params)
        if svg is None:
            raise Http404("Nothing to locate.")
        cache.set(key, svg, DAY)
    current = request.GET.get("v") == version
    max_age = (DAY if params.region is not None else YEAR) if current else HOUR
    body = svg.encode()
    return with_validators(
        request, HttpResponse(body, content_type="image/svg+xml"), body, max_age
    )


@process_cache
def base_layer_json() -> bytes:
    """Every country as GeoJSON, two decimals (about a kilometre, finer than the
    1:110m shapes), for the interactive maps' base layer. Derived from the shipped
    file on first use; the same file gives the same bytes."""
    features = [
        {
            "type": "Feature",
            "properties": {"code": country.code},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [
                    [rounded_ring(ring) for ring in polygon]
                    for polygon in country.polygons
                ],
            },
        }
        for country in countries()
    ]
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, separators=(",", ":")
    ).encode()


def rounded_ring(ring) -> list[list[float]]:
    rounded: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 2), round(lat, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


@require_safe
@gzip_page
def base_layer(request: HttpRequest) -> HttpResponse:
    """The countries as GeoJSON, drawn under the map tiles (``network-map.js``),
    so that a map shows the world when the tiles do not load."""
    body = base_layer_json()
    max_age = YEAR if request.GET.get("v") == map_version() else HOUR
    return with_validators(
        request,
        HttpResponse(body, content_type="application/geo+json"),
        body,
        max_age,
    )
