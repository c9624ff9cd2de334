"""The page cache as deployed, for tests: Django's cache in the test Redis (under
a prefix of the test's own, removed afterwards), where each process keeps copies
of the pages it served (``core.page_copies``)."""

import os
import uuid

import redis

from config.env import redis_url_db


def redis_page_cache(settings):
    """Use as ``yield from redis_page_cache(settings)`` in a fixture."""
    prefix = f"test-{uuid.uuid4().hex}"
    location = redis_url_db(os.environ["REDIS_URL"], 1)
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE_LOCAL_BYTES = 1024 * 1024
    yield
    delete_keys(location, f"{prefix}:*")


def delete_keys(url: str, pattern: str = "*") -> None:
    """The keys of the Redis database at ``url`` that match ``pattern``, deleted
    one by one: never a flush, which tells every process that tracks keys anywhere
    on the server (the page copies of tests running beside) that all changed."""
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(pattern, count=1000))
    if keys:
        client.delete(*keys)
    client.close()


def client_copies(client):
    """The page copies of the test client's handler (its first middleware's), or
    None where they are off."""
    middleware = client.handler._middleware_chain
    assert middleware is not None, "no request made yet"
    while not hasattr(middleware, "copies"):
        middleware = middleware.get_response
    return middleware.copies
