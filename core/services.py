"""Writes that belong to the site as a whole."""

import logging

from django.db import transaction

from wagtail.models import Site

from .links import public_host_and_port

logger = logging.getLogger(__name__)


class SiteSyncError(Exception):
    """The default Wagtail Site cannot be pointed at the public address."""


def default_site_sync() -> Site:
    """Point Wagtail's default Site at ``PUBLIC_BASE_URL`` (host name and port), so
    that what Wagtail links by itself (the admin's "View live", previews) goes where
    the rest of the site's links go. Running it again changes nothing."""
    hostname, port = public_host_and_port()
    with transaction.atomic():
        site = Site.objects.select_for_update().filter(is_default_site=True).first()
        if site is None:
            raise SiteSyncError("There is no default site yet (seed_demo makes one).")
        if (site.hostname, site.port) == (hostname, port):
            return site
        taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk)
        if taken.exists():
            raise SiteSyncError(
                f"Another site already answers on {hostname}:{port}; make it the "
                "default site or change PUBLIC_BASE_URL."
            )
        old = f"{site.hostname}:{site.port}"
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    logger.info("Default site moved from %s to %s:%s", old, hostname, port)
    return site
