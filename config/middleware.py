"""Project middleware."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
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
