"""Fixtures for the browser tests: a real Chromium, driven by Playwright, against
Django's live server with the demo page tree.

Chromium comes from the operating system (Debian's ``chromium`` package); Playwright's
own browser downloads are never used. Without that binary the tests skip on a
developer machine and fail on CI (``CI`` set), so a broken CI image cannot go green.
"""

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 15_000


def skip_or_fail(reason: str) -> None:
    """Skip on a developer machine, fail on CI, where a missing tool is a bug."""
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread while the
    # browser is open; Django refuses ORM calls next to a running loop unless told
    # that is fine. It is: the tests and the live server never share a connection.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def axe_candidates() -> list[Path]:
    """Where axe-core may be, best first; nothing is downloaded at test time."""
    candidates = []
    if os.environ.get("AXE_JS"):
        candidates.append(Path(os.environ["AXE_JS"]))
    # The ``axe-playwright-python`` package bundles axe.min.js next to its modules.
    spec = importlib.util.find_spec("axe_playwright_python")
    for location in (spec and spec.submodule_search_locations) or []:
        candidates.append(Path(location) / "axe.min.js")
    # ``npm install`` with ``axe-core`` in the project's package.json.
    candidates.append(settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js")
    return candidates


@pytest.fixture(scope="session")
def axe_js() -> str:
    """The source of axe.min.js, to inject into pages."""
    candidates = axe_candidates()
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    tried = ", ".join(str(path) for path in candidates)
    skip_or_fail(f"axe-core not found (tried {tried}); set AXE_JS to axe.min.js")


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies) and tab for each test."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="en-GB"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


@dataclass(frozen=True)
class LiveSite:
    """The running site: its base URL (no trailing slash) and its home page."""

    url: str
    home: object

    def __call__(self, path: str) -> str:
        return self.url + path


def _quiet(message: str) -> None:
    """The seed functions report progress; the tests have no use for it."""


@pytest.fixture
def site(transactional_db, live_server):
    """The live server with the demo page tree; Wagtail's default Site points at it.

    The rows are committed (``transactional_db``) so that the live server's thread
    sees them; the migrations' rows and the base site, which the flush between
    transactional tests removes, are put back before each test (``tests/conftest.py``).
    """
    from django.core.cache import cache

    from wagtail.models import Page, Site

    from demo import core as demo_core
    from tests.knowledge_fixtures import seed_site

    # Allauth counts its rate limits in the cache; each test starts with none used.
    cache.clear()
    if Page.get_first_root_node() is None:
        # A database emptied by an earlier run: recreate Wagtail's tree root.
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=demo_core.locales()["en"])
        )
    home = seed_site()
    Site.objects.filter(is_default_site=True).update(
        hostname=live_server.thread.host, port=live_server.thread.port
    )
    return LiveSite(url=live_server.url, home=home)


def seed_language(site: LiveSite, language: str) -> None:
    """The home and standard pages of the demo in ``language`` too, and the
    taxonomy's rows in it; the default Site stays on the live server."""
    from wagtail.models import Site

    from demo import core as demo_core

    demo_core.seed_sdgs(log=_quiet)
    demo_core.seed_pages(log=_quiet, languages=(language,))
    host, port = site.url.removeprefix("http://").rsplit(":", 1)
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """Where browser tests save screenshots (``BROWSER_ARTEFACTS`` or var/)."""
    folder = Path(
        os.environ.get("BROWSER_ARTEFACTS")
        or settings.BASE_DIR / "var" / "browser-artefacts"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder
