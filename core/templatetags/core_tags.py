"""Template tags for the site frame: main menu, language switcher, public links."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import translate_url
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site

from core import bidi as bidi_text
from core import links
from core.knowledge.listing import cached
from core.knowledge.versions import content_version

register = template.Library()


@register.filter
def bdi(value):
    """``{{ name|bdi }}``: the value isolated in ``<bdi>`` for a sentence of the
    other direction (``core.bidi``)."""
    return bidi_text.bdi(value)


@register.filter
def isolate(value):
    """``{{ title|isolate }}``: the value between Unicode isolates where
    directions may mix, for plain text such as mails (``core.bidi``)."""
    return bidi_text.isolate(value)


@register.filter(needs_autoescape=True)
def join_list(items, autoescape=True):
    """``{{ names|join_list }}``: like ``join:", "`` with the separator of the
    language being read (the Arabic comma in Arabic)."""
    escape = conditional_escape if autoescape else str
    return mark_safe(  # noqa: S308 - every item and the separator are escaped
        escape(bidi_text.list_separator()).join(escape(item) for item in items)
    )


@register.simple_tag
def list_separator() -> str:
    """``{% list_separator %}`` between items a loop writes out."""
    return bidi_text.list_separator()


@register.simple_tag
def public_url(path: str) -> str:
    """``{% public_url "/sitemap.xml" %}``: the path on ``PUBLIC_BASE_URL``."""
    return links.public_url(path)


def _home_page(request):
    """The site's home page in the active language (one query per request)."""
    if not hasattr(request, "_cc_home_page"):
        site = Site.find_for_request(request)
        home = site.root_page.localized if site else None
        request._cc_home_page = home
    return request._cc_home_page


@register.simple_tag
def contact_email() -> str:
    """The programme office's address (``CONTACT_EMAIL``)."""
    return settings.CONTACT_EMAIL


def _linked_pages(request) -> list[dict]:
    """The home page's live, public children that the main menu or the footer link
    to, in the active language: each one's title, address and tree path, and
    whether the menu (``in_menu``) or the footer (``in_footer``) lists it. Read
    once per content version (new at every publication and view restriction), in
    one query for both and one for view restrictions."""
    if not hasattr(request, "_cc_linked_pages"):
        site = Site.find_for_request(request)

        def read() -> list[dict]:
            home = _home_page(request)
            if home is None:
                return []
            pages = (
                home.get_children()
                .live()
                .public()
                .filter(Q(show_in_menus=True) | Q(standardpage__show_in_footer=True))
                .annotate(in_footer=Coalesce("standardpage__show_in_footer", False))
            )
            return [
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "path": page.path,
                    "in_menu": page.show_in_menus,
                    "in_footer": page.in_footer,
                }
                for page in pages
            ]

        request._cc_linked_pages = (
            cached(
                content_version(),
                ("linked-pages", site.pk, site.root_page_id, get_language()),
                read,
            )
            if site
            else []
        )
    return request._cc_linked_pages


@register.simple_tag(takes_context=True)
def footer_pages(context) -> list[dict]:
    """The standard pages below the home page that editors marked "show in footer"
    (imprint, privacy notice): their titles and addresses."""
    return [page for page in _linked_pages(context["request"]) if page["in_footer"]]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children that editors marked "show in menus"."""
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {
            **item,
            "current": bool(current_path) and current_path.startswith(item["path"]),
        }
        for item in _linked_pages(request)
        if item["in_menu"]
    ]
    return {"items": items, "request": request}


def _page_versions(request, page: Page) -> dict:
    """The page's address (``url``) and its live versions by language
    (``targets``): each one's key, address and whether it is this page's
    translation (``own``) or the home page standing in for a missing one. Read once
    per content version, in two queries."""
    site = Site.find_for_request(request)

    def read() -> dict:
        translations = {}
        # The home page in each language is the fallback for untranslated pages.
        for candidate in (_home_page(request), page):
            if candidate is None:
                continue
            for translation in (
                candidate.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            ):
                translations[translation.locale.language_code] = translation
        return {
            "url": page.get_url(request) or "",
            "targets": {
                code: {
                    "pk": target.pk,
                    "url": target.get_url(request),
                    "own": target.translation_key == page.translation_key,
                }
                for code, target in translations.items()
            },
        }

    key = ("page-versions", site.pk if site else None, page.pk)
    return cached(content_version(), key, read)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per site language pointing at this page in that language, named in
    its own language ("Deutsch", "Français", "العربيّة") and with its direction, so
    the switcher reads the same whatever language the page is in; the links to
    versions of this very page are also the head's ``hreflang`` alternates.

    For Wagtail pages that is the translation (or the home page when the page has not
    been translated yet), keeping a routable page's sub-path (``/en/network/bonn/`` →
    ``/de/netzwerk/bonn/``) and the query string; for other views the same URL with
    another language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    is_page = isinstance(page, Page) and bool(page.id)
    targets, own, suffix = {}, set(), ""
    if is_page:
        versions = _page_versions(request, page)
        targets = versions["targets"]
        # The languages the page itself is in (not the home page's fallbacks).
        own = {code for code, target in targets.items() if target["own"]}
        page_url = versions["url"]
        if page_url and request.path.startswith(page_url):
            suffix = request.path[len(page_url) :]
        if request.GET:
            suffix += "?" + request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        if is_page:
            target = targets.get(code)
            if target and target["pk"] == page.pk:
                url = request.get_full_path()
            elif target and target["url"]:
                url = target["url"] + suffix
            else:
                url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": name,
                "name_local": capfirst(info["name_local"]),
                "dir": "rtl" if info["bidi"] else "ltr",
                "url": url,
                "current": code == current,
                # Named in the page's head as an alternate version of it.
                "alternate": not is_page or code in own,
                "absolute_url": public_url(url),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def localized_name(context, row) -> str:
    """The name of a taxonomy row (cluster, field of action, region) in the language
    being read. Models point at default-language rows; the names of the active
    language's rows are read once per model and request (the tables are small)."""
    if row is None:
        return ""
    request = context.get("request")
    names = getattr(request, "_cc_localized_names", None)
    if names is None:
        names = {}
        if request is not None:
            request._cc_localized_names = names
    key = (type(row), get_language())
    if key not in names:
        names[key] = dict(
            type(row)
            .objects.filter(locale=Locale.get_active())
            .values_list("translation_key", "name")
        )
    return names[key].get(row.translation_key) or row.name
