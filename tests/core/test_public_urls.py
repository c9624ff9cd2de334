"""Every absolute link is on PUBLIC_BASE_URL, read back the way real clients read it.

The tests set PUBLIC_BASE_URL to a host that neither the request (127.0.0.1) nor
Wagtail's default Site (testserver, from the seeded tree) uses, so a link built
from either of them shows up as wrong: feeds through feedparser, the sitemap
against the sitemaps.org schema (lxml), JSON-LD through ``json.loads``, the API
as JSON, a notification mail and its calendar file as rendered.
"""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management import call_command

from wagtail.models import Site

import feedparser
import pytest
from lxml import etree, html

from community.models import Membership, MembershipStatus
from core.checks import check_public_base_url
from core.links import page_public_url, public_url
from demo import core as demo_core
from notifications import outbox, rendering
from tests.events.fixtures import make_event
from tests.events.helpers import participant
from tests.knowledge_fixtures import module_world

pytestmark = pytest.mark.django_db

BASE = "https://cities.example.org"
OTHER_HOST = "127.0.0.1"
SCHEMAS = Path(__file__).parent / "schemas"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
URL = re.compile(r"https?://[^\s\"'<>)]+")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


@pytest.fixture
def event(world):
    """A published event (made before ``public_base``, so the seeding it does
    leaves the default Site on testserver)."""
    return make_event(title="Dialogue on water", slug="dialogue-on-water")


@pytest.fixture
def public_base(settings):
    """A deployment whose public address is BASE (the three settings agree, as
    config/settings/base.py makes them)."""
    settings.PUBLIC_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.WAGTAILAPI_BASE_URL = BASE
    return BASE


def on_base(url: str) -> bool:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == BASE and parts.path.startswith("/")


def get(client, path: str, **extra):
    response = client.get(path, HTTP_HOST=OTHER_HOST, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response


# --- The helper -----------------------------------------------------------------------


def test_public_url_joins_paths_and_rehomes_this_sites_urls(public_base):
    assert public_url("/en/network/amman/") == f"{BASE}/en/network/amman/"
    assert public_url("en/") == f"{BASE}/en/"
    assert public_url("/en/good-practices/?q=a&page=2") == (
        f"{BASE}/en/good-practices/?q=a&page=2"
    )
    assert public_url("http://localhost/de/") == f"{BASE}/de/"


# --- Feeds ----------------------------------------------------------------------------


def _feed_urls(world) -> list[str]:
    cluster = world.p1.cluster.slug
    urls = []
    for language in ("en", "de"):
        for kind in ("practices", "projects"):
            for form in ("rss", "atom"):
                urls.append(f"/{language}/{kind}/feed/{form}/")
                urls.append(f"/{language}/{kind}/feed/{cluster}/{form}/")
                urls.append(f"/{language}/{kind}/feed/{form}/?cluster={cluster}")
    return urls


def test_every_feed_parses_with_absolute_ids_and_an_author(client, world, public_base):
    entries_seen = 0
    for url in _feed_urls(world):
        response = get(client, url)
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        feed = parsed.feed
        assert on_base(feed.link), (url, feed.link)
        self_links = [link.href for link in feed.links if link.rel == "self"]
        assert self_links == [public_url(url)], url
        if "atom" in url:
            # Atom requires an author; the network is the feed's.
            assert feed.author == "Connective Cities", url
            assert feed.id == public_url(url)
        for entry in parsed.entries:
            entries_seen += 1
            assert on_base(entry.id), (url, entry.id)
            assert on_base(entry.link), (url, entry.link)
            assert entry.id == entry.link
            assert entry.author == "Connective Cities"
        if "rss" in url:
            # The guid is the page's address, and says that it can be opened.
            guids = etree.fromstring(response.content).iter("guid")
            assert all(guid.get("isPermaLink") == "true" for guid in guids), url
    assert entries_seen > 10


def test_feed_links_point_at_the_pages(client, world, public_base):
    parsed = feedparser.parse(get(client, "/en/practices/feed/atom/").content)
    links = {entry.title: entry.link for entry in parsed.entries}
    assert links["Solar street lighting"] == page_public_url(world.p1)
    assert links["Solar street lighting"] == (
        f"{BASE}/en/good-practices/solar-street-lighting/"
    )
    assert parsed.feed.link == f"{BASE}/en/good-practices/"


# --- Sitemap --------------------------------------------------------------------------


def _sitemap(client):
    response = get(client, "/sitemap.xml")
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-hreflang.xsd")))
    assert schema.validate(document), schema.error_log
    return {
        url.findtext(f"{SITEMAP_NS}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML_NS}link")
        }
        for url in document.findall(f"{SITEMAP_NS}url")
    }


