"""Environment-driven settings: parsing, production safety and deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

import pytest

from config.env import (
    base_url,
    email_settings_from_url,
    env_int,
    redis_url_db,
    secret_key_is_strong,
)

ROOT = Path(__file__).resolve().parent.parent


def _python(*args: str, **env: str) -> subprocess.CompletedProcess:
    """A fresh Python in the project with this process's environment, without
    the settings' own variables, plus ``env``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            (
                "DJANGO_",
                "DATABASE_URL",
                "REDIS_URL",
                "EMAIL_URL",
                "PUBLIC_BASE_URL",
                "WAGTAILADMIN_BASE_URL",
            )
        )
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return _python("manage.py", *args, **env)


def _read_settings(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``code`` where the settings module is read as a server would start
    with ``env``; without ``django.setup()`` (no apps loaded), in 0.4 s instead of
    the 3.4 s of ``manage.py shell``."""
    return _python("-c", code, **env)


def test_email_url_smtp_with_credentials():
    settings = email_settings_from_url("smtp+tls://mailer:p%40ss@mail.example.org:587")
    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


def test_email_url_console_and_unknown_scheme():
    assert email_settings_from_url("console://")["EMAIL_BACKEND"].endswith(
        "console.EmailBackend"
    )
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings_from_url("carrier-pigeon://coop")


def test_redis_url_db_keeps_host_and_credentials():
    assert redis_url_db("redis://:pw@redis:6379/0", 1) == "redis://:pw@redis:6379/1"


def test_env_int_rejects_words(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "many")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER"):
        env_int("SOME_NUMBER", 3)


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_ALLOWED_HOSTS="cities.example.org",
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("key", "strong"),
    [
        ("", False),
        ("a" * 57, False),
        ("abcd" * 20, False),  # four different characters
        ("abcde" * 10, True),
        ("abcde" * 9 + "abcd", False),  # 49 characters
        pytest.param(
            "django-insecure-" + secrets.token_urlsafe(64), False, id="django-insecure"
        ),
        # A fixed id: the key is random, and parallel test processes must collect
        # the same tests.
        pytest.param(secrets.token_urlsafe(64), True, id="random"),
    ],
)
def test_secret_key_strength(key, strong):
    assert secret_key_is_strong(key) is strong


def test_production_refuses_a_long_but_monotonous_secret_key():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="a" * 57,
        DJANGO_ALLOWED_HOSTS="cities.example.org",
    )
    assert result.returncode != 0
    assert "at least 5 of them different" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="cities.example.org",
        PUBLIC_BASE_URL="https://cities.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_a_public_base_url():
    result = _manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="cities.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "core.W001" in result.stderr + result.stdout
    assert "PUBLIC_BASE_URL is not set" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        (
            {"PUBLIC_BASE_URL": "https://Cities.example.org/"},
            "https://cities.example.org",
        ),
        (
            {"WAGTAILADMIN_BASE_URL": "https://old.example.org"},
            "https://old.example.org",
        ),
        (
            {
                "PUBLIC_BASE_URL": "https://new.example.org",
                "WAGTAILADMIN_BASE_URL": "https://old.example.org",
            },
            "https://new.example.org",
        ),
        ({}, "http://127.0.0.1:8000"),
    ],
)
def test_public_base_url_from_the_environment(environment, expected):
    """PUBLIC_BASE_URL, else the old WAGTAILADMIN_BASE_URL, else the dev address;
    Wagtail's admin and API base URLs follow it."""
    code = (
        "from django.conf import settings as s;"
        "print(s.PUBLIC_BASE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
    )
    result = _read_settings(
        code,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        **environment,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected] * 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://cities.example.org", "https://cities.example.org"),
        (" https://cities.example.org/ ", "https://cities.example.org"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("https://[::1]:8443", "https://[::1]:8443"),
    ],
)
def test_base_url_accepts_a_scheme_and_host(value, expected):
    assert base_url(value, "PUBLIC_BASE_URL") == expected


@pytest.mark.parametrize(
    "value",
    [
        "cities.example.org",
        "ftp://cities.example.org",
        "https://",
        "https://cities.example.org/network/",
        "https://cities.example.org/?a=1",
        "https://user:pw@cities.example.org",
        "https://cities.example.org:port",
    ],
)
def test_base_url_refuses_anything_else(value):
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_BASE_URL"):
        base_url(value, "PUBLIC_BASE_URL")


def test_no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_embedded_defaults_without_environment():
    """With no DATABASE_URL/REDIS_URL/EMAIL_URL the site runs on its own."""
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1],"
        " s.EMAIL_BACKEND.rsplit('.', 2)[-2])"
    )
    result = _read_settings(
        code,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "True",
        "LocMemCache",
        "console",
    ]


def test_services_configured_from_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER,"
        " s.CELERY_BROKER_URL, s.CACHES['default']['LOCATION'])"
    )
    result = _read_settings(
        code,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "False",
        "redis://127.0.0.1:6379/0",
        "redis://127.0.0.1:6379/1",
    ]


def test_every_periodic_task_is_a_registered_task(settings):
    """Beat publishes tasks by name: a task that moved to another app must move in
    the schedule too, or the worker drops the message."""
    from config.celery import app

    app.loader.import_default_modules()
    names = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "notifications.tasks.notifications_sweep_task" in names
    assert "community.tasks.affiliation_expiry_reminders_task" in names
    assert names - set(app.tasks) == set()
