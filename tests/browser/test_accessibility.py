"""axe-core on the site's key pages: no serious or critical WCAG 2.1 A/AA violations.

axe-core is never downloaded at test time. The script comes from, in this order:
the file named by ``AXE_JS``; the copy bundled with the ``axe-playwright-python``
package; ``node_modules/axe-core/axe.min.js`` in the project (``npm install``).
"""

from django.conf import settings
from django.test import Client

import pytest
from playwright.sync_api import expect

from tests import snapshots
from tests.browser.conftest import seed_language
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def run_axe(page, axe_js: str, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core on the current page (the WCAG 2.1 A/AA rules unless ``tags``
    says otherwise); return the blocking violations."""
    # Evaluated by the test driver, not added as an inline <script>, which the
    # site's Content-Security-Policy (script-src 'self') rightly refuses.
    page.evaluate(axe_js)
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        tags or WCAG_TAGS,
    )
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
    return "\n".join(lines)


def sign_in(page, site) -> None:
    """Give the browser the session cookie of a signed-in, verified member."""
    client = Client()
    client.force_login(UserFactory(first_name="Lina", last_name="Khoury"))
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session_cookie.value,
                "url": site.url,
            }
        ]
    )


def submit_short_password(page) -> None:
    page.get_by_label("First name").fill("Amina")
    page.get_by_label("Last name").fill("Okafor")
    page.locator("input[name=email]").fill("amina@example.org")
    page.locator("input[name=password1]").fill("Kx7!qPz2m")
    page.locator("input[name=password2]").fill("Kx7!qPz2m")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("alert")).to_be_visible()


PAGES = {
    "home-en": ("/en/", "en", None),
    "home-de": ("/de/", "de", None),
    "signup": ("/en/accounts/signup/", "en", None),
    "signup-with-errors": ("/en/accounts/signup/", "en", submit_short_password),
    "login": ("/en/accounts/login/", "en", None),
    "profile": ("/en/profile/", "en", "signed-in"),
    "standard-page": ("/en/about-us/", "en", None),
    "privacy-de": ("/de/privacy/", "de", None),
    "dashboard": ("/en/me/", "en", "signed-in"),
    "notifications": ("/en/notifications/", "en", "signed-in"),
    "site-search": ("/en/search/?q=waste", "en", None),
    # Right to left: the same frame, forms and member pages in Arabic.
    "home-ar": ("/ar/", "ar", None),
    "standard-page-ar": ("/ar/about-us/", "ar", None),
    "signup-ar": ("/ar/accounts/signup/", "ar", None),
    "login-ar": ("/ar/accounts/login/", "ar", None),
    "profile-ar": ("/ar/profile/", "ar", "signed-in"),
    "dashboard-ar": ("/ar/me/", "ar", "signed-in"),
    "site-search-ar": ("/ar/search/?q=waste", "ar", None),
}


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_wcag_violations(axe_js, page, site, name):
    path, language, setup = PAGES[name]
    if language not in ("en", "de"):
        # Built for the first page in that language, then put back from a snapshot.
        snapshots.kept(
            f"accessibility_in_{language}", lambda: seed_language(site, language)
        )
    if setup == "signed-in":
        sign_in(page, site)
    response = page.goto(site(path))
    assert response.status == 200, f"{path} answered {response.status}"
    expect(page).to_have_url(site(path))
    expect(page.locator("html")).to_have_attribute("lang", language)
    if callable(setup):
        setup(page)

    violations = run_axe(page, axe_js)
    assert not violations, f"axe-core on {path}:\n{describe(violations)}"
