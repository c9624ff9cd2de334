"""Fill an empty database with the demo site; running it again changes nothing.

Every installed project app may have a ``demo`` module with a ``seed(log)`` function;
they run in INSTALLED_APPS order, so later apps can rely on what earlier ones made.
Core stays unaware of the apps below it.
"""

import logging
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create or update the demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even though DEBUG is off (demo accounts are then created too).",
        )

    def handle(self, *args, allow_production=False, **options):
        self.verbosity = options["verbosity"]
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "seed_demo creates demo accounts with known passwords; it runs only "
                "with DEBUG on, or with --allow-production on a throw-away server."
            )
        # Wagtail logs every page it creates, edits and publishes, Celery every
        # eager task, and kombu warns that the in-memory broker has no host: about
        # a thousand lines that bury the seed's own summary unless asked for (-v 2).
        quiet = {"wagtail": logging.WARNING, "celery": logging.WARNING}
        quiet["kombu.connection"] = logging.ERROR
        loggers = {logging.getLogger(name): level for name, level in quiet.items()}
        levels = {logger: logger.level for logger in loggers}
        if self.verbosity < 2:
            for logger, level in loggers.items():
                logger.setLevel(level)
        try:
            self.seed_apps()
        finally:
            for logger, level in levels.items():
                logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def seed_apps(self) -> None:
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            is_project_app = Path(app_config.path).parent == settings.BASE_DIR
            if not is_project_app or not find_spec(module_name):
                continue
            with transaction.atomic():
                import_module(module_name).seed(log=self.log)

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(f"  {message}")
