"""Demo content of the core app: locales, demo admin, taxonomy and the page tree.

Texts are short summaries written for the demo from the facts in shared/demo_facts.yaml.
"""

import os

from django.contrib.auth import get_user_model

from wagtail.models import Locale, Page, Site

from .links import public_host_and_port
from .models import SDG, Cluster, FieldOfAction, HomePage, StandardPage
from .services import default_site_sync

DEMO_ADMIN_EMAIL = "admin@example.org"
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "connective-demo-admin")

CLUSTERS = [
    {
        "slug": "good-urban-governance",
        "en": (
            "Good Urban Governance",
            "Transparent, participatory and well-financed city administrations: "
            "municipal finance, networks, digitalisation, public health and crisis "
            "management.",
        ),
        "de": (
            "Good Urban Governance",
            "Transparente, beteiligungsorientierte und solide finanzierte "
            "Stadtverwaltungen: Finanzen, Netzwerke, Digitalisierung, Gesundheit und "
            "Krisenmanagement.",
        ),
        "fields": [
            (
                "municipal-and-regional-networks",
                "Municipal and regional networks",
                "Kommunale und regionale Netzwerke",
            ),
            (
                "urban-budget-and-municipal-finances",
                "Urban budget and municipal finances",
                "Kommunalhaushalt und Finanzen",
            ),
            ("public-health", "Public health", "Öffentliche Gesundheit"),
            (
                "smart-cities-digitalisation",
                "Smart cities / digitalisation",
                "Smart Cities / Digitalisierung",
            ),
            ("crisis-management", "Crisis management", "Krisenmanagement"),
        ],
    },
    {
        "slug": "local-economic-development",
        "en": (
            "Local Economic Development",
            "Jobs and livelihoods created locally: start-ups, small businesses, "
            "innovation and a green urban economy.",
        ),
        "de": (
            "Lokale Wirtschaftsentwicklung",
            "Arbeit und Einkommen vor Ort: Gründungen, kleine und mittlere Unternehmen, "
            "Innovation und eine grüne städtische Wirtschaft.",
        ),
        "fields": [
            ("start-up-promotion", "Start-up promotion", "Existenzgründungsförderung"),
            ("sme-promotion", "SME promotion", "KMU-Förderung"),
            ("fostering-innovation", "Fostering innovation", "Innovationsförderung"),
            ("green-urban-economy", "Green urban economy", "Grüne urbane Wirtschaft"),
        ],
    },
    {
        "slug": "integrated-urban-development",
        "en": (
            "Integrated Urban Development",
            "Liveable, climate-resilient neighbourhoods: urban renewal, public space, "
            "green infrastructure and land management.",
        ),
        "de": (
            "Integrierte Stadtentwicklung",
            "Lebenswerte, klimaresiliente Quartiere: Stadterneuerung, öffentlicher Raum, "
            "grüne Infrastruktur und Flächenmanagement.",
        ),
        "fields": [
            ("urban-renewal", "Urban renewal", "Stadterneuerung"),
            ("urban-gardening", "Urban gardening", "Urban Gardening"),
            ("public-space", "Public space", "Öffentlicher Raum"),
        ],
    },
    {
        "slug": "municipal-services",
        "en": (
            "Municipal Services",
            "Services every resident relies on: waste, water and sanitation, mobility "
            "and energy.",
        ),
        "de": (
            "Kommunale Dienstleistungen",
            "Leistungen, auf die alle angewiesen sind: Abfall, Wasser und Abwasser, "
            "Mobilität und Energie.",
        ),
        "fields": [
            (
                "waste-management-and-recycling",
                "Waste management and recycling",
                "Abfallwirtschaft und Recycling",
            ),
        ],
    },
]

FIGURES_EN = [
    ("2013", "founded in Bonn"),
    ("210", "events from 2014 to 2022"),
    ("3,500", "municipal experts"),
    ("700+", "cities in about 100 countries"),
]
FIGURES_DE = [
    ("2013", "in Bonn gegründet"),
    ("210", "Veranstaltungen 2014 bis 2022"),
    ("3.500", "kommunale Fachleute"),
    ("700+", "Städte in rund 100 Ländern"),
]

HOME = {
    "en": (
        "Cities learning from cities",
        "Connective Cities brings together practitioners from German and international "
        "municipalities to exchange good practices, develop project ideas together and "
        "carry them into implementation.",
    ),
    "de": (
        "Städte lernen von Städten",
        "Connective Cities bringt Praktikerinnen und Praktiker aus deutschen und "
        "internationalen Kommunen zusammen: Sie tauschen gute Praxis aus, entwickeln "
        "gemeinsam Projektideen und bringen sie in die Umsetzung.",
    ),
}

