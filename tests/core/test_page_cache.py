"""Anonymous pages come from the cache, and the next anonymous request after a
change shows it: a publication, an unpublication, a taxonomy edit, a registration
that changes the places left, a call for applications that closes. Signed-in
visitors and personal addresses never get a shared page, and the headers tell a
proxy in front the same.
"""

from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.utils import timezone

import pytest
from lxml import html

from core.models import Cluster
from core.page_cache import HEADER
from events.models import EventPage
from tests.events.fixtures import make_event
from tests.factories import UserFactory
from tests.knowledge_fixtures import (
    index_pages,
    make_practice,
    seed_site,
    world_fixtures,
)
from tests.page_cache import client_copies, redis_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["process memory", "Redis, with copies"])
def page_cache(request, settings):
    """Every test with the cache in the process's memory (as in development), and
    with Redis, where each process keeps copies of pages (as deployed)."""
    settings.PAGE_CACHE_SECONDS = 600
    if request.param == "process memory":
        cache.clear()
        yield
        cache.clear()
    else:
        yield from redis_page_cache(settings)


def build_practice():
    pages = index_pages(seed_site())
    return make_practice(pages["practices"], title="Solar lamps", field="sme-promotion")


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, practice = world_fixtures(build_practice, name="practice")


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def _warm(client, url: str):
    """The page as kept: made, then served from the cache (with copies: read from
    Redis and copied, then served from the copy, without asking Redis)."""
    for _ in range(2):
        _get(client, url)
    if client_copies(client) is None:
        response = _get(client, url)
    else:
        with mock.patch.object(cache, "get_many", side_effect=AssertionError("Redis")):
            response = _get(client, url)
    assert response[HEADER] == "hit"
    return response


def _text(response) -> str:
    return html.fromstring(response.content).text_content()


