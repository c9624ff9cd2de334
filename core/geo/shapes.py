"""The countries of the world as polygons in degrees, decoded from the TopoJSON file
the project ships (``data/countries-110m.json``, see ``data/README.md``).

TopoJSON stores each border once, as an *arc*: a line of integer positions on a
grid, each after the first written as the step from the one before (delta
encoding). A polygon's ring lists the arcs it follows; ``~i`` (that is ``-i - 1``)
means arc ``i`` walked backwards. The file's ``transform`` turns grid positions into
longitude and latitude. Decoding is a few lines, so there is no dependency for it;
it runs once per process (``countries()`` is cached) and takes about 50 ms.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from django_countries import countries as iso_countries

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "countries-110m.json"

# The three shapes without an ISO numeric id in Natural Earth; only Kosovo has an
# ISO code (the user-assigned XK, which django-countries and the site use).
# Northern Cyprus and Somaliland stay without a code: drawn, never highlighted.
UNNUMBERED = {"Kosovo": "XK"}
# Antarctica's ring runs around the pole, which no flat map of this kind can close;
# no city of the network is there.
LEFT_OUT = {"AQ"}

Point = tuple[float, float]  # (longitude, latitude)
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the outer ring first, then holes


@dataclass(frozen=True)
class Bounds:
    """A box in degrees."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def around(cls, points) -> "Bounds":
        points = list(points)
        lons = [lon for lon, _lat in points]
        lats = [lat for _lon, lat in points]
        return cls(min(lons), min(lats), max(lons), max(lats))

    def union(self, other: "Bounds") -> "Bounds":
        return Bounds(
            min(self.west, other.west),
            min(self.south, other.south),
            max(self.east, other.east),
            max(self.north, other.north),
        )

    def shifted(self, degrees: float) -> "Bounds":
        """The same box ``degrees`` of longitude to the east."""
        if not degrees:
            return self
        return Bounds(self.west + degrees, self.south, self.east + degrees, self.north)

    def intersects(self, other: "Bounds") -> bool:
        return not (
            other.west > self.east
            or other.east < self.west
            or other.south > self.north
            or other.north < self.south
        )

    @property
    def area(self) -> float:
        return (self.east - self.west) * (self.north - self.south)


@dataclass(frozen=True)
class Country:
    """One country's shape: ``code`` is ISO 3166-1 alpha-2 (empty for the two
    shapes without one), ``polygons`` its parts (France: the mainland, Corsica,
    French Guiana)."""

    code: str
    name: str
    polygons: tuple[Polygon, ...]
    bounds: Bounds

    @cached_property
    def part_bounds(self) -> tuple[Bounds, ...]:
        """The box of each part, in the order of ``polygons``."""
        return tuple(Bounds.around(polygon[0]) for polygon in self.polygons)

    def contains(self, lon: float, lat: float) -> bool:
        return any(polygon_contains(polygon, lon, lat) for polygon in self.polygons)

    def main_parts(self, points: list[tuple[float, float]]) -> list[Bounds]:
        """The boxes of the parts a map of this country shows: those holding one
        of ``points`` (latitude, longitude), else the largest part; then the parts
        close to them (the Philippines' islands, Corsica; not French Guiana)."""
        boxes = self.part_bounds
        chosen = [
            box
            for polygon, box in zip(self.polygons, boxes, strict=True)
            if any(polygon_contains(polygon, lon, lat) for lat, lon in points)
        ] or [max(boxes, key=lambda box: box.area)]
        core = chosen[0]
        for box in chosen[1:]:
            core = core.union(box)
        reach = max(5.0, (core.east - core.west) / 2, (core.north - core.south) / 2)
        near = Bounds(
            core.west - reach, core.south - reach, core.east + reach, core.north + reach
        )
        return [box for box in boxes if near.intersects(box)]


def ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Whether the point is inside the ring (ray casting, even-odd)."""
    inside = False
    previous_lon, previous_lat = ring[-1]
    for point_lon, point_lat in ring:
        if (point_lat > lat) != (previous_lat > lat):
            crossing = previous_lon + (lat - previous_lat) * (
                point_lon - previous_lon
            ) / (point_lat - previous_lat)
            if lon < crossing:
                inside = not inside
        previous_lon, previous_lat = point_lon, point_lat
    return inside


def polygon_contains(polygon: Polygon, lon: float, lat: float) -> bool:
    """Whether the point is in the polygon (at ``lon`` or, for parts drawn past
    the antimeridian, at ``lon + 360``)."""
    outer, *holes = polygon
    return any(
        ring_contains(outer, east, lat)
        and not any(ring_contains(hole, east, lat) for hole in holes)
        for east in (lon, lon + 360)
    )


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Every arc of the topology in degrees (quantized and delta-encoded in the
    file when it has a ``transform``)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_rest in arc])
            continue
        (scale_x, scale_y), (translate_x, translate_y) = (
            transform["scale"],
            transform["translate"],
        )
        x = y = 0
        points = []
        for step_x, step_y, *_rest in arc:
            x += step_x
            y += step_y
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def decode_ring(arcs: list[list[Point]], indexes: list[int]) -> Ring:
    """A closed ring from its arcs; each arc after the first starts where the one
    before ended, so that shared point is written once."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return unwrap(points)


def unwrap(points: list[Point]) -> Ring:
    """The ring without jumps across the antimeridian: Chukotka and Fiji go on
    past 180° (to 190°) instead of leaping to -180°, which a flat map would draw as
    a band across the world. ``locator`` draws such parts once more, 360° west."""
    unwrapped: list[Point] = []
    offset = 0.0
    for lon, lat in points:
        if unwrapped:
            previous = unwrapped[-1][0] - offset
            if lon - previous > 180:
                offset -= 360
            elif previous - lon > 180:
                offset += 360
        unwrapped.append((lon + offset, lat))
    return tuple(unwrapped)


def decode_geometry(arcs: list[list[Point]], geometry: dict) -> tuple[Polygon, ...]:
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:  # a country with no area (the file has none)
        return ()
    return tuple(
        tuple(decode_ring(arcs, ring) for ring in polygon) for polygon in polygons
    )


def iso_code(geometry: dict) -> str:
    """ISO 3166-1 alpha-2 of a geometry (its ``id`` is the numeric code)."""
    numeric = geometry.get("id")
    if numeric is None:
        return UNNUMBERED.get(geometry.get("properties", {}).get("name", ""), "")
    return iso_countries.alpha2(int(numeric)) or ""


def decode_countries(topology: dict) -> tuple[Country, ...]:
    arcs = decode_arcs(topology)
    decoded = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = decode_geometry(arcs, geometry)
        code = iso_code(geometry)
        if not polygons or code in LEFT_OUT:
            continue
        decoded.append(
            Country(
                code=code,
                name=geometry.get("properties", {}).get("name", ""),
                polygons=polygons,
                bounds=Bounds.around(
                    point for polygon in polygons for point in polygon[0]
                ),
            )
        )
    return tuple(decoded)


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the shipped file, decoded once per process."""
    return decode_countries(json.loads(SHAPES_FILE.read_bytes()))


@cache
def land() -> Country:
    """All land as one shape without borders (the file's ``land`` object), for
    maps of the world, where borders would be a tangle of lines."""
    topology = json.loads(SHAPES_FILE.read_bytes())
    arcs = decode_arcs(topology)
    polygons = tuple(
        polygon
        for geometry in topology["objects"]["land"]["geometries"]
        for polygon in decode_geometry(arcs, geometry)
        if Bounds.around(polygon[0]).south > -60  # Antarctica (see LEFT_OUT)
    )
    return Country(
        code="",
        name="",
        polygons=polygons,
        bounds=Bounds.around(point for polygon in polygons for point in polygon[0]),
    )


@cache
def countries_by_code() -> dict[str, Country]:
    return {country.code: country for country in countries() if country.code}


def country_shape(code: str) -> Country | None:
    """The shape of the country with this ISO alpha-2 code, if the file has one
    (small states such as Singapore or Bahrain are missing at this scale)."""
    return countries_by_code().get((code or "").upper())


@cache
def shapes_digest() -> str:
    """A short fingerprint of the shipped file: what a map looks like depends on it."""
    return hashlib.sha256(SHAPES_FILE.read_bytes()).hexdigest()[:12]
