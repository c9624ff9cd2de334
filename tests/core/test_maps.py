"""Maps drawn from the shipped country shapes (``core.geo``): decoding the TopoJSON,
the locator maps' SVG, their URL and view, the interactive maps' base layer, and the
pictures on the pages and cards of the knowledge base and the directory.

The SVGs are read back with lxml, as a browser reads them; "the right country is
highlighted" is checked by projecting nothing ourselves: a marker's centre, drawn by
the map, must lie inside the highlighted shape, drawn by the same map, for the
country's own capital and outside it for a neighbour's.
"""

import gzip
import json
import re
from urllib.parse import parse_qs, urlsplit

from django.http import QueryDict
from django.template import Context, Template

import pytest
from lxml import etree
from lxml import html as lxml_html

from core.geo import locator
from core.geo.locator import LocatorMap, map_version
from core.geo.params import MAX_POINTS, LocatorParams
from core.geo.shapes import (
    countries,
    country_shape,
    decode_countries,
    polygon_contains,
    shapes_digest,
)
from core.geo.views import base_layer_json
from core.templatetags.maps import network_map
from tests.knowledge_fixtures import module_world

SVG = "{http://www.w3.org/2000/svg}"
AMMAN = (31.95, 35.93)
BEIRUT = (33.89, 35.50)
DAMASCUS = (33.51, 36.29)
BERLIN = (52.52, 13.40)
NAIROBI = (-1.29, 36.82)


# --- Decoding ---------------------------------------------------------------------


def test_decodes_quantized_delta_encoded_arcs_and_reversed_arcs():
    """A square made of two arcs, the second walked backwards (``~1``)."""
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 2], "translate": [10, -4]},
        "arcs": [
            [[0, 0], [2, 0], [0, 1]],  # (0,0) (2,0) (2,1) on the grid
            [[0, 0], [0, 1], [2, 0]],  # (0,0) (0,1) (2,1), walked backwards
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {
                        "type": "Polygon",
                        "id": "400",
                        "properties": {"name": "Jordan"},
                        "arcs": [[0, ~1]],
                    }
                ],
            }
        },
    }
    (square,) = decode_countries(topology)
    assert square.code == "JO"
    ring = ((10.0, -4.0), (11.0, -4.0), (11.0, -2.0), (10.0, -2.0), (10.0, -4.0))
    assert square.polygons == ((ring,),)
    assert square.contains(10.5, -3) and not square.contains(12, -3)


def test_every_shape_has_its_iso_code():
    shapes = countries()
    codes = [shape.code for shape in shapes if shape.code]
    # 177 in the file; Antarctica is left out (see shapes.LEFT_OUT).
    assert len(shapes) == 176
    assert len(codes) == 174
    assert len(set(codes)) == len(codes)
    # The two without any ISO code stay, drawn but never highlighted.
    assert sorted(shape.name for shape in shapes if not shape.code) == [
        "N. Cyprus",
        "Somaliland",
    ]
    assert country_shape("XK").name == "Kosovo"
    assert country_shape("jo").name == "Jordan"
    assert country_shape("SG") is None  # too small for 1:110m
    assert country_shape("") is None


@pytest.mark.parametrize(
    ("code", "inside", "outside"),
    [
        ("JO", AMMAN, BEIRUT),
        ("LB", BEIRUT, DAMASCUS),
        ("DE", BERLIN, (48.86, 2.35)),
        ("KE", NAIROBI, (-6.8, 39.28)),
        ("ZA", (-26.2, 28.04), (-29.6, 28.2)),  # Lesotho is a hole in it
    ],
)
def test_shapes_hold_their_capitals(code, inside, outside):
    shape = country_shape(code)
    assert shape.contains(inside[1], inside[0])
    assert not shape.contains(outside[1], outside[0])


def test_parts_across_the_antimeridian_are_whole():
    """Chukotka continues past 180° instead of leaping to -180°."""
    russia = country_shape("RU")
    assert russia.bounds.east > 180
    for polygon in russia.polygons:
        for ring in polygon:
            steps = [abs(b[0] - a[0]) for a, b in zip(ring, ring[1:], strict=False)]
            assert max(steps) < 180
    # A place at -179.5° is found in the part drawn at 180.5°.
    assert russia.contains(-179.5, 68.5)


