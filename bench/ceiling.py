"""The ceiling of ``bench/throughput.py``: Django answering ``HttpResponse("ok")``.

A project of one view, no middleware, no database: what a gunicorn worker with
Django can serve at best on this machine. ``bench/throughput.py`` serves it with the
same gunicorn settings as the site (``gunicorn ceiling:application --chdir bench``).

``/floor/`` is the floor of a page cache: its view asks Redis (``REDIS_URL``) for
four keys in one ``MGET``, as a kept page is read (content and process versions,
the next moment, the page), and answers with the page, ``FLOOR_PAGE_BYTES`` bytes
(``bench/throughput.py`` gives the kept home page's size). That is the least any
page cache that checks its versions in Redis at every request must do, without its
own key, serializer or headers: a kept page can come near this rate, never above.
"""

import functools
import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling-" + "x" * 50,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 - after configure()
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

FLOOR_KEYS = [
    f"bench:floor:{name}" for name in ("content", "process", "moment", "page")
]


def ok(request):
    return HttpResponse("ok")


@functools.cache
def floor_client():
    """The worker's Redis client (made at its first request, after gunicorn has
    forked), with the floor's keys written."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    size = int(os.environ.get("FLOOR_PAGE_BYTES", "25000"))
    client.mset(
        {key: "x" * (size if key.endswith("page") else 32) for key in FLOOR_KEYS}
    )
    return client


def floor(request):
    *_versions, page = floor_client().mget(FLOOR_KEYS)
    return HttpResponse(page)


urlpatterns = [path("", ok), path("floor/", floor)]
application = get_wsgi_application()
