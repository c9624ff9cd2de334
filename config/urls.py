"""URL configuration.

Public pages live under a language prefix (/en/, /de/); the admin, health check,
documents and media live outside it. Wagtail's page serving comes last.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community import urls as community_urls
from config.api import api_router
from core import views as core_views
from core.geo import urls as geo_urls
from core.geo import views as geo_views
from core.sitemaps import LocalizedSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("maps/countries.json", geo_views.base_layer, name="map_base_layer"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include(community_urls.account_urlpatterns)),
    path("accounts/", include("allauth.urls")),
    path("", include(community_urls)),
    path("", include("notifications.urls")),
    path("", include("conversations.urls")),
    path("", include("practices.urls")),
    path("", include("projects.urls")),
    path("", include("events.urls")),
    path("", include("exchanges.urls")),
    path("search/", core_views.site_search, name="site_search"),
    path("", include(geo_urls)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
