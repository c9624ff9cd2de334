"""Django's Redis cache, with one Redis client per connection pool.

Django's ``RedisCacheClient`` makes a new ``redis.Redis`` for every cache call, and
redis-py fills a table of some 170 response callbacks for each new client: about
0.3 ms per call, more than the round trip to Redis itself (measured with
``bench/throughput.py``'s kept pages, which make one call each). A client is only a
view of its connection pool, which hands out connections per call and is safe
across threads (and renews itself in a forked process), so one client per pool
serves every call.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoClient


class RedisCacheClient(DjangoClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
