"""Counting how often someone does something, to stop a script doing it without
end (allauth limits sign-ins and sign-ups itself; this is for the platform's own
forms)."""

from django.core.cache import cache


def rate_exceeded(key: str, *, limit: int, window: int) -> bool:
    """Count one more for ``key``; true once the count within ``window`` seconds
    of the first one is over ``limit``."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit
