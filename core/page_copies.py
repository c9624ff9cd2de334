"""This process's copies of kept pages, served without asking Redis.

The page cache (``core.page_cache``) reads a page and the versions it must have
been made under in one Redis call. That call costs a kept page about half its
rate (``bench/throughput.py``'s floor), so a web process also keeps copies of the
pages it served, with the versions it last read, and serves them without any call
while Redis has not said that a version changed.

Redis says so itself: the process holds one connection of its own on which it asks
Redis to track the version keys (``CLIENT TRACKING ON BCAST``, RESP3, so Redis
pushes the invalidations to that connection). Every write, deletion, expiry or
eviction of those keys, and a flush of the database, sends one, whoever made it.
Before a copy is served the process looks whether anything has arrived (a poll of
its socket, no round trip); if so, or if the connection broke, or the next moment
at which pages read differently has passed, it forgets the versions and its copies
and reads Redis again, as without copies. Redis queues the invalidations of a
write before its answer to the writer and sends both in the same turn of its event
loop, so by the time a publication or a registration has been answered, every
process has the message waiting, and the next request anywhere shows the change.

Only with one Redis server for the cache: with replicas, a read from a replica
could lag behind the invalidation. ``PAGE_CACHE_LOCAL_BYTES`` bounds the copies'
size per process (the least recently served go first); 0 turns them off, as does
a cache that is not Redis (each process's memory is then the cache itself).
"""

import logging
import os
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches

from redis.exceptions import RedisError

from core.cache import RedisCache

logger = logging.getLogger(__name__)


class PageCopies:
    """One process's copies (one per middleware instance, so per process)."""

    def __init__(self, backend: RedisCache, version_keys: list[str]):
        self.backend = backend
        # Tracked as Redis names them (the cache's prefix and version added).
        self.version_keys = [backend.make_key(key) for key in version_keys]
        self.lock = threading.Lock()
        self.pages: OrderedDict[str, tuple] = OrderedDict()
        self.size = 0
        self.versions: tuple | None = None
        self.moment = 0.0
        self.listener = None
        self.listener_id = None
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
            entry = self.pages.get(key)
            if entry is None or entry[0] != self.versions:
                return None
            self.pages.move_to_end(key)
            return entry

    def keep(self, key: str, entry: tuple) -> None:
        """Keep ``entry`` (versions, status, headers, content) if it was made under
        the versions this process knows to be current."""
        with self.lock:
            if self.versions is None or entry[0] != self.versions:
                return
            size = len(entry[3]) + 512
            if size > self.limit:
                return
            previous = self.pages.pop(key, None)
            if previous is not None:
                self.size -= len(previous[3]) + 512
            self.pages[key] = entry
            self.size += size
            while self.size > self.limit:
                _, oldest = self.pages.popitem(last=False)
                self.size -= len(oldest[3]) + 512

    # -- knowing the versions --------------------------------------------------

    def listen(self) -> bool:
        """Called before the versions are read from Redis: make sure the listener
        is connected and drop whatever it heard so far (the read that follows
        sees those changes). False if it cannot listen."""
        with self.lock:
            if self.pid != os.getpid():
                self._forked()
            if self.listener is None:
                self.listener = self._connect()
            else:
                self._quiet()  # drops what it heard
            return self.listener is not None

    def remember(self, versions: tuple, moment: float | None) -> None:
        """The versions just read from Redis (after ``listen``), current until
        the listener hears otherwise or ``moment`` passes."""
        with self.lock:
            if self.listener is None or moment is None:
                return
            if versions != self.versions:
                self._forget()
            self.versions, self.moment = versions, moment

    def _quiet(self) -> bool:
        """Nothing heard since the versions were read, and still listening."""
        try:
            if not self.listener.can_read(timeout=0):
                return True
            while self.listener.can_read(timeout=0):
                self.listener.read_response(push_request=True)
        except (RedisError, OSError):  # broken: listen again next time
            logger.warning("page copies: the invalidation listener broke")
            self._close()
        self._forget()
        return False

    def _forked(self) -> None:
        """In a forked process: the parent's copies and socket are not ours (the
        parent may be the one that reads a message on it)."""
        self.pid = os.getpid()
        self.listener = None
        self._forget()

    def _forget(self) -> None:
        self.versions = None
        self.pages.clear()
        self.size = 0

    def _close(self) -> None:
        listener, self.listener = self.listener, None
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
            logger.warning("page copies: cannot listen for invalidations")
            listener.disconnect()
            return None
        return listener

    @property
    def limit(self) -> int:
        return settings.PAGE_CACHE_LOCAL_BYTES