def test_sitemap_is_schema_valid_and_on_the_public_host(client, world, public_base):
    entries = _sitemap(client)
    assert len(entries) > 20
    for location, alternates in entries.items():
        assert on_base(location), location
        assert all(on_base(href) for href in alternates.values()), alternates
    practice = f"{BASE}/en/good-practices/solar-street-lighting/"
    assert entries[practice]["de"] == (
        f"{BASE}/de/good-practices/solar-street-lighting/"
    )


def test_sitemap_lists_public_city_profiles_in_both_languages(
    client, world, public_base
):
    ended = world.cities["munich"].membership
    ended.status = MembershipStatus.ENDED
    ended.save()
    entries = _sitemap(client)
    english = f"{BASE}/en/network/amman/"
    german = f"{BASE}/de/network/amman/"
    assert entries[english] == {"en": english, "de": german, "x-default": english}
    assert entries[german] == entries[english]
    assert f"{BASE}/en/network/tunis/" in entries
    assert f"{BASE}/en/network/" in entries
    # An organisation that left the network is not in the directory, nor here.
    assert not any("/network/munich/" in location for location in entries)


def test_a_city_without_membership_is_not_in_the_sitemap(client, world, public_base):
    Membership.objects.filter(organisation=world.cities["tunis"]).delete()
    entries = _sitemap(client)
    assert not any("/network/tunis/" in location for location in entries)
    assert f"{BASE}/de/network/amman/" in entries


# --- Pages: JSON-LD, canonical, og:url ------------------------------------------------


def _head(response) -> dict:
    tree = html.fromstring(response.content)
    blocks = [
        json.loads(script.text)
        for script in tree.xpath('//script[@type="application/ld+json"]')
    ]
    return {
        "json_ld": blocks,
        "canonical": tree.xpath('//link[@rel="canonical"]/@href'),
        "og_url": tree.xpath('//meta[@property="og:url"]/@content'),
    }


def _urls_in(data) -> list[str]:
    if isinstance(data, dict):
        return [url for value in data.values() for url in _urls_in(value)]
    if isinstance(data, list):
        return [url for value in data for url in _urls_in(value)]
    if isinstance(data, str) and data.startswith(("http://", "https://")):
        return [data]
    return []


def test_knowledge_and_city_pages_have_public_json_ld_and_canonical(
    client, world, event, public_base
):
    # Neither the request's host nor the Site's is the public one.
    assert Site.objects.get(is_default_site=True).root_url == "http://testserver"
    pages = {
        "practice": (world.p1.get_url(), page_public_url(world.p1)),
        "project": (world.r1.get_url(), page_public_url(world.r1)),
        "event": (event.get_url(), page_public_url(event)),
        "city": ("/en/network/amman/", f"{BASE}/en/network/amman/"),
        "german city": ("/de/network/amman/", f"{BASE}/de/network/amman/"),
    }
    for name, (path, expected) in pages.items():
        head = _head(get(client, path))
        assert expected.startswith(BASE + "/"), name
        assert head["canonical"] == [expected], name
        assert head["og_url"] == [expected], name
        [data] = head["json_ld"]
        assert data["url"] == expected, name
        for url in _urls_in(data):
            if not url.startswith("https://schema.org"):
                assert on_base(url), (name, url)


def test_city_json_ld_describes_the_city(client, world, public_base):
    [data] = _head(get(client, "/en/network/amman/"))["json_ld"]
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Greater Amman Municipality"
    assert data["address"]["addressCountry"] == "JO"
    assert data["location"]["geo"]["latitude"] == pytest.approx(31.95)
    assert data["memberOf"]["name"] == "Connective Cities"
    practice = _head(get(client, world.p1.get_url()))["json_ld"][0]
    [amman] = practice["spatialCoverage"]
    assert amman["url"] == f"{BASE}/en/network/amman/"


