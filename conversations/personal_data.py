"""A person's conversations, for "Download my data" and account deletion (the
community app's hooks)."""

from django.db.models import Q
from django.utils import timezone

from wagtail import hooks

from community.services import PERSONAL_DATA_HOOK, USER_DELETED_HOOK

from .models import Block, Message, MessagingSuspension, Participant, Report


def conversations_personal_data(*, user) -> dict:
    """The ``community_personal_data`` part: every conversation the person took
    part in with its messages (theirs marked as theirs; the other side only as
    "another member"), the people they blocked (by id), their reports and
    suspensions."""
    participations = (
        Participant.objects.filter(user=user)
        .select_related("conversation")
        .order_by("conversation__created_at")
    )
    messages_by_conversation: dict[int, list] = {}
    for message in Message.objects.filter(
        conversation__participants__user=user
    ).order_by("created_at", "pk"):
        messages_by_conversation.setdefault(message.conversation_id, []).append(
            {
                "from": "me" if message.sender_id == user.pk else "another member",
                "text": message.body,
                "sent_at": message.created_at,
            }
        )
    return {
        "conversations": [
            {
                "subject": p.conversation.subject,
                "started_at": p.conversation.created_at,
                "muted": p.muted,
                "left_at": p.left_at,
                "last_read_at": p.last_read_at,
                "messages": messages_by_conversation.get(p.conversation_id, []),
            }
            for p in participations
        ],
        "conversation_blocks": [
            {"blocked_person_id": b.blocked_id, "since": b.created_at}
            for b in Block.objects.filter(blocker=user)
        ],
        "conversation_reports": [
            {"message_id": r.message_id, "reason": r.reason, "at": r.created_at}
            for r in Report.objects.filter(reporter=user)
        ],
        "messaging_suspensions": [
            {"reason": s.reason, "since": s.created_at, "lifted_at": s.lifted_at}
            for s in MessagingSuspension.objects.filter(user=user)
        ],
    }


@hooks.register(PERSONAL_DATA_HOOK)
def _personal_data(*, user):
    return conversations_personal_data(user=user)


@hooks.register(USER_DELETED_HOOK)
def conversations_user_deleted(*, user, former):
    """The person's messages lose their text and their sender (the other side
    reads "a former member"); the person leaves every conversation; their blocks
    and the reasons of their reports go."""
    Message.objects.filter(sender=user).update(body="", sender=None)
    Participant.objects.filter(user=user, left_at__isnull=True).update(
        left_at=timezone.now()
    )
    Participant.objects.filter(user=user).update(user=None)
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    Report.objects.filter(reporter=user).update(reporter=None, reason="")
