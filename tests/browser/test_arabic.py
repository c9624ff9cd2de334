"""The site in Arabic, right to left, in Chromium.

The frame mirrors (the brand on the right, nothing wider than the screen), the
language switcher leads back to English, and home, a practice, the practice index
with a filter and the sign-up form pass axe-core. Full-page screenshots of those
four pages at 1280 and 390 pixels are saved as artefacts (``artefacts`` fixture:
``BROWSER_ARTEFACTS`` or ``var/browser-artefacts``), named ``arabic-<page>-<width>``,
for a person to look at.
"""

import pytest
from playwright.sync_api import expect

from community.models import Region
from demo.core import upsert_translated
from tests import knowledge_fixtures as kb
from tests import snapshots
from tests.browser.conftest import seed_language
from tests.browser.test_accessibility import describe, run_axe
from tests.browser.test_knowledge_journey import world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]
PRACTICES = {
    "p1": (
        "إنارة الشوارع بالطاقة الشمسية",
        "مصابيح تعمل بالطاقة الكهروضوئية تضيء شوارع عمّان ليلًا.",
    ),
    "p2": (
        "الموازنة التشاركية",
        "يقرر سكان تونس كيف يُنفَق جزء من موازنة المدينة.",
    ),
    "p4": (
        "وظائف الأسطح الخضراء",
        "شباب في تونس يزرعون الأسطح الخضراء ويعتنون بها.",
    ),
}


@pytest.fixture
def arabic(site, world):  # noqa: F811
    """The frame in Arabic, the region and three practices with Arabic texts
    (built once per test process, then put back from a snapshot)."""

    def build():
        seed_language(site, "ar")
        upsert_translated(
            Region,
            {
                "en": {"name": "Middle East and North Africa"},
                "ar": {"name": "الشرق الأوسط وشمال أفريقيا"},
            },
            {"slug": "middle-east-north-africa"},
        )
        kb.in_language(
            world.pages["practices"],
            "ar",
            title="الممارسات الجيدة",
            intro="ما فعلته المدن في مواجهة مشكلة ما، مرويًّا بحيث يتعلم منه غيرها.",
        )
        pages = {}
        for key, (title, teaser) in PRACTICES.items():
            pages[key] = kb.in_language(
                getattr(world, key),
                "ar",
                title=title,
                teaser=teaser,
                body=kb.paragraph(teaser),
            )
        seed_language(site, "ar")  # publishing moved the default Site again
        return pages

    return snapshots.kept("arabic", build)


def _pages(arabic) -> dict[str, str]:
    return {
        "home": "/ar/",
        "practice": arabic["p1"].url,
        "index-filtered": "/ar/good-practices/?region=middle-east-north-africa",
        "signup-form": "/ar/accounts/signup/",
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_pages_read_right_to_left(page, site, arabic, artefacts, axe_js, width):
    page.set_viewport_size({"width": width, "height": 844})
    for name, path in _pages(arabic).items():
        response = page.goto(site(path))
        assert response.status == 200, path
        html = page.locator("html")
        expect(html).to_have_attribute("lang", "ar")
        expect(html).to_have_attribute("dir", "rtl")
        # Mirrored: the brand starts the header on the right.
        brand = page.locator(".brand").bounding_box()
        assert brand["x"] + brand["width"] > width * 0.6, (name, brand)
        # Nothing reaches past the screen's edge (a left-to-right leftover would).
        overflow = page.evaluate(
            "(root => root.scrollWidth - root.clientWidth)(document.documentElement)"
        )
        assert overflow <= 0, (name, width, overflow)
        page.screenshot(path=artefacts / f"arabic-{name}-{width}.png", full_page=True)
        violations = run_axe(page, axe_js)
        assert not violations, f"axe-core on {path}:\n{describe(violations)}"
        assert (artefacts / f"arabic-{name}-{width}.png").stat().st_size > 10_000


def test_the_filtered_index_lists_the_arabic_practices(page, site, arabic):
    page.goto(site(_pages(arabic)["index-filtered"]))
    titles = page.locator(".knowledge-list h3").all_inner_texts()
    assert sorted(titles) == sorted(title for title, _teaser in PRACTICES.values())


def test_the_switcher_leads_from_arabic_to_english(page, site, arabic):
    page.goto(site("/ar/"))
    switcher = page.get_by_role("navigation", name="اللغة")
    switcher.locator("summary").click()
    english = switcher.get_by_role("link", name="English")
    expect(english).to_have_attribute("lang", "en")
    expect(english).to_have_attribute("dir", "ltr")
    english.click()
    expect(page).to_have_url(site("/en/"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
