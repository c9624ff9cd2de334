"""Every page type in every language reads in that language only.

For each of the five languages besides English, the pages a visitor and a member
see (each page type of the site, the account pages and the member's own pages) are
rendered, and every text a person reads or hears is compared with the catalogues:
none may be an English message whose translation differs, nor a message of
another language's catalogue. Text marked as another language (``lang``: the
language switcher's names, say) is that language's and is left out. Arabic pages
are right to left.

The world is built once for the module: the demo's frame (home, about and index
pages, taxonomy, SDGs, regions) in all six languages, and a practice, a project
and an event with texts in each language.
"""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation

import polib
import pytest
from lxml import html

from community.models import OrganisationName, Region
from community.pages import NetworkIndexPage
from core.models import StandardPage
from demo import community as demo_community
from demo import core as demo_core
from demo.core import index_page
from demo.data import load
from events.models import EventIndexPage
from practices.models import GoodPracticeIndexPage
from projects.models import ProjectIndexPage, ProjectMilestone
from tests.events.fixtures import make_event
from tests.factories import AffiliationFactory, MembershipFactory, UserFactory
from tests.knowledge_fixtures import (
    field_of_action,
    in_language,
    make_practice,
    make_project,
    organisation,
    paragraph,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "fr", "es", "pt", "ar"]
# Texts of the test's own pages, per language: title and teaser.
PRACTICE = {
    "en": ("Solar street lighting", "Lamps light the streets at night."),
    "de": ("Solare Straßenbeleuchtung", "Lampen erhellen nachts die Straßen."),
    "fr": ("Éclairage public solaire", "Des lampes éclairent les rues la nuit."),
    "es": ("Alumbrado público solar", "Unas lámparas iluminan las calles de noche."),
    "pt": ("Iluminação pública solar", "Candeeiros iluminam as ruas à noite."),
    "ar": ("إنارة الشوارع بالطاقة الشمسية", "مصابيح تضيء الشوارع ليلًا."),
}
PROJECT = {
    "en": ("Solar lights for Zarqa", "A neighbouring city learns from Amman."),
    "de": ("Solarleuchten für Zarqa", "Eine Nachbarstadt lernt von Amman."),
    "fr": ("Lampes solaires pour Zarqa", "Une ville voisine apprend d'Amman."),
    "es": ("Luces solares para Zarqa", "Una ciudad vecina aprende de Amán."),
    "pt": ("Luzes solares para Zarqa", "Uma cidade vizinha aprende com Amã."),
    "ar": ("أضواء شمسية للزرقاء", "مدينة مجاورة تتعلم من عمّان."),
}
MILESTONE = {
    "en": "Workshop in Zarqa",
    "de": "Werkstatt in Zarqa",
    "fr": "Atelier à Zarqa",
    "es": "Taller en Zarqa",
    "pt": "Oficina em Zarqa",
    "ar": "ورشة عمل في الزرقاء",
}
EVENT = {
    "en": ("Dialogue on land", "Cities compare how they plan land."),
    "de": ("Dialog über Boden", "Städte vergleichen, wie sie Flächen planen."),
    "fr": ("Dialogue sur le foncier", "Des villes comparent leur planification."),
    "es": ("Diálogo sobre el suelo", "Ciudades comparan cómo planifican el suelo."),
    "pt": ("Diálogo sobre o solo", "Cidades comparam como planeiam o solo."),
    "ar": ("حوار حول الأراضي", "مدن تقارن طرق تخطيطها للأراضي."),
}


def _quiet(message: str) -> None:
    """Seeding logs progress; tests do not need it."""


