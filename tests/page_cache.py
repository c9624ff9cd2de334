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
    client = redis.Redis.from_url(location)
    keys = list(client.scan_iter(f"{prefix}:*"))
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
