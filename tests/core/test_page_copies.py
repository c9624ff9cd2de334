"""A web process's copies of kept pages (``core.page_copies``), on the test Redis:
served without a call to Redis, and given up as soon as Redis says a version
changed, whoever changed it (another process here), when Redis stops answering,
when the process cannot listen any more, and in a forked process. The
invalidation tests of ``test_page_cache.py`` run with copies too."""

import json
import os
import pickle
import subprocess
import sys
import time
import uuid
from unittest import mock

from django.core.cache import cache, caches
from django.test import RequestFactory
from django.utils import timezone

import pytest
import redis

from core import page_copies
from core.knowledge.versions import CONTENT_VERSION_KEY
from core.page_cache import HEADER, VERSION_KEYS, cache_key
from core.page_copies import PageCopies
from tests.knowledge_fixtures import (
    index_pages,
    make_practice,
    seed_site,
    world_fixtures,
)
from tests.page_cache import client_copies, redis_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    yield from redis_page_cache(settings)


def build_practice():
    pages = index_pages(seed_site())
    return make_practice(pages["practices"], title="Solar lamps", field="sme-promotion")


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, practice = world_fixtures(build_practice, name="practice")


def _copied(client, url: str) -> PageCopies:
    """Requests ``url`` until its copy is kept: made (the versions are written),
    read from Redis (they are current: remembered, the page copied)."""
    states = [client.get(url)[HEADER] for _ in range(2)]
    assert states == ["miss", "hit"]
    copies = client_copies(client)
    assert _key(url) in copies.pages
    return copies


def _key(url: str) -> str:
    return cache_key(RequestFactory().get(url))


def _now() -> float:
    return timezone.now().timestamp()


def _in_another_process(*commands: tuple) -> None:
    """Runs Redis commands from a process of its own, as another web process or a
    worker would; a value given as ``("pickled", value)`` is stored as the cache
    stores it."""
    script = (
        "import json, pickle, redis, sys\n"
        "client = redis.Redis.from_url(sys.argv[1])\n"
        "for command in json.loads(sys.argv[2]):\n"
        "    client.execute_command(*(\n"
        "        bytes.fromhex(part[1]) if isinstance(part, list) else part\n"
        "        for part in command\n"
        "    ))\n"
    )
    encoded = [
        [
            ["pickled", pickle.dumps(part[1], pickle.HIGHEST_PROTOCOL).hex()]
            if isinstance(part, tuple)
            else part
            for part in command
        ]
        for command in commands
    ]
    location = caches["default"]._servers[0]
    subprocess.run(
        [sys.executable, "-c", script, location, json.dumps(encoded)], check=True
    )


def _asking_redis():
    return mock.patch.object(cache, "get_many", wraps=cache.get_many)


def _not_asking_redis():
    return mock.patch.object(cache, "get_many", side_effect=AssertionError("Redis"))


class _Clock:
    """The monotonic clock of ``core.page_copies``, moved on at will."""

    def __init__(self):
        self.ahead = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.ahead


def test_a_kept_page_is_served_from_the_copy_without_a_call_to_redis(
    client, practice, django_assert_num_queries
):
    _copied(client, practice.url)
    first = client.get(practice.url)
    with _not_asking_redis(), django_assert_num_queries(0):
        response = client.get(practice.url)
    assert response[HEADER] == "hit"
    assert response.content == first.content
    assert response["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_version_written_by_another_process_shows_at_the_next_request(
    client, practice
):
    _copied(client, practice.url)
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
    _copied(client, practice.url)
    keys = [caches["default"].make_key(key) for key in VERSION_KEYS]
    _in_another_process(("DEL", *keys))
    assert client.get(practice.url)[HEADER] == "miss"


def test_a_broken_listener_means_asking_redis_until_it_listens_again(client, practice):
    copies = _copied(client, practice.url)
    _in_another_process(("CLIENT", "KILL", "ID", copies.listener_id))
    with _asking_redis() as asked:
        response = client.get(practice.url)
    assert response.status_code == 200
    assert response[HEADER] == "hit"
    assert asked.called  # from Redis, by a process listening again
    assert copies.listener is not None
    with _not_asking_redis():
        assert client.get(practice.url)[HEADER] == "hit"


def test_copies_are_trusted_again_once_redis_answers_a_ping(client, practice):
    """After a quiet while the copies are not served until Redis has answered a
    ping, which a healthy listener's next request reads."""
    copies = _copied(client, practice.url)
    listener = copies.listener
    clock = _Clock()
    with mock.patch.object(page_copies, "monotonic", clock):
        clock.ahead = page_copies.TRUST_SECONDS + 1
        with _asking_redis() as asked:
            assert client.get(practice.url)[HEADER] == "hit"
        assert asked.called  # a ping is under way
        time.sleep(0.05)
        with _not_asking_redis():
            assert client.get(practice.url)[HEADER] == "hit"
    assert copies.listener is listener