def _frame():
    """The demo's frame of the site in all six languages."""
    demo_core.seed_taxonomy(log=_quiet)
    demo_core.seed_sdgs(log=_quiet)
    demo_community.seed_regions(log=_quiet)
    home = demo_core.seed_pages(log=_quiet)
    for model, data, key in (
        (GoodPracticeIndexPage, "practices", "index"),
        (ProjectIndexPage, "projects", "index"),
        (EventIndexPage, "events", "index"),
        (NetworkIndexPage, "community", "network_page"),
    ):
        index_page(model, home, load(data)[key], _quiet, "index")
    return home


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        _frame()
        mena = Region.objects.get(
            slug="middle-east-north-africa", locale__language_code="en"
        )
        amman = organisation(
            "amman", "Greater Amman Municipality", country="JO", region=mena
        )
        OrganisationName.objects.bulk_create(
            OrganisationName(organisation=amman, language=language, name=name)
            for language, name in (
                ("de", "Groß-Amman"),
                ("fr", "Municipalité du Grand Amman"),
                ("es", "Municipio del Gran Amán"),
                ("pt", "Município da Grande Amã"),
                ("ar", "أمانة عمّان الكبرى"),
            )
        )
        MembershipFactory(organisation=amman)
        practice = make_practice(
            GoodPracticeIndexPage.objects.get(locale__language_code="en"),
            title=PRACTICE["en"][0],
            teaser=PRACTICE["en"][1],
            field="green-urban-economy",
            region=mena,
            country="JO",
            cities=[amman],
            sdgs=[7, 11],
            start_year=2018,
            body=PRACTICE["en"][1],
        )
        project = make_project(
            ProjectIndexPage.objects.get(locale__language_code="en"),
            title=PROJECT["en"][0],
            teaser=PROJECT["en"][1],
            field="green-urban-economy",
            stage="advisory",
            cities=[(amman, "requesting")],
            milestones=[(date(2019, 5, 14), "workshop", MILESTONE["en"])],
            sdgs=[7],
            related_practices=[practice],
        )
        event = make_event(
            EventIndexPage.objects.get(locale__language_code="en"),
            title=EVENT["en"][0],
            teaser=EVENT["en"][1],
            host_city=amman,
            cluster=field_of_action("green-urban-economy").cluster,
        )
        pages = {"practice": {}, "project": {}, "event": {}}
        for language in LANGUAGES:
            pages["practice"][language] = in_language(
                practice,
                language,
                title=PRACTICE[language][0],
                teaser=PRACTICE[language][1],
                body=paragraph(PRACTICE[language][1]),
            )
            pages["project"][language] = in_language(
                project,
                language,
                title=PROJECT[language][0],
                teaser=PROJECT[language][1],
                milestones=[
                    ProjectMilestone(
                        date=date(2019, 5, 14),
                        kind="workshop",
                        title=MILESTONE[language],
                    )
                ],
            )
            pages["event"][language] = in_language(
                event, language, title=EVENT[language][0], teaser=EVENT[language][1]
            )
        pages["practice"]["en"], pages["project"]["en"] = practice, project
        pages["event"]["en"] = event
        member = UserFactory(first_name="Leila", last_name="Haddad")
        AffiliationFactory(user=member, organisation=amman, verified=True)
        yield {"pages": pages, "member": member, "event": event}
        transaction.set_rollback(True)


def _standard_url(language: str, slug: str) -> str:
    return StandardPage.objects.get(slug=slug, locale__language_code=language).url


def _urls(world, language: str) -> tuple[list[str], list[str]]:
    """The pages a visitor and a member open, in ``language``."""
    pages = world["pages"]
    with translation.override(language):
        anonymous = [
            f"/{language}/",
            _standard_url(language, "about-us"),
            pages["practice"][language].get_parent().url,
            pages["practice"][language].url,
            pages["project"][language].get_parent().url,
            pages["project"][language].url,
            pages["event"][language].get_parent().url,
            pages["event"][language].url,
            f"/{language}/network/",
            f"/{language}/network/amman/",
            reverse("site_search") + "?q=solar",
            reverse("account_login"),
            reverse("account_signup"),
            reverse("account_reset_password"),
        ]
        member = [
            reverse("dashboard"),
            reverse("profile"),
            reverse("my_events"),
            reverse("notification_list"),
            reverse("exchange_create"),
            reverse("practice_propose"),
            reverse("event_apply", args=[world["event"].pk]),
            reverse("people"),
            reverse("conversation_list"),
        ]
    return anonymous, member


