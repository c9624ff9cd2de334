"""What a locator map's URL says, written by the template tag and read by the view.

The URL names everything the picture shows, so a picture never changes under its
URL (``v`` changes with the shapes and the drawing): ``c`` countries (ISO 3166-1
alpha-2, comma-separated), ``p`` places (``latitude,longitude``, repeated), ``r`` a
programme region (its id) when there is neither, ``colour`` a ``ClusterColour``.
Numbers are rounded to two decimals (about a kilometre), codes upper-cased and
sorted, so the same map has one URL and is drawn and downloaded once.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from django_countries import countries as iso_countries

from core.models import ClusterColour
from core.params import parse_int

MAX_COUNTRIES = 8
MAX_POINTS = 12
_CODE = re.compile(r"[A-Za-z]{2}")
_COORDINATE = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{1,8})?")


@dataclass(frozen=True)
class LocatorParams:
    countries: tuple[str, ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    region: int | None = None
    colour: str = ""

    @classmethod
    def build(
        cls,
        *,
        countries=(),
        points=(),
        region: int | None = None,
        colour: str = "",
    ) -> "LocatorParams":
        """Normalised: known codes only, places rounded, at most the first few of
        each, the region only when there is nothing else to show."""
        codes = sorted({code.upper() for code in countries if code})
        codes = [code for code in codes if code in iso_countries][:MAX_COUNTRIES]
        rounded = []
        for lat, lon in points:
            point = (round(float(lat), 2), round(float(lon), 2))
            if point not in rounded:
                rounded.append(point)
        return cls(
            countries=tuple(codes),
            points=tuple(sorted(rounded)[:MAX_POINTS]),
            region=None if codes or rounded else region,
            colour=colour if colour in ClusterColour.values else "",
        )

    @property
    def is_world(self) -> bool:
        return not (self.countries or self.points or self.region)

    def query(self, version: str) -> str:
        pairs = []
        if self.countries:
            pairs.append(("c", ",".join(self.countries)))
        pairs.extend(("p", f"{lat:.2f},{lon:.2f}") for lat, lon in self.points)
        if self.region is not None:
            pairs.append(("r", str(self.region)))
        if self.colour:
            pairs.append(("colour", self.colour))
        pairs.append(("v", version))
        return urlencode(pairs, safe=",")

    @classmethod
    def read(cls, query: QueryDict) -> "LocatorParams | None":
        """The parameters of a request, or ``None`` if any is not what the tag
        writes (an unknown country or colour, a place off the globe, too many)."""
        raw_codes = query.get("c", "")
        codes = [code for code in raw_codes.split(",") if code] if raw_codes else []
        raw_points = query.getlist("p")
        if len(codes) > MAX_COUNTRIES or len(raw_points) > MAX_POINTS:
            return None
        if not all(_CODE.fullmatch(code) for code in codes):
            return None
        if not all(code.upper() in iso_countries for code in codes):
            return None
        points = []
        for raw in raw_points:
            point = read_point(raw)
            if point is None:
                return None
            points.append(point)
        region = None
        if "r" in query:
            region = parse_int(query["r"], minimum=1)
            if region is None:
                return None
        colour = query.get("colour", "")
        if colour and colour not in ClusterColour.values:
            return None
        return cls.build(countries=codes, points=points, region=region, colour=colour)


def read_point(raw: str) -> tuple[float, float] | None:
    """``"31.95,35.93"`` as (latitude, longitude), or ``None``."""
    parts = raw.split(",")
    if len(parts) != 2 or not all(_COORDINATE.fullmatch(part) for part in parts):
        return None
    lat, lon = (float(part) for part in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
