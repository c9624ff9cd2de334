"""Small helpers that read settings from the environment.

Kept dependency-free on purpose: settings must import before any app is loaded.
"""

import os
from urllib.parse import unquote, urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_VALUES


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}"
        ) from exc


SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE = 5


def secret_key_is_strong(key: str) -> bool:
    """Long, varied and not Django's development placeholder: the same thresholds as
    Django's deploy check (security.W009), which production makes a hard stop."""
    return (
        len(key) >= SECRET_KEY_MIN_LENGTH
        and len(set(key)) >= SECRET_KEY_MIN_UNIQUE
        and not key.startswith("django-insecure")
    )


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def redis_url_db(url: str, db: int) -> str:
    """The same Redis server as ``url`` with another logical database number."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, ""))


def email_settings_from_url(url: str) -> dict:
    """Turn ``EMAIL_URL`` into Django's EMAIL_* settings.

    ``console://`` prints mail, ``locmem://`` keeps it in memory (tests),
    ``smtp://user:password@host:port`` sends it; ``smtp+tls://`` uses STARTTLS and
    ``smtps://`` implicit TLS.
    """
    parts = urlsplit(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {parts.scheme!r} is not one of {sorted(backends)}"
        )
    settings = {"EMAIL_BACKEND": backends[parts.scheme]}
    if parts.scheme.startswith("smtp"):
        settings.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if parts.scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=parts.scheme == "smtp+tls",
            EMAIL_USE_SSL=parts.scheme == "smtps",
        )
    return settings


def base_url(value: str, name: str) -> str:
    """A site's public address: scheme and host (and port), no trailing slash.

    ``https://cities.example.org/`` becomes ``https://cities.example.org``. A path, a
    query or anything but http(s) is refused: every link is this plus a path.
    """
    parts = urlsplit(value.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise ImproperlyConfigured(
            f"{name} must be a scheme and host such as https://cities.example.org, "
            f"not {value!r}"
        )
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} has an invalid port: {value!r}") from exc
    return urlunsplit((parts.scheme, parts.netloc.lower(), "", "", ""))
