"""The mails of conversations, registered with the outbox (``core.notices``) by
``ConversationsConfig.ready()``. Templates: ``templates/conversations/mail/``.

``message_received``: a new message in one of the recipient's conversations, with
its text and a link to answer on the platform. ``message_reported``: to the
coordinators, a member reported a message; the message is quoted and attached.
Both read the message when the mail goes out (a deleted account's message is
empty by then) and name people by name only, never by address.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate
from core.links import public_url
from core.notices import (
    MailKind,
    MailRequest,
    TemplateMail,
    register_mail_kinds,
    register_notice_subject,
)

from .models import Message, Report
from .selectors import display_name


def message_context(mail: MailRequest, context: dict) -> dict:
    """The message, who wrote it (by name), the conversation's subject (isolated:
    the templates put both into sentences) and where to answer."""
    message = mail.subject_object
    if message is None:
        raise LookupError("The message is gone.")
    return {
        "message": message,
        "sender_name": isolate(display_name(message.sender)),
        "conversation_subject": isolate(message.conversation.subject),
        "body": message.body,
        "conversation_url": public_url(
            reverse("conversation_detail", args=[message.conversation_id])
        ),
        "conversations_url": public_url(reverse("conversation_list")),
    }


def report_context(mail: MailRequest, context: dict) -> dict:
    """The reported message, its sender and the reporter (by name), the reason,
    and the page where a coordinator may suspend the sender."""
    report = mail.subject_object
    if report is None:
        raise LookupError("The report is gone.")
    message = report.message
    return {
        "report": report,
        "sender_name": isolate(display_name(message.sender)),
        "reporter_name": isolate(display_name(report.reporter)),
        "conversation_subject": isolate(message.conversation.subject),
        "body": message.body,
        "reason": report.reason,
        "suspend_url": public_url(
            reverse("messaging_suspend", args=[message.sender_id])
        )
        if message.sender_id
        else "",
    }


def report_attachments(mail: MailRequest, context: dict) -> list:
    """The reported message as a text file, as it was written."""
    return [("message.txt", context["body"], "text/plain")]


MESSAGE_RECEIVED = MailKind(
    name="message_received",
    label=_("A new message"),
    render=TemplateMail(
        "conversations/mail/message_received", context=(message_context,)
    ),
)
MESSAGE_REPORTED = MailKind(
    name="message_reported",
    label=_("A reported message"),
    render=TemplateMail(
        "conversations/mail/message_reported",
        context=(report_context,),
        attachments=report_attachments,
    ),
)


def _messages():
    return Message.objects.select_related("sender", "conversation")


def _reports():
    return Report.objects.select_related(
        "reporter", "message__sender", "message__conversation"
    )


def register() -> None:
    register_mail_kinds(MESSAGE_RECEIVED, MESSAGE_REPORTED)
    register_notice_subject(Message, queryset=_messages)
    register_notice_subject(Report, queryset=_reports)
