"""Translations never drift: an original's facts reach its translations at once,
and every translation says whether its texts follow the original's current version.

The acceptance scenario of issue 14: an editor changes the date of an English event;
the German, French, Portuguese and Arabic pages and calendars show the new date at
once, and each translation is marked out of date for its texts. Editors see, per
page, which languages exist and which are out of date (the "Translations" report,
a column per language, and a page's own overview).
"""

from datetime import UTC, datetime
from importlib import import_module

from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from wagtail.models import PageLogEntry

import icalendar
import pytest
from lxml import html

from core.models import TranslationSync
from core.translations.status import translation_overview
from events.models import EventPage
from tests.events.fixtures import make_event
from tests.events.test_event_facts import _edit_form_data
from tests.factories import UserFactory
from tests.knowledge_fixtures import in_language, publish, world_fixtures

pytestmark = pytest.mark.django_db

NEW_START = datetime(2031, 5, 20, 8, 30, tzinfo=UTC)
NEW_END = datetime(2031, 5, 21, 15, tzinfo=UTC)
TITLES = {
    "de": "Dialog über Boden",
    "fr": "Dialogue sur le foncier",
    "pt": "Diálogo sobre o solo",
    "ar": "حوار حول الأراضي",
}


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def translated_event():
    """An English event with published German, French, Portuguese and Arabic
    translations."""
    english = make_event(title="Dialogue on land", venue="Old venue")
    translations = {
        language: in_language(english, language, title=title)
        for language, title in TITLES.items()
    }
    return english, translations


# Built once for the module; each test gets it fresh from the database.
module_world, event = world_fixtures(translated_event, name="event")


def _statuses(page) -> dict[str, str]:
    return {
        status.code: status.state for status in translation_overview([page])[page.pk]
    }