# slug: (parent slug or None, in menu, {language: (title, intro, paragraphs)})
STANDARD_PAGES = [
    (
        "about-us",
        None,
        True,
        {
            "en": (
                "About us",
                "An international community of practice for sustainable urban "
                "development, founded on 5 December 2013 in Bonn.",
                [
                    "Connective Cities is a joint venture of the Association of German "
                    "Cities, GIZ and Engagement Global's Service Agency Communities in One "
                    "World, commissioned by the German Federal Ministry for Economic "
                    "Cooperation and Development.",
                    "Municipal associations such as SALGA, NALAG, CALM, ALAT and United "
                    "Cities Lebanon, and networks such as UCLG and PLATFORMA, work with us "
                    "in the regions.",
                ],
            ),
            "de": (
                "Über uns",
                "Eine internationale Praxisgemeinschaft für nachhaltige "
                "Stadtentwicklung, gegründet am 5. Dezember 2013 in Bonn.",
                [
                    "Connective Cities ist ein Gemeinschaftsvorhaben des Deutschen "
                    "Städtetages, der GIZ und der Servicestelle Kommunen in der Einen Welt "
                    "von Engagement Global, im Auftrag des Bundesministeriums für "
                    "wirtschaftliche Zusammenarbeit und Entwicklung.",
                    "Kommunale Spitzenverbände wie SALGA, NALAG, CALM, ALAT und Cités Unies "
                    "Liban sowie Netzwerke wie UCLG und PLATFORMA arbeiten in den Regionen "
                    "mit uns zusammen.",
                ],
            ),
        },
    ),
    (
        "our-approach",
        "about-us",
        False,
        {
            "en": (
                "Our approach",
                "Learning processes that lead from a shared challenge to a project "
                "ready for implementation.",
                [
                    "A call for topics selects host cities and themes. At a dialogue event, "
                    "20 to 30 practitioners each bring a good practice or a challenge from "
                    "their own city and develop project ideas together.",
                    "Peer exchanges follow: expert missions, study tours, local project "
                    "workshops and online consultations, until a project is ready to be "
                    "implemented.",
                ],
            ),
            "de": (
                "Unser Ansatz",
                "Lernprozesse, die von einer gemeinsamen Herausforderung zu einem "
                "umsetzungsreifen Projekt führen.",
                [
                    "Ein Themenaufruf wählt Gastgeberstädte und Themen aus. In einer "
                    "Dialogveranstaltung bringen 20 bis 30 Fachleute je eine gute Praxis "
                    "oder eine Herausforderung aus ihrer Stadt mit und entwickeln gemeinsam "
                    "Projektideen.",
                    "Darauf folgen Peer-Exchanges: Expertenmissionen, Studienreisen, lokale "
                    "Projektwerkstätten und Online-Beratungen, bis ein Projekt umsetzungsreif "
                    "ist.",
                ],
            ),
        },
    ),
    (
        "services",
        "about-us",
        False,
        {
            "en": (
                "Services",
                "From project ideas to change processes: what cities can ask us for.",
                [
                    "We support project ideas from our events with study tours, local "
                    "project workshops, expert secondments and trainings.",
                    "Requests come from member cities; coordinators in each region match "
                    "them with peers who have solved a similar problem.",
                ],
            ),
            "de": (
                "Leistungen",
                "Von Projektideen zu Veränderungsprozessen: was Städte bei uns anfragen "
                "können.",
                [
                    "Wir begleiten Projektideen aus unseren Veranstaltungen mit "
                    "Studienreisen, lokalen Projektwerkstätten, Expertenentsendungen und "
                    "Fortbildungen.",
                    "Anfragen kommen von Mitgliedsstädten; Koordinatorinnen und "
                    "Koordinatoren in jeder Region bringen sie mit Kolleginnen und Kollegen "
                    "zusammen, die ein ähnliches Problem gelöst haben.",
                ],
            ),
        },
    ),
]


def locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "de")
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


def seed_admin(log) -> None:
    user_model = get_user_model()
    admin, created = user_model.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL,
        defaults={
            "username": "admin",
            "first_name": "Demo",
            "last_name": "Administrator",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password(DEMO_ADMIN_PASSWORD)
        admin.save()
        log(f"admin account {DEMO_ADMIN_EMAIL} created")
    # allauth needs a verified address to let the admin sign in on the public site.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=admin, email=DEMO_ADMIN_EMAIL, defaults={"verified": True, "primary": True}
    )


