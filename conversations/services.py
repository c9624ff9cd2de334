"""Every write of conversations: starting one, replying, reading, muting, leaving,
blocking, reporting and suspending.

Functions are keyword-only, run in one transaction, check the rules of
``conversations.permissions`` and raise ``ConversationError`` with a message a
person can read; nothing is half saved. Messages are mailed through the outbox
(``conversations.mails``) in the recipient's language, never to a muted
conversation, and never with the sender's address.

Rate limits (``CONVERSATIONS_MESSAGES_PER_HOUR`` and ``…_PER_DAY``: new
conversations and replies together) are counted in the database after locking the
sender's user row, so that many requests at once accept exactly the limit.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from community.models import Organisation, User
from community.permissions import coordinators_covering
from core import notices
from core.errors import DomainError

from . import permissions
from .models import (
    MESSAGE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    Block,
    Conversation,
    Message,
    MessagingAction,
    MessagingLog,
    MessagingSuspension,
    Participant,
    Report,
)


class ConversationError(DomainError):
    """A messaging request the rules do not allow."""


class NotAllowed(ConversationError):
    """The person lacks the right for this action."""


def limits() -> tuple[int, int]:
    """How many messages (first ones and replies) a person may send per hour and
    per day."""
    return (
        settings.CONVERSATIONS_MESSAGES_PER_HOUR,
        settings.CONVERSATIONS_MESSAGES_PER_DAY,
    )


def _log(action: str, *, actor, reason: str = "", **fields) -> MessagingLog:
    return MessagingLog.record(action=action, actor=actor, reason=reason, **fields)


def _lock_sender(sender) -> User:
    """The sender's row, locked until the transaction ends (the rate limits count
    under this lock), after the rules every message follows."""
    if not getattr(sender, "is_authenticated", False):
        raise NotAllowed(_("Please sign in to write messages."))
    locked = User.objects.select_for_update().get(pk=sender.pk)
    if not locked.is_active or locked.is_pseudonymised:
        raise NotAllowed(_("Your account is not active."))
    if not permissions.has_verified_email(locked):
        raise NotAllowed(
            _("Please confirm your e-mail address before you write messages.")
        )
    if permissions.is_suspended(locked):
        raise NotAllowed(
            _(
                "A coordinator has suspended your messaging. Please write to the "
                "programme office if you think this is a mistake."
            )
        )
    per_hour, per_day = limits()
    now = timezone.now()
    sent = Message.objects.filter(sender=locked, created_at__gt=now - timedelta(days=1))
    if sent.filter(created_at__gt=now - timedelta(hours=1)).count() >= per_hour:
        raise ConversationError(
            _(
                "You have sent %(limit)d messages in the last hour, as many as "
                "anyone may. Please wait a while before you write again."
            )
            % {"limit": per_hour}
        )
    if sent.count() >= per_day:
        raise ConversationError(
            _(
                "You have sent %(limit)d messages in the last 24 hours, as many as "
                "anyone may. Please write again tomorrow."
            )
            % {"limit": per_day}
        )
    return locked


def _check_recipient(sender: User, recipient: User) -> None:
    if recipient.pk == sender.pk:
        raise ConversationError(_("You cannot write to yourself."))
    if permissions.is_account_gone(recipient):
        raise ConversationError(
            _(
                "This person's account no longer exists, so your message cannot "
                "be delivered."
            )
        )
    if permissions.is_blocked_between(sender, recipient):
        raise NotAllowed(_("You cannot write to this person."))


def _add_message(*, conversation: Conversation, sender: User, body: str) -> Message:
    """Save a message, mark it read for its sender and tell the others (a mail
    unless they muted the conversation)."""
    now = timezone.now()
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, created_at=now
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    Participant.objects.filter(conversation=conversation, user=sender).update(
        last_read_at=now
    )
    for participant in (
        Participant.objects.filter(
            conversation=conversation, left_at__isnull=True, muted=False
        )
        .exclude(user=sender)
        .select_related("user")
    ):
        if participant.user is None or permissions.is_account_gone(participant.user):
            continue
        notices.notify(
            recipient=participant.user,
            kind="message_received",
            dedupe_key=f"message_received:{message.pk}:{participant.user_id}",
            subject_object=message,
        )
    return message


def _clean_body(body) -> str:
    return ConversationError.clean_text(
        body, limit=MESSAGE_MAX_LENGTH, label=_("Message"), required=True
    )


@transaction.atomic
def conversation_start(
    *,
    sender,
    recipient: User,
    subject: str,
    body: str,
    page: Page | None = None,
    organisation: Organisation | None = None,
) -> Conversation:
    """Start a conversation with ``recipient`` (about ``page`` or
    ``organisation``) with a first message."""
    subject = ConversationError.clean_text(
        subject, limit=SUBJECT_MAX_LENGTH, label=_("Subject"), required=True
    )
    body = _clean_body(body)
    locked = _lock_sender(sender)
    _check_recipient(locked, recipient)
    if not (
        permissions.is_open_to_everyone(recipient)
        or permissions.have_talked(locked, recipient)
        or permissions.may_start_with_strangers(locked)
    ):
        raise NotAllowed(
            _(
                "Only verified members of the network may write to people they "
                "have not talked to before. Once a coordinator has verified your "
                "affiliation with your city or organisation, you can. Until then "
                "you can write to the programme office and to focal points."
            )
        )
    now = timezone.now()
    conversation = Conversation.objects.create(
        subject=subject,
        page=page,
        organisation=organisation,
        started_by=locked,
        created_at=now,
        last_message_at=now,
    )
    Participant.objects.bulk_create(
        [
            Participant(conversation=conversation, user=locked, joined_at=now),
            Participant(conversation=conversation, user=recipient, joined_at=now),
        ]
    )
    _log(
        MessagingAction.STARTED,
        actor=locked,
        conversation=conversation,
        person=recipient,
    )
    _add_message(conversation=conversation, sender=locked, body=body)
    return conversation


def _participant(conversation: Conversation, user) -> Participant:
    """The person's place in the conversation, locked; refused when they have
    none (or left)."""
    participant = (
        Participant.objects.select_for_update()
        .filter(conversation=conversation, user_id=getattr(user, "pk", None))
        .first()
    )
    if participant is None or participant.left_at is not None:
        raise NotAllowed(_("You are not part of this conversation."))
    return participant


@transaction.atomic
def message_send(*, conversation: Conversation, sender, body: str) -> Message:
    """Reply in a conversation the sender takes part in."""
    body = _clean_body(body)
    locked = _lock_sender(sender)
    _participant(conversation, locked)
    others = list(
        Participant.objects.filter(conversation=conversation)
        .exclude(user=locked)
        .select_related("user")
    )
    present = [p for p in others if p.is_present]
    if not present:
        if any(p.user is None or permissions.is_account_gone(p.user) for p in others):
            raise ConversationError(
                _(
                    "This person's account no longer exists, so your message "
                    "cannot be delivered."
                )
            )
        raise ConversationError(
            _("Everyone else has left this conversation; nobody would read a reply.")
        )
    for participant in present:
        if permissions.is_account_gone(participant.user):
            raise ConversationError(
                _(
                    "This person's account no longer exists, so your message "
                    "cannot be delivered."
                )
            )
        if permissions.is_blocked_between(locked, participant.user):
            raise NotAllowed(_("You cannot write to this person."))
    return _add_message(conversation=conversation, sender=locked, body=body)


@transaction.atomic
def conversation_mark_read(*, conversation: Conversation, user) -> None:
    """Everything in the conversation up to now counts as read by ``user``."""
    participant = _participant(conversation, user)
    participant.last_read_at = timezone.now()
    participant.save(update_fields=["last_read_at"])


@transaction.atomic
def conversation_mute(
    *, conversation: Conversation, user, muted: bool = True
) -> Participant:
    """Stop (or resume) the mails about new messages in the conversation; the
    messages still arrive on the platform."""
    participant = _participant(conversation, user)
    if participant.muted != muted:
        participant.muted = muted
        participant.save(update_fields=["muted"])
        _log(
            MessagingAction.MUTED if muted else MessagingAction.UNMUTED,
            actor=user,
            conversation=conversation,
        )
    return participant


@transaction.atomic
def conversation_leave(*, conversation: Conversation, user) -> Participant:
    """Leave the conversation: it is no longer listed and nobody can write to the
    person in it (a new conversation is possible)."""
    participant = _participant(conversation, user)
    participant.left_at = timezone.now()
    participant.save(update_fields=["left_at"])
    _log(MessagingAction.LEFT, actor=user, conversation=conversation)
    return participant


@transaction.atomic
def person_block(*, blocker, blocked: User, reason: str = "") -> Block:
    """``blocker`` no longer hears from ``blocked`` (and cannot write to them)."""
    if not getattr(blocker, "is_authenticated", False):
        raise NotAllowed(_("Please sign in."))
    if blocker.pk == blocked.pk:
        raise ConversationError(_("You cannot block yourself."))
    reason = ConversationError.clean_text(
        reason, limit=REASON_MAX_LENGTH, label=_("Reason")
    )
    block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    if created:
        _log(MessagingAction.BLOCKED, actor=blocker, person=blocked, reason=reason)
    return block


@transaction.atomic
def person_unblock(*, blocker, blocked: User) -> None:
    if not getattr(blocker, "is_authenticated", False):
        raise NotAllowed(_("Please sign in."))
    deleted, _rows = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    if deleted:
        _log(MessagingAction.UNBLOCKED, actor=blocker, person=blocked)


def report_recipients(*, reporter: User, sender: User | None) -> list[User]:
    """Who hears of a report: the coordinators covering the region or country of
    the reporter's and the sender's organisations; when nobody does, the
    programme office (active superusers)."""
    found: dict[int, User] = {}
    for person in (reporter, sender):
        if person is None:
            continue
        for organisation in permissions.organisations_of(person):
            for coordinator in coordinators_covering(
                region=organisation.region, country=organisation.country
            ):
                found.setdefault(coordinator.pk, coordinator)
    if not found:
        for admin in User.objects.filter(is_superuser=True, is_active=True):
            found.setdefault(admin.pk, admin)
    found.pop(getattr(sender, "pk", None), None)
    return list(found.values())


@transaction.atomic
def message_report(*, message: Message, reporter, reason: str = "") -> Report:
    """Report a message someone else wrote; the coordinators covering the
    reporter's (and the sender's) region get a mail with the message attached."""
    _participant(message.conversation, reporter)
    if message.sender_id == reporter.pk:
        raise ConversationError(_("You cannot report your own message."))
    reason = ConversationError.clean_text(
        reason, limit=REASON_MAX_LENGTH, label=_("Reason")
    )
    try:
        with transaction.atomic():
            report = Report.objects.create(
                message=message, reporter=reporter, reason=reason
            )
    except IntegrityError:
        raise ConversationError(_("You have reported this message already.")) from None
    _log(
        MessagingAction.REPORTED,
        actor=reporter,
        conversation=message.conversation,
        message=message,
        person=message.sender,
        reason=reason,
    )
    for coordinator in report_recipients(reporter=reporter, sender=message.sender):
        notices.notify(
            recipient=coordinator,
            kind="message_reported",
            dedupe_key=f"message_reported:{report.pk}:{coordinator.pk}",
            subject_object=report,
        )
    return report


@transaction.atomic
def messaging_suspend(*, user: User, actor, reason: str) -> MessagingSuspension:
    """Stop ``user`` from writing messages, with a reason that is logged. Only
    coordinators in scope of the person's organisations, or superusers."""
    if not permissions.can_suspend(actor, user):
        raise NotAllowed(_("You may not suspend this person from messaging."))
    reason = ConversationError.clean_text(
        reason, limit=REASON_MAX_LENGTH, label=_("Reason"), required=True
    )
    User.objects.select_for_update().get(pk=user.pk)
    if permissions.is_suspended(user):
        raise ConversationError(_("This person is already suspended from messaging."))
    suspension = MessagingSuspension.objects.create(
        user=user, reason=reason, suspended_by=actor
    )
    _log(MessagingAction.SUSPENDED, actor=actor, person=user, reason=reason)
    return suspension


