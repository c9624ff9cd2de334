"""Project middleware."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.urls import is_valid_path, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 from a view outside the language
    prefix (the admin, documents) stays a 404.

    Django redirects an unprefixed 404 to ``/<language>/<path>`` whenever that path
    resolves, and Wagtail's catch-all page route makes every path resolve: a missing
    admin object (a forged id) became a redirect to a public "page not found".
    Public paths without a prefix (``/about/``) are still redirected.
    """

    def process_response(self, request, response):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if response.status_code == 404 and is_valid_path(request.path_info, urlconf):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


class AdminAccessMiddleware:
    """A signed-in person without the right to use the admin gets a page that says
    so (403), with links to the site and their profile.

    Wagtail sends them to the login page, which is the site's login (the admin signs
    in through the same rate-limited form); that page sends a signed-in person on to
    ``next``, the admin again, and the browser loops. Anonymous visitors and people
    with admin access pass through unchanged: Wagtail's own checks still apply.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path_info.startswith(reverse("wagtailadmin_home"))
            and request.path_info != reverse("wagtailadmin_logout")
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "403_admin.html", status=403)
        return self.get_response(request)


# The map tiles of static/js/network-map.js (templates' ``data-tiles``).
MAP_TILE_ORIGINS = ("https://tile.openstreetmap.org",)

# The public site: only its own scripts and stylesheets, no inline code, no
# plug-ins, never framed. JSON-LD (<script type="application/ld+json">) is data: the
# browser never runs it, so script-src does not apply to it.
PUBLIC_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: " + " ".join(MAP_TILE_ORIGINS),
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# The Wagtail admin writes inline scripts (formset templates, date pickers) and
# inline styles (many templates and its JavaScript), so it needs 'unsafe-inline'
# for both; it frames its own page previews ('self'), shows avatars from Gravatar
# and embed thumbnails from other sites (img-src https:). Everything else stays as
# strict as the site: no plug-ins, no foreign scripts, forms post only here. Only
# signed-in editors and coordinators reach the admin's pages.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob: https:",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

# Browser features the site never uses; nobody (not even an embedded frame) gets them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response: the strict
    policy for the site, a relaxed one under the admin's path. A view that sets its
    own policy keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        response.headers.setdefault(
            "Content-Security-Policy",
            ADMIN_CONTENT_SECURITY_POLICY if admin else PUBLIC_CONTENT_SECURITY_POLICY,
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
