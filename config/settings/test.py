"""Test settings: the real PostgreSQL and Redis on 127.0.0.1 unless told otherwise.

The README's test command exports DATABASE_URL and REDIS_URL; these defaults make a
bare ``pytest`` on a developer machine do the same thing.
"""

import os

os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/connective_cities"
)
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, INSTALLED_APPS  # noqa: E402

# Tests seed the demo site and use its helpers (demo/); production never has it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Unit tests run tasks in-process; the integration tests start a real worker instead.
CELERY_TASK_ALWAYS_EAGER = True
# Each test run gets its own cache database so parallel runs never share rate limits.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
# Django's test client calls itself testserver; links point there too.
PUBLIC_BASE_URL = "http://testserver"
PUBLIC_BASE_URL_FROM_ENV = True
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
# Serve static files from the source folders; there is no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
PAGE_CACHE_SECONDS = 0  # on in tests/core/test_page_cache.py, which checks it
