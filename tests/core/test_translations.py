"""German pages are wholly German, and dates, times, plurals and languages read as
people expect.

The catalogue is complete and formal; the pages a tester walked through (My events,
the exchange request form, a city profile, sign-in, sign-up, password reset,
notifications, an event page with an application window, the organisers'
applicants page) show none of the English interface strings they show in English.
"""

import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.admin.localization import get_available_admin_languages
from wagtail.models import Locale

import allauth
import polib
import pytest
from lxml import html

from community.account_messages import ALLAUTH_MESSAGES
from community.models import Language, OrganisationName, Visibility
from community.templatetags.community_tags import language_names
from events.models import Registration
from exchanges.models import PeerExchange
from notifications.models import Notification
from tests.core.test_pages_in_every_language import visible_texts
from tests.events.fixtures import make_event
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.knowledge_fixtures import (
    cluster,
    locale,
    network_page,
    publish,
    region,
    seed_site,
    world_fixtures,
)

CATALOGUE = Path(settings.BASE_DIR) / "config/locale/de/LC_MESSAGES/django.po"
ALLAUTH_CATALOGUE = Path(allauth.__file__).parent / "locale/de/LC_MESSAGES/django.po"
# "du", "dich", "dir", "dein…": the informal address the site does not use.
INFORMAL = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)
US_DATE = re.compile(r"\b\d\d?/\d\d?/\d{4}\b")


def _entries(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


# --- The catalogue ------------------------------------------------------------------


def test_the_german_catalogue_is_complete_and_formal():
    catalogue = _entries(CATALOGUE)
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    informal = [
        entry.msgid
        for entry in catalogue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if INFORMAL.search(text)
    ]
    assert informal == []


# The catalogues of the languages besides English, with their number of plural
# forms: Arabic has six (zero, one, two, few, many, other), in gettext's order.
PLURAL_FORMS = {"de": 2, "fr": 2, "es": 2, "pt": 2, "ar": 6}
ARABIC_PLURALS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 && n%100<=99 ? 4 : 5;"
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"</?[a-z][^>]*>")


def catalogue_path(language: str) -> Path:
    return Path(settings.BASE_DIR) / f"config/locale/{language}/LC_MESSAGES/django.po"


def test_every_interface_language_has_a_catalogue():
    languages = {code for code, _name in settings.LANGUAGES}
    assert languages == {"en", *PLURAL_FORMS}
    assert [code for code, _name in settings.LANGUAGES] == [
        "en",
        "de",
        "fr",
        "es",
        "pt",
        "ar",
    ]


def test_editors_and_content_have_the_same_six_languages(db):
    codes = [code for code, _name in settings.LANGUAGES]
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == codes
    assert [code for code, _name in get_available_admin_languages()] == codes
    # The migrations made a locale for each, so pages can be translated into it.
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(
        codes
    )


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_each_catalogue_is_complete_with_its_plural_forms(language):
    catalogue = _entries(catalogue_path(language))
    assert len(catalogue) > 2000
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy
    plural_forms = catalogue.metadata["Plural-Forms"]
    assert f"nplurals={PLURAL_FORMS[language]};" in plural_forms
    if language == "ar":
        assert plural_forms == ARABIC_PLURALS
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            assert sorted(forms) == list(range(PLURAL_FORMS[language])), entry.msgid
            assert all(text.strip() for text in forms.values()), entry.msgid
            allowed = set(PLACEHOLDER.findall(entry.msgid_plural))
            for text in forms.values():
                # A form may leave out the number ("ساعة واحدة", one hour).
                assert set(PLACEHOLDER.findall(text)) <= allowed, entry.msgid
            continue
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
            PLACEHOLDER.findall(entry.msgid)
        ), entry.msgid
        assert sorted(TAG.findall(entry.msgstr)) == sorted(TAG.findall(entry.msgid)), (
            entry.msgid
        )


