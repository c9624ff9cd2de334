"""This process's copies of kept pages, served without asking Redis.

The page cache (``core.page_cache``) reads a page and the versions it must have
been made under in one Redis call. That call costs a kept page about half its
rate (``bench/throughput.py``'s floor), so a web process also keeps copies of the
pages it served, with the versions it last read, and serves them without any call
while Redis has not said that a version changed.

Redis says so itself: the process holds one connection of its own on which it asks
Redis to track the version keys (``CLIENT TRACKING ON BCAST``, RESP3, so Redis
pushes the invalidations to that connection). Every write, deletion, expiry or
eviction of those keys, and a flush of any database, sends one, whoever made it.
Before a copy is served the process looks whether anything has arrived (a poll of
its socket, no round trip); if so, or if the connection broke, or the next moment
at which pages read differently has passed, it forgets the versions and its copies
and reads Redis again, as without copies. Redis sends the invalidations of a write
in the same turn of its event loop as its answer to the writer (gathered just
before the answers go out), so on one host they arrive within microseconds of that
answer, long before the response of a publication or a registration has reached
anyone who could ask for the page again.

A connection can also die without a word (a dropped route, a failover behind one
name): the process pings Redis on it every ``PING_SECONDS`` without waiting, and
trusts its copies only while the last answer is at most ``TRUST_SECONDS`` old. The
answer comes after every invalidation sent before it, so it also proves that none
was missed. A copy is never older than ``PAGE_CACHE_SECONDS``, like the page in
Redis it was made from. Where Redis refuses to track (an ACL, an old server) the
process serves from Redis and tries again after ``RETRY_SECONDS``.

Only with one Redis server for the cache: with replicas, a read from a replica
could lag behind the invalidation. ``PAGE_CACHE_LOCAL_BYTES`` bounds the copies'
size per process (the least recently served go first); 0 turns them off, as does
a cache that is not Redis (each process's memory is then the cache itself).
"""

import logging
import os
import threading
from collections import OrderedDict
from time import monotonic

from django.conf import settings
from django.core.cache import caches

from redis.exceptions import RedisError

from core.cache import RedisCache

logger = logging.getLogger(__name__)

PING_SECONDS = 1.0
TRUST_SECONDS = 5.0
RETRY_SECONDS = 60.0
# What a copy costs beyond its bytes, key and headers (the tuple, the dict, the
# entry in the ordered dict), counted against ``PAGE_CACHE_LOCAL_BYTES``.
OVERHEAD_BYTES = 1024


def _size(key: str, entry: tuple) -> int:
    headers = entry[2]
    named = sum(len(name) + len(value) for name, value in headers.items())
    return len(entry[3]) + len(key) + named + OVERHEAD_BYTES


