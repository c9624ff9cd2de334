"""Settings shared by every environment, driven by environment variables.

Nothing here exists only in production: the overlays (dev, test, production) change
defaults, never behaviour. Without ``DATABASE_URL`` the site runs on SQLite, without
``REDIS_URL`` tasks run eagerly and the cache is in memory, without ``EMAIL_URL`` mail
goes to the console. See the README's "Configuration" table for every variable.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
from celery.schedules import crontab

from config.env import (
    base_url,
    email_settings_from_url,
    env,
    env_bool,
    env_int,
    env_list,
    redis_url_db,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Project apps first so that their templates and commands win.
    "core",
    "community",
    "notifications",
    "conversations",
    "practices",
    "events",
    "projects",
    "exchanges",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    # Accounts
    "allauth",
    "allauth.account",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Trigram lookups for the forgiving search (core.forgiving); on PostgreSQL only.
    "django.contrib.postgres",
    "django_countries",
    "django.forms",
]

MIDDLEWARE = [
    # Anonymous pages kept whole, outside everything else: a kept page is served
    # with the headers every middleware below gave it when it was made (security
    # headers, policies, compression), without running any of them again.
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages, feeds and API answers compressed (static files come compressed from
    # WhiteNoise, above, so images are never compressed again). Django pads each
    # compressed response at random against BREACH, and CSRF tokens are masked.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ----------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    # One Redis, two logical databases: the broker keeps its queues apart from the
    # cache, so a cache flush never drops a queued task. Django's Redis cache, with
    # one client per connection pool (core/cache.py says why).
    CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": env("REDIS_CACHE_URL", redis_url_db(REDIS_URL, 1)),
            "KEY_PREFIX": "cc",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (``core.page_cache``): kept until the content
# or a process they show changes; this only bounds how long an entry unused after
# such a change takes up room. A proxy in front may keep them for seconds.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 3600)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 10)
# Each web process also keeps copies of the pages it served, served without a call
# to Redis until Redis says a version changed (``core.page_copies``); at most this
# many bytes of them (0: none).
PAGE_CACHE_LOCAL_BYTES = env_int("PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)

# --- Celery --------------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that enqueues while Redis is down must not hang: publishing tries
# the connection once (max_retries 0; kombu would otherwise retry for the whole
# connection timeout) and without publish retries (notifications.queue passes
# retry=False); the row stays queued for the sweep. Measured on this machine with
# nothing listening on the port: 0.27 s for the first publish of a process (it
# loads the transport), 3-20 ms after that; before this setting it was 2.0 s per
# publish. An unroutable host is bounded by socket_connect_timeout (2.0 s
# measured), and after a failure the process skips publishing for
# NOTIFICATION_BROKER_PAUSE seconds.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 0,
    "socket_connect_timeout": 2,
    "socket_timeout": 10,
    # Unacknowledged tasks (a worker died) come back after an hour; the outbox
    # sweep does not wait for that.
    "visibility_timeout": 3600,
}
# Periodic tasks: each entry says its window and why running it twice is harmless.
CELERY_BEAT_SCHEDULE: dict = {
    # Every minute: publish pages whose go-live time has passed (scheduled publishing,
    # also of approved proposals) and unpublish expired ones. A repeated or late run
    # is harmless: Wagtail's command only acts on pages whose time has come and clears
    # the schedule as it publishes, so a second run finds nothing to do. A run still
    # queued after 55 s is dropped, so slow workers never pile them up.
    "publish-scheduled-pages": {
        "task": "practices.tasks.publish_scheduled_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Every minute: the outbox sweep. Sending rows whose lease ran out (a worker died
    # mid-send) go back to the queue; queued rows nobody picked up for two minutes
    # (Redis was down, a message died with a worker) are published again. Harmless
    # twice: a send task only acts on a queued, due row it claims under a row lock,
    # so an extra task for a row finds it sending or sent and does nothing.
    "notifications-sweep": {
        "task": "notifications.tasks.notifications_sweep_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Every hour: reminders 7 days and 1 day before events (windows: start within
    # 1-7 days, and within 24 hours). Harmless twice: each reminder's dedupe key
    # holds the event, the start date and the registration.
    "event-reminders": {
        "task": "events.tasks.event_reminders_task",
        "schedule": 3600.0,
        "options": {"expires": 3000},
    },
    # Every six hours: a reminder to confirm for people accepted three days ago or
    # more. Harmless twice: one reminder per acceptance (its log entry in the key).
    "confirm-reminders": {
        "task": "events.tasks.confirm_reminders_task",
        "schedule": 6 * 3600.0,
        "options": {"expires": 3 * 3600},
    },
    # Mondays at 07:00 UTC: the opt-in weekly digest of events published in the last
    # seven days. Harmless twice: one digest per person and ISO week.
    "weekly-digests": {
        "task": "events.tasks.weekly_digests_task",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
        "options": {"expires": 12 * 3600},
    },
    # Daily at 06:00 UTC: a reminder to people whose verified affiliation expires
    # within 30 days (window: expiry between now and 30 days ahead), so they can
    # have it renewed. Harmless twice: one reminder per affiliation and expiry date
    # (both in the dedupe key); a renewed affiliation is reminded of again later.
    "affiliation-expiry-reminders": {
        "task": "community.tasks.affiliation_expiry_reminders_task",
        "schedule": crontab(minute=0, hour=6),
        "options": {"expires": 12 * 3600},
    },
    # Every five minutes: waitlist offers whose deadline has passed are declined and
    # the place is offered to the next person, so an offer lasts at most five minutes
    # longer than promised. A repeated or overlapping run is harmless: each event's
    # offers are re-read under the event's row lock, and an offer already confirmed
    # or expired is no longer "offered", so nothing changes twice.
    "expire-waitlist-offers": {
        "task": "events.tasks.offers_expire_task",
        "schedule": 300.0,
        "options": {"expires": 290},
    },
}

# --- Mail ----------------------------------------------------------------------------

_mail = email_settings_from_url(env("EMAIL_URL", "console://"))
EMAIL_BACKEND = _mail["EMAIL_BACKEND"]
EMAIL_HOST = _mail.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _mail.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _mail.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _mail.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _mail.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _mail.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Connective Cities <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The notification outbox (the notifications app): a row being sent is leased for
# NOTIFICATION_SENDING_LEASE seconds; transient SMTP errors retry after
# NOTIFICATION_RETRY_BACKOFF * 2^(attempt-1) seconds (at most an hour) up to
# NOTIFICATION_MAX_ATTEMPTS tries, then the row is failed and shown to organisers.
NOTIFICATION_SENDING_LEASE = env_int("NOTIFICATION_SENDING_LEASE", 300)
NOTIFICATION_RETRY_BACKOFF = env_int("NOTIFICATION_RETRY_BACKOFF", 60)
NOTIFICATION_RETRY_BACKOFF_MAX = 3600
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 8)
NOTIFICATION_SWEEP_GRACE = env_int("NOTIFICATION_SWEEP_GRACE", 120)
NOTIFICATION_BROKER_PAUSE = 10
NOTIFICATION_CONFIRM_AFTER_DAYS = 3

# --- Accounts ------------------------------------------------------------------------

AUTH_USER_MODEL = "community.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
# A new member starts with three short first steps (city, themes, languages): the
# dashboard has nothing for them yet, and their themes and city are what it
# recommends from. Until they finish or skip them, signing in leads there too
# (``AccountAdapter.get_login_redirect_url``).
ACCOUNT_SIGNUP_REDIRECT_URL = "onboarding"
# Where people write when something in their account goes wrong (shown on the
# "check your inbox" page); the programme office.
CONTACT_EMAIL = env("CONTACT_EMAIL", "info@connective-cities.net")
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Connective Cities] "
ACCOUNT_FORMS = {"signup": "community.forms.SignupForm"}
ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
# Rate limits (allauth counts them in the cache): "<count>/<period>/<key>".
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/5m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# How many messages (first ones and replies together) one person may send in an
# hour and in a day (``conversations.services``: counted in the database).
CONVERSATIONS_MESSAGES_PER_HOUR = env_int("CONVERSATIONS_MESSAGES_PER_HOUR", 20)
CONVERSATIONS_MESSAGES_PER_DAY = env_int("CONVERSATIONS_MESSAGES_PER_DAY", 60)
# Whose address the "ip" limits count. Behind a reverse proxy every request comes
# from the proxy's address, so one person's ten wrong passwords would lock everyone
# out. Name the proxies you run: the number of them that append to X-Forwarded-For
# (the client is the entry that many places from the right), or a header your proxy
# sets to the client's address and clients cannot forge (X-Real-IP). Neither is
# trusted by default: a client could then pick its own address. Everything that
# needs the client's address asks ``get_adapter().get_client_ip(request)``.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("ALLAUTH_TRUSTED_CLIENT_IP_HEADER", "") or None

# --- Internationalisation ------------------------------------------------------------

LANGUAGE_CODE = "en"
# The interface languages, in the order the language switcher lists them. Arabic is
# written right to left (Django's ``get_language_info(code)["bidi"]``).
LANGUAGES = [
    ("en", _("English")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
]
# Ours come first in Django's search, so they override allauth's and Wagtail's own
# catalogues wherever the same message is translated differently (formal "Sie").
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
# Named date formats per language (config/formats/<lang>/formats.py): "10 January
# 2027, 14:30", "10. Januar 2027, 14:30 Uhr", "10 janvier 2027, 14:30", never numeric
# US dates.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Kosovo has no ISO 3166 code yet; XK is the user-assigned code in common use.
COUNTRIES_OVERRIDE = {"XK": _("Kosovo")}

# --- Static and media ----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail -------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Connective Cities"
# The address people reach the site at, e.g. https://cities.example.org. Every
# absolute link (sitemap, canonical, JSON-LD, feeds, API, calendar files, mails) is
# built on it (core.links), and `manage.py sync_site` points Wagtail's default Site
# at it. WAGTAILADMIN_BASE_URL is its old name, still read when it is not set.
_public_base_url = env("PUBLIC_BASE_URL") or env("WAGTAILADMIN_BASE_URL")
PUBLIC_BASE_URL = base_url(
    _public_base_url or "http://127.0.0.1:8000", "PUBLIC_BASE_URL"
)
# Whether the environment named it; `check --deploy` warns when it did not.
PUBLIC_BASE_URL_FROM_ENV = bool(_public_base_url)
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
# On PostgreSQL, full-text search stems each page in its own language (see
# core/search_backend.py); on SQLite, Wagtail's database backend does what it can.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "core.search_backend"
        if USING_POSTGRES
        else "wagtail.search.backends.database",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# E-mail addresses change only through the site's account pages (allauth), which
# verify a new address before it counts: invitations and roles follow the address.
# The admin's account page links there (community/wagtail_hooks.py).
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

# --- Security (production tightens these) --------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail indexes pages through django-tasks; one line per page is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# Forms render with the site's accessible field template (templates/forms/).
FORM_RENDERER = "core.forms.SiteFormRenderer"