def test_the_second_anonymous_request_is_served_without_a_query(
    client, practice, django_assert_num_queries
):
    first = _get(client, practice.url)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = _get(client, practice.url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    # A proxy may keep it for seconds; whoever has a cookie gets their own.
    assert "public" in second["Cache-Control"]
    assert "s-maxage=10" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    # Another address (a query string) is another page.
    assert client.get(practice.url, {"page": "2"})[HEADER] == "miss"


def test_a_publication_shows_at_the_next_request(client, practice):
    _warm(client, practice.url)
    draft = practice.get_latest_revision_as_object()
    draft.title = "Solar lamps for every street"
    draft.save_revision().publish()
    response = _get(client, practice.url)
    assert response[HEADER] == "miss"
    assert "Solar lamps for every street" in _text(response)
    index = practice.get_parent().url
    assert "Solar lamps for every street" in _text(_get(client, index))


def test_an_unpublished_page_is_gone_at_the_next_request(client, practice):
    _warm(client, practice.url)
    practice.unpublish()
    assert client.get(practice.url).status_code == 404


def test_a_taxonomy_edit_shows_at_the_next_request(client, practice):
    index = practice.get_parent().url
    assert "Solar lamps" in _text(_warm(client, index))
    cluster = Cluster.objects.get(pk=practice.cluster_id)
    cluster.name = "Local economy, renamed"
    cluster.save()
    response = _get(client, index)
    assert response[HEADER] == "miss"
    assert "Local economy, renamed" in _text(response)


def test_a_registration_changes_the_places_left_at_the_next_request(client):
    from events import services

    event = make_event(capacity=3)

    def places_left() -> str:
        response = _get(client, event.url)
        node = html.fromstring(response.content).xpath(
            "//*[contains(@class, 'places')]"
        )
        return " ".join(n.text_content() for n in node) or _text(response)

    before = places_left()
    assert "3" in before
    _warm(client, event.url)
    applicant = UserFactory()
    services.registration_apply(
        event=EventPage.objects.get(pk=event.pk),
        user=applicant,
        organisation=None,
        organisation_name="Zarqa Municipality",
        role="Planner",
        motivation="To learn how Amman plans land.",
        brings="challenge",
        brings_title="Land in Zarqa",
        language_needs="",
        consent_data=True,
        consent_contact_sharing=False,
    )
    response = _get(client, event.url)
    assert response[HEADER] == "miss"
    after = places_left()
    assert after != before
    assert "2" in after


def test_a_call_that_closes_shows_closed_at_the_next_request(client):
    closes = timezone.now() + timedelta(hours=1)
    event = make_event(applications_close=closes)
    open_page = _text(_warm(client, event.url))
    # An hour later: the call closed (the row as it then reads, the clock after).
    EventPage.objects.filter(pk=event.pk).update(
        applications_close=timezone.now() - timedelta(minutes=1)
    )
    later = closes + timedelta(seconds=1)
    with mock.patch("core.page_cache.timezone.now", return_value=later):
        response = _get(client, event.url)
    assert response[HEADER] == "miss"
    assert _text(response) != open_page


def test_a_call_closes_on_time_after_a_registration_changed_the_page(client):
    """A registration renews the pages and the next moment is looked up again:
    the call still closes on time."""
    from core.page_cache import process_changed

    closes = timezone.now() + timedelta(hours=1)
    event = make_event(applications_close=closes)
    _warm(client, event.url)
    process_changed()  # what a registration does
    assert _get(client, event.url)[HEADER] == "miss"
    _warm(client, event.url)
    EventPage.objects.filter(pk=event.pk).update(
        applications_close=timezone.now() - timedelta(minutes=1)
    )
    with mock.patch(
        "core.page_cache.timezone.now", return_value=closes + timedelta(seconds=1)
    ):
        assert _get(client, event.url)[HEADER] == "miss"


def test_signed_in_visitors_never_get_or_leave_a_shared_page(client, practice):
    user = UserFactory(first_name="Amina")
    anonymous = _warm(client, practice.url)
    client.force_login(user)
    for _ in range(2):
        response = _get(client, practice.url)
        assert HEADER not in response
        assert "private" in response["Cache-Control"]
        assert response.content != anonymous.content  # the header names them
    client.logout()
    client.cookies.clear()
    # Signing in (a new last_login) changed no page: the anonymous one is served.
    again = _get(client, practice.url)
    assert again[HEADER] == "hit"
    assert again.content == anonymous.content


def test_personal_addresses_and_forms_are_never_shared(client, practice):
    for url in ("/en/accounts/login/", "/en/accounts/signup/"):
        for _ in range(2):
            response = client.get(url)
            assert HEADER not in response, url
            assert "private" in response["Cache-Control"], url


def test_a_response_that_sets_a_cookie_is_not_kept(client, practice, settings):
    """A view that hands out a CSRF token (a form) sets a cookie: its page is
    that visitor's, not everyone's."""
    from django.http import HttpResponse

    from core.page_cache import response_is_cacheable

    response = HttpResponse("form")
    assert response_is_cacheable(response)
    response.set_cookie("csrftoken", "secret")
    assert not response_is_cacheable(response)
    private = HttpResponse("mine")
    private["Cache-Control"] = "private"
    assert not response_is_cacheable(private)


def test_a_views_own_cache_policy_stands(client):
    """A locator map says it may be kept for a year; keeping it here too does
    not shorten that."""
    from core.geo.locator import map_version

    url = f"/en/maps/locator.svg?c=JO&p=31.95,35.93&colour=teal&v={map_version()}"
    for state in ("miss", "hit"):
        response = client.get(url)
        assert response[HEADER] == state
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_pages_are_sent_compressed_whether_kept_or_not(client, practice):
    """HTML leaves compressed for clients that accept it (70-80 % smaller), a kept
    page too, and decompresses to the page itself. The compressed page is kept as
    it was compressed (once, not at every request), beside the plain one."""
    import gzip

    plain = _get(client, practice.url).content
    for state in ("miss", "hit"):
        response = client.get(practice.url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response[HEADER] == state
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain
        assert len(response.content) < len(plain) * 0.4
    # A client that does not accept it still gets the plain page, kept.
    again = client.get(practice.url)
    assert again[HEADER] == "hit"
    assert "Content-Encoding" not in again
    assert again.content == plain


def test_a_kept_page_has_every_header_it_was_made_with(client, practice):
    """The cache comes before the other middleware: a kept page is served with the
    security headers and policies they gave it, not without them."""
    made = _get(client, practice.url)
    kept = _get(client, practice.url)
    assert kept[HEADER] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Vary",
        "Cache-Control",
    ):
        assert kept[header] == made[header], header
    assert "script-src 'self'" in kept["Content-Security-Policy"]


def test_a_plain_http_request_gets_its_redirect_not_a_kept_page(
    client, practice, settings
):
    """Pages kept for ``https`` are not served to ``http``, where the site
    redirects to ``https`` first."""
    settings.SECURE_SSL_REDIRECT = True
    for state in ("miss", "hit"):
        assert client.get(practice.url, secure=True)[HEADER] == state
    response = client.get(practice.url)
    assert response.status_code == 301
    assert response["Location"] == f"https://testserver{practice.url}"
    assert HEADER not in response


def test_files_are_not_looked_up(practice):
    """Static and media files have their own headers and are never kept."""
    from django.test import RequestFactory

    from core.page_cache import request_is_cacheable

    factory = RequestFactory()
    assert request_is_cacheable(factory.get(practice.url))
    for path in ("/static/css/site.css", "/media/images/photo.jpg"):
        assert not request_is_cacheable(factory.get(path)), path