def test_arabic_counts_take_all_six_forms():
    with translation.override("ar"):
        forms = [
            translation.ngettext(
                "%(count)s address invited.", "%(count)s addresses invited.", n
            )
            % {"count": n}
            for n in (0, 1, 2, 3, 11, 100)
        ]
    assert forms == [
        "لم تتم دعوة أي عنوان.",
        "تمت دعوة عنوان واحد.",
        "تمت دعوة عنوانين.",
        "تمت دعوة 3 عناوين.",
        "تمت دعوة 11 عنوانًا.",
        "تمت دعوة 100 عنوان.",
    ]


def test_allauths_informal_messages_are_reworded_in_our_catalogue():
    ours = {e.msgid: e.msgstr for e in _entries(CATALOGUE)}
    theirs = {e.msgid: e.msgstr for e in _entries(ALLAUTH_CATALOGUE)}
    for msgid in ALLAUTH_MESSAGES:
        # allauth still uses the message, worded informally; ours says "Sie".
        assert msgid in theirs, msgid
        assert ours[msgid] and ours[msgid] != theirs[msgid]
    # Every informal message of the account pages and mails is among them.
    informal_account_messages = {
        entry.msgid
        for entry in _entries(ALLAUTH_CATALOGUE)
        if INFORMAL.search(entry.msgstr)
        and any(
            path.startswith(("account/", "templates/account/"))
            for path, _line in entry.occurrences
        )
    }
    assert informal_account_messages <= set(ALLAUTH_MESSAGES)


def test_our_catalogue_wins_over_allauths():
    with translation.override("de"):
        assert (
            translation.gettext("Are you sure you want to sign out?")
            == "Möchten Sie sich wirklich abmelden?"
        )
        assert translation.gettext("Verify Your Email Address") == (
            "Bestätigen Sie Ihre E-Mail-Adresse"
        )


# --- Formats ------------------------------------------------------------------------


def test_dates_name_the_month_and_use_the_24_hour_clock():
    moment = timezone.make_aware(timezone.datetime(2027, 1, 10, 14, 30))
    with translation.override("en"):
        assert date_format(moment, "DATE_FORMAT") == "10 January 2027"
        assert date_format(moment, "DATETIME_FORMAT") == "10 January 2027, 14:30"
        assert date_format(moment, "SHORT_DATE_FORMAT") == "10 Jan 2027"
    with translation.override("de"):
        assert date_format(moment, "DATETIME_FORMAT") == "10. Januar 2027, 14:30 Uhr"
        assert date_format(moment, "SHORT_DATE_FORMAT") == "10.01.2027"


@pytest.mark.parametrize(
    ("language", "datetime", "short"),
    [
        ("fr", "10 janvier 2027, 14:30", "10 jan. 2027"),
        ("es", "10 de enero de 2027, 14:30", "10 ene. 2027"),
        ("pt", "10 de janeiro de 2027, 14:30", "10 jan. 2027"),
        ("ar", "10 يناير 2027، 14:30", "10 يناير 2027"),
    ],
)
def test_every_language_names_the_month(language, datetime, short):
    moment = timezone.make_aware(timezone.datetime(2027, 1, 10, 14, 30))
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == datetime
        assert date_format(moment, "SHORT_DATE_FORMAT") == short
        assert not US_DATE.search(date_format(moment, "SHORT_DATETIME_FORMAT"))


def test_language_codes_read_as_names_in_the_readers_language():
    with translation.override("de"):
        assert language_names(["en", "de", "ar"]) == "Englisch, Deutsch, Arabisch"
        # Not one of the network's working languages: Django still knows its name.
        assert language_names(["it"]) == "Italienisch"
        assert language_names(["xx"]) == "xx"
    with translation.override("en"):
        assert language_names([Language.SWAHILI]) == "Swahili"


# --- Pages --------------------------------------------------------------------------


def _visible_texts(content: bytes) -> list[str]:
    """Every text a person reads or hears in the page's language: text nodes,
    labels in attributes and the page description, without text marked as
    another language (the language switcher names each language in its own)."""
    (language,) = html.fromstring(content).xpath("/html/@lang")
    return visible_texts(content, language)


