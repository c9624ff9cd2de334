"""Who may do what, through the pages: people × actions, as a matrix.

"ok" is done, "refused" is the form again with the reason (nothing saved),
"denied" is 403 or 404 (a conversation that is not yours does not exist for you),
"login" is the sign-in page."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from conversations import services
from conversations.models import (
    Conversation,
    Message,
    MessagingAction,
    MessagingLog,
    Participant,
    Report,
)
from conversations.models import MessagingSuspension as Suspension

from .conftest import verified_member

pytestmark = pytest.mark.django_db

ACTORS = [
    "anonymous",
    "member",
    "verified",
    "blocked",
    "suspended",
    "coordinator_in_scope",
    "coordinator_out_of_scope",
]
EXPECTED = {
    # start, reply, read, report, suspend, handle a report (the admin queue)
    "anonymous": ("login", "login", "login", "login", "login", "login"),
    "member": ("refused", "ok", "ok", "ok", "denied", "denied"),
    "verified": ("ok", "ok", "ok", "ok", "denied", "denied"),
    "blocked": ("refused", "refused", "ok", "ok", "denied", "denied"),
    "suspended": ("refused", "refused", "ok", "ok", "denied", "denied"),
    "coordinator_in_scope": ("ok", "denied", "denied", "denied", "ok", "ok"),
    "coordinator_out_of_scope": (
        "ok",
        "denied",
        "denied",
        "denied",
        "denied",
        "denied",
    ),
}
ACTIONS = ["start", "reply", "read", "report", "suspend", "handle"]


def _actor(people, name):
    if name == "anonymous":
        return None
    if name == "blocked":
        person = verified_member(people.city, first_name="Bob")
        services.person_block(blocker=people.peer, blocked=person)
        return person
    if name == "suspended":
        person = verified_member(people.city, first_name="Sue")
        Suspension.objects.create(user=person, reason="Spam")
        return person
    return {
        "member": people.member,
        "verified": people.verified,
        "coordinator_in_scope": people.coordinator,
        "coordinator_out_of_scope": people.outsider,
    }[name]


def _conversation_with_peer(people, actor, *, action):
    """A conversation between the peer and the actor, or, for coordinators and
    visitors, between the peer and somebody else (made directly, as a fact).
    Before starting one, the actor has never talked to the peer."""
    own = actor is not None and not actor.roles.exists() and action != "start"
    first = actor if own else people.verified
    conversation = Conversation.objects.create(subject="Water", started_by=first)
    for person in (first, people.peer):
        Participant.objects.create(conversation=conversation, user=person)
    Message.objects.create(conversation=conversation, sender=first, body="Hello")
    peer_message = Message.objects.create(
        conversation=conversation, sender=people.peer, body="Hi there"
    )
    return conversation, peer_message


def _outcome(response, *, saved: bool) -> str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    if response.status_code in (403, 404):
        return "denied"
    if response.status_code == 302 and saved:
        return "ok"
    if response.status_code == 200 and not saved:
        return "refused"
    return f"unexpected {response.status_code} saved={saved}"


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("actor_name", ACTORS)
def test_permission_matrix(client, people, actor_name, action):
    actor = _actor(people, actor_name)
    if actor is not None:
        client.force_login(actor)
    conversation, peer_message = _conversation_with_peer(people, actor, action=action)
    expected = EXPECTED[actor_name][ACTIONS.index(action)]
    if action == "start":
        before = Conversation.objects.count()
        response = client.post(
            f"{reverse('conversation_start')}?to={people.peer.pk}",
            {"subject": "Land use", "body": "May I ask?"},
        )
        outcome = _outcome(response, saved=Conversation.objects.count() > before)
    elif action == "reply":
        before = Message.objects.count()
        response = client.post(
            reverse("conversation_detail", args=[conversation.pk]),
            {"body": "A reply"},
        )
        outcome = _outcome(response, saved=Message.objects.count() > before)
    elif action == "read":
        response = client.get(reverse("conversation_detail", args=[conversation.pk]))
        outcome = "ok" if response.status_code == 200 else _outcome(response, saved=0)
        if outcome == "ok":
            assert "Hi there" in response.content.decode()
    elif action == "report":
        response = client.post(
            reverse("message_report", args=[peer_message.pk]), {"reason": "Rude"}
        )
        outcome = _outcome(response, saved=Report.objects.exists())
    elif action == "handle":
        # Coordinators reach the admin through their group.
        coordinators = Group.objects.get(name="Coordinators")
        for person in (people.coordinator, people.outsider):
            person.groups.add(coordinators)
        report = Report.objects.create(
            message=peer_message, reporter=people.verified, reason="Rude"
        )
        response = client.post(
            reverse("conversations_report_handle", args=[report.pk]), {"note": "ok"}
        )
        report.refresh_from_db()
        outcome = _outcome(response, saved=report.handled)
        if outcome == "ok":
            assert MessagingLog.objects.filter(
                action=MessagingAction.HANDLED, reason="ok"
            ).exists()
    else:
        target = verified_member(people.city, first_name="Target")
        response = client.post(
            reverse("messaging_suspend", args=[target.pk]), {"reason": "Spam"}
        )
        outcome = _outcome(
            response, saved=Suspension.objects.filter(user=target).exists()
        )
    assert outcome == expected
    if outcome == "refused":
        assert b'class="errorlist' in response.content