class PageCopies:
    """One process's copies (one per middleware instance, so per process).

    ``listen`` returns a generation, which every forgetting ends; ``remember``
    and ``keep`` take it back and do nothing when it has ended, so a read made
    before a change that another thread heard of is never kept after it."""

    def __init__(self, backend: RedisCache, version_keys: list[str]):
        self.backend = backend
        # Tracked as Redis names them (the cache's prefix and version added).
        self.version_keys = [backend.make_key(key) for key in version_keys]
        self.lock = threading.Lock()
        # key -> (entry, size, served until: a monotonic time)
        self.pages: OrderedDict[str, tuple] = OrderedDict()
        self.size = 0
        self.versions: tuple | None = None
        self.moment = 0.0
        self.generation = 0
        self.listener = None
        self.listener_id = None
        self.retry_at = 0.0
        self.pinged_at: float | None = None  # a ping not answered yet, sent then
        self.confirmed_at = 0.0  # every invalidation sent before this was read
        self.pid = os.getpid()

    @classmethod
    def for_default_cache(cls, version_keys: list[str]) -> "PageCopies | None":
        """Copies for the default cache, or None where they are off (see the
        module)."""
        backend = caches["default"]
        if (
            settings.PAGE_CACHE_LOCAL_BYTES <= 0
            or not isinstance(backend, RedisCache)
            or len(backend._servers) != 1
        ):
            return None
        return cls(backend, version_keys)

    # -- serving ---------------------------------------------------------------

    def get(self, key: str, now: float) -> tuple | None:
        """The copy kept under ``key``, when its versions are still current at
        ``now`` (a timestamp)."""
        with self.lock:
            if self.pid != os.getpid():
                self._forked()
            if self.versions is None or not self._quiet():
                return None
            if self.moment <= now:
                self._forget()
                return None
            clock = monotonic()
            self._ping(clock)
            if clock - self.confirmed_at > TRUST_SECONDS:
                return None  # not heard from Redis lately: ask it
            kept = self.pages.get(key)  # made under ``versions`` (see ``keep``)
            if kept is None:
                return None
            if kept[2] <= clock:
                self._drop(key)
                return None
            self.pages.move_to_end(key)
            return kept[0]

    def keep(self, key: str, entry: tuple, generation: int) -> None:
        """Keep ``entry`` (versions, status, headers, content) if it was made under
        the versions this process knows to be current, and nothing was heard
        since ``generation`` began."""
        with self.lock:
            if generation != self.generation or entry[0] != self.versions:
                return
            size = _size(key, entry)
            if size > settings.PAGE_CACHE_LOCAL_BYTES:
                return
            self._drop(key)
            until = monotonic() + settings.PAGE_CACHE_SECONDS
            self.pages[key] = (entry, size, until)
            self.size += size
            while self.size > settings.PAGE_CACHE_LOCAL_BYTES:
                self._drop(next(iter(self.pages)))

    # -- knowing the versions --------------------------------------------------

    def listen(self) -> int | None:
        """Called before the versions are read from Redis: make sure the listener
        is connected and drop whatever it heard so far (the read that follows
        sees those changes). The generation, or None if it cannot listen."""
        with self.lock:
            if self.pid != os.getpid():
                self._forked()
            clock = monotonic()
            if self.listener is not None:
                self._quiet()  # drops what it heard
            if self.listener is not None and self._silent(clock):
                logger.warning("page copies: Redis stopped answering the listener")
                self._close()
            if self.listener is None and clock >= self.retry_at:
                self.listener = self._connect()
                if self.listener is None:
                    self.retry_at = clock + RETRY_SECONDS
            if self.listener is None:
                return None
            self._ping(clock)
            return self.generation

    def remember(self, versions: tuple, moment: float | None, generation) -> None:
        """The versions just read from Redis (after ``listen`` gave
        ``generation``), current until the listener hears otherwise or
        ``moment`` passes."""
        with self.lock:
            if moment is None or generation != self.generation:
                return
            if versions != self.versions:
                self._clear()  # made under older versions
            self.versions, self.moment = versions, moment

    def _quiet(self) -> bool:
        """Nothing heard since the versions were read, and still listening.
        Reads what arrived: an answer to a ping confirms, anything else is an
        invalidation."""
        heard = False
        try:
            while self.listener.can_read(timeout=0):
                answer = self.listener.read_response(push_request=True)
                if answer in (b"PONG", "PONG") and self.pinged_at is not None:
                    self.confirmed_at, self.pinged_at = self.pinged_at, None
                else:
                    heard = True
        except (RedisError, OSError):  # broken: listen again next time
            logger.warning("page copies: the invalidation listener broke")
            self._close()
            return False
        if heard:
            self._forget()
        return not heard

    def _ping(self, clock: float) -> None:
        """Asks Redis for a sign of life every ``PING_SECONDS``, not waiting for
        it (``_quiet`` reads it when it comes)."""
        if self.pinged_at is None and clock - self.confirmed_at >= PING_SECONDS:
            try:
                self.listener.send_command("PING")
            except (RedisError, OSError):
                logger.warning("page copies: the invalidation listener broke")
                self._close()
                return
            self.pinged_at = clock

    def _silent(self, clock: float) -> bool:
        """A ping has waited for its answer longer than the copies are trusted."""
        return self.pinged_at is not None and clock - self.pinged_at > TRUST_SECONDS

    def _drop(self, key: str) -> None:
        kept = self.pages.pop(key, None)
        if kept is not None:
            self.size -= kept[1]

    def _forked(self) -> None:
        """In a forked process: the parent's copies and socket are not ours (the
        parent may be the one that reads a message on it). Closing our copy of
        the socket leaves the parent's open."""
        self.pid = os.getpid()
        self._close()

    def _forget(self) -> None:
        self.generation += 1
        self.versions = None
        self._clear()

    def _clear(self) -> None:
        """No copies: every copy is made under the current ``versions``, so a
        change of them clears them all."""
        self.pages.clear()
        self.size = 0

    def _close(self) -> None:
        """No listener: nothing it vouched for stands."""
        listener, self.listener = self.listener, None
        self.pinged_at = None
        self._forget()
        if listener is not None:
            listener.disconnect()

    def _connect(self):
        """A connection of the process's own, speaking RESP3 so that Redis pushes
        the invalidations of the tracked keys to it; its id, for tests."""
        pool = self.backend._cache._get_connection_pool(write=True)
        listener = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
        prefixes = [part for key in self.version_keys for part in ("PREFIX", key)]
        try:
            listener.connect()
            listener.send_command("CLIENT", "ID")
            self.listener_id = listener.read_response()
            listener.send_command("CLIENT", "TRACKING", "ON", "BCAST", *prefixes)
            listener.read_response()
        except (RedisError, OSError):
            logger.warning(
                "page copies: cannot listen for invalidations; pages come from "
                "Redis, trying again in %d s",
                RETRY_SECONDS,
            )
            listener.disconnect()
            return None
        self.confirmed_at, self.pinged_at = monotonic(), None
        return listener
