"""The public frame: home and standard pages in both languages, navigation, errors."""

from django.core.management import call_command

import pytest
from lxml import html as lxml_html

from core.models import StandardPage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client, site_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.parametrize(
    ("language", "heading", "cluster"),
    [
        ("en", "Cities learning from cities", "Local Economic Development"),
        ("de", "Städte lernen von Städten", "Lokale Wirtschaftsentwicklung"),
    ],
)
def test_home_page_renders_in_both_languages(
    client, site_pages, language, heading, cluster
):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr">' in html
    assert f"<h1>{heading}</h1>" in html
    assert cluster in html
    # The frame: skip link, landmarks, both languages offered.
    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert 'hreflang="en"' in html and 'hreflang="de"' in html


def test_home_page_hides_sections_that_have_no_content(client, site_pages):
    """Practices, projects and events appear once their apps register a section."""
    html = client.get("/en/").content.decode()
    assert "Latest good practices" not in html


def test_language_switcher_links_to_the_translation(client, site_pages):
    html = client.get("/en/about-us/").content.decode()
    assert 'href="/de/about-us/"' in html
    assert 'href="/en/about-us/" lang="en" hreflang="en" aria-current="true"' in html


def test_main_menu_lists_pages_marked_for_menus(client, site_pages):
    html = client.get("/de/").content.decode()
    assert '<a href="/de/about-us/">Über uns</a>' in html


@pytest.mark.parametrize(
    ("language", "links"),
    [
        ("en", {"/en/imprint/": "Imprint", "/en/privacy/": "Privacy notice"}),
        ("de", {"/de/imprint/": "Impressum", "/de/privacy/": "Datenschutzhinweise"}),
    ],
)
def test_the_footer_links_the_legal_pages_and_the_office(
    client, site_pages, settings, language, links
):
    settings.CONTACT_EMAIL = "office@example.org"
    tree = lxml_html.fromstring(client.get(f"/{language}/").content)
    footer = tree.xpath("//footer")[0]
    legal = footer.xpath(".//nav[@aria-labelledby='footer-legal']//a")
    assert {link.get("href"): link.text_content() for link in legal} == links
    assert footer.xpath(".//a[@href='mailto:office@example.org']")
    # Footer pages are not in the main menu, which still lists its own.
    menu = [link.get("href") for link in tree.xpath("//nav[@class='main-nav']//a")]
    assert f"/{language}/about-us/" in menu
    assert not set(links) & set(menu)


def test_a_page_taken_off_the_footer_leaves_it(client, site_pages):
    imprint = StandardPage.objects.get(slug="imprint", locale__language_code="en")
    imprint.show_in_footer = False
    imprint.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert 'href="/en/imprint/"' not in html
    assert 'href="/en/privacy/"' in html


def _menu(client, url: str) -> list[str]:
    tree = lxml_html.fromstring(client.get(url).content)
    return [link.text_content() for link in tree.xpath("//nav[@class='main-nav']//a")]


def _language_link(client, url: str, language: str) -> str:
    tree = lxml_html.fromstring(client.get(url).content)
    return tree.xpath(f"//a[@hreflang='{language}']")[0].get("href")


def test_the_menu_shows_a_change_at_the_next_request(client, site_pages):
    """The menu is kept per content version: a page published, restricted,
    opened again or unpublished shows at the very next request."""
    from wagtail.models import Locale, PageViewRestriction

    from core.models import HomePage

    assert "Contact" not in _menu(client, "/en/")
    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    page = home.add_child(
        instance=StandardPage(title="Contact", slug="contact", show_in_menus=True)
    )
    page.save_revision().publish()
    assert "Contact" in _menu(client, "/en/")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert "Contact" not in _menu(client, "/en/")
    restriction.delete()
    assert "Contact" in _menu(client, "/en/about-us/")
    page.unpublish()
    assert "Contact" not in _menu(client, "/en/about-us/")


def test_the_language_links_show_a_new_translation_at_the_next_request(
    client, site_pages
):
    """Until a page is translated, its German link is the German home page; the
    request after the translation is published links the translation."""
    from wagtail.models import Locale

    from core.models import HomePage

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="en"))
    page = home.add_child(instance=StandardPage(title="Contact", slug="contact"))
    page.save_revision().publish()
    assert _language_link(client, "/en/contact/", "de") == "/de/"
    german = page.copy_for_translation(Locale.objects.get(language_code="de"))
    german.title = "Kontakt"
    german.slug = "kontakt"
    german.save_revision().publish()
    assert _language_link(client, "/en/contact/", "de") == "/de/kontakt/"
    german.refresh_from_db()  # live since the publication, which reads its own
    german.unpublish()
    assert _language_link(client, "/en/contact/", "de") == "/de/"


def test_standard_pages_exist_in_both_languages(site_pages):
    for slug in ("about-us", "our-approach", "services", "imprint", "privacy"):
        pages = StandardPage.objects.filter(slug=slug).live()
        assert sorted(p.locale.language_code for p in pages) == ["de", "en"]


def test_unknown_page_is_a_friendly_404(client, site_pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_home_page_query_count_is_small(
    client, site_pages, django_assert_max_num_queries
):
    """Site lookup, page routing, menu, translations and clusters: a fixed handful of
    queries that does not grow with content (Wagtail caches the site root paths).
    The upcoming-events section adds two (view restrictions and the events)."""
    client.get("/en/")
    with django_assert_max_num_queries(18):
        client.get("/en/")


def test_seed_demo_refuses_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", verbosity=0)


def test_home_page_is_light(client, site_pages):
    """Slow connections: the home page with everything it loads stays far below
    300 KB (the budget of the Foundation issue)."""
    import re
    from pathlib import Path

    from django.contrib.staticfiles import finders

    html = client.get("/en/").content.decode()
    total = len(html.encode())
    for path in re.findall(r'(?:href|src)="/static/([^"]+)"', html):
        total += Path(finders.find(path)).stat().st_size
    # The head names the page's other language versions by their public address;
    # those are links, not assets the page loads.
    assets = re.sub(r'<link rel="alternate"[^>]*>', "", html)
    assert re.findall(r'(?:href|src)="https?://', assets) == [], "no external assets"
    assert total < 300 * 1024, total


def test_language_switcher_keeps_query_string(client, site_pages):
    html = client.get("/en/about-us/?utm=x&q=Stadt").content.decode()
    assert 'href="/de/about-us/?utm=x&amp;q=Stadt"' in html


def test_header_menu_is_a_disclosure_that_works_without_javascript(client, site_pages):
    """Phones get a "Menu" button: a <details> disclosure, so no script is needed;
    it holds the main menu, the search, the languages and the account links, and
    the skip link still comes first."""
    document = lxml_html.fromstring(client.get("/en/").content)
    body = document.find("body")
    first_link = body.xpath(".//a")[0]
    assert first_link.get("href") == "#main"
    assert first_link.get("class") == "skip-link"
    menu = body.xpath('.//header//details[@class="site-menu"]')
    assert len(menu) == 1
    assert menu[0].get("open") is None  # closed until asked
    summary = menu[0].xpath("./summary")[0]
    assert summary.text_content().strip() == "Menu"
    assert menu[0].xpath('.//nav[@aria-label="Main"]')
    assert menu[0].xpath('.//nav[@aria-label="Your account"]//a[.="Sign in"]')
    assert menu[0].xpath('.//form[@role="search"]//input[@name="q"]')
    # No inline script (the Content-Security-Policy refuses them); data is fine.
    assert not body.xpath(".//script[not(@src) and not(@type)]")