def _interface_strings() -> set[str]:
    """The catalogue's messages whose German differs from the English, without
    placeholders or markup: if one is on a German page, it was not translated."""
    return {
        entry.msgid
        for entry in _entries(CATALOGUE)
        if len(entry.msgid) > 3
        and not entry.msgid_plural
        and entry.msgstr
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and "<" not in entry.msgid
    }


def build_german_world():
    """An event with an application window and its German page, a city with a
    German name and description, a person with registrations in several states."""
    home = seed_site()
    network = network_page(home)
    mena = region("mena", "Middle East and North Africa", "Nahost und Nordafrika")
    amman = OrganisationFactory(
        name="Greater Amman Municipality",
        slug="amman",
        region=mena,
        description="Jordan's capital plans new districts with German peers.",
        official_languages=["ar"],
    )
    MembershipFactory(organisation=amman)
    OrganisationName.objects.create(
        organisation=amman,
        language="de",
        name="Groß-Amman",
        description="Jordaniens Hauptstadt plant neue Stadtteile mit deutschen Peers.",
    )
    person = UserFactory(
        first_name="Leila",
        last_name="Haddad",
        languages=["ar", "en"],
        visibility={
            "expertise": Visibility.PUBLIC,
            "languages": Visibility.PUBLIC,
            "job_title": Visibility.PUBLIC,
        },
    )
    person.expertise_clusters.add(cluster("integrated-urban-development"))
    AffiliationFactory(user=person, organisation=amman, verified=True)

    closes = timezone.now() + timedelta(days=30)
    event = make_event(
        title="Dialogue event on land management",
        applications_close=closes,
        call_text=[
            {
                "type": "section",
                "value": {"heading": "", "text": "<p>Who it is for.</p>"},
            },
            {
                "type": "section",
                "value": {"heading": "How we select", "text": "<p>By lot.</p>"},
            },
        ],
    )
    german = event.copy_for_translation(locale("de"))
    german.title = "Dialogveranstaltung zum Flächenmanagement"
    german.slug = "dialogveranstaltung"
    publish(german)

    states = ["accepted", "waitlisted", "offered", "confirmed", "declined"]
    for number, state in enumerate(states):
        other = event if number == 0 else make_event(title=f"Event {number}")
        Registration.objects.create(
            event=other,
            user=person,
            role="Planner",
            motivation="To learn.",
            consent_data=True,
            state=state,
            waitlisted_at=timezone.now() if state == "waitlisted" else None,
            offer_expires_at=closes if state == "offered" else None,
        )
    Notification.objects.create(
        recipient=person,
        kind="application_received",
        dedupe_key="application_received:1",
        subject="Application received: Dialogue event on land management",
        state="sent",
        sent_at=timezone.now(),
        language="en",
        page=event,
    )
    PeerExchange.objects.create(
        title="Land-use plan for undeveloped land",
        organisation=amman,
        created_by=person,
        challenge="Greater Amman grows fast; undeveloped land needs a plan.",
        cluster=cluster("integrated-urban-development"),
        languages=["ar", "en"],
        state="submitted",
    )
    admin = UserFactory(is_superuser=True, is_staff=True)
    return {
        "event": event,
        "german": german,
        "person": person,
        "admin": admin,
        "network_en": network.url,
        "network_de": network.get_translation(locale("de")).url,
        "closes": closes,
    }


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, german_world = world_fixtures(build_german_world, name="german_world")


def _both(client, english: str, german: str) -> tuple[list[str], list[str]]:
    en = client.get(english, HTTP_ACCEPT_LANGUAGE="en")
    de = client.get(german, HTTP_ACCEPT_LANGUAGE="de")
    assert (en.status_code, de.status_code) == (200, 200), english
    return _visible_texts(en.content), _visible_texts(de.content)


