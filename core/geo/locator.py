"""Locator maps: a small SVG picture of where something is, drawn on the server
from the shipped country shapes.

A map shows a box around what it locates (countries, places, or both; the whole
world when it is given nothing), the located countries in a tone of the cluster's
colour, every other country in light grey, and each place as a marker in the
cluster's colour. The projection is equirectangular with its standard parallel at
the box's middle latitude (clamped to ±60°), which keeps shapes right for the
regional boxes these maps show; the world map uses 40°. Shapes are clipped to the
box, simplified to about half a pixel (Douglas–Peucker) and written with integer,
relative coordinates, so that a map of one country with its neighbours stays under
8 KB.
"""

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from core.models import CLUSTER_HEX

from .shapes import Bounds, Country, countries, country_shape, land, shapes_digest

WIDTH, HEIGHT = 640, 360
ASPECT = WIDTH / HEIGHT
# Raised whenever the drawing changes, so that every map URL changes with it
# (browsers keep a map for a year).
DRAWING_VERSION = 1

SEA = "#dde9ef"
LAND = "#eeede8"
BORDER = "#b9c1c6"
DEFAULT_COLOUR = "#0b5c6b"  # the site's primary colour, for items without a cluster

# Around what a map locates, as a share of its size on each side, and the least
# height of a box in degrees of latitude: a small country or a single city shows
# its neighbours.
PADDING = 0.3
MINIMUM_SPAN = 10.0
# The world from the Bering Strait round to it again, so that Russia is whole; a
# standard parallel of 40° gives it the picture's proportions without much sea.
WORLD = Bounds(-169.0, -58.0, 191.0, 84.0)
WORLD_PARALLEL = 40
# How far a simplified line may stray, in pixels, and the smallest island drawn,
# in square pixels: finer on maps of a country, coarser on maps of continents,
# where the 1:110m shapes have more points than pixels.
SIMPLIFY_PX = {"fine": 0.5, "coarse": 1.0}
MIN_RING_AREA_PX = {"fine": 1.5, "coarse": 4.0}
FINE_MIN_SCALE = 8.0
CLIP_MARGIN_PX = 4.0
# Below this many pixels per degree (a continent or the world) a map draws land
# without borders, except around the countries it locates.
BORDERS_MIN_SCALE = 4.0


def map_version() -> str:
    """Changes with the shapes file and the drawing code: part of every map URL."""
    fingerprint = f"{shapes_digest()}:{DRAWING_VERSION}"
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:8]


def colours(colour: str) -> tuple[str, str]:
    """(marker, highlighted country) for a ``ClusterColour`` value; the site's
    primary colour for anything else."""
    strong = CLUSTER_HEX[colour][0] if colour in CLUSTER_HEX else DEFAULT_COLOUR
    return strong, mix_with_white(strong, 0.38)


def mix_with_white(hex_colour: str, share: float) -> str:
    channels = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(value * share + 255 * (1 - share)) for value in channels]
    return "#" + "".join(f"{value:02x}" for value in mixed)


@dataclass(frozen=True)
class Frame:
    """The box a map shows and its projection onto the picture."""

    west: float
    south: float
    east: float
    north: float
    parallel: float  # the standard parallel's cosine

    @property
    def scale(self) -> float:
        return WIDTH / ((self.east - self.west) * self.parallel)

    @property
    def bounds(self) -> Bounds:
        return Bounds(self.west, self.south, self.east, self.north)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        scale = self.scale
        return (
            (lon - self.west) * self.parallel * scale,
            (self.north - lat) * scale,
        )


def world_frame() -> Frame:
    parallel = math.cos(math.radians(WORLD_PARALLEL))
    height = (WORLD.east - WORLD.west) * parallel / ASPECT
    middle = (WORLD.south + WORLD.north) / 2
    return Frame(
        WORLD.west, middle - height / 2, WORLD.east, middle + height / 2, parallel
    )


