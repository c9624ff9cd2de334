"""Point Wagtail's default Site at PUBLIC_BASE_URL; run it after every migrate.

A database without a default site is reported, not an error, so that a deployment
that runs this after migrate still starts.
"""

from django.core.management.base import BaseCommand

from core.services import SiteSyncError, default_site_sync


class Command(BaseCommand):
    help = "Set the default Wagtail Site's host name and port from PUBLIC_BASE_URL."

    def handle(self, *args, **options):
        try:
            site = default_site_sync()
        except SiteSyncError as exc:
            self.stderr.write(self.style.WARNING(f"Default site unchanged: {exc}"))
            return
        if options["verbosity"] >= 1:
            self.stdout.write(f"Default site: {site.hostname}:{site.port}")