def _ics_start(client, language: str, page) -> datetime:
    body = client.get(f"/{language}/events/{page.pk}/calendar.ics").content
    (vevent,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    return vevent.decoded("DTSTART")


def test_publishing_a_translation_makes_it_follow_the_original(event):
    english, translations = event
    assert _statuses(english) == {
        "en": "original",
        "de": "current",
        "fr": "current",
        "es": "missing",
        "pt": "current",
        "ar": "current",
    }
    sync = TranslationSync.objects.get(page=translations["fr"])
    assert sync.source_revision_id == english.live_revision_id
    assert sync.changed_fields == []


def test_a_new_date_reaches_every_translation_which_is_then_out_of_date(
    client, editor, event
):
    english, translations = event
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    data = _edit_form_data(response)
    data["starts_at"] = ["2031-05-20 10:30"]  # the admin's zone, Europe/Berlin
    data["ends_at"] = ["2031-05-21 17:00"]
    data["action-publish"] = ["action-publish"]
    response = client.post(f"/admin/pages/{english.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(pk=english.pk).starts_at == NEW_START

    client.logout()
    for language, page in translations.items():
        page = EventPage.objects.get(pk=page.pk)
        assert (page.starts_at, page.ends_at) == (NEW_START, NEW_END), language
        with translation.override(language):
            day = date_format(page.local_start(), "DATE_FORMAT")
        text = html.fromstring(client.get(page.url).content).text_content()
        assert day in text, (language, day)
        assert _ics_start(client, language, page) == NEW_START, language

        sync = TranslationSync.objects.get(page=page)
        assert {"starts_at", "ends_at"} <= set(sync.changed_fields), language
        assert sync.out_of_date
        assert page.title == TITLES[language]  # the texts stay the translation's
    assert _statuses(english) == {
        "en": "original",
        "de": "out_of_date",
        "fr": "out_of_date",
        "es": "missing",
        "pt": "out_of_date",
        "ar": "out_of_date",
    }


def test_editors_see_per_page_which_translations_are_out_of_date(client, editor, event):
    english, translations = event
    english = EventPage.objects.get(pk=english.pk)
    english.teaser = "Practitioners compare how their cities plan and tax land."
    english.starts_at, english.ends_at = NEW_START, NEW_END
    english.save_revision(user=editor).publish()

    # The report: one row per original, one column per language.
    response = client.get("/admin/translations/", {"state": "out_of_date"})
    assert response.status_code == 200
    document = html.fromstring(response.content)
    (row,) = [
        tr
        for tr in document.xpath("//table[@class='listing']/tbody/tr")
        if "Dialogue on land" in tr.text_content()
    ]
    cells = [" ".join(td.text_content().split()) for td in row.xpath("td")]
    assert cells == [
        "Original",
        "Out of date",
        "Out of date",
        "Not translated",
        "Out of date",
        "Out of date",
    ]

    # The page's own overview, from any of its languages.
    response = client.get(f"/admin/translations/{translations['pt'].pk}/")
    document = html.fromstring(response.content)
    portuguese = " ".join(
        document.xpath("//tr[@id='language-pt']")[0].text_content().split()
    )
    assert "Out of date" in portuguese
    assert "Texts to check: Teaser" in portuguese
    assert "Facts, already taken over: Starts, Ends" in portuguese
    assert document.xpath("//tr[@id='language-pt']//a[contains(@href, 'compare')]")
    spanish = document.xpath("//tr[@id='language-es']")[0]
    assert "Not translated" in spanish.text_content()
    translate = reverse("simple_translation:submit_page_translation", args=[english.pk])
    assert spanish.xpath(f".//a[@href='{translate}']")

    # The edit view's header links there and says how many are behind.
    edit = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "Translations (4 out of date)" in edit
    assert f"/admin/translations/{english.pk}/" in edit


def test_a_translation_is_current_again_when_published_or_marked(client, editor, event):
    english, translations = event
    english = EventPage.objects.get(pk=english.pk)
    english.teaser = "A new teaser to translate."
    english.save_revision().publish()
    assert set(_statuses(english).values()) == {"original", "out_of_date", "missing"}

    # The German editor brings the text in line and publishes.
    german = EventPage.objects.get(pk=translations["de"].pk)
    german.teaser = "Ein neuer Teaser."
    publish(german)
    # The French one decides the change needs nothing.
    response = client.post(f"/admin/translations/{translations['fr'].pk}/current/")
    assert response.status_code == 302
    statuses = _statuses(english)
    assert (statuses["de"], statuses["fr"]) == ("current", "current")
    assert (statuses["pt"], statuses["ar"]) == ("out_of_date", "out_of_date")
    assert PageLogEntry.objects.filter(
        page=translations["fr"], action="core.translation_current", user=editor
    ).exists()


def test_only_changes_count(event):
    """A republication that changes nothing marks nothing; a text changed and
    changed back leaves the translations current."""
    english, _translations = event
    english = EventPage.objects.get(pk=english.pk)
    english.save_revision().publish()
    assert "out_of_date" not in _statuses(english).values()

    teaser = english.teaser
    english.teaser = "Something else for a while."
    english.save_revision().publish()
    assert "out_of_date" in _statuses(english).values()
    english = EventPage.objects.get(pk=english.pk)
    english.teaser = teaser
    english.save_revision().publish()
    assert "out_of_date" not in _statuses(english).values()


def test_people_who_may_not_edit_the_page_see_nothing(client, event):
    english, translations = event
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/admin/translations/{english.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/translations/{english.pk}/current/")
    assert response.status_code in (302, 403)
    syncs = TranslationSync.objects.filter(page__in=list(translations.values()))
    assert [sync.out_of_date for sync in syncs] == [False] * 4


def test_existing_translations_get_their_baseline_without_change(event):
    """The migration that introduced the record: the translations are untouched,
    each gets the original's version it was last published against, and what the
    original changed since."""
    english, translations = event
    english = EventPage.objects.get(pk=english.pk)
    english.teaser = "Changed after the translations."
    english.save_revision().publish()
    english.refresh_from_db()
    TranslationSync.objects.all().delete()
    before = {
        page.pk: (page.title, page.live_revision_id)
        for page in EventPage.objects.filter(
            pk__in=[p.pk for p in translations.values()]
        )
    }

    migration = import_module("core.migrations.0008_translation_baselines")
    migration.record_baselines(django_apps, None)

    after = {
        page.pk: (page.title, page.live_revision_id)
        for page in EventPage.objects.filter(pk__in=list(before))
    }
    assert after == before
    for page in translations.values():
        sync = TranslationSync.objects.get(page=page)
        assert sync.source_revision_id is not None
        assert sync.source_revision_id != english.live_revision_id
        assert "teaser" in sync.changed_fields


def test_tags_and_child_rows_count_as_texts(site_pages):
    """Tags of a practice and the milestones of a project live in rows of their
    own; changing them marks the translation too."""
    from datetime import date

    from tests.knowledge_fixtures import index_pages, make_practice, make_project

    pages = index_pages(site_pages)
    practice = make_practice(pages["practices"], title="Solar lamps", tags=["solar"])
    project = make_project(
        pages["projects"],
        title="Lamps for Zarqa",
        milestones=[(date(2020, 1, 1), "idea", "The idea")],
    )
    for page in (practice, project):
        in_language(page, "fr", title=f"{page.title} (fr)")

    practice.tags.add("street lighting")
    practice.save_revision().publish()
    project = type(project).objects.get(pk=project.pk)
    (milestone,) = project.milestones.all()
    milestone.title = "The idea, written down"
    project.milestones = [milestone]
    project.save_revision().publish()

    practice_fr = TranslationSync.objects.get(
        page__translation_key=practice.translation_key,
        page__locale__language_code="fr",
    )
    project_fr = TranslationSync.objects.get(
        page__translation_key=project.translation_key,
        page__locale__language_code="fr",
    )
    assert practice_fr.changed_fields == ["tagged_items"]
    assert project_fr.changed_fields == ["milestones"]
    (status,) = [
        status
        for status in translation_overview([practice])[practice.pk]
        if status.code == "fr"
    ]
    assert status.changed == ["Tags"]


def test_a_practices_and_a_projects_facts_reach_their_translations(
    client, editor, site_pages
):
    """Cities, country, theme, years and stage are the original's in every
    translation at once; the translation keeps its texts, is marked out of date,
    and its editor shows the facts read-only and ignores what a request sends."""
    from tests.knowledge_fixtures import (
        field_of_action,
        index_pages,
        make_practice,
        make_project,
        organisation,
        region,
    )

    pages = index_pages(site_pages)
    mena = region("middle-east-north-africa", "MENA", "Nahost und Nordafrika")
    amman = organisation("amman", "Amman", country="JO", region=mena)
    practice = make_practice(
        pages["practices"], title="Solar lamps", field="sme-promotion", start_year=2019
    )
    project = make_project(pages["projects"], title="Lamps for Zarqa", stage="idea")
    practice_fr = in_language(practice, "fr", title="Lampes solaires")
    project_ar = in_language(project, "ar", title="مصابيح للزرقاء")

    waste = field_of_action("waste-management-and-recycling")
    draft = practice.get_latest_revision_as_object()
    draft.cities = [amman]
    draft.country, draft.region, draft.start_year = "JO", mena, 2021
    draft.cluster, draft.field_of_action = waste.cluster, waste
    draft.save_revision().publish()
    draft = project.get_latest_revision_as_object()
    draft.stage, draft.cluster, draft.field_of_action = "ready", waste.cluster, waste
    draft.save_revision().publish()

    practice_fr = type(practice_fr).objects.get(pk=practice_fr.pk)
    assert list(practice_fr.cities.all()) == [amman]
    assert (practice_fr.country, practice_fr.region, practice_fr.start_year) == (
        "JO",
        mena,
        2021,
    )
    assert practice_fr.field_of_action == waste
    assert practice_fr.title == "Lampes solaires"
    live = practice_fr.get_latest_revision_as_object()
    assert (live.start_year, [city.pk for city in live.cities.all()]) == (
        2021,
        [amman.pk],
    )
    project_ar = type(project_ar).objects.get(pk=project_ar.pk)
    assert (project_ar.stage, project_ar.field_of_action) == ("ready", waste)
    assert project_ar.title == "مصابيح للزرقاء"
    for page in (practice_fr, project_ar):
        assert TranslationSync.objects.get(page=page).out_of_date

    # The French editor's form: the facts are read-only, and a forged value for
    # one is ignored while the texts are saved.
    url = f"/admin/pages/{practice_fr.pk}/edit/"
    response = client.get(url)
    form = html.fromstring(response.content)
    for name in ("start_year", "country", "field_of_action", "cities"):
        (field,) = form.xpath(f"//form[@id='page-edit-form']//*[@name='{name}']")
        assert field.get("disabled") is not None, name
    data = _edit_form_data(response)
    data["start_year"] = ["1999"]
    data["title"] = ["Lampes solaires pour tous"]
    data["body-count"] = ["0"]
    data["action-publish"] = ["action-publish"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    practice_fr = type(practice_fr).objects.get(pk=practice_fr.pk)
    assert (practice_fr.title, practice_fr.start_year) == (
        "Lampes solaires pour tous",
        2021,
    )
