"""Demo content of the core app (``data/core.yaml``): locales, the demo admin, the
taxonomy, the SDGs and the page tree; and the page and translation helpers every
demo module uses."""

import os

from django.conf import settings

from wagtail.models import Locale, Page, Site

from allauth.account.models import EmailAddress

from community.models import User
from core.links import public_host_and_port
from core.models import SDG, Cluster, FieldOfAction, HomePage, StandardPage
from core.services import default_site_sync

from .data import load

DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "connective-demo-admin")


def quiet(message: str) -> None:
    """A ``log`` for seeds whose progress nobody reads."""


def locales() -> dict[str, Locale]:
    """The locale of every site language (``core/migrations/0006`` makes them; a
    database emptied by a test may need them again)."""
    codes = [code for code, _name in settings.LANGUAGES]
    if Locale.objects.filter(language_code__in=codes).count() < len(codes):
        for code in codes:
            Locale.objects.get_or_create(language_code=code)
    return Locale.objects.in_bulk(codes, field_name="language_code")


def translations(spec: dict, languages=None) -> list[tuple[str, dict]]:
    """The texts of ``spec`` in every other language than English that it gives
    (of ``languages``, when named), in the site's order: ``[("de", {...}), ...]``."""
    return [
        (code, spec[code])
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
        and spec.get(code)
        and (languages is None or code in languages)
    ]


def english(model, key: str = "slug") -> dict:
    """The English rows of a translatable model by ``key``: pages point at these."""
    return {
        getattr(row, key): row for row in model.objects.filter(locale=locales()["en"])
    }


def english_page(model, **lookup):
    """The (first) English page of ``model`` that matches ``lookup``, or None."""
    return model.objects.filter(locale=locales()["en"], **lookup).first()


def upsert_translated(model, spec: dict, key: dict, **shared):
    """Create or update one translatable snippet row per language ``spec`` gives
    texts for, found by ``key`` (``{"slug": ...}``) and sharing a translation key;
    related rows in ``shared`` are linked in each row's language."""
    locale_map = locales()
    original, _ = model.objects.update_or_create(
        **key, locale=locale_map["en"], defaults={**spec["en"], **shared}
    )
    for code, fields in translations(spec):
        translated_shared = {
            name: value.get_translation(locale_map[code])
            if hasattr(value, "get_translation")
            else value
            for name, value in shared.items()
        }
        model.objects.update_or_create(
            translation_key=original.translation_key,
            locale=locale_map[code],
            defaults={**key, **fields, **translated_shared},
        )
    return original


def assign(page: Page, values: dict) -> Page:
    """Set field values on an unsaved page or copy: relations (tags, cities, child
    rows) through their managers, everything else as attributes."""
    for name, value in values.items():
        field = page._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            getattr(page, name).set(value)
        else:
            setattr(page, name, value)
    return page


def publish(page: Page) -> None:
    page.save_revision().publish()


def add_page(parent: Page, page: Page, values: dict) -> Page:
    """Put ``page`` with ``values`` under ``parent`` and publish it."""
    parent.add_child(instance=assign(page, values))
    publish(page)
    return page


def translate(page: Page, values: dict, language: str) -> Page | None:
    """Publish ``page`` in ``language`` with ``values``, unless it exists already
    or its parent is not in that language (as in tests that seed fewer)."""
    locale = locales()[language]
    if page.get_translation_or_none(locale) is not None:
        return None
    parent = page.get_parent()
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        return None
    translated = assign(page.copy_for_translation(locale), values)
    publish(translated)
    return translated


def translate_all(
    page: Page, spec: dict, log=quiet, label="", languages=None, extra=None
):
    """Publish ``page`` in every language ``spec`` gives texts for (of
    ``languages``, when named), unless it exists there already (``translate``);
    ``extra(language)`` adds values that are not texts of the spec."""
    for language, values in translations(spec, languages):
        values = {**values, **(extra(language) if extra else {})}
        if translate(page, values, language) and label:
            log(f"{label} in {language} created")


