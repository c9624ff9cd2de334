"""Knowledge-base fixtures: index pages, practices and projects with known facts.

Pages are built the way editors build them (``add_child`` and a published revision)
and translated the way Wagtail does it (``copy_for_translation``), so listings see
exactly what the site would show.
"""

import gc
import io
import warnings
from datetime import date
from types import SimpleNamespace

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from PIL import Image as PILImage

from community.models import Organisation, OrganisationName, Region
from core.knowledge.listing import CARD_IMAGE_SPECS
from core.models import SDG, Cluster, FieldOfAction, HomePage, StandardPage
from demo import core as demo_core
from demo.core import upsert_translated
from demo.indexing import once_per_object
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from projects.models import (
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    SupportedProjectPage,
)


def _quiet(message: str) -> None:
    """Seeding logs progress; tests do not need it."""


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def seed_site() -> HomePage:
    """Taxonomy, SDGs and the home page tree in English and German: the base site.

    The test database has it from the start (``tests/conftest.py``), so this finds
    it; it is seeded (seconds) only where it is missing.
    """
    home = HomePage.objects.filter(locale__language_code="en").first()
    if (
        home is not None
        and HomePage.objects.filter(translation_key=home.translation_key)
        .filter(locale__language_code="de")
        .exists()
        and SDG.objects.exists()
        and FieldOfAction.objects.exists()
    ):
        return home
    # Each row and page indexed once, when it is done (``demo.indexing``).
    with once_per_object():
        demo_core.seed_taxonomy(log=_quiet)
        demo_core.seed_sdgs(log=_quiet)
        return demo_core.seed_pages(log=_quiet, languages=("de",))


def region(slug: str, name_en: str, name_de: str) -> Region:
    return upsert_translated(
        Region, {"en": {"name": name_en}, "de": {"name": name_de}}, {"slug": slug}
    )


def organisation(
    slug: str,
    name: str,
    *,
    country: str,
    region: Region,
    lat: float | None = None,
    lon: float | None = None,
    german_name: str = "",
) -> Organisation:
    city = Organisation.objects.create(
        kind="municipality",
        name=name,
        slug=slug,
        country=country,
        region=region,
        latitude=lat,
        longitude=lon,
    )
    if german_name:
        OrganisationName.objects.create(
            organisation=city, language="de", name=german_name
        )
    return city


def index_pages(home: HomePage) -> dict[str, Page]:
    """Practice and project index pages in English and German."""
    practices = GoodPracticeIndexPage(
        title="Good practices", slug="good-practices", intro="What cities did."
    )
    home.add_child(instance=practices)
    publish(practices)
    projects = ProjectIndexPage(
        title="Supported projects", slug="projects", intro="From ideas to projects."
    )
    home.add_child(instance=projects)
    publish(projects)
    pages = {"practices": practices, "projects": projects}
    for key, page, title in (
        ("practices", practices, "Gute Praxis"),
        ("projects", projects, "Geförderte Projekte"),
    ):
        translated = page.copy_for_translation(locale("de"))
        translated.title = title
        pages[f"{key}_de"] = publish(translated)
    return pages


def cluster(slug: str) -> Cluster:
    return Cluster.objects.get(slug=slug, locale__language_code="en")


def field_of_action(slug: str) -> FieldOfAction:
    return FieldOfAction.objects.get(slug=slug, locale__language_code="en")


def sdg(number: int) -> SDG:
    return SDG.objects.get(number=number, locale__language_code="en")


def paragraph(text: str) -> list[dict]:
    return [{"type": "overview", "value": {"heading": "", "text": f"<p>{text}</p>"}}]


def make_practice(
    index: Page,
    *,
    title: str,
    teaser: str = "A practice other cities can learn from.",
    slug: str = "",
    field: str = "",
    region: Region | None = None,
    country: str = "",
    cities=(),
    sdgs=(),
    tags=(),
    start_year: int | None = None,
    presented_at: Page | None = None,
    body: str = "",
    hero_image=None,
) -> GoodPracticePage:
    """A published practice under ``index``; ``field`` also sets its cluster."""
    field_row = field_of_action(field) if field else None
    page = GoodPracticePage(
        title=title,
        slug=slug or None,
        teaser=teaser,
        field_of_action=field_row,
        cluster=field_row.cluster if field_row else None,
        region=region,
        country=country,
        start_year=start_year,
        presented_at=presented_at,
        body=paragraph(body) if body else [],
        hero_image=hero_image,
        hero_alt=f"A picture of {title}" if hero_image else "",
    )
    page.cities.set(list(cities))
    page.sdgs.set([sdg(number) for number in sdgs])
    page.tags.set(list(tags))
    index.add_child(instance=page)
    return publish(page)