def frame_around(focus: Bounds | None) -> Frame:
    """A box of the picture's proportions around ``focus``, with room on every
    side; the world when there is nothing to focus on or the box would be as wide
    as the world."""
    if focus is None:
        return world_frame()
    middle_lat = (focus.south + focus.north) / 2
    parallel = math.cos(math.radians(max(-60.0, min(60.0, middle_lat))))
    width = (focus.east - focus.west) * parallel * (1 + 2 * PADDING)
    height = (focus.north - focus.south) * (1 + 2 * PADDING)
    height = max(height, MINIMUM_SPAN, width / ASPECT)
    width = height * ASPECT
    lon_span = width / parallel
    if lon_span >= 300 or height >= 150:
        return world_frame()
    middle_lon = (focus.west + focus.east) / 2
    # Keep the box on the globe: a place near a pole moves the box, not the pole.
    middle_lat = max(-85 + height / 2, min(85 - height / 2, middle_lat))
    return Frame(
        middle_lon - lon_span / 2,
        middle_lat - height / 2,
        middle_lon + lon_span / 2,
        middle_lat + height / 2,
        parallel,
    )


def focus_of(shapes: Sequence[Country], points: Sequence[tuple[float, float]]):
    """What the box must show: the main parts of the located countries (see
    ``Country.main_parts``) and the places themselves."""
    boxes = [Bounds(lon, lat, lon, lat) for lat, lon in points]
    for shape in shapes:
        boxes.extend(shape.main_parts(list(points)))
    if not boxes:
        return None
    focus = boxes[0]
    for box in boxes[1:]:
        focus = focus.union(box)
    return focus


# --- Geometry in picture coordinates ----------------------------------------------


def clip_ring(
    points: list[tuple[float, float]], box: tuple[float, float, float, float]
):
    """The ring cut to the rectangle (Sutherland–Hodgman). Edges along the
    rectangle lie outside the picture (``CLIP_MARGIN_PX``), so they never show."""
    left, top, right, bottom = box
    edges = (
        (lambda p: p[0] >= left, lambda a, b: _cross_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _cross_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _cross_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _cross_y(a, b, bottom)),
    )
    for inside, crossing in edges:
        if not points:
            break
        kept = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    kept.append(crossing(previous, point))
                kept.append(point)
            elif inside(previous):
                kept.append(crossing(previous, point))
            previous = point
        points = kept
    return points


def _cross_x(a, b, x):
    share = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + share * (b[1] - a[1]))


def _cross_y(a, b, y):
    share = (y - a[1]) / (b[1] - a[1])
    return (a[0] + share * (b[0] - a[0]), y)


def simplify(points: list[tuple[float, float]], tolerance: float):
    """Douglas–Peucker on a closed ring (the first point is kept as an anchor)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = 0, tolerance
        for index in range(first + 1, last):
            px, py = points[index]
            if length:
                gap = abs(dy * (px - ax) - dx * (py - ay)) / length
            else:
                gap = math.hypot(px - ax, py - ay)
            if gap > distance:
                farthest, distance = index, gap
        if farthest:
            keep[farthest] = True
            stack.extend(((first, farthest), (farthest, last)))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_area(points: Sequence[tuple[int, int]]) -> float:
    return abs(
        sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True)
        )
        / 2
    )


def picture_ring(ring, frame: Frame, shift: float = 0.0) -> list[tuple[int, int]]:
    """A ring of degrees as integer picture coordinates, clipped and simplified;
    empty when nothing of it is left to see."""
    box = (
        -CLIP_MARGIN_PX,
        -CLIP_MARGIN_PX,
        WIDTH + CLIP_MARGIN_PX,
        HEIGHT + CLIP_MARGIN_PX,
    )
    projected = [frame.project(lon + shift, lat) for lon, lat in ring]
    clipped = clip_ring(projected, box)
    if len(clipped) < 3:
        return []
    rounded: list[tuple[int, int]] = []
    detail = "fine" if frame.scale >= FINE_MIN_SCALE else "coarse"
    for x, y in simplify([*clipped, clipped[0]], SIMPLIFY_PX[detail])[:-1]:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    if len(rounded) < 3 or ring_area(rounded) < MIN_RING_AREA_PX[detail]:
        return []
    return rounded


def path_data(rings: Iterable[list[tuple[int, int]]]) -> str:
    """SVG path data, relative after each ring's first point: ``M3 4l5-2 1 6z``."""
    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        numbers = []
        for next_x, next_y in rest:
            numbers.extend((next_x - x, next_y - y))
            x, y = next_x, next_y
        parts.append(f"M{compact(ring[0])}l{compact(numbers)}z")
    return "".join(parts)


def compact(numbers: Iterable[int]) -> str:
    """Numbers separated by a space, or by nothing before a minus sign."""
    text = ""
    for number in numbers:
        if text and number >= 0:
            text += " "
        text += str(number)
    return text


def country_rings(shape: Country, frame: Frame) -> list[list[tuple[int, int]]]:
    """The country's rings in the picture, each part also a world to the east or
    west when that copy is in the box (Chukotka, east of 180°, on a map of Alaska)."""
    rings = []
    for polygon, bounds in zip(shape.polygons, shape.part_bounds, strict=True):
        for shift in (0.0, -360.0, 360.0):
            if not frame.bounds.intersects(bounds.shifted(shift)):
                continue
            for ring in polygon:
                drawn = picture_ring(ring, frame, shift)
                if drawn:
                    rings.append(drawn)
    return rings


# --- The map ------------------------------------------------------------------------


@dataclass(frozen=True)
class LocatorMap:
    """What a locator map shows: countries (ISO alpha-2), places as (latitude,
    longitude) and a ``ClusterColour`` value; ``title`` names it for people."""

    title: str
    countries: tuple[str, ...] = ()
    points: tuple[tuple[float, float], ...] = ()
    colour: str = ""
    small_markers: bool = False
    title_id: str = "map-title"

    def shapes(self) -> list[Country]:
        return [shape for code in self.countries if (shape := country_shape(code))]

    def frame(self) -> Frame:
        return frame_around(focus_of(self.shapes(), self.points))

    def svg(self) -> str:
        frame = self.frame()
        marker, highlight = colours(self.colour)
        located = {shape.code for shape in self.shapes()}
        others, chosen = [], []
        borders = frame.scale >= BORDERS_MIN_SCALE
        for shape in countries():
            if shape.code and shape.code in located:
                chosen.extend(country_rings(shape, frame))
            elif borders:
                others.extend(country_rings(shape, frame))
        if not borders:
            others = country_rings(land(), frame)
        parts = [
            '<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
            f'role="img" aria-labelledby="{self.title_id}">',
            f'<title id="{self.title_id}">{escape(self.title)}</title>',
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{SEA}"/>',
        ]
        if others:
            parts.append(
                f'<path fill="{LAND}" stroke="{BORDER}" stroke-width=".75" '
                f'stroke-linejoin="round" fill-rule="evenodd" d="{path_data(others)}"/>'
            )
        if chosen:
            parts.append(
                f'<path class="located" fill="{highlight}" stroke="{marker}" '
                'stroke-width="1.25" stroke-linejoin="round" fill-rule="evenodd" '
                f'd="{path_data(chosen)}"/>'
            )
        markers = self.marker_positions(frame)
        if markers:
            radius, ring = (6, 2) if self.small_markers else (10, 3)
            parts.append(
                f'<g class="markers" fill="{marker}" stroke="#fff" '
                f'stroke-width="{ring}">'
            )
            parts.extend(
                f'<circle cx="{x}" cy="{y}" r="{radius}"/>' for x, y in markers
            )
            parts.append("</g>")
            if not self.small_markers:
                parts.append(
                    '<g fill="#fff">'
                    + "".join(f'<circle cx="{x}" cy="{y}" r="3"/>' for x, y in markers)
                    + "</g>"
                )
        parts.append("</svg>")
        return "".join(parts)

    def marker_positions(self, frame: Frame) -> list[tuple[int, int]]:
        """Each place once, in picture coordinates (two cities a pixel apart are
        one marker)."""
        positions = []
        for lat, lon in self.points:
            x, y = frame.project(lon, lat)
            point = (round(x), round(y))
            if point not in positions and 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
                positions.append(point)
        return positions
