"""The services of conversations: each with a success and a failure sharing one
setup."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.services import user_delete
from conversations import services
from conversations.models import (
    Block,
    Conversation,
    Message,
    MessagingAction,
    MessagingLog,
    MessagingSuspension,
    Participant,
    Report,
)
from notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def start(people, sender=None, recipient=None, **fields):
    return services.conversation_start(
        sender=sender or people.verified,
        recipient=recipient or people.peer,
        subject=fields.pop("subject", "Land use"),
        body=fields.pop("body", "Could we talk about your plan?"),
        **fields,
    )


def test_a_verified_member_starts_a_conversation_and_the_recipient_is_told(people):
    conversation = start(people, organisation=people.city)
    assert conversation.organisation == people.city
    assert set(conversation.participants.values_list("user", flat=True)) == {
        people.verified.pk,
        people.peer.pk,
    }
    [message] = conversation.messages.all()
    assert message.sender == people.verified
    [notice] = Notification.objects.filter(kind="message_received")
    assert notice.recipient == people.peer
    assert MessagingLog.objects.filter(
        action=MessagingAction.STARTED, actor=people.verified, person=people.peer
    ).exists()


def test_a_plain_member_may_not_write_to_a_stranger_but_to_a_focal_point(people):
    with pytest.raises(services.NotAllowed, match="Only verified members"):
        start(people, sender=people.member)
    assert not Conversation.objects.exists()
    start(people, sender=people.member, recipient=people.focal_point)
    start(people, sender=people.member, recipient=people.coordinator)
    admin = UserFactory(is_superuser=True)
    start(people, sender=people.member, recipient=admin)
    assert Conversation.objects.count() == 3


def test_a_plain_member_may_answer_someone_who_wrote_to_them(people):
    first = start(people, recipient=people.member)
    services.message_send(conversation=first, sender=people.member, body="Yes!")
    # Having talked, the plain member may start a new conversation with them.
    start(people, sender=people.member, recipient=people.verified)


def test_a_reply_continues_the_conversation_and_an_outsider_cannot_reply(people):
    conversation = start(people)
    reply = services.message_send(
        conversation=conversation, sender=people.peer, body="Gladly."
    )
    assert list(conversation.messages.all())[-1] == reply
    assert Notification.objects.filter(
        kind="message_received", recipient=people.verified
    ).exists()
    with pytest.raises(services.NotAllowed):
        services.message_send(
            conversation=conversation, sender=people.coordinator, body="Hi"
        )
    assert conversation.messages.count() == 2


def test_a_message_needs_text_and_at_most_5000_characters(people):
    conversation = start(people)
    services.message_send(
        conversation=conversation, sender=people.peer, body="x" * 5000
    )
    for body in ("   ", "x" * 5001, "x" * 100_000):
        with pytest.raises(services.ConversationError):
            services.message_send(
                conversation=conversation, sender=people.peer, body=body
            )
    assert conversation.messages.count() == 2


def test_blocking_stops_both_sides_and_unblocking_allows_again(people):
    conversation = start(people)
    services.person_block(blocker=people.peer, blocked=people.verified)
    services.person_block(blocker=people.peer, blocked=people.verified)  # harmless
    assert Block.objects.count() == 1
    for sender in (people.verified, people.peer):
        with pytest.raises(services.NotAllowed, match="cannot write"):
            services.message_send(conversation=conversation, sender=sender, body="?")
    with pytest.raises(services.NotAllowed):
        start(people)
    services.person_unblock(blocker=people.peer, blocked=people.verified)
    services.message_send(conversation=conversation, sender=people.verified, body="!")
    with pytest.raises(services.ConversationError):
        services.person_block(blocker=people.peer, blocked=people.peer)


def test_mark_read_mute_and_leave(people):
    conversation = start(people)
    services.conversation_mark_read(conversation=conversation, user=people.peer)
    assert Participant.objects.get(user=people.peer).last_read_at is not None
    services.conversation_mute(conversation=conversation, user=people.peer)
    Notification.objects.all().delete()
    services.message_send(conversation=conversation, sender=people.verified, body="2")
    assert not Notification.objects.exists()  # muted: no mail
    services.conversation_leave(conversation=conversation, user=people.peer)
    with pytest.raises(services.ConversationError, match="left"):
        services.message_send(
            conversation=conversation, sender=people.verified, body="3"
        )
    with pytest.raises(services.NotAllowed):
        services.conversation_mark_read(conversation=conversation, user=people.peer)
    assert MessagingLog.objects.filter(action=MessagingAction.LEFT).count() == 1


def test_the_rate_limits_count_per_hour_and_per_day(people, settings):
    settings.CONVERSATIONS_MESSAGES_PER_HOUR = 3
    settings.CONVERSATIONS_MESSAGES_PER_DAY = 5
    conversation = start(people)
    services.message_send(conversation=conversation, sender=people.verified, body="2")
    services.message_send(conversation=conversation, sender=people.verified, body="3")
    with pytest.raises(services.ConversationError, match="in the last hour"):
        services.message_send(
            conversation=conversation, sender=people.verified, body="4"
        )
    Message.objects.update(created_at=timezone.now() - timedelta(hours=2))
    services.message_send(conversation=conversation, sender=people.verified, body="4")
    services.message_send(conversation=conversation, sender=people.verified, body="5")
    with pytest.raises(services.ConversationError, match="24 hours"):
        services.message_send(
            conversation=conversation, sender=people.verified, body="6"
        )
    # The other side has its own count.
    services.message_send(conversation=conversation, sender=people.peer, body="ok")


def test_a_message_to_a_deleted_account_is_refused_and_nothing_is_saved(people):
    conversation = start(people)
    user_delete(user=people.peer)
    people.peer.refresh_from_db()
    before = Message.objects.count()
    with pytest.raises(services.ConversationError, match="no longer exists"):
        services.message_send(
            conversation=conversation, sender=people.verified, body="Hello?"
        )
    with pytest.raises(services.ConversationError, match="no longer exists"):
        start(people)
    assert Message.objects.count() == before
    assert Conversation.objects.count() == 1


def test_unverified_addresses_and_inactive_senders_are_refused(people):
    unconfirmed = UserFactory(verified=False)
    with pytest.raises(services.NotAllowed, match="confirm your e-mail"):
        start(people, sender=unconfirmed, recipient=people.focal_point)
    people.verified.is_active = False
    people.verified.save()
    with pytest.raises(services.NotAllowed, match="not active"):
        start(people)
    with pytest.raises(services.ConversationError, match="yourself"):
        start(people, sender=people.peer, recipient=people.peer)


def test_a_report_goes_to_the_coordinators_of_the_region(people):
    conversation = start(people)
    message = conversation.messages.get()
    report = services.message_report(
        message=message, reporter=people.peer, reason="Spam"
    )
    notices = Notification.objects.filter(kind="message_reported")
    assert [n.recipient for n in notices] == [people.coordinator]
    assert notices.get().subject_id == report.pk
    with pytest.raises(services.ConversationError, match="already"):
        services.message_report(message=message, reporter=people.peer)
    with pytest.raises(services.ConversationError, match="own message"):
        services.message_report(message=message, reporter=people.verified)
    with pytest.raises(services.NotAllowed):
        services.message_report(message=message, reporter=people.outsider)
    assert Report.objects.count() == 1


def test_a_coordinator_in_scope_suspends_and_lifts(people):
    start(people)
    with pytest.raises(services.NotAllowed):
        services.messaging_suspend(
            user=people.verified, actor=people.outsider, reason="Spam"
        )
    with pytest.raises(services.ConversationError, match="Reason"):
        services.messaging_suspend(
            user=people.verified, actor=people.coordinator, reason=" "
        )
    services.messaging_suspend(
        user=people.verified, actor=people.coordinator, reason="Spam"
    )
    with pytest.raises(services.NotAllowed, match="suspended"):
        start(people)
    with pytest.raises(services.ConversationError, match="already"):
        services.messaging_suspend(
            user=people.verified, actor=people.coordinator, reason="Spam"
        )
    log = MessagingLog.objects.get(action=MessagingAction.SUSPENDED)
    assert (log.actor, log.person, log.reason) == (
        people.coordinator,
        people.verified,
        "Spam",
    )
    services.messaging_suspension_lift(
        user=people.verified, actor=people.coordinator, reason="Talked to them"
    )
    assert MessagingSuspension.objects.get().lifted_by == people.coordinator
    start(people)
