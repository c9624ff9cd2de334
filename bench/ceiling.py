"""The ceiling of ``bench/throughput.py``: Django answering ``HttpResponse("ok")``.

A project of one view, no middleware, no database: what a gunicorn worker with
Django can serve at best on this machine. ``bench/throughput.py`` serves it with the
same gunicorn settings as the site (``gunicorn ceiling:application --chdir bench``).
"""

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


def ok(request):
    return HttpResponse("ok")


urlpatterns = [path("", ok)]
application = get_wsgi_application()