def test_decoded_shapes_are_cached_per_process():
    assert countries() is countries()


# --- Drawing ------------------------------------------------------------------------


def read_svg(svg: str):
    assert len(svg.encode()) < 64_000
    return etree.fromstring(svg.encode())


def rings_of(path_data: str) -> list[list[tuple[float, float]]]:
    """Rings of the path data the maps write (``M x y l dx dy … z``)."""
    rings = []
    for part in re.findall(r"M[^M]+", path_data):
        numbers = [int(n) for n in re.findall(r"-?\d+", part)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def inside(rings, point) -> bool:
    """Even-odd rule over all rings, as the SVG fills them."""
    crossings = 0
    px, py = point
    for ring in rings:
        previous = ring[-1]
        for current in ring:
            (x1, y1), (x2, y2) = previous, current
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
            previous = current
    return crossings % 2 == 1


def located_rings(document):
    paths = document.findall(f"{SVG}path[@class='located']")
    assert len(paths) == 1
    return rings_of(paths[0].get("d"))


def marker_centres(document) -> list[tuple[float, float]]:
    group = document.find(f"{SVG}g[@class='markers']")
    return [(float(c.get("cx")), float(c.get("cy"))) for c in group]


def test_a_locator_map_is_an_accessible_svg_image():
    document = read_svg(
        LocatorMap(
            title="Map of <Jordan> & co", countries=("JO",), points=(AMMAN,)
        ).svg()
    )
    assert document.tag == f"{SVG}svg"
    assert document.get("role") == "img"
    assert document.get("viewBox") == "0 0 640 360"
    title = document.find(f"{SVG}title")
    assert title.text == "Map of <Jordan> & co"
    assert document.get("aria-labelledby") == title.get("id")


@pytest.mark.parametrize(
    ("code", "capital", "neighbour"),
    [
        ("JO", AMMAN, DAMASCUS),
        ("LB", BEIRUT, DAMASCUS),
        ("DE", BERLIN, (50.08, 14.44)),  # Prague
        ("KE", NAIROBI, (0.35, 32.58)),  # Kampala
        ("XK", (42.66, 21.17), (42.0, 21.43)),  # Pristina, Skopje
    ],
)
def test_the_highlighted_country_is_the_right_one(code, capital, neighbour):
    at_home = read_svg(LocatorMap(title="", countries=(code,), points=(capital,)).svg())
    (marker,) = marker_centres(at_home)
    assert inside(located_rings(at_home), marker)
    abroad = read_svg(
        LocatorMap(title="", countries=(code,), points=(neighbour,)).svg()
    )
    (marker,) = marker_centres(abroad)
    assert not inside(located_rings(abroad), marker)


@pytest.mark.parametrize("code", ["JO", "LB", "DE", "FR", "KE", "PH", "BR", "US"])
def test_a_country_map_shows_the_whole_country_and_stays_small(code):
    svg = LocatorMap(title="Map", countries=(code,), colour="teal").svg()
    document = read_svg(svg)
    points = [point for ring in located_rings(document) for point in ring]
    assert all(0 <= x <= 640 and 0 <= y <= 360 for x, y in points)
    assert len(svg.encode()) < 8_000


def test_a_world_map_without_anything_to_locate():
    svg = LocatorMap(title="World map").svg()
    document = read_svg(svg)
    assert document.find(f"{SVG}path[@class='located']") is None
    assert document.find(f"{SVG}g[@class='markers']") is None
    assert len(svg.encode()) < 8_000


def test_the_marker_and_country_take_the_cluster_colour():
    document = read_svg(
        LocatorMap(title="", countries=("JO",), points=(AMMAN,), colour="ochre").svg()
    )
    assert document.find(f"{SVG}g[@class='markers']").get("fill") == "#8a5300"
    assert document.find(f"{SVG}path[@class='located']").get("stroke") == "#8a5300"
    plain = read_svg(LocatorMap(title="", points=(AMMAN,), colour="nonsense").svg())
    assert plain.find(f"{SVG}g[@class='markers']").get("fill") == locator.DEFAULT_COLOUR


def test_the_map_version_follows_the_shapes_and_the_drawing(monkeypatch):
    before = map_version()
    assert re.fullmatch(r"[0-9a-f]{8}", before)
    assert len(shapes_digest()) == 12
    monkeypatch.setattr(locator, "DRAWING_VERSION", locator.DRAWING_VERSION + 1)
    assert map_version() != before


# --- Parameters ---------------------------------------------------------------------


def test_parameters_round_trip_in_one_canonical_spelling():
    params = LocatorParams.build(
        countries=["jo", "DE", "JO", ""],
        points=[(31.953949, 35.910635), (52.520008, 13.404954), (31.95, 35.91)],
        region=7,
        colour="teal",
    )
    assert params.countries == ("DE", "JO")
    assert params.points == ((31.95, 35.91), (52.52, 13.4))
    assert params.region is None  # only when there is nothing else to show
    query = params.query("abc")
    assert query == "c=DE,JO&p=31.95,35.91&p=52.52,13.40&colour=teal&v=abc"
    assert LocatorParams.read(QueryDict(query)) == params


@pytest.mark.parametrize(
    "query",
    [
        "c=ZZ",
        "c=JOR",
        "c=J%00",
        "p=91,0",
        "p=0,181",
        "p=1,2,3",
        "p=١,٢",
        "p=1e3,0",
        "r=0",
        "r=abc",
        f"r={2**64}",
        "colour=pink",
        "&".join(["p=1,1"] * (MAX_POINTS + 1)),
        "c=" + ",".join(["DE"] * 9),
    ],
)
def test_parameters_refuse_what_the_tag_never_writes(query):
    assert LocatorParams.read(QueryDict(query)) is None


# --- The view ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_view_answers_an_svg_kept_for_a_year_with_an_etag(client):
    url = f"/en/maps/locator.svg?c=JO&p=31.95,35.93&colour=teal&v={map_version()}"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    document = read_svg(response.content.decode())
    assert document.find(f"{SVG}title").text == ("Map of Jordan with 1 place marked")
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == response.content
    # An old version is drawn anew, and kept for an hour only.
    old = client.get(url.replace(map_version(), "old"))
    assert old["Cache-Control"] == "public, max-age=3600"


@pytest.mark.django_db
def test_the_title_is_in_the_language_of_the_url(client):
    response = client.get("/de/maps/locator.svg?c=DE")
    title = read_svg(response.content.decode()).find(f"{SVG}title").text
    assert "Deutschland" in title


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["c=ZZ", "c=SG", "r=999999", "p=95,0", "colour=pink", "c=DE&c=XX,"],
)
def test_bad_or_empty_maps_are_not_found(client, query):
    assert client.get(f"/en/maps/locator.svg?{query}").status_code == 404