def in_language(page: Page, language: str, **values) -> Page:
    """``page`` translated into ``language`` with ``values`` and published; its
    ancestors are translated first where they are not (copies of their originals),
    as an editor would translate the tree from the top."""
    target = locale(language)
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(target) is None:
            publish(ancestor.copy_for_translation(target))
    translated = page.specific.copy_for_translation(target)
    for name, value in values.items():
        setattr(translated, name, value)
    return publish(translated)


def translate(
    page: Page,
    *,
    title: str,
    teaser: str = "",
    body: str = "",
    language: str = "de",
) -> Page:
    """The translation of ``page`` (German unless ``language`` says otherwise),
    published, with its texts."""
    translated = page.copy_for_translation(locale(language))
    translated.title = title
    if teaser:
        translated.teaser = teaser
    if body:
        translated.body = paragraph(body)
    return publish(translated)


def make_project(
    index: Page,
    *,
    title: str,
    teaser: str = "How an idea became a project.",
    field: str = "",
    stage: str = "idea",
    cities=(),
    milestones=(),
    sdgs=(),
    tags=(),
    related_practices=(),
    originating_event: Page | None = None,
    body: str = "",
) -> SupportedProjectPage:
    """A published project; ``cities`` are (organisation, role) pairs and
    ``milestones`` (date, kind, title) triples."""
    field_row = field_of_action(field) if field else None
    page = SupportedProjectPage(
        title=title,
        teaser=teaser,
        field_of_action=field_row,
        cluster=field_row.cluster if field_row else None,
        stage=stage,
        originating_event=originating_event,
        body=(
            [
                {
                    "type": "initial_situation",
                    "value": {"heading": "", "text": f"<p>{body}</p>"},
                }
            ]
            if body
            else []
        ),
    )
    page.city_roles = [
        ProjectCity(organisation=organisation, role=role)
        for organisation, role in cities
    ]
    page.milestones = [
        ProjectMilestone(date=when, kind=kind, title=what)
        for when, kind, what in milestones
    ]
    page.sdgs.set([sdg(number) for number in sdgs])
    page.tags.set(list(tags))
    page.related_practices.set(list(related_practices))
    index.add_child(instance=page)
    return publish(page)


# The renditions of a page's hero (templates/includes/hero_image.html) and its
# picture for link previews (``og:image``).
HERO_IMAGE_SPECS = [
    *(
        f"width-{width}|format-{kind}"
        for width in (640, 960, 1280)
        for kind in ("webp", "jpeg")
    ),
    "fill-1200x630",
]


