"""The site's Redis cache (``core.cache``) on the test Redis: Django's backend,
with one client for all calls."""

import os
import uuid

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from config.env import redis_url_db
from core.cache import RedisCache


def _cache() -> RedisCache:
    location = redis_url_db(os.environ["REDIS_URL"], 1)
    return RedisCache(location, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})


def test_it_keeps_reads_and_forgets_like_djangos_redis_cache():
    cache = _cache()
    assert isinstance(cache, DjangoRedisCache)
    cache.set("page", (("a", "b"), 200, {"Vary": "Cookie"}, b"<html>"), 60)
    cache.set("version", "v1", None)
    assert cache.get_many(["page", "version", "missing"]) == {
        "page": (("a", "b"), 200, {"Vary": "Cookie"}, b"<html>"),
        "version": "v1",
    }
    assert cache.add("version", "v2", None) is False
    cache.delete_many(["page", "version"])
    assert cache.get("page") is None


def test_every_call_uses_the_same_client():
    client = _cache()._cache
    first = client.get_client("a")
    assert client.get_client("b", write=True) is first
    assert first.connection_pool is client._get_connection_pool(write=True)
