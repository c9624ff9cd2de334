"""A person's registrations and invitations in "Download my data", and what their
account deletion leaves of them: withdrawn where the event is still ahead (the
place goes to the waitlist), the bare fact of taking part everywhere else."""

import json
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from community import services as community_services
from events import services
from events.models import (
    EventInvitation,
    Registration,
    RegistrationLog,
    RegistrationState,
)
from events.personal_data import events_personal_data
from notifications.models import Notification
from tests.events.fixtures import apply_for, make_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/en/profile/export/"
DELETED = "Account deleted by its owner."


def organiser_of(event):
    organiser = UserFactory()
    event.organisers.add(organiser)
    event.save()
    return organiser


@pytest.fixture
def lina():
    """A practitioner with a second, verified address and an unverified one."""
    person = UserFactory(email="lina@example.org", first_name="Lina")
    EmailAddress.objects.create(user=person, email="Lina@Amman.gov.jo", verified=True)
    EmailAddress.objects.create(user=person, email="typo@example.net", verified=False)
    return person


def _past_registration(user, **fields) -> Registration:
    """A registration for an event that is over (applying is closed by then)."""
    now = timezone.now()
    event = make_event(
        title="Study tour to Munich",
        starts_at=now - timedelta(days=60),
        ends_at=now - timedelta(days=58),
        applications_open=now - timedelta(days=90),
        applications_close=now - timedelta(days=61),
    )
    values = {
        "role": "Head of planning",
        "motivation": "Munich's land policy.",
        "brings_title": "Our land registry",
        "brings_description": "Paper files, slowly scanned.",
        "gender": "female",
        "dietary_needs": "Halal",
        "accessibility_needs": "Step-free rooms",
        "language_needs": "Arabic interpretation",
        "organisation_name": "Planning office of Zarqa",
        "consent_data": True,
        "state": RegistrationState.ATTENDED,
    }
    values.update(fields)
    return Registration.objects.create(event=event, user=user, **values)


# --- Download my data -----------------------------------------------------------------


def test_export_holds_registrations_with_their_history_and_invitations(client, lina):
    dialogue = make_event(title="Dialogue on land management")
    registration = apply_for(
        dialogue,
        lina,
        motivation="Our registry is on paper.",
        gender="female",
        language_needs="Arabic interpretation",
        consent_photos=True,
    )
    services.registration_confirm(
        registration=registration, user=lina, dietary_needs="Vegetarian"
    )
    selection = make_event(title="Selection workshop", selection_mode="selection")
    organiser = organiser_of(selection)
    chosen = apply_for(selection, lina)
    services.registration_waitlist(
        registration=chosen, actor=organiser, reason="Internal: motivation is thin."
    )
    services.registration_decline(
        registration=chosen, actor=organiser, reason="Places went to host cities."
    )
    invite_only = make_event(title="Closed round table", eligibility="invited")
    EventInvitation.objects.create(event=invite_only, email="LINA@amman.gov.jo")
    EventInvitation.objects.create(event=invite_only, email="typo@example.net")
    EventInvitation.objects.create(event=invite_only, email="someone@example.org")

    client.force_login(lina)
    raw = client.get(EXPORT_URL).content.decode()
    data = json.loads(raw)["events"]

    first, second = data["registrations"]
    assert first["event"] == "Dialogue on land management"
    assert first["state"] == "confirmed"
    assert first["motivation"] == "Our registry is on paper."
    assert first["role"] == "Urban planner"
    assert first["brings_title"] == "Informal settlements at the edge of the city"
    assert (first["gender"], first["language_needs"]) == (
        "female",
        "Arabic interpretation",
    )
    assert first["dietary_needs"] == "Vegetarian"
    assert (first["consent_data"], first["consent_photos"]) == (True, True)
    assert first["consent_contact_sharing"] is False
    assert first["starts_at"].startswith(str(dialogue.starts_at.date()))
    assert [(e["from"], e["to"], e["by"]) for e in first["history"]] == [
        ("", "accepted", "you"),
        ("accepted", "confirmed", "you"),
    ]
    # The organisers' own note is theirs; the reason for the decline was sent to her.
    assert [(e["to"], e["by"], e["reason"]) for e in second["history"]] == [
        ("applied", "you", ""),
        ("waitlisted", "an organiser", ""),
        ("declined", "an organiser", "Places went to host cities."),
    ]
    assert "Internal" not in raw
    # Only addresses known to be hers: the unverified one shows nothing.
    assert [(i["event"], i["email"]) for i in data["invitations"]] == [
        ("Closed round table", "LINA@amman.gov.jo")
    ]
    assert "someone@example.org" not in raw
    assert str(organiser.email) not in raw