def _language_of(element) -> str:
    marked = element.xpath("ancestor-or-self::*[@lang][1]/@lang")
    return marked[0].split("-")[0] if marked else ""


def visible_texts(content: bytes, language: str) -> list[str]:
    """Every text a person reads or hears in ``language``: text nodes, labels in
    attributes and the page description, without those marked as another
    language."""
    document = html.fromstring(content)
    for hidden in document.xpath("//script|//style|//svg|//template"):
        hidden.drop_tree()
    texts = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        own = _language_of(element)
        if element.text and own == language:
            texts.append(element.text)
        parent = element.getparent()
        if element.tail and parent is not None and _language_of(parent) == language:
            texts.append(element.tail)
        if own == language:
            for attribute in ("placeholder", "title", "aria-label", "alt"):
                if element.get(attribute):
                    texts.append(element.get(attribute))
            if element.tag == "meta" and element.get("name") == "description":
                texts.append(element.get("content", ""))
    return [" ".join(text.split()) for text in texts if text.strip()]


def _catalogue(language: str) -> dict[str, str]:
    path = Path(settings.BASE_DIR) / f"config/locale/{language}/LC_MESSAGES/django.po"
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr
        and not entry.msgid_plural
        and not entry.msgctxt
        and len(entry.msgid) > 3
        and "%" not in entry.msgid
        and "<" not in entry.msgid
    }


def foreign_strings(language: str) -> set[str]:
    """What must not appear on a page in ``language``: English messages whose
    translation differs, and the other languages' translations, unless the same
    words are also this language's (or English left as it is)."""
    catalogues = {code: _catalogue(code) for code in LANGUAGES}
    own = catalogues[language]
    allowed = set(own.values()) | {
        msgid for msgid, text in own.items() if text == msgid
    }
    english = {msgid for msgid, text in own.items() if text != msgid}
    others = {
        text
        for code, catalogue in catalogues.items()
        if code != language
        for text in catalogue.values()
    }
    return (english | others) - allowed


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_reads_in_its_language_only(client, world, language):
    foreign = foreign_strings(language)
    english_messages = set(_catalogue(language))
    anonymous, member = _urls(world, language)
    english_anonymous, english_member = _urls(world, "en")
    checked = 0
    for user, urls, english_urls in (
        (None, anonymous, english_anonymous),
        (world["member"], member, english_member),
    ):
        client.logout()
        if user is not None:
            client.force_login(user)
        for url, english_url in zip(urls, english_urls, strict=True):
            response = client.get(url)
            assert response.status_code == 200, url
            document = html.fromstring(response.content)
            (root,) = document.xpath("/html")
            direction = "rtl" if language == "ar" else "ltr"
            assert (root.get("lang"), root.get("dir")) == (language, direction), url
            texts = set(visible_texts(response.content, language))
            left = sorted(texts & foreign)
            assert left == [], url
            # The check has something to find: the English page shows messages.
            english = client.get(english_url)
            assert set(visible_texts(english.content, "en")) & english_messages, (
                english_url
            )
            checked += 1
    assert checked == len(anonymous) + len(member)


def test_the_check_finds_a_string_left_in_another_language():
    """The comparison itself: German on a French page is found, English too, and
    words French shares with English are not."""
    foreign = foreign_strings("fr")
    page = (
        b'<html lang="fr"><body><p>Sign in</p><p>Anmelden</p><p>Actions</p>'
        b'<a lang="de">Deutsch</a></body></html>'
    )
    texts = set(visible_texts(page, "fr"))
    assert "Deutsch" not in texts  # marked as German
    assert sorted(texts & foreign) == ["Anmelden", "Sign in"]