@pytest.mark.django_db
def test_a_country_too_small_for_the_shapes_is_drawn_with_its_place(client):
    response = client.get("/en/maps/locator.svg?c=SG&p=1.29,103.85")
    assert response.status_code == 200
    document = read_svg(response.content.decode())
    assert document.find(f"{SVG}path[@class='located']") is None
    assert len(marker_centres(document)) == 1


@pytest.mark.django_db
def test_a_region_map_highlights_the_countries_of_its_organisations(client):
    from tests.factories import OrganisationFactory, RegionFactory

    region = RegionFactory(name="Middle East and North Africa")
    OrganisationFactory(country="JO", region=region)
    OrganisationFactory(country="LB", region=region)
    response = client.get(f"/en/maps/locator.svg?r={region.pk}&v={map_version()}")
    assert response.status_code == 200
    # Which countries a region has may change: kept for a day only.
    assert response["Cache-Control"] == "public, max-age=86400"
    document = read_svg(response.content.decode())
    assert document.find(f"{SVG}title").text == "Map of Middle East and North Africa"
    rings = located_rings(document)
    world = read_svg(LocatorMap(title="", countries=("JO", "LB")).svg())
    assert rings == located_rings(world)


@pytest.mark.django_db
def test_head_requests_work_and_posts_do_not(client):
    assert client.head("/en/maps/locator.svg?c=JO").status_code == 200
    assert client.post("/en/maps/locator.svg?c=JO").status_code == 405


