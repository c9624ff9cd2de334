"""Absolute links to the site, all on one public address: ``PUBLIC_BASE_URL``.

A link that leaves the site (sitemap, canonical and og:url, JSON-LD, feeds, the
API's ``html_url``, calendar files, mails) must work wherever it is read, so it is
never built from the host a request happened to use (``build_absolute_uri``) nor from
Wagtail's ``Site.root_url``, which can say ``http://localhost`` and knows https only
on port 443. Links inside a page stay relative.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpRequest

from wagtail.models import Page

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_base_url() -> str:
    """``PUBLIC_BASE_URL`` without a trailing slash, e.g. ``https://cities.example``."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def public_url(path: str) -> str:
    """The public address of a path on this site (``/en/network/amman/``).

    A URL that Django or Wagtail built for this site on another host (the request's,
    the Site's root URL) may be passed as well: its path, query and fragment are
    kept, its scheme and host replaced. Only pass this site's own links.
    """
    parts = urlsplit(path)
    base = urlsplit(public_base_url())
    return urlunsplit(
        (
            base.scheme,
            base.netloc,
            "/" + parts.path.lstrip("/"),
            parts.query,
            parts.fragment,
        )
    )


def page_public_url(page: Page, request: HttpRequest | None = None) -> str:
    """The public address of a Wagtail page, or ``""`` when it is not routable.

    ``request`` only lets Wagtail cache the site's root paths for the request.
    """
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return ""
    return public_url(parts[2])


def public_host_and_port() -> tuple[str, int]:
    """Host name and port of ``PUBLIC_BASE_URL`` (the scheme's port if none given),
    as Wagtail's ``Site`` stores them."""
    parts = urlsplit(public_base_url())
    return parts.hostname or "", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
