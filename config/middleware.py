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
