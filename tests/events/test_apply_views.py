"""Applying, confirming and withdrawing through the site's forms: success, and bad
input that gives a clear message and changes nothing."""

from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import Registration
from tests.events.fixtures import make_event
from tests.factories import AffiliationFactory, UserFactory
from tests.knowledge_fixtures import locale, publish

pytestmark = pytest.mark.django_db


def _form(**changes) -> dict:
    data = {
        "organisation_name": "City of Irbid",
        "role": "Head of planning",
        "motivation": "We want to learn how Amman plans its land.",
        "brings": "challenge",
        "brings_title": "Informal settlements",
        "brings_description": "Fast growth at the edge of the city.",
        "consent_data": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_apply_creates_a_registration_and_returns_to_the_event(client):
    event = make_event()
    user = UserFactory()
    client.force_login(user)
    url = f"/en/events/{event.pk}/apply/"
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    assert response.status_code == 302
    assert response.url == event.url
    registration = Registration.objects.get(event=event, user=user)
    assert registration.state == "accepted"  # first come, places free
    assert registration.role == "Head of planning"
    assert registration.organisation_name == "City of Irbid"


def test_apply_with_a_verified_affiliation_uses_the_organisation(client):
    event = make_event()
    affiliation = AffiliationFactory(verified=True)
    client.force_login(affiliation.user)
    url = f"/en/events/{event.pk}/apply/"
    assert affiliation.organisation.name in client.get(url).content.decode()
    response = client.post(
        url, _form(organisation=str(affiliation.organisation.pk), organisation_name="")
    )
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.organisation == affiliation.organisation


def test_apply_on_the_german_page_registers_for_the_original(client):
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    publish(german)
    client.force_login(UserFactory())
    response = client.post(f"/de/events/{german.pk}/apply/", _form())
    assert response.status_code == 302
    assert response.url.startswith("/de/")
    assert Registration.objects.get().event_id == event.pk


def test_apply_needs_sign_in(client):
    event = make_event()
    response = client.get(f"/en/events/{event.pk}/apply/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_forged_event_id_is_404_and_changes_nothing(client):
    client.force_login(UserFactory())
    assert client.post("/en/events/999999/apply/", _form()).status_code == 404
    assert client.get("/en/events/999999/calendar.ics").status_code == 404
    assert client.post("/en/events/999999/withdraw/").status_code == 404
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent_data": None}, "only consider your application with this consent"),
        ({"motivation": "x" * 10_000}, "at most 3000 characters"),
        ({"role": ""}, "This field is required"),
        ({"brings_title": ""}, "Give a title"),
    ],
)
def test_bad_input_is_explained_and_kept(client, changes, message):
    event = make_event()
    client.force_login(UserFactory())
    response = client.post(f"/en/events/{event.pk}/apply/", _form(**changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Informal settlements" in html or changes.get("brings_title") == ""
    assert Registration.objects.count() == 0


def test_applying_twice_says_so_and_keeps_one_registration(client):
    event = make_event()
    client.force_login(UserFactory())
    url = f"/en/events/{event.pk}/apply/"
    client.post(url, _form())
    response = client.post(url, _form(), follow=True)
    assert "already applied" in response.content.decode()
    assert Registration.objects.count() == 1


def test_applying_after_the_window_is_refused(client):
    now = timezone.now()
    event = make_event(
        applications_open=now - timedelta(days=10),
        applications_close=now - timedelta(days=1),
    )
    client.force_login(UserFactory())
    response = client.post(f"/en/events/{event.pk}/apply/", _form())
    assert response.status_code == 200
    assert "closed" in response.content.decode()
    assert Registration.objects.count() == 0


def test_applications_are_rate_limited(client, monkeypatch):
    monkeypatch.setattr("events.views.APPLY_RATE", 2)
    event = make_event()
    client.force_login(UserFactory())
    url = f"/en/events/{event.pk}/apply/"
    client.post(url, _form(consent_data=None))
    client.post(url, _form(consent_data=None))
    response = client.post(url, _form())
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Registration.objects.count() == 0


def test_confirm_and_withdraw(client):
    event = make_event()
    user = UserFactory()
    client.force_login(user)
    client.post(f"/en/events/{event.pk}/apply/", _form())
    response = client.post(
        f"/en/events/{event.pk}/confirm/",
        {"accessibility_needs": "Step-free access", "dietary_needs": "Vegetarian"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.state == "confirmed"
    assert registration.dietary_needs == "Vegetarian"

    page = client.get(f"/en/events/{event.pk}/withdraw/")
    assert page.status_code == 200
    assert "Yes, withdraw" in page.content.decode()
    assert Registration.objects.get().state == "confirmed"  # GET changes nothing
    response = client.post(f"/en/events/{event.pk}/withdraw/", {"reason": "Ill"})
    assert response.status_code == 302
    assert Registration.objects.get().state == "withdrawn"


def test_confirm_without_registration_says_so(client):
    event = make_event()
    client.force_login(UserFactory())
    response = client.post(f"/en/events/{event.pk}/confirm/", follow=True)
    assert "not applied" in response.content.decode()
    assert Registration.objects.count() == 0


def test_an_organisation_name_with_a_line_break_is_refused(client):
    event = make_event()
    client.force_login(UserFactory())
    url = f"/en/events/{event.pk}/apply/"
    response = client.post(url, _form(organisation_name="City of\nIrbid"))
    assert response.status_code == 200
    assert "must fit on one line" in response.content.decode()
    assert not Registration.objects.exists()