# --- The base layer -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_base_layer_is_geojson_of_every_country(client):
    response = client.get(f"/maps/countries.json?v={map_version()}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert "immutable" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(countries())
    by_code = {f["properties"]["code"]: f["geometry"] for f in data["features"]}
    for polygon in by_code["JO"]["coordinates"]:
        for ring in polygon:
            assert ring[0] == ring[-1]
    jordan = [
        tuple(tuple(tuple(point) for point in ring) for ring in polygon)
        for polygon in by_code["JO"]["coordinates"]
    ]
    assert any(polygon_contains(polygon, AMMAN[1], AMMAN[0]) for polygon in jordan)
    assert not any(
        polygon_contains(polygon, BEIRUT[1], BEIRUT[0]) for polygon in jordan
    )
    # Compressed it is a fraction of its size (it is loaded only with the map).
    compressed = client.get("/maps/countries.json", HTTP_ACCEPT_ENCODING="gzip")
    assert len(compressed.content) < 60_000


def test_the_base_layer_is_reproducible_from_the_shipped_file():
    assert base_layer_json.__wrapped__() == base_layer_json.__wrapped__()


# --- The template tag ---------------------------------------------------------------


def render(source: str, **context) -> str:
    return Template("{% load maps %}" + source).render(Context(context))


@pytest.mark.django_db
def test_the_tag_locates_places_and_their_countries():
    from tests.factories import OrganisationFactory

    amman = OrganisationFactory(
        name="Greater Amman Municipality", country="JO", latitude=31.95, longitude=35.93
    )
    berlin = OrganisationFactory(
        name="Berlin", country="DE", latitude=52.52, longitude=13.40
    )
    nowhere = OrganisationFactory(name="Nowhere", country="LB")
    html = render(
        '{% locator_map places=places colour="blue" %}', places=[amman, berlin, nowhere]
    )
    image = lxml_html.fromstring(html)
    assert image.tag == "img"
    assert image.get("alt") == ("Map of Greater Amman Municipality, Berlin, Nowhere")
    url = urlsplit(image.get("src"))
    assert url.path == "/en/maps/locator.svg"
    assert parse_qs(url.query) == {
        "c": ["DE,JO,LB"],
        "p": ["31.95,35.93", "52.52,13.40"],
        "colour": ["blue"],
        "v": [map_version()],
    }
    assert (image.get("width"), image.get("height")) == ("640", "360")
    assert image.get("loading") == "lazy"


@pytest.mark.django_db
def test_the_tag_falls_back_to_the_country_then_the_region_then_the_world():
    from tests.factories import RegionFactory

    only_country = lxml_html.fromstring(render('{% locator_map country="TN" %}'))
    assert "c=TN&" in only_country.get("src")
    assert only_country.get("alt") == "Map of Tunisia"
    region = RegionFactory(name="Asia")
    by_region = lxml_html.fromstring(
        render(
            "{% locator_map country=country region=region %}",
            country="SG",
            region=region,
        )
    )
    assert f"r={region.pk}&" in by_region.get("src")
    assert by_region.get("alt") == "Map of Asia"
    world = lxml_html.fromstring(render('{% locator_map alt="" %}'))
    assert parse_qs(urlsplit(world.get("src")).query) == {"v": [map_version()]}
    assert world.get("alt") == ""


def test_the_overview_is_inline_svg_with_a_marker_per_place():
    html = render(
        '{% overview_map points title="Map of the cities" %}',
        points=[
            {"lat": 31.95, "lon": 35.93},
            {"lat": 31.951, "lon": 35.929},  # the same place
            {"lat": 33.89, "lon": 35.5},
        ],
    )
    document = read_svg(html)
    assert document.find(f"{SVG}title").text == "Map of the cities"
    assert len(marker_centres(document)) == 2
    assert render("{% overview_map points title='x' %}", points=[]) == ""


# --- Pages --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


def locator_images(html: str):
    return lxml_html.fromstring(html).xpath('//img[contains(@class, "locator-map")]')


@pytest.mark.django_db
def test_cards_without_a_photo_show_a_locator_map(client, world):
    html = client.get(world.pages["practices"].url).content.decode()
    cards = lxml_html.fromstring(html).xpath('//li[contains(@class, "knowledge-card")]')
    assert cards
    for card in cards:
        images = card.xpath(".//img")
        assert len(images) == 1
        if "locator-map" in images[0].get("class"):
            # Decorative on a card: the card's text names the city and country.
            assert images[0].get("alt") == ""
    amman = next(c for c in cards if "Solar street lighting" in c.text_content())
    (image,) = amman.xpath(".//img")
    assert "c=JO&p=31.95,35.93&colour=" in image.get("src")


@pytest.mark.django_db
def test_practice_and_project_pages_show_where_they_are(client, world):
    (practice,) = locator_images(client.get(world.p1.url).content.decode())
    assert practice.get("alt") == "Map of Greater Amman Municipality"
    (project,) = locator_images(client.get(world.r1.url).content.decode())
    assert project.get("alt") == "Map of Greater Amman Municipality, Munich"
    assert "c=DE,JO&p=31.95,35.93&p=48.14,11.58" in project.get("src")
    for image in (practice, project):
        assert client.get(image.get("src")).status_code == 200


@pytest.mark.django_db
def test_the_directory_profile_shows_the_city(client, world):
    html = client.get("/en/network/amman/").content.decode()
    (image,) = locator_images(html)
    assert image.get("alt") == "Map of Greater Amman Municipality"


@pytest.mark.django_db
def test_index_maps_load_leaflet_only_when_opened(client, world):
    html = client.get(world.pages["practices"].url).content.decode()
    document = lxml_html.fromstring(html)
    # No Leaflet in the page: the map's script loads it when the button is pressed.
    assert not document.xpath('//script[contains(@src, "leaflet")]')
    assert not document.xpath('//link[contains(@href, "leaflet")]')
    (section,) = document.xpath("//section[@data-map-section]")
    assert section.get("hidden") is not None
    assert section.get("data-leaflet-js").endswith("vendor/leaflet/leaflet.js")
    (canvas,) = section.xpath(".//*[@data-city-map]")
    assert canvas.get("hidden") is not None
    assert canvas.get("data-base-layer") == f"/maps/countries.json?v={map_version()}"
    (button,) = section.xpath(".//button[@data-map-toggle]")
    assert button.get("aria-expanded") == "false"
    assert button.get("aria-controls") == canvas.get("id")
    # The picture before the map is opened: one marker per city among the results.
    (picture,) = section.xpath(".//*[@data-map-preview]/*")
    assert picture.get("role") == "img"
    # Amman, Tunis and Munich.
    assert len(picture.xpath(".//*[local-name()='circle']")) == 3


@pytest.mark.django_db
def test_the_home_page_pictures_the_network_without_a_query_for_it(
    client, world, django_assert_num_queries
):
    """One marker per place of the world's organisations (Amman, Tunis, Munich),
    read once per content version."""
    client.get("/en/")  # the points are read and kept for this content version
    response = client.get("/en/")
    tree = lxml_html.fromstring(response.content)
    hero = tree.xpath("//div[@class='hero__picture']")[0]
    document = read_svg(lxml_html.tostring(hero.xpath(".//svg")[0]).decode())
    assert document.find(f"{SVG}title").text == (
        "Where the cities and partners of the network are"
    )
    located = type(world.cities["amman"]).objects.filter(latitude__isnull=False)
    assert len(marker_centres(document)) == located.count() == 3

    with django_assert_num_queries(0):
        network_map(title="x")
