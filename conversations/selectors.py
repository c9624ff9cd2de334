"""Reads of conversations: a person's list with unread counts (their page, the
dashboard), the header's unread count, one conversation's messages, and how a
person is named to the other side (never by their address)."""

from datetime import UTC, datetime

from django.db.models import (
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from community.models import User
from notifications.models import Notification

from .models import Conversation, Message, Participant

# Earlier than any message: "never read".
NEVER = datetime(2000, 1, 1, tzinfo=UTC)


def display_name(person) -> str:
    """How a person is shown in conversations: their name, "a member" without
    one, "a former member" once the account is deleted. Never the e-mail address
    (``User.__str__`` falls back to it)."""
    if person is None or person.is_pseudonymised or not person.is_active:
        return str(_("a former member"))
    return person.get_full_name() or str(_("a member"))


class SubqueryCount(Subquery):
    """The number of rows of a subquery (whatever it selects)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def _unread_messages(*, conversation, user, last_read) -> QuerySet[Message]:
    """Messages in ``conversation`` newer than ``last_read`` by anyone but
    ``user`` (expressions, for subqueries)."""
    return (
        Message.objects.filter(conversation=conversation)
        .filter(created_at__gt=Coalesce(last_read, Value(NEVER)))
        .exclude(sender_id=user)
        .values("pk")
    )


def conversations_of(user) -> QuerySet[Participant]:
    """The person's conversations (those they have not left), newest message
    first, as their ``Participant`` rows with ``unread`` (a count) and the
    conversation with its other participants: two queries however many."""
    unread = _unread_messages(
        conversation=OuterRef("conversation_id"),
        user=OuterRef("user_id"),
        last_read=OuterRef("last_read_at"),
    )
    return (
        Participant.objects.filter(user_id=user.pk, left_at__isnull=True)
        .select_related("conversation")
        .annotate(unread=SubqueryCount(unread))
        .prefetch_related(
            Prefetch(
                "conversation__participants",
                queryset=Participant.objects.select_related("user").order_by("pk"),
            )
        )
        .order_by("-conversation__last_message_at", "-conversation_id")
    )


def others_of(participant: Participant) -> list[Participant]:
    """The other people in the participant's conversation (prefetched)."""
    return [
        other
        for other in participant.conversation.participants.all()
        if other.pk != participant.pk
    ]


def header_counts(user) -> tuple[int, int]:
    """The person's unread notices and unread messages, in one query: the
    header shows both on every page."""
    notices = Notification.objects.filter(
        recipient_id=OuterRef("pk"), read_at__isnull=True
    ).values("pk")
    messages = Message.objects.filter(
        Q(conversation__participants__user_id=OuterRef("pk"))
        & Q(conversation__participants__left_at__isnull=True)
        & Q(
            created_at__gt=Coalesce(
                "conversation__participants__last_read_at", Value(NEVER)
            )
        )
    ).exclude(sender_id=OuterRef("pk"))
    row = (
        User.objects.filter(pk=user.pk)
        .values_list(SubqueryCount(notices), SubqueryCount(messages.values("pk")))
        .first()
    )
    return row or (0, 0)


def conversation_for(user, pk: int) -> Participant | None:
    """The person's place in conversation ``pk`` (present, not left) with the
    conversation and everyone in it, or None."""
    return (
        Participant.objects.filter(
            conversation_id=pk, user_id=user.pk, left_at__isnull=True
        )
        .select_related("conversation__page", "conversation__organisation")
        .prefetch_related(
            Prefetch(
                "conversation__participants",
                queryset=Participant.objects.select_related("user").order_by("pk"),
            )
        )
        .first()
    )


def messages_of(conversation: Conversation) -> QuerySet[Message]:
    return Message.objects.filter(conversation=conversation).select_related("sender")
