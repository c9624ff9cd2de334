"""The demo stays out of production: production settings do not install it, and no
production app imports it or Django's test utilities."""

import ast
import importlib
import secrets
from pathlib import Path

from config.settings import base
from tests.test_settings import _manage

ROOT = Path(__file__).resolve().parent.parent.parent
# Every project app production installs (a top-level package of this repository).
PRODUCTION_APPS = [app for app in base.INSTALLED_APPS if (ROOT / app).is_dir()]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_ALLOWED_HOSTS": "cities.example.org",
}


def _installed_apps(**env: str) -> list[str]:
    code = "from django.conf import settings; print(*settings.INSTALLED_APPS)"
    result = _manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_settings_do_not_install_the_demo():
    secret = secrets.token_urlsafe(64)
    production = _installed_apps(**PRODUCTION_ENV, DJANGO_SECRET_KEY=secret)
    assert "demo" not in production
    assert set(PRODUCTION_APPS) <= set(production)
    # The overlays only add to base; reading them needs no process of its own.
    for overlay in ("dev", "test"):
        module = importlib.import_module(f"config.settings.{overlay}")
        assert "demo" in module.INSTALLED_APPS
    # Hence the compose stack (production settings) has no way to seed demo accounts.
    seed = _manage("seed_demo", **PRODUCTION_ENV, DJANGO_SECRET_KEY=secret)
    assert seed.returncode != 0
    assert "Unknown command: 'seed_demo'" in seed.stderr


def _imported(path: Path):
    """(line, dotted name) of everything ``path`` imports; relative imports keep
    their leading dots."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                separator = "." if node.module else ""
                yield node.lineno, f"{module}{separator}{alias.name}"


def _forbidden(name: str) -> bool:
    if name.startswith("."):
        # Inside an app: ``from . import demo``, ``from .demo import seed``.
        return "demo" in name.lstrip(".").split(".")
    return name.split(".")[0] == "demo" or (
        name == "django.test" or name.startswith("django.test.")
    )


def test_production_apps_import_neither_the_demo_nor_test_utilities():
    assert {"core", "community", "practices", "projects", "events"} <= set(
        PRODUCTION_APPS
    )
    offenders = []
    for app in PRODUCTION_APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            where = path.relative_to(ROOT)
            if path.stem == "demo" or path.stem.endswith("_demo"):
                offenders.append(f"{where}: a demo module")
            offenders += [
                f"{where}:{line} imports {name}"
                for line, name in _imported(path)
                if _forbidden(name)
            ]
    assert offenders == []
