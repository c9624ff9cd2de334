"""The header and the knowledge-base listings at desktop and phone widths.

On tablets and desktops the header has two rows, the brand with search, languages
and account, then the main menu, and fits the screen in all six languages; on a
phone it takes little of the screen, where a "Menu" button opens the rest; on a
phone the first good practice starts on the first screen, the filters folded away.
Full-page screenshots of the home page and the practice and event listings are
saved to ``test-results/screenshots/`` so a person can look at them.
"""

from pathlib import Path

from django.conf import settings

import pytest
from playwright.sync_api import expect

from tests.browser.test_affiliation_journey import sign_in
from tests.browser.test_knowledge_journey import world  # noqa: F401 (a fixture)
from tests.community.test_dashboard import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "test-results" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOPS = [1024, 1280, 1440]
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def header_height(page) -> float:
    return page.locator(".site-header").bounding_box()["height"]


def overflow(page) -> float:
    """How far the page reaches past the screen's edge (either edge)."""
    return page.evaluate(
        "(root => root.scrollWidth - root.clientWidth)(document.documentElement)"
    )


def centre(page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    return box["y"] + box["height"] / 2


@pytest.mark.parametrize("width", [768, *DESKTOPS])
def test_header_fits_in_every_language(page, site, world, width):  # noqa: F811
    """Six languages' words for the same menu differ by half: none of them pushes
    the header past the screen's edge (a single row did in five of them). From
    1024 px search, languages and account share the brand's row, the main menu
    has the row below."""
    page.set_viewport_size({"width": width, "height": 800})
    for language in LANGUAGES:
        page.goto(site(f"/{language}/search/"))
        expect(page.locator(".main-nav")).to_be_visible()
        expect(page.locator("summary.site-menu__button")).to_be_hidden()
        assert overflow(page) <= 0, (language, width)
        assert header_height(page) <= (160 if width < 1024 else 120), language
        brand = page.locator(".brand").bounding_box()
        nav = page.locator(".main-nav").bounding_box()
        assert nav["y"] >= brand["y"] + brand["height"] - 1, language
        if width >= 1024:
            for part in (".site-search", ".language-switcher", ".account-nav"):
                assert abs(centre(page, part) - centre(page, ".brand")) < 12, (
                    language,
                    part,
                )


@pytest.mark.parametrize("width", DESKTOPS)
def test_header_search_on_desktops(page, site, world, width):  # noqa: F811
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site(world.pages["practices"].url))
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    search = page.get_by_role("searchbox", name="Search the site")
    expect(search).to_be_visible()
    search.fill("water")
    page.get_by_role("search", name="Site search").get_by_role(
        "button", name="Search"
    ).click()
    expect(page).to_have_url(site("/en/search/?q=water"))


def test_phone_header_is_one_row_for_a_member(page, site, world):  # noqa: F811
    """Brand, the notifications bell with its count, the messages link and the
    menu button share one row on a 390 px phone."""
    member = UserFactory()
    for number in range(12):  # a two-digit count, the widest the bell gets often
        notify(member, number)
    sign_in(page, site, member.email)
    page.set_viewport_size(PHONE)
    page.goto(site("/en/me/"))
    tops = {
        round(page.locator(selector).bounding_box()["y"])
        for selector in (
            ".brand",
            ".notifications-link:not(.conversations-link)",
            ".conversations-link",
            ".site-menu__button",
        )
    }
    assert len(tops) == 1, tops


def test_header_fits_for_a_member(page, site, world):  # noqa: F811
    from tests.browser.test_accessibility import sign_in

    sign_in(page, site)
    page.set_viewport_size({"width": 1024, "height": 800})
    for language in LANGUAGES:
        page.goto(site(f"/{language}/search/"))
        assert overflow(page) <= 0, language
        assert header_height(page) <= 120, language
        for part in (".notifications-link:not(.conversations-link)", ".account-nav"):
            assert abs(centre(page, part) - centre(page, ".brand")) < 12, language
    page.goto(site("/en/"))
    account = page.get_by_role("navigation", name="Your account")
    account.get_by_text("Account").click()
    expect(account.get_by_role("link", name="Sign out")).to_be_visible()
    expect(page.get_by_role("link", name="Notifications")).to_be_visible()


def test_phone_header_is_small_and_its_menu_opens(page, site, world):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto(site(world.pages["practices"].url))
    assert header_height(page) <= 0.15 * PHONE["height"]
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()
    menu = page.locator("summary.site-menu__button")
    expect(menu).to_have_text("Menu")  # its name, shown or only read out
    box = menu.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    menu.click()
    expect(main_nav.get_by_role("link").first).to_be_visible()
    account = page.get_by_role("navigation", name="Your account")
    expect(account.get_by_role("link", name="Sign in")).to_be_visible()
    for link in main_nav.get_by_role("link").all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_phone_shows_the_first_practice_on_the_first_screen(page, site, world):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto(site(world.pages["practices"].url))
    first = page.locator(".knowledge-list > li").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < PHONE["height"]
    # The filters are folded away, the search field is not.
    expect(page.get_by_label("Thematic cluster")).to_be_hidden()
    expect(page.get_by_role("searchbox", name="Search", exact=True)).to_be_visible()


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_screenshots(page, site, world, width):  # noqa: F811
    """Not a check: pictures for a person to look at."""
    from demo.events import seed_index
    from tests.events.fixtures import make_event

    events = seed_index(site.home, lambda message: None)
    make_event(events)
    make_event(events, title="Peer exchange on flood warnings", slug="flood-warnings")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 844})
    pages = {
        "home": "/en/",
        "practices": world.pages["practices"].url,
        "events": events.url,
    }
    for name, path in pages.items():
        response = page.goto(site(path))
        assert response.status == 200
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