def seed_taxonomy(log) -> None:
    for order, cluster in enumerate(CLUSTERS):
        original = upsert_translated(
            Cluster,
            slug=cluster["slug"],
            values={
                code: {"name": cluster[code][0], "description": cluster[code][1]}
                for code in ("en", "de")
            },
            sort_order=order,
        )
        for field_order, (slug, name_en, name_de) in enumerate(cluster["fields"]):
            upsert_translated(
                FieldOfAction,
                slug=slug,
                values={"en": {"name": name_en}, "de": {"name": name_de}},
                cluster=original,
                sort_order=field_order,
            )
    log(f"{Cluster.objects.count()} clusters, {FieldOfAction.objects.count()} fields")


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _figures(rows):
    return [
        {
            "type": "figures",
            "value": {
                "heading": "",
                "figures": [{"value": v, "label": t} for v, t in rows],
            },
        }
    ]


def _paragraphs(texts):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def seed_pages(log) -> HomePage:
    locale_map = locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale_map["en"]).first()
    if home is None:
        # Wagtail's initial migration makes a placeholder page; the demo replaces it.
        for placeholder in root.get_children().exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        title, intro = HOME["en"]
        home = HomePage(
            title=title, slug="home", intro=intro, figures=_figures(FIGURES_EN)
        )
        root.add_child(instance=home)
        _publish(home)
        log("home page created")
    hostname, port = public_host_and_port()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "site_name": "Connective Cities"},
        create_defaults={
            "hostname": hostname,
            "port": port,
            "root_page": home,
            "site_name": "Connective Cities",
        },
    )
    # The same as `manage.py sync_site`: the site answers on PUBLIC_BASE_URL.
    default_site_sync()
    home_de = home.get_translation_or_none(locale_map["de"])
    if home_de is None:
        home_de = home.copy_for_translation(locale_map["de"])
        home_de.title, home_de.intro = HOME["de"]
        home_de.figures = _figures(FIGURES_DE)
        _publish(home_de)
        log("German home page created")

    pages = {}
    for slug, parent_slug, in_menu, texts in STANDARD_PAGES:
        parent = pages[parent_slug] if parent_slug else home
        page = StandardPage.objects.filter(slug=slug, locale=locale_map["en"]).first()
        if page is None:
            title, intro, body = texts["en"]
            page = StandardPage(
                title=title,
                slug=slug,
                intro=intro,
                body=_paragraphs(body),
                show_in_menus=in_menu,
            )
            parent.add_child(instance=page)
            _publish(page)
        if page.get_translation_or_none(locale_map["de"]) is None:
            translated = page.copy_for_translation(locale_map["de"])
            translated.title, translated.intro, body = texts["de"]
            translated.body = _paragraphs(body)
            _publish(translated)
        pages[slug] = page
    log(f"{StandardPage.objects.count()} standard pages in two languages")
    return home


SDGS = [
    ("No poverty", "Keine Armut"),
    ("Zero hunger", "Kein Hunger"),
    ("Good health and well-being", "Gesundheit und Wohlergehen"),
    ("Quality education", "Hochwertige Bildung"),
    ("Gender equality", "Geschlechtergleichheit"),
    ("Clean water and sanitation", "Sauberes Wasser und Sanitäreinrichtungen"),
    ("Affordable and clean energy", "Bezahlbare und saubere Energie"),
    (
        "Decent work and economic growth",
        "Menschenwürdige Arbeit und Wirtschaftswachstum",
    ),
    (
        "Industry, innovation and infrastructure",
        "Industrie, Innovation und Infrastruktur",
    ),
    ("Reduced inequalities", "Weniger Ungleichheiten"),
    ("Sustainable cities and communities", "Nachhaltige Städte und Gemeinden"),
    ("Responsible consumption and production", "Nachhaltige/r Konsum und Produktion"),
    ("Climate action", "Maßnahmen zum Klimaschutz"),
    ("Life below water", "Leben unter Wasser"),
    ("Life on land", "Leben an Land"),
    (
        "Peace, justice and strong institutions",
        "Frieden, Gerechtigkeit und starke Institutionen",
    ),
    ("Partnerships for the goals", "Partnerschaften zur Erreichung der Ziele"),
]


def seed_sdgs(log) -> None:
    locale_map = locales()
    for number, (name_en, name_de) in enumerate(SDGS, start=1):
        original, _ = SDG.objects.update_or_create(
            number=number, locale=locale_map["en"], defaults={"name": name_en}
        )
        SDG.objects.update_or_create(
            number=number,
            locale=locale_map["de"],
            defaults={"name": name_de, "translation_key": original.translation_key},
        )
    log(f"{SDG.objects.count()} SDG rows")


def seed(log) -> None:
    locales()
    seed_admin(log)
    seed_taxonomy(log)
    seed_sdgs(log)
    seed_pages(log)