def test_directory_and_index_canonicals_are_public(client, world, public_base):
    head = _head(get(client, "/en/network/?country=TN&colour=red"))
    assert head["og_url"] == [f"{BASE}/en/network/?country=TN"]
    assert head["canonical"] == head["og_url"]
    head = _head(get(client, "/en/good-practices/?country=TN"))
    assert head["canonical"] == [f"{BASE}/en/good-practices/?country=TN"]


def test_robots_txt_names_the_public_sitemap(client, world, public_base):
    text = get(client, "/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in text.splitlines()


# --- API ------------------------------------------------------------------------------


def test_api_links_are_on_the_public_host(client, world, public_base):
    listing = get(client, "/api/v2/practices/?locale=en").json()
    assert listing["items"]
    for item in listing["items"]:
        assert on_base(item["meta"]["html_url"]), item["meta"]
        assert on_base(item["meta"]["detail_url"]), item["meta"]
    detail = get(client, f"/api/v2/pages/{world.p1.pk}/").json()
    assert detail["meta"]["html_url"] == page_public_url(world.p1)
    assert on_base(detail["meta"]["parent"]["meta"]["html_url"])
    assert detail["meta"]["parent"]["meta"]["html_url"] == (
        f"{BASE}/en/good-practices/"
    )


# --- Mail and calendar files ----------------------------------------------------------


def test_event_links_in_a_notification_mail_are_public(world, event, public_base):
    registration = participant(event, "confirmed")
    notification = outbox.notify(
        recipient=registration.user,
        kind="event_reminder",
        dedupe_key="reminder-public-url",
        subject_object=registration,
        context={"days": 7},
    )
    rendered = rendering.render_notification(notification)
    expected = f"{BASE}/en/events/dialogue-on-water/"
    assert expected in rendered.text
    assert f'href="{expected}"' in rendered.html
    for url in URL.findall(rendered.text) + URL.findall(rendered.html):
        assert on_base(url), url
    [(name, ics, _mimetype)] = rendered.attachments
    assert f"URL:{expected}" in ics.replace("\r\n ", "")


def test_the_calendar_files_link_to_the_public_page(client, world, event, public_base):
    expected = f"URL:{BASE}/en/events/dialogue-on-water/"
    for path in (f"/en/events/{event.pk}/calendar.ics", "/en/events/calendar.ics"):
        text = get(client, path).content.decode().replace("\r\n ", "")
        assert expected in text, path


# --- The Wagtail Site and the deploy check --------------------------------------------


def test_seeding_points_the_default_site_at_the_public_address(public_base):
    demo_core.seed_pages(log=lambda message: None, languages=("de",))
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cities.example.org", 443)
    assert site.root_url == BASE


def test_sync_site_follows_the_public_address(settings, site_pages):
    settings.PUBLIC_BASE_URL = "http://cities.example.org:8080"
    call_command("sync_site", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cities.example.org", 8080)
    settings.PUBLIC_BASE_URL = "http://testserver"
    call_command("sync_site", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("testserver", 80)


def test_deploy_check_warns_when_the_site_and_base_url_differ(settings, site_pages):
    assert check_public_base_url(databases=["default"]) == []
    settings.PUBLIC_BASE_URL = BASE
    [warning] = check_public_base_url(databases=["default"])
    assert warning.id == "core.W002"
    assert "sync_site" in warning.hint
    # Without a database to read (plain `check --deploy`), the Site is not asked.
    assert check_public_base_url(databases=None) == []
    call_command("sync_site", verbosity=0)
    assert check_public_base_url(databases=["default"]) == []


def test_deploy_check_warns_when_the_base_url_is_not_set(settings):
    settings.PUBLIC_BASE_URL_FROM_ENV = False
    [warning] = check_public_base_url()
    assert warning.id == "core.W001"
    assert "PUBLIC_BASE_URL" in warning.msg
