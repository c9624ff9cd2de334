"""Fill an empty database with the demo site; running it again changes nothing.

Every installed project app may have a ``demo`` module with a ``seed(log)`` function;
they run in INSTALLED_APPS order, so later apps can rely on what earlier ones made.
Core stays unaware of the apps below it.
"""

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
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            is_project_app = Path(app_config.path).parent == settings.BASE_DIR
            if not is_project_app or not find_spec(module_name):
                continue
            with transaction.atomic():
                import_module(module_name).seed(log=self.log)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(f"  {message}")