def image(name: str = "hero.png"):
    """A small real image with its card and hero renditions already made.

    Wagtail leaves the temporary file of a new rendition for the garbage collector
    (a ResourceWarning, an error under ``filterwarnings = error``); making the
    rendition here, and collecting it with that warning silenced, keeps requests in
    tests from making renditions at all.
    """
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (11, 92, 107)).save(buffer, "PNG")
    picture = get_image_model().objects.create(
        title=name, file=ImageFile(buffer, name=name)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        picture.get_renditions(*CARD_IMAGE_SPECS, *HERO_IMAGE_SPECS)
        gc.collect()
    return picture


def network_page(home: HomePage) -> Page:
    """The network directory in both languages, so cities link to profiles."""
    from community.pages import NetworkIndexPage

    page = NetworkIndexPage(title="Network", slug="network")
    home.add_child(instance=page)
    publish(page)
    translated = page.copy_for_translation(locale("de"))
    translated.title = "Netzwerk"
    publish(translated)
    return page


def build_world() -> SimpleNamespace:
    """A small known world in English, with German translations of some pages.

    ===  ===========================  ==========================  ====  ====  =====
    key  practice (German title)      field of action (cluster)   land  city  start
    ===  ===========================  ==========================  ====  ====  =====
    p1   Solar street lighting        green urban economy (LED)   JO    Amman  2018
         (Solare Straßenbeleuchtung)
    p2   Participatory budgeting      urban budget (GUG)          TN    Tunis  2020
         (Bürgerhaushalt)
    p3   Waste separation at source   waste management (MS)       DE    Munich 2018
    p4   Green rooftop jobs           green urban economy (LED)   TN    Tunis  2021
    ===  ===========================  ==========================  ====  ====  =====

    p1 and p2 were presented at the same event (a page standing in for one). The
    project r1 (Amman requesting, Munich expert; advisory; first milestone 2019)
    learnt from p1 and came from that event; r2 (Tunis; idea; 2021) did not.
    """
    # Each page and row indexed once, when the world is done (``demo.indexing``).
    with once_per_object():
        return _build_world()


def _build_world() -> SimpleNamespace:
    from community.models import Membership

    home = seed_site()
    pages = index_pages(home)
    network_page(home)
    mena = region("middle-east-north-africa", "Middle East and North Africa", "Nahost")
    germany = region("germany", "Germany", "Deutschland")
    amman = organisation(
        "amman",
        "Greater Amman Municipality",
        country="JO",
        region=mena,
        lat=31.95,
        lon=35.93,
    )
    tunis = organisation(
        "tunis", "Tunis", country="TN", region=mena, lat=36.8, lon=10.18
    )
    munich = organisation(
        "munich",
        "Munich",
        country="DE",
        region=germany,
        lat=48.14,
        lon=11.58,
        german_name="München",
    )
    for city in (amman, tunis, munich):
        Membership.objects.create(organisation=city, status="active")
    event = StandardPage(title="Dialogue event on energy, Amman 2019", slug="event")
    home.add_child(instance=event)
    publish(event)

    practices_en = pages["practices"]
    p1 = make_practice(
        practices_en,
        title="Solar street lighting",
        teaser="Photovoltaic lamps light the streets of Amman at night.",
        field="green-urban-economy",
        region=mena,
        country="JO",
        cities=[amman],
        sdgs=[7, 11],
        tags=["energy"],
        start_year=2018,
        presented_at=event,
        body="The lamps cut the energy bill of the municipality by half.",
    )
    p2 = make_practice(
        practices_en,
        title="Participatory budgeting",
        teaser="Citizens of Tunis decide on part of the city budget.",
        field="urban-budget-and-municipal-finances",
        region=mena,
        country="TN",
        cities=[tunis],
        sdgs=[16],
        tags=["participation"],
        start_year=2020,
        presented_at=event,
        body="Neighbourhood assemblies vote on investments every spring.",
    )
    p3 = make_practice(
        practices_en,
        title="Waste separation at source",
        teaser="Households in Munich separate organic waste.",
        field="waste-management-and-recycling",
        region=germany,
        country="DE",
        cities=[munich],
        sdgs=[11, 12],
        tags=["energy", "recycling"],
        start_year=2018,
        body="Biogas from organic waste feeds the energy grid.",
    )
    p4 = make_practice(
        practices_en,
        title="Green rooftop jobs",
        teaser="Young people in Tunis plant and care for green roofs.",
        field="green-urban-economy",
        region=mena,
        country="TN",
        cities=[tunis],
        start_year=2021,
    )
    p1_de = translate(
        p1,
        title="Solare Straßenbeleuchtung",
        teaser="Photovoltaik-Leuchten erhellen nachts die Straßen von Amman.",
        body="Die Leuchten halbieren die Energiekosten der Städte.",
    )
    p2_de = translate(
        p2,
        title="Bürgerhaushalt",
        teaser="Die Bürgerinnen und Bürger von Tunis entscheiden über den Haushalt.",
    )
    projects_en = pages["projects"]
    r1 = make_project(
        projects_en,
        title="Solar lights for Zarqa",
        teaser="Amman's lamps inspire a neighbouring city.",
        field="green-urban-economy",
        stage="advisory",
        cities=[(amman, "requesting"), (munich, "expert")],
        milestones=[
            (date(2019, 5, 14), "workshop", "Local project workshop"),
            (date(2021, 3, 1), "mou", "Memorandum signed"),
        ],
        sdgs=[7],
        tags=["energy"],
        related_practices=[p1],
        originating_event=event,
        body="Street lighting used a quarter of the electricity budget.",
    )
    r2 = make_project(
        projects_en,
        title="Budget school",
        teaser="Training for neighbourhood delegates in Tunis.",
        field="urban-budget-and-municipal-finances",
        stage="idea",
        cities=[(tunis, "requesting")],
        milestones=[(date(2021, 6, 1), "event", "Dialogue event")],
    )
    r1_de = translate(r1, title="Solarleuchten für Zarqa")
    return SimpleNamespace(
        home=home,
        pages=pages,
        event=event,
        regions={"mena": mena, "germany": germany},
        cities={"amman": amman, "tunis": tunis, "munich": munich},
        p1=p1,
        p2=p2,
        p3=p3,
        p4=p4,
        p1_de=p1_de,
        p2_de=p2_de,
        r1=r1,
        r2=r2,
        r1_de=r1_de,
    )


def module_world(django_db_blocker, build=build_world):
    """``build()`` (by default ``build_world()``) once for a whole test module (a
    generator for a module-scoped fixture; building it takes seconds).

    The world lives in a transaction that is rolled back after the module; every
    test runs in a savepoint inside it (pytest-django's ``db``), so what a test
    changes is undone before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


def world_fixtures(build, name: str = "world"):
    """A module's ``module_world`` and ``world`` (or ``name``) fixtures for
    ``build()``: built once for the module (``module_world`` above) and handed to
    each test with its objects read again from the database, so that no test sees
    what an earlier one did to them in memory.
    Use: ``module_world, world = world_fixtures(build)``."""
    import pytest

    from tests import snapshots

    @pytest.fixture(scope="module", name="module_world")
    def module_world_fixture(django_db_blocker):
        yield from module_world(django_db_blocker, build)

    @pytest.fixture(name=name)
    def world_fixture(module_world, db):
        return snapshots.refetch(module_world)

    return module_world_fixture, world_fixture