def test_a_silent_listener_is_not_trusted_and_is_replaced(client, practice):
    """A connection that died without a word: its pings go unanswered, so the
    copies are not served beyond ``TRUST_SECONDS`` and the process listens
    anew."""
    copies = _copied(client, practice.url)
    silent = copies.listener
    silent.send_command = lambda *args, **kwargs: None  # its pings go nowhere
    clock = _Clock()
    with mock.patch.object(page_copies, "monotonic", clock):
        clock.ahead = page_copies.TRUST_SECONDS + 1
        with _asking_redis() as asked:
            assert client.get(practice.url)[HEADER] == "hit"
        assert asked.called
        assert copies.listener is silent  # a ping is under way
        clock.ahead += page_copies.TRUST_SECONDS + 1
        with _asking_redis() as asked:
            assert client.get(practice.url)[HEADER] == "hit"
        assert asked.called
        assert copies.listener not in (None, silent)
        client.get(practice.url)  # copied again, under the new listener
        with _not_asking_redis():
            assert client.get(practice.url)[HEADER] == "hit"


def test_a_read_from_before_a_change_another_thread_heard_of_is_not_kept(
    client, practice
):
    copies = _copied(client, practice.url)
    generation = copies.listen()
    read = copies.versions
    entry = copies.pages[_key(practice.url)][0]
    key = caches["default"].make_key(CONTENT_VERSION_KEY)
    _in_another_process(("SET", key, ("pickled", "another-version")))
    time.sleep(0.05)
    # Another thread's request hears of the change first.
    assert copies.get(_key(practice.url), _now()) is None
    copies.remember(read, _now() + 3600, generation)
    copies.keep(_key(practice.url), entry, generation)
    assert copies.versions is None
    assert not copies.pages


def test_a_copy_is_not_served_longer_than_the_cache_keeps_pages(
    client, practice, settings
):
    settings.PAGE_CACHE_SECONDS = 1
    _copied(client, practice.url)
    with _not_asking_redis():
        assert client.get(practice.url)[HEADER] == "hit"
    time.sleep(1.1)
    with _asking_redis() as asked:
        assert client.get(practice.url)[HEADER] == "miss"
    assert asked.called


def test_copies_are_bounded_and_the_least_recently_served_go_first(
    client, practice, settings
):
    urls = [f"{practice.url}?v={n}" for n in range(3)]
    copies = _copied(client, urls[0])
    one = copies.pages[_key(urls[0])][1]
    assert one > len(copies.pages[_key(urls[0])][0][3])  # headers and key counted
    settings.PAGE_CACHE_LOCAL_BYTES = int(one * 2.5)
    _copied(client, urls[1])
    assert list(copies.pages) == [_key(url) for url in urls[:2]]
    client.get(urls[0])  # served again: the most recent
    _copied(client, urls[2])
    assert list(copies.pages) == [_key(url) for url in (urls[0], urls[2])]
    assert copies.size == sum(size for _, size, _ in copies.pages.values())
    assert copies.size <= settings.PAGE_CACHE_LOCAL_BYTES


def test_a_forked_process_does_not_serve_its_parents_copies(client, practice):
    copies = _copied(client, practice.url)
    key = _key(practice.url)
    assert copies.get(key, _now()) is not None
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            served = copies.get(key, _now()) is not None
            os.write(write, b"served" if served or copies.listener else b"none")
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    assert os.read(read, 16) == b"none"
    os.close(read)
    # The parent still listens on its socket and serves its copy.
    assert copies.get(key, _now()) is not None
    _in_another_process(("DEL", caches["default"].make_key(CONTENT_VERSION_KEY)))
    time.sleep(0.05)
    assert copies.get(key, _now()) is None


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


def test_where_redis_refuses_to_track_pages_come_from_redis(client, practice, settings):
    """A user whose ACL forbids ``CLIENT`` (as a managed Redis may): the kept
    pages are served from Redis, and the process does not try to listen again at
    every request."""
    location = caches["default"]._servers[0]
    admin = redis.Redis.from_url(location)
    user = f"test-{uuid.uuid4().hex}"
    admin.acl_setuser(
        user,
        enabled=True,
        passwords=["+not-a-secret"],
        keys=["*"],
        categories=["+@all"],
        commands=["-client"],
    )
    try:
        scheme, rest = location.split("://", 1)
        settings.CACHES = {
            "default": {
                **settings.CACHES["default"],
                "LOCATION": f"{scheme}://{user}:not-a-secret@{rest}",
            }
        }
        with mock.patch.object(
            PageCopies, "_connect", autospec=True, side_effect=PageCopies._connect
        ) as connect:
            states = []
            for _ in range(4):
                with _asking_redis() as asked:
                    states.append(client.get(practice.url)[HEADER])
                assert asked.called
        assert states == ["miss", "hit", "hit", "hit"]
        assert connect.call_count == 1
        assert client_copies(client).listener is None
    finally:
        admin.acl_deluser(user)
        admin.close()
