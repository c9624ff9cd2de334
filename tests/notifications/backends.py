"""Mail backends that fail the way SMTP servers do, for the outbox tests."""

import smtplib

from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend


class TransientFailureBackend(BaseEmailBackend):
    """A server that answers "try again later" (421)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPDataError(421, b"Service not available, try again later")


class PermanentFailureBackend(BaseEmailBackend):
    """A server that refuses the recipient for good (550)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused(
            {"x@example.org": (550, b"No such user here")}
        )


class DownBackend(BaseEmailBackend):
    """Nobody listens on the mail port."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class OneRecipientBusyBackend(locmem.EmailBackend):
    """Delivers like the locmem backend, but answers "mailbox busy" (450) for the
    addresses in ``busy``."""

    busy: set[str] = set()

    def send_messages(self, email_messages):
        for message in email_messages:
            refused = set(message.to) & self.busy
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (450, b"Mailbox busy, try later"))
                )
        return super().send_messages(email_messages)