def index_page(model, parent: Page, spec: dict, log, label: str) -> tuple[Page, bool]:
    """The page of ``model`` for ``spec`` under ``parent``, in the menu, in every
    language ``spec`` gives; and whether the English page was made now."""
    page = english_page(model, slug=spec["slug"])
    created = page is None
    if created:
        page = model(slug=spec["slug"], show_in_menus=True)
        add_page(parent, page, spec["en"])
        log(f"{label} created")
    translate_all(page, spec, log, label)
    return page, created


def place_everywhere(index: Page, after=None) -> Page:
    """Put ``index`` in every language right after its sibling of model ``after``
    (where there is one), or first among its siblings and so in the main menu;
    returns it fresh, since moving changes its tree position."""
    for page in index.get_translations(inclusive=True):
        if after is None:
            first = page.get_parent().get_first_child()
            if first.pk != page.pk:
                page.move(first, pos="left")
            continue
        sibling = after.objects.child_of(page.get_parent()).first()
        if sibling and getattr(page.get_prev_sibling(), "pk", None) != sibling.pk:
            page.move(sibling, pos="right")
    return type(index).objects.get(pk=index.pk)


def seed_admin(log) -> User:
    """The demo superuser, with a verified address so allauth lets it sign in."""
    spec = load("core")["admin"]
    email = spec.pop("email")
    admin, created = User.objects.get_or_create(
        email=email, defaults={**spec, "is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_ADMIN_PASSWORD)
        admin.save()
        log(f"admin account {email} created")
    EmailAddress.objects.update_or_create(
        user=admin, email=email, defaults={"verified": True, "primary": True}
    )
    return admin


def seed_taxonomy(log) -> None:
    for order, cluster in enumerate(load("core")["clusters"]):
        original = upsert_translated(
            Cluster,
            cluster,
            {"slug": cluster["slug"]},
            sort_order=order,
            colour=cluster["colour"],
        )
        for field_order, field in enumerate(cluster["fields_of_action"]):
            upsert_translated(
                FieldOfAction,
                field,
                {"slug": field["slug"]},
                cluster=original,
                sort_order=field_order,
            )
    log(f"{Cluster.objects.count()} clusters, {FieldOfAction.objects.count()} fields")


def seed_sdgs(log) -> None:
    for sdg in load("core")["sdgs"]:
        upsert_translated(SDG, sdg, {"number": sdg["number"]})
    log(f"{SDG.objects.count()} SDG rows")


def seed_pages(log, languages=None) -> HomePage:
    """The home page (the default site's root) and the standard pages, in every
    language the data gives, or only in ``languages`` (tests that need no more
    than English and German publish a third of the pages)."""
    data = load("core")
    spec = data["home"]
    root = Page.get_first_root_node()
    home = english_page(HomePage)
    if home is None:
        # Wagtail's initial migration makes a placeholder page; the demo replaces it.
        for placeholder in root.get_children().exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        home = add_page(root, HomePage(slug=spec["slug"]), spec["en"])
        log("home page created")
    hostname, port = public_host_and_port()
    site = {"root_page": home, "site_name": spec["site_name"]}
    Site.objects.update_or_create(
        is_default_site=True,
        defaults=site,
        create_defaults={"hostname": hostname, "port": port, **site},
    )
    # The same as `manage.py sync_site`: the site answers on PUBLIC_BASE_URL.
    default_site_sync()
    translate_all(home, spec, log, "home page", languages)

    pages = {}
    for spec in data["standard_pages"]:
        parent = pages[spec["parent"]] if "parent" in spec else home
        page = english_page(StandardPage, slug=spec["slug"])
        if page is None:
            page = StandardPage(
                slug=spec["slug"],
                show_in_menus=spec["show_in_menus"],
                show_in_footer=spec.get("show_in_footer", False),
            )
            add_page(parent, page, spec["en"])
        translate_all(page, spec, languages=languages)
        pages[spec["slug"]] = page
    log(f"{StandardPage.objects.count()} standard pages in all languages")
    return home


def seed(log) -> None:
    locales()
    seed_admin(log)
    seed_taxonomy(log)
    seed_sdgs(log)
    seed_pages(log)
