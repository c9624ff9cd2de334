"""Nothing that e-mails many people is queued on the first click: a bulk decision,
a message to the participants and the cancellation first show how many people the
e-mail reaches, and only the confirmation (a second POST with ``confirmed=1``, sent
by the page's own form, CSRF token included) queues the notices. Who may do either
is in ``test_admin_permissions.py``."""

import pytest
from lxml import html as lxml_html

from events.models import RegistrationState
from notifications.models import Notification
from tests.events import test_admin_tools
from tests.events.test_admin_tools import (
    bulk_url,
    list_url,
    make_registration,
    state_of,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

module_world = test_admin_tools.module_world
world = test_admin_tools.world
organiser_client = test_admin_tools.organiser_client


def message_url(event) -> str:
    return f"/admin/events/outbox/{event.pk}/message/"


def cancel_url(event) -> str:
    return f"/admin/events/outbox/{event.pk}/cancel/"


def confirmation_form(response) -> dict[str, list[str]]:
    """What the confirmation page's form sends back, field by field."""
    document = lxml_html.fromstring(response.content)
    (form,) = document.xpath("//form[.//input[@name='confirmed']]")
    assert form.get("method") == "post"
    data: dict[str, list[str]] = {}
    for field in form.xpath(".//input[@type='hidden']"):
        data.setdefault(field.get("name"), []).append(field.get("value") or "")
    return data


def text_of(response) -> str:
    return " ".join(lxml_html.fromstring(response.content).text_content().split())


def facts_of(response) -> dict[str, str]:
    """What the confirmation page states, term by term."""
    document = lxml_html.fromstring(response.content)
    return {
        " ".join(term.text_content().split()): " ".join(
            term.getnext().text_content().split()
        )
        for term in document.xpath("//main//dl/dt")
    }


def test_bulk_decision_shows_the_recipients_and_changes_only_when_confirmed(
    organiser_client, world
):
    event = world["event"]
    second = make_registration(event, user=UserFactory(first_name="Sami"))
    withdrawn = make_registration(event, state="withdrawn")
    data = {
        "registration": [world["applicant"].pk, second.pk, withdrawn.pk],
        "to_state": "accepted",
        "reason": "Welcome to Amman.\nSee you soon.",
        "next": list_url(event) + "?state=applied",
    }

    asked = organiser_client.post(bulk_url(event), data)

    assert asked.status_code == 200
    text = text_of(asked)
    assert "2 recipients" in text
    assert facts_of(asked)["Decision"] == "Accepted"
    assert "Not changed and not e-mailed" in text
    assert state_of(world["applicant"]) == "applied"
    assert state_of(second) == "applied"
    assert not Notification.objects.exists()
    sent_back = confirmation_form(asked)
    assert sent_back["confirmed"] == ["1"]
    assert sent_back["csrfmiddlewaretoken"]
    assert sorted(sent_back["registration"]) == sorted(
        str(pk) for pk in data["registration"]
    )
    assert sent_back["reason"] == [data["reason"]]

    done = organiser_client.post(bulk_url(event), sent_back)

    assert done.status_code == 302
    assert done["Location"] == data["next"]
    assert state_of(world["applicant"]) == "accepted"
    assert state_of(second) == "accepted"
    assert state_of(withdrawn) == "withdrawn"
    assert Notification.objects.filter(kind="registration_accepted").count() == 2
    assert Notification.objects.count() == 2


def test_message_states_the_recipients_and_queues_exactly_them_when_confirmed(
    organiser_client, world
):
    """Applied and confirmed people are written to; the waitlisted one is not
    chosen and the deactivated account gets nothing, so neither is counted."""
    event = world["event"]
    make_registration(event, state="waitlisted")
    make_registration(event, user=UserFactory(is_active=False))
    data = {
        "states": [RegistrationState.APPLIED, RegistrationState.CONFIRMED],
        "subject": "Your travel",
        "body": "Please book your flights.\nThank you.",
        "message_key": "form-1",
    }

    asked = organiser_client.post(message_url(event), data)

    assert asked.status_code == 200
    text = text_of(asked)
    assert "2 recipients" in text
    facts = facts_of(asked)
    assert facts["Write to"] == "Applied, Confirmed"
    assert facts["Subject"] == "Your travel"
    assert not Notification.objects.exists()
    sent_back = confirmation_form(asked)
    assert sent_back["states"] == ["applied", "confirmed"]
    assert sent_back["body"] == [data["body"]]

    done = organiser_client.post(message_url(event), sent_back)

    assert done.status_code == 302
    assert done["Location"] == f"/admin/events/outbox/{event.pk}/"
    queued = Notification.objects.filter(kind="organiser_message")
    assert queued.count() == 2 == Notification.objects.count()
    assert {n.recipient_id for n in queued} == {
        world["applicant"].user_id,
        world["participant"].user_id,
    }
    assert queued.first().context["message_body"] == data["body"]


def test_message_to_everyone_says_so_and_change_brings_the_form_back(
    organiser_client, world
):
    event = world["event"]
    data = {"subject": "Hello", "body": "Welcome.", "message_key": "form-2"}

    asked = organiser_client.post(message_url(event), data)
    assert facts_of(asked)["Write to"] == "Everyone still taking part"
    assert "2 recipients" in text_of(asked)

    again = organiser_client.post(
        message_url(event), {**confirmation_form(asked), "edit": "1"}
    )

    assert again.status_code == 200
    document = lxml_html.fromstring(again.content)
    assert document.xpath("//input[@name='subject']/@value") == ["Hello"]
    assert not document.xpath("//input[@name='confirmed']")
    assert not Notification.objects.exists()


def test_an_invalid_message_is_not_confirmed(organiser_client, world):
    response = organiser_client.post(
        message_url(world["event"]), {"subject": "", "body": "", "message_key": "k"}
    )
    assert response.status_code == 200
    assert "recipients" not in text_of(response)
    assert not Notification.objects.exists()


def test_cancelling_states_the_recipients_and_acts_only_when_confirmed(
    organiser_client, world
):
    event = world["event"]
    data = {"reason": "The venue is closed."}

    asked = organiser_client.post(cancel_url(event), data)

    assert "2 recipients" in text_of(asked)
    event.refresh_from_db()
    assert event.cancelled_at is None
    assert not Notification.objects.exists()

    organiser_client.post(cancel_url(event), confirmation_form(asked))

    event.refresh_from_db()
    assert event.cancelled_at is not None
    assert Notification.objects.filter(kind="event_cancelled").count() == 2


@pytest.mark.parametrize("url", [bulk_url, message_url])
def test_the_confirmation_needs_the_csrf_token(client, world, url):
    """The confirmation is a POST like any other: without the page's token it is
    refused and nothing is queued; with it, it goes through."""
    client.handler.enforce_csrf_checks = True
    client.force_login(world["organiser"])
    event = world["event"]
    page = client.get(message_url(event))
    token = lxml_html.fromstring(page.content).xpath(
        "//input[@name='csrfmiddlewaretoken']/@value"
    )[0]
    data = (
        {"registration": [world["applicant"].pk], "to_state": "accepted"}
        if url is bulk_url
        else {"subject": "Hi", "body": "Hello.", "message_key": "k-1"}
    )

    forged = client.post(url(event), {**data, "confirmed": "1"})
    assert forged.status_code == 403
    assert not Notification.objects.exists()

    asked = client.post(url(event), {**data, "csrfmiddlewaretoken": token})
    assert asked.status_code == 200
    done = client.post(url(event), confirmation_form(asked))
    assert done.status_code == 302
    assert Notification.objects.exists()
