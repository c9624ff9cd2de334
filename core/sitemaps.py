"""sitemap.xml with every language of the site and links between translations.

Wagtail's sitemap lists the pages below the site's root page, which is the English
home page; the German home page is its translation, a sibling in the page tree, so
its pages would be missing. This sitemap lists the pages of every translation of the
root and adds ``<xhtml:link rel="alternate" hreflang="…">`` for each translation of
a page (plus ``x-default`` for the default language), as search engines expect.

A page may list more than its own address (the network directory lists the
organisation profiles it serves); such an entry carries an ``alternate_key`` that
is the same in every language, and entries sharing a key are each other's
translations. Every address is on ``PUBLIC_BASE_URL`` (``core.links``), whichever
host the sitemap was asked for.
"""

from collections import defaultdict

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from .links import public_url


class LocalizedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        pages = Page.objects.none()
        for translation in root.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(translation, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        items = list(self.paginator.page(page).object_list)
        urls_by_key = defaultdict(list)
        entries = []
        for item in items:
            language = languages.get(item.locale_id, settings.LANGUAGE_CODE)
            for url_info in item.get_sitemap_urls(self.request):
                if not url_info.get("location"):
                    continue  # not routable
                url_info = dict(url_info)
                key = url_info.pop("alternate_key", item.translation_key)
                # Wagtail builds page addresses on the Site's root URL.
                url_info["location"] = public_url(url_info["location"])
                entries.append((key, url_info))
                urls_by_key[key].append((language, url_info["location"]))

        urls = []
        last_mods = set()
        for key, url_info in entries:
            translations = urls_by_key[key]
            if len(translations) > 1:
                alternates = [
                    {"lang_code": language, "location": location}
                    for language, location in sorted(translations)
                ]
                default = [
                    location
                    for language, location in translations
                    if language == settings.LANGUAGE_CODE
                ]
                if default:
                    alternates.append(
                        {"lang_code": "x-default", "location": default[0]}
                    )
                url_info = {**url_info, "alternates": alternates}
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
