"""Fill an empty database with the demo site; running it again changes nothing.

The content is data (``demo/data/*.yaml``); the seeds below load it in order, so
later ones can rely on what earlier ones made. Each group runs in one transaction.
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import community, core, events, exchanges, notifications, practices, projects
from demo.indexing import once_per_object

# Projects come after events: each project links to the event it came from. The
# notices of affiliations, registrations and exchanges are delivered in the
# transaction that made them, so the send tasks queued for its commit find them sent.
SEEDS = [
    [core.seed],
    [community.seed, notifications.deliver],
    [practices.seed],
    [events.seed, exchanges.seed, notifications.deliver],
    [projects.seed],
]


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
            for group in SEEDS:
                # Search and reference indexes updated once per object, at the
                # end of the group, in its transaction (``demo.indexing``).
                with transaction.atomic(), once_per_object():
                    for seed in group:
                        seed(log=self.log)
        finally:
            for logger, level in levels.items():
                logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def log(self, message: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(f"  {message}")
