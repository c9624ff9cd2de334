"""An event's facts come from one place, its default-language page: publishing the
English original updates the German page, its calendar file and the API at once,
and nothing done to the German translation (saving, publishing an old draft, the
editor) gives it facts of its own."""

from datetime import UTC, datetime

import icalendar
import pytest
from lxml import html as lxml_html

from events.models import EventPage
from tests.events.fixtures import make_event
from tests.factories import OrganisationFactory, UserFactory
from tests.knowledge_fixtures import cluster, locale, publish

pytestmark = pytest.mark.django_db

NEW_START = datetime(2031, 5, 20, 8, 30, tzinfo=UTC)
NEW_END = datetime(2031, 5, 21, 15, tzinfo=UTC)
NEW_VENUE = "Rathaus Skopje, Saal 3"


@pytest.fixture
def pair():
    """A published English event and its published German translation."""
    english = make_event(title="Dialogue on land", venue="Old venue")
    german = english.copy_for_translation(locale("de"))
    german.title = "Dialog über Boden"
    publish(german)
    return english, EventPage.objects.get(pk=german.pk)


def _change_original(english: EventPage) -> EventPage:
    english = EventPage.objects.get(pk=english.pk)
    english.starts_at, english.ends_at = NEW_START, NEW_END
    english.venue = NEW_VENUE
    english.capacity = 40
    english.cluster = cluster("municipal-services")
    english.save_revision().publish()
    return EventPage.objects.get(pk=english.pk)


def _vevent(body: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    return event


def test_publishing_the_original_updates_the_translation_everywhere(client, pair):
    english, german = pair
    partner = OrganisationFactory(name="City of Skopje", country="MK")
    english.partner_organisations.add(partner)
    english.save()
    english = _change_original(english)

    german = EventPage.objects.get(pk=german.pk)
    assert (german.starts_at, german.ends_at) == (NEW_START, NEW_END)
    assert german.venue == NEW_VENUE
    assert german.capacity == 40
    assert german.cluster_id == english.cluster_id
    assert list(german.partner_organisations.all()) == [partner]
    assert german.title == "Dialog über Boden"  # the text stays the translation's
    assert german.calendar_sequence == english.calendar_sequence == 1

    page = client.get(german.url).content.decode()
    assert NEW_VENUE in page
    assert "Old venue" not in page

    ics = _vevent(client.get(f"/de/events/{german.pk}/calendar.ics").content)
    assert ics.decoded("DTSTART") == NEW_START
    assert str(ics["LOCATION"]).startswith(NEW_VENUE)
    assert ics["SEQUENCE"] == 1

    response = client.get(
        "/api/v2/events/", {"locale": "de", "fields": "starts_at,capacity"}
    )
    (item,) = response.json()["items"]
    assert item["id"] == german.pk
    assert datetime.fromisoformat(item["starts_at"]) == NEW_START
    assert item["capacity"] == 40


def test_the_translations_revisions_carry_the_originals_facts(pair):
    english, german = pair
    english = _change_original(english)
    german = EventPage.objects.get(pk=german.pk)
    expected = english.fact_content()
    stored = german.get_latest_revision().content
    assert stored["venue"] == NEW_VENUE
    assert stored["capacity"] == 40
    draft = german.get_latest_revision_as_object()
    assert draft.fact_content() == expected


def test_an_older_german_draft_cannot_bring_back_old_facts(pair):
    english, german = pair
    old_draft = german.save_revision()  # before the original changes
    _change_original(english)
    old_draft.refresh_from_db()
    old_draft.publish()
    german = EventPage.objects.get(pk=german.pk)
    assert german.starts_at == NEW_START
    assert german.venue == NEW_VENUE


def test_saving_the_translation_with_other_facts_changes_nothing(pair):
    english, german = pair
    german.starts_at = datetime(2040, 1, 1, tzinfo=UTC)
    german.venue = "Somewhere else"
    german.capacity = 3
    german.title = "Neuer Titel"
    german.save_revision().publish()
    german = EventPage.objects.get(pk=german.pk)
    english = EventPage.objects.get(pk=english.pk)
    assert german.title == "Neuer Titel"
    assert german.starts_at == english.starts_at
    assert german.venue == "Old venue"
    assert german.capacity == 25
    assert german.get_latest_revision().content["venue"] == "Old venue"
    # A translation's publication is no change of the facts.
    assert german.calendar_sequence == english.calendar_sequence == 0


def test_publishing_the_original_without_fact_changes_keeps_the_sequence(pair):
    english, _ = pair
    english.teaser = "A new teaser, which is text, not a fact."
    english.save_revision().publish()
    assert EventPage.objects.get(pk=english.pk).calendar_sequence == 0


def _edit_form_data(response) -> dict:
    """What a browser would send from the editor's form: every enabled field
    with its current value (the stream fields are empty in these events)."""
    document = lxml_html.fromstring(response.content)
    (form,) = document.xpath("//form[@id='page-edit-form']")
    data: dict[str, list[str]] = {}
    for element in form.inputs:
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        kind = (element.get("type") or "").lower()
        if kind in ("submit", "button", "file"):
            continue
        if kind in ("checkbox", "radio") and not element.checked:
            continue
        if element.tag == "select":
            selected = element.value
            chosen = list(selected) if element.multiple else [selected]
            data.setdefault(name, []).extend(v for v in chosen if v is not None)
            continue
        data.setdefault(name, []).append(element.value or "")
    for stream in ("call_text", "programme", "documentation"):
        data.setdefault(f"{stream}-count", ["0"])
    return data


def test_the_editor_shows_a_translations_facts_read_only(client, pair):
    english, german = pair
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/pages/{german.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.fields["starts_at"].disabled
    assert form.fields["venue"].disabled
    assert not form.fields["title"].disabled
    assert "Taken from the English original" in response.content.decode()
    english_form = client.get(f"/admin/pages/{english.pk}/edit/").context["form"]
    assert not english_form.fields["starts_at"].disabled

    data = _edit_form_data(response)
    # A hand-made request that sends facts anyway.
    data["starts_at"] = ["2040-01-01 10:00"]
    data["venue"] = ["Somewhere else"]
    data["capacity"] = ["3"]
    data["title"] = ["Dialog über Boden (neu)"]
    data["action-publish"] = ["action-publish"]
    response = client.post(f"/admin/pages/{german.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    german = EventPage.objects.get(pk=german.pk)
    assert german.title == "Dialog über Boden (neu)"
    assert german.venue == "Old venue"
    assert german.capacity == 25
    assert german.starts_at == EventPage.objects.get(pk=english.pk).starts_at
