"""Maps in a real browser: the locator pictures, the interactive map that loads
Leaflet only when it is opened, the pages' weight and the pages without JavaScript.

The map tiles come from another origin; here every tile request is refused, as on a
train without network, so the maps must show the countries the site ships. The
weight of a page is what a browser downloads to show it before anyone touches it
(HTML, CSS, JavaScript, images), each text response counted gzip-compressed, as a
server or proxy sends it. Screenshots go to ``test-results/screenshots/``.
"""

import gzip
from pathlib import Path

from django.conf import settings

import pytest
from playwright.sync_api import expect

from community.models import Membership, Organisation
from tests.browser.test_accessibility import WCAG_TAGS, describe, run_axe
from tests.browser.test_knowledge_journey import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"
PHONE = {"width": 390, "height": 844}
TILES = "https://tile.openstreetmap.org/**"
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
)
HOME_BUDGET = 150_000
INDEX_BUDGET = 120_000


def without_tiles(page):
    page.route(TILES, lambda route: route.abort())


def show_map(page):
    page.get_by_role("button", name="Show the interactive map").click()
    expect(page.locator(".leaflet-container")).to_have_count(1)
    expect(page.locator(".city-map__marker").first).to_be_visible()


def transferred(responses) -> tuple[int, list[tuple[int, str]]]:
    """Bytes over the wire: text gzip-compressed, images and fonts as they are."""
    rows = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        kind = response.headers.get("content-type", "")
        size = len(gzip.compress(body)) if kind.startswith(COMPRESSIBLE) else len(body)
        rows.append((size, response.url))
    return sum(size for size, _url in rows), sorted(rows, reverse=True)


def weigh(page, url: str) -> int:
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    total, rows = transferred(responses)
    print(f"\n{url}: {total:,} bytes in {len(rows)} responses (gzip)")
    for size, address in rows:
        print(f"  {size:>8,}  {address}")
    return total


# --- Weight -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "budget"), [("home", HOME_BUDGET), ("practices", INDEX_BUDGET)]
)
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_pages_stay_within_their_weight(page, site, world, name, budget, viewport):  # noqa: F811
    if viewport == "phone":
        page.set_viewport_size(PHONE)
    url = site("/en/") if name == "home" else site(world.pages["practices"].url)
    total = weigh(page, url)
    assert total < budget, f"{url} weighs {total:,} bytes (budget {budget:,})"
    if name == "practices":
        # Before the map is opened, neither Leaflet nor the countries are loaded.
        loaded = page.evaluate(
            "performance.getEntriesByType('resource').map(entry => entry.name)"
        )
        assert not [address for address in loaded if "leaflet" in address]
        assert not [address for address in loaded if "countries.json" in address]


# --- The interactive map ----------------------------------------------------------


def test_the_map_opens_on_request_with_the_shipped_countries(page, site, world):  # noqa: F811
    without_tiles(page)
    page.goto(site(world.pages["practices"].url))
    section = page.get_by_role("region", name="Map", exact=True)
    # The picture drawn on the server, until the map is opened.
    picture = section.get_by_role("img", name="Map of the cities among these results")
    expect(picture).to_be_visible()
    expect(page.locator(".leaflet-container")).to_have_count(0)
    button = page.get_by_role("button", name="Show the interactive map")
    expect(button).to_have_attribute("aria-expanded", "false")

    show_map(page)
    button = page.get_by_role("button", name="Hide the interactive map")
    expect(button).to_have_attribute("aria-expanded", "true")
    # The countries are drawn beneath the (refused) tiles.
    assert page.locator(".leaflet-countries-pane path").count() > 100
    # One marker per city; Tunis has two practices.
    markers = page.locator(".city-map__marker")
    expect(markers).to_have_count(3)
    tunis = markers.filter(has_text="2")
    expect(tunis).to_have_attribute("title", "Tunis: 2 good practices")
    for index in range(3):
        box = markers.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    # Out of the tab order: the list has the same links.
    assert markers.first.get_attribute("tabindex") in (None, "-1")
    tunis.click()
    popup = page.locator(".leaflet-popup")
    expect(popup.get_by_role("link", name="Tunis")).to_be_visible()
    expect(popup).to_contain_text("2 good practices")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "practices-map-open.png", full_page=True)

    button.click()
    expect(page.locator(".leaflet-container")).to_be_hidden()
    expect(picture).to_be_visible()


def test_organisations_at_one_place_share_a_marker(page, site, world):  # noqa: F811
    amman = world.cities["amman"]
    twin = Organisation.objects.create(
        kind="municipal_company",
        name="Amman Vision Investment",
        slug="amman-vision",
        country="JO",
        region=amman.region,
        latitude=amman.latitude,
        longitude=amman.longitude,
    )
    Membership.objects.create(organisation=twin, status="active")
    without_tiles(page)
    page.goto(site("/en/network/"))
    skip = page.get_by_role("link", name="Skip the map, go to the filters")
    show_map(page)
    markers = page.locator(".city-map__marker")
    expect(markers).to_have_count(3)
    shared = markers.filter(has_text="2")
    shared.click()
    popup = page.locator(".leaflet-popup")
    expect(popup.get_by_role("link", name="Greater Amman Municipality")).to_be_visible()
    expect(popup.get_by_role("link", name="Amman Vision Investment")).to_be_visible()
    # The skip link leads keyboard users past the map to the filters.
    skip.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site("/en/network/#filter-heading"))


# --- Accessibility ----------------------------------------------------------------


MAP_PAGES = {
    "practice-index-map-open": lambda known: known.pages["practices"].url,
    "project-index-map-open": lambda known: known.pages["projects"].url,
    "directory-map-open": lambda known: "/en/network/",
    "practice-page": lambda known: known.p1.url,
    "project-page": lambda known: known.r1.url,
    "organisation-page": lambda known: "/en/network/amman/",
}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", MAP_PAGES)
def test_map_pages_pass_wcag_including_target_size(
    axe_js,
    page,
    site,
    world,  # noqa: F811
    name,
    viewport,
):
    """WCAG 2.1 A/AA and 2.2 AA (target size: markers, zoom buttons, popups)."""
    if viewport == "phone":
        page.set_viewport_size(PHONE)
    without_tiles(page)
    path = MAP_PAGES[name](world)
    response = page.goto(site(path))
    assert response.status == 200
    if name.endswith("map-open"):
        show_map(page)
        page.locator(".city-map__marker").first.click()
        # Checked once the popup has faded in, so colours are measured as seen.
        expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")
    else:
        picture = page.locator("img.locator-map")
        expect(picture).to_have_count(1)
        # Lazy pictures need not have loaded when the page's load event fires:
        # wait (up to the default timeout) until this one has, and fail if never.
        page.wait_for_function(
            "() => { const image = document.querySelector('img.locator-map');"
            " return image.complete && image.naturalWidth > 0; }"
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"maps-{name}-{viewport}.png", full_page=True)
    violations = run_axe(page, axe_js, [*WCAG_TAGS, "wcag22aa"])
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"


# --- Without JavaScript -----------------------------------------------------------


@pytest.fixture
def no_script(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        locale="en-GB",
        java_script_enabled=False,
    )
    tab = context.new_page()
    yield tab
    context.close()


def pictures_loaded(page) -> list[bool]:
    return page.locator("img.locator-map").evaluate_all(
        "images => images.map(image => image.complete && image.naturalWidth > 0)"
    )


def test_map_pages_work_without_javascript(no_script, site, world):  # noqa: F811
    page = no_script
    without_tiles(page)
    page.goto(site(world.pages["practices"].url))
    # No map, no button that does nothing: the list is the page.
    expect(page.get_by_role("button", name="Show the interactive map")).to_have_count(0)
    expect(page.locator("[data-map-section]")).to_be_hidden()
    cards = page.locator(".knowledge-list > li")
    expect(cards).to_have_count(4)
    page.mouse.wheel(0, 4000)
    page.wait_for_load_state("networkidle")
    assert pictures_loaded(page) and all(pictures_loaded(page))
    # The filters are a plain form.
    form = page.get_by_role("search", name="Search and filter")
    form.get_by_label("Country").select_option("TN")
    form.get_by_role("button", name="Show good practices").click()
    expect(page.locator(".result-count")).to_contain_text("2 good practices")

    for path in (world.p1.url, world.r1.url, "/en/network/amman/"):
        page.goto(site(path))
        page.wait_for_load_state("networkidle")
        assert pictures_loaded(page) == [True], path

    page.goto(site("/en/network/"))
    expect(page.locator("[data-map-section]")).to_be_hidden()
    expect(page.get_by_role("link", name="Greater Amman Municipality")).to_be_visible()