def test_german_pages_show_no_english_interface_strings(client, german_world):
    world = german_world
    interface = _interface_strings()
    event, german = world["event"], world["german"]
    signed_in = [
        ("/en/events/mine/", "/de/events/mine/"),
        ("/en/exchanges/new/", "/de/exchanges/new/"),
        ("/en/notifications/", "/de/notifications/"),
        ("/en/exchanges/outcomes/", "/de/exchanges/outcomes/"),
        (world["network_en"] + "amman/", world["network_de"] + "amman/"),
        (event.url, german.url),
    ]
    anonymous = [
        ("/en/accounts/login/", "/de/accounts/login/"),
        ("/en/accounts/signup/", "/de/accounts/signup/"),
        ("/en/accounts/password/reset/", "/de/accounts/password/reset/"),
    ]
    applicants = f"/admin/events/applicants/{event.pk}/"
    admin_pages = [(applicants, applicants)]

    checked = 0
    for user, pages in (
        (None, anonymous),
        (world["person"], signed_in),
        (world["admin"], admin_pages),
    ):
        client.logout()
        if user is not None:
            client.force_login(user)
        for english_url, german_url in pages:
            english, german_texts = _both(client, english_url, german_url)
            shown_in_english = interface & set(english)
            assert shown_in_english, english_url  # the check has something to find
            left_in_english = sorted(shown_in_english & set(german_texts))
            assert left_in_english == [], german_url
            for text in english + german_texts:
                assert not US_DATE.search(text), (english_url, text)
                assert not INFORMAL.search(text), (german_url, text)
            checked += 1
    assert checked == len(signed_in) + len(anonymous) + len(admin_pages)


def test_the_application_deadline_names_the_events_time_zone(client, german_world):
    world = german_world
    client.force_login(UserFactory())
    english = " ".join(_visible_texts(client.get(world["event"].url).content))
    german = " ".join(_visible_texts(client.get(world["german"].url).content))
    closes = timezone.localtime(world["closes"], world["event"].tz)
    with translation.override("en"):
        day = date_format(closes, "DATETIME_FORMAT")
    assert f"Applications close on {day} (Asia/Amman)." in english
    assert ".." not in english
    with translation.override("de"):
        day = date_format(closes, "DATETIME_FORMAT")
    assert f"Die Bewerbungsfrist endet am {day} (Asia/Amman)." in german
    assert "Arbeitssprachen" in german and "Englisch, Arabisch" in german


def test_my_events_explain_every_state_in_german(client, german_world):
    client.force_login(german_world["person"])
    page = " ".join(_visible_texts(client.get("/de/events/mine/").content))
    assert "Sie sind angenommen: Bitte bestätigen Sie Ihren Platz." in page
    assert "Wir melden uns bei Ihnen, sobald ein Platz frei wird." in page
    assert "Ihr Platz ist bestätigt." in page
    assert "(Asia/Amman)" in page  # the offer's deadline, in the event's zone


def test_the_city_profile_reads_german(client, german_world):
    response = client.get(german_world["network_de"] + "amman/")
    page = " ".join(_visible_texts(response.content))
    assert "Jordaniens Hauptstadt plant neue Stadtteile" in page
    assert "Jordan's capital" not in page
    assert "Integrierte Stadtentwicklung" in page  # expertise, German row
    assert "Integrated Urban Development" not in page
    assert "Arabisch" in page


def test_the_exchange_form_offers_german_theme_names(client, german_world):
    client.force_login(german_world["person"])
    response = client.get("/de/exchanges/new/")
    options = html.fromstring(response.content).xpath(
        "//select[@name='cluster']/option/text()"
    )
    assert "Integrierte Stadtentwicklung" in options
    assert "Integrated Urban Development" not in options


def test_counts_use_plural_forms(client, german_world):
    page = " ".join(_visible_texts(client.get("/en/exchanges/outcomes/").content))
    assert "1 request" in page and "1 requests" not in page
    german = " ".join(_visible_texts(client.get("/de/exchanges/outcomes/").content))
    assert "1 Anfrage" in german and "1 Anfragen" not in german


def test_text_sections_have_a_heading_only_where_the_editor_wrote_one(
    client, german_world
):
    document = html.fromstring(client.get(german_world["event"].url).content)
    headings = [
        " ".join(h.text_content().split())
        for h in document.xpath("//section[@class='story-section']/h2")
    ]
    assert headings == ["How we select"]
    assert "Who it is for." in document.text_content()
