"""Demo content of the core app (``data/core.yaml``): locales, the demo admin, the
taxonomy, the SDGs and the page tree; and the page and translation helpers every
demo module uses."""

import os

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
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "de")
    }


def english(model, key: str = "slug") -> dict:
    """The English rows of a translatable model by ``key``: pages point at these."""
    return {
        getattr(row, key): row for row in model.objects.filter(locale=locales()["en"])
    }


def upsert_translated(model, *, slug: str, values: dict[str, dict], **shared):
    """Create or update one translatable snippet row per language, sharing a key."""
    locale_map = locales()
    original, _ = model.objects.update_or_create(
        slug=slug, locale=locale_map["en"], defaults={**values["en"], **shared}
    )
    for code, fields in values.items():
        if code == "en":
            continue
        translated_shared = {
            key: value.get_translation(locale_map[code])
            if hasattr(value, "get_translation")
            else value
            for key, value in shared.items()
        }
        model.objects.update_or_create(
            translation_key=original.translation_key,
            locale=locale_map[code],
            defaults={"slug": slug, **fields, **translated_shared},
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


def translate(page: Page, values: dict, language: str = "de") -> Page | None:
    """Publish ``page`` in ``language`` with ``values``, unless it exists already."""
    locale = locales()[language]
    if page.get_translation_or_none(locale) is not None:
        return None
    translated = assign(page.copy_for_translation(locale), values)
    publish(translated)
    return translated


def index_page(model, parent: Page, spec: dict, log, label: str) -> tuple[Page, bool]:
    """The page of ``model`` for ``spec`` under ``parent``, in the menu, published in
    English and German; whether the English page was made now."""
    page = model.objects.filter(slug=spec["slug"], locale=locales()["en"]).first()
    created = page is None
    if created:
        page = model(slug=spec["slug"], show_in_menus=True)
        add_page(parent, page, spec["en"])
        log(f"{label} created")
    if translate(page, spec["de"]):
        log(f"German {label} created")
    return page, created


def place_after(page: Page, sibling: Page | None = None) -> Page:
    """Put ``page`` right after ``sibling``, or first among its siblings (and so in
    the main menu); returns it fresh, since moving changes its tree position."""
    if sibling is None:
        first = page.get_parent().get_first_child()
        if first.pk != page.pk:
            page.move(first, pos="left")
    elif getattr(page.get_prev_sibling(), "pk", None) != sibling.pk:
        page.move(sibling, pos="right")
    return type(page).objects.get(pk=page.pk)


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
            slug=cluster["slug"],
            values={"en": cluster["en"], "de": cluster["de"]},
            sort_order=order,
            colour=cluster["colour"],
        )
        for field_order, field in enumerate(cluster["fields_of_action"]):
            upsert_translated(
                FieldOfAction,
                slug=field["slug"],
                values={"en": field["en"], "de": field["de"]},
                cluster=original,
                sort_order=field_order,
            )
    log(f"{Cluster.objects.count()} clusters, {FieldOfAction.objects.count()} fields")


def seed_sdgs(log) -> None:
    locale_map = locales()
    for sdg in load("core")["sdgs"]:
        original, _ = SDG.objects.update_or_create(
            number=sdg["number"], locale=locale_map["en"], defaults=sdg["en"]
        )
        SDG.objects.update_or_create(
            number=sdg["number"],
            locale=locale_map["de"],
            defaults={**sdg["de"], "translation_key": original.translation_key},
        )
    log(f"{SDG.objects.count()} SDG rows")


def seed_pages(log) -> HomePage:
    """The home page (the default site's root) and the standard pages, in English
    and German."""
    data = load("core")
    spec = data["home"]
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales()["en"]).first()
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
    if translate(home, spec["de"]):
        log("German home page created")

    pages = {}
    for spec in data["standard_pages"]:
        parent = pages[spec["parent"]] if "parent" in spec else home
        page = StandardPage.objects.filter(
            slug=spec["slug"], locale=locales()["en"]
        ).first()
        if page is None:
            page = StandardPage(
                slug=spec["slug"],
                show_in_menus=spec["show_in_menus"],
                show_in_footer=spec.get("show_in_footer", False),
            )
            add_page(parent, page, spec["en"])
        translate(page, spec["de"])
        pages[spec["slug"]] = page
    log(f"{StandardPage.objects.count()} standard pages in two languages")
    return home


def seed(log) -> None:
    locales()
    seed_admin(log)
    seed_taxonomy(log)
    seed_sdgs(log)
    seed_pages(log)
