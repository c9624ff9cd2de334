"""A web process's copies of kept pages (``core.page_copies``), on the test Redis:
served without a call to Redis, and given up as soon as Redis says a version
changed, whoever changed it (another process here), or when the process cannot
listen any more. The invalidation tests of ``test_page_cache.py`` run with copies
too."""

import json
import subprocess
import sys
from unittest import mock

from django.core.cache import cache, caches

import pytest

from core.knowledge.versions import CONTENT_VERSION_KEY
from core.page_cache import HEADER, VERSION_KEYS
from core.page_copies import PageCopies
from tests.knowledge_fixtures import index_pages, make_practice
from tests.page_cache import redis_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    yield from redis_page_cache(settings)


@pytest.fixture
def practice(site_pages):
    pages = index_pages(site_pages)
    return make_practice(pages["practices"], title="Solar lamps", field="sme-promotion")


def _copies(client) -> PageCopies:
    """The copies of the client's handler (its first middleware's)."""
    handler = client.handler
    assert handler._middleware_chain is not None, "no request made yet"
    middleware = handler._middleware_chain
    while not hasattr(middleware, "copies"):
        middleware = middleware.get_response
    return middleware.copies


def _kept_in_copies(client, url: str):
    """Requests ``url`` until its copy is kept: made (the versions are written),
    read from Redis (they are current: remembered, the page copied)."""
    states = [client.get(url)[HEADER] for _ in range(2)]
    assert states == ["miss", "hit"]
    assert _copies(client).versions is not None


def _in_another_process(*commands: tuple) -> None:
    """Runs Redis commands from a process of its own, as another web process or a
    worker would. Values given as ``("pickled", value)`` are stored as the cache
    stores them."""
    backend = caches["default"]
    location = backend._servers[0]
    script = (
        "import json, pickle, redis, sys\n"
        "client = redis.Redis.from_url(sys.argv[1])\n"
        "def value(part):\n"
        "    if isinstance(part, list):\n"
        "        return pickle.dumps(part[1], pickle.HIGHEST_PROTOCOL)\n"
        "    return part\n"
        "for command in json.loads(sys.argv[2]):\n"
        "    client.execute_command(*map(value, command))\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, location, json.dumps(commands)], check=True
    )


def test_a_kept_page_is_served_from_the_copy_without_a_call_to_redis(
    client, practice, django_assert_num_queries
):
    _kept_in_copies(client, practice.url)
    first = client.get(practice.url)
    with (
        mock.patch.object(cache, "get_many", side_effect=AssertionError("Redis")),
        django_assert_num_queries(0),
    ):
        response = client.get(practice.url)
    assert response[HEADER] == "hit"
    assert response.content == first.content
    assert response["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_version_written_by_another_process_shows_at_the_next_request(
    client, practice
):
    _kept_in_copies(client, practice.url)
    # Another process renames the practice and starts a new content version.
    type(practice).objects.filter(pk=practice.pk).update(title="Solar lamps, renamed")
    key = caches["default"].make_key(CONTENT_VERSION_KEY)
    _in_another_process(("SET", key, ("pickled", "another-version")))
    response = client.get(practice.url)
    assert response[HEADER] == "miss"
    assert "Solar lamps, renamed" in response.content.decode()


def test_versions_gone_from_redis_are_gone_from_the_copies(client, practice):
    """Deleted, evicted or expired: Redis says so too, and nothing is served from
    a copy of versions that no longer exist."""
    _kept_in_copies(client, practice.url)
    keys = [caches["default"].make_key(key) for key in VERSION_KEYS]
    _in_another_process(("DEL", *keys))
    assert client.get(practice.url)[HEADER] == "miss"


def test_a_broken_listener_means_asking_redis_until_it_listens_again(client, practice):
    _kept_in_copies(client, practice.url)
    copies = _copies(client)
    _in_another_process(("CLIENT", "KILL", "ID", copies.listener_id))
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as asked:
        response = client.get(practice.url)
    assert response.status_code == 200
    assert response[HEADER] == "hit"
    assert asked.called  # from Redis, by a process listening again
    assert copies.listener is not None
    with mock.patch.object(cache, "get_many", side_effect=AssertionError("Redis")):
        assert client.get(practice.url)[HEADER] == "hit"


def test_copies_are_bounded_and_the_least_recently_served_go_first(
    client, practice, settings
):
    pages = [client.get(practice.url)]
    size = len(pages[0].content) + 512
    settings.PAGE_CACHE_LOCAL_BYTES = int(size * 2.5)
    urls = [f"{practice.url}?v={n}" for n in range(3)]
    for url in urls[:2]:
        _kept_in_copies(client, url)
    copies = _copies(client)
    assert list(copies.pages) == [_key(client, url) for url in urls[:2]]
    client.get(urls[0])  # served again: the most recent
    _kept_in_copies(client, urls[2])
    assert list(copies.pages) == [_key(client, url) for url in (urls[0], urls[2])]
    assert copies.size <= settings.PAGE_CACHE_LOCAL_BYTES


def _key(client, url: str) -> str:
    from django.test import RequestFactory

    from core.page_cache import cache_key

    return cache_key(RequestFactory().get(url))


def test_a_forked_process_does_not_serve_its_parents_copies(client, practice):
    _kept_in_copies(client, practice.url)
    copies = _copies(client)
    parent = (copies.pid, copies.listener)
    with mock.patch("core.page_copies.os.getpid", return_value=parent[0] + 1):
        with mock.patch.object(cache, "get_many", wraps=cache.get_many) as asked:
            assert client.get(practice.url)[HEADER] == "hit"
        assert asked.called
        assert copies.pid == parent[0] + 1
        assert copies.listener not in (None, parent[1])


def test_no_copies_without_redis(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    assert PageCopies.for_default_cache(VERSION_KEYS) is None


def test_no_copies_with_no_room(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 0
    assert PageCopies.for_default_cache(VERSION_KEYS) is None
    settings.PAGE_CACHE_LOCAL_BYTES = 1024
    assert isinstance(PageCopies.for_default_cache(VERSION_KEYS), PageCopies)