def test_export_costs_the_same_queries_for_one_and_many_registrations(lina):
    """Registrations with their events and organisations come in one query, their
    logs in one more, invitations and the person's addresses in one each, and each
    part of the peer exchanges in one: nothing per registration."""
    apply_for(make_event(), lina)
    EventInvitation.objects.create(
        event=make_event(eligibility="invited"), email="lina@example.org"
    )
    with CaptureQueriesContext(connection) as one:
        data = events_personal_data(user=lina)
    assert len(data["events"]["registrations"]) == 1

    for _number in range(3):
        registration = apply_for(make_event(), lina)
        services.registration_confirm(registration=registration, user=lina)
        _past_registration(lina)
        EventInvitation.objects.create(
            event=make_event(eligibility="invited"), email="lina@amman.gov.jo"
        )
    with CaptureQueriesContext(connection) as many:
        data = events_personal_data(user=lina)
    assert len(data["events"]["registrations"]) == 7
    assert len(data["events"]["invitations"]) == 4
    assert len(many.captured_queries) == len(one.captured_queries)


# --- Deleting the account -------------------------------------------------------------


@pytest.fixture
def full_event(lina):
    """One place, taken by Lina; two people wait for it."""
    event = make_event(capacity=1)
    mine = apply_for(event, lina, motivation="Our registry is on paper.")
    services.registration_confirm(
        registration=mine,
        user=lina,
        accessibility_needs="Step-free rooms",
        dietary_needs="Vegetarian",
    )
    first_in_line = apply_for(event, UserFactory())
    second_in_line = apply_for(event, UserFactory())
    return mine, first_in_line, second_in_line


def test_deletion_frees_the_place_for_the_first_in_line(full_event, lina):
    mine, first_in_line, second_in_line = full_event

    community_services.user_delete(user=lina)

    mine.refresh_from_db()
    first_in_line.refresh_from_db()
    second_in_line.refresh_from_db()
    assert mine.state == "withdrawn"
    withdrawal = mine.log.last()
    assert (withdrawal.from_state, withdrawal.actor, withdrawal.reason) == (
        "confirmed",
        lina,
        DELETED,
    )
    # One promotion, by the platform, and the person promoted is told.
    assert (first_in_line.state, second_in_line.state) == ("accepted", "waitlisted")
    promotions = RegistrationLog.objects.filter(
        registration__event=mine.event, from_state="waitlisted"
    )
    assert [(p.registration_id, p.to_state, p.actor) for p in promotions] == [
        (first_in_line.pk, "accepted", None)
    ]
    assert Notification.objects.filter(
        recipient=first_in_line.user, kind="registration_promoted"
    ).exists()
    # The deleted account is told nothing.
    assert not Notification.objects.filter(recipient=lina).exists()


def test_deletion_keeps_the_bare_fact_of_taking_part(full_event, lina):
    mine = full_event[0]
    past = _past_registration(lina)
    RegistrationLog.objects.create(
        registration=past, from_state="confirmed", to_state="attended", reason="Late."
    )
    now = timezone.now()
    running = make_event(
        starts_at=now - timedelta(hours=2), applications_close=now - timedelta(days=1)
    )
    ongoing = Registration.objects.create(
        event=running,
        user=lina,
        role="Planner",
        motivation="Learning.",
        consent_data=True,
        state=RegistrationState.CONFIRMED,
    )
    invite_only = make_event(eligibility="invited")
    EventInvitation.objects.create(event=invite_only, email="LINA@amman.gov.jo")
    EventInvitation.objects.create(event=invite_only, email="lina@example.org")
    EventInvitation.objects.create(event=invite_only, email="typo@example.net")
    EventInvitation.objects.create(event=invite_only, email="someone@example.org")

    community_services.user_delete(user=lina)

    past.refresh_from_db()
    ongoing.refresh_from_db()
    mine.refresh_from_db()
    # A withdrawal after the start is refused by design: the state stays.
    assert (past.state, ongoing.state, mine.state) == (
        "attended",
        "confirmed",
        "withdrawn",
    )
    for registration in (past, ongoing, mine):
        assert registration.event_id
        assert registration.consent_data
        for name in services.PERSONAL_FIELDS:
            assert getattr(registration, name) == "", name
    # An organisation typed in goes; one chosen from the list stays for statistics.
    assert past.organisation_name == ""
    assert list(
        RegistrationLog.objects.filter(registration__user=lina)
        .exclude(reason="")
        .values_list("reason", flat=True)
    ) == [DELETED]
    # Invitations to her addresses go; the unverified one was never known as hers.
    assert sorted(
        EventInvitation.objects.filter(event=invite_only).values_list(
            "email", flat=True
        )
    ) == ["someone@example.org", "typo@example.net"]
