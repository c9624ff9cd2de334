"""Deployment checks of the public address (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError

from .links import public_base_url, public_host_and_port


@register(Tags.urls, deploy=True)
def check_public_base_url(app_configs=None, databases=None, **kwargs) -> list:
    """``PUBLIC_BASE_URL`` is set, and the default Wagtail Site agrees with it.

    The Site is read only when the check is given a database
    (``check --deploy --database default``), as Django's own database checks do.
    """
    if not settings.PUBLIC_BASE_URL_FROM_ENV:
        return [
            Warning(
                "PUBLIC_BASE_URL is not set, so every absolute link (sitemap, "
                f"feeds, mails, calendar files) says {public_base_url()}.",
                hint="Set PUBLIC_BASE_URL to the address people reach the site at, "
                "e.g. https://cities.example.org.",
                id="core.W001",
            )
        ]
    if not databases or "default" not in databases:
        return []
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # not migrated yet; sync_site runs after migrate
    if site is not None and (site.hostname, site.port) != public_host_and_port():
        return [
            Warning(
                f"The default Wagtail site is {site.root_url}, but PUBLIC_BASE_URL is "
                f"{public_base_url()}; Wagtail's own links (View live, previews) "
                "go to the wrong host.",
                hint="Run manage.py sync_site (after every migrate).",
                id="core.W002",
            )
        ]
    return []