@transaction.atomic
def messaging_suspension_lift(*, user: User, actor, reason: str = "") -> None:
    """Let ``user`` write messages again (same people as ``messaging_suspend``)."""
    if not permissions.can_suspend(actor, user):
        raise NotAllowed(_("You may not lift this person's suspension."))
    reason = ConversationError.clean_text(
        reason, limit=REASON_MAX_LENGTH, label=_("Reason")
    )
    lifted = MessagingSuspension.objects.filter(
        user=user, lifted_at__isnull=True
    ).update(lifted_at=timezone.now(), lifted_by=actor)
    if not lifted:
        raise ConversationError(_("This person is not suspended from messaging."))
    _log(MessagingAction.LIFTED, actor=actor, person=user, reason=reason)


@transaction.atomic
def report_mark_handled(*, report: Report, actor, note: str = "") -> Report:
    """A coordinator in scope (or the programme office) closes a report, with an
    optional note that is logged."""
    if not permissions.can_handle_report(actor, report):
        raise NotAllowed(_("You may not handle this report."))
    note = ConversationError.clean_text(note, limit=REASON_MAX_LENGTH, label=_("Note"))
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.handled:
        raise ConversationError(_("This report has been handled already."))
    report.handled = True
    report.save(update_fields=["handled"])
    _log(
        MessagingAction.HANDLED,
        actor=actor,
        conversation=report.message.conversation,
        message=report.message,
        person=report.message.sender,
        reason=note,
    )
    return report
