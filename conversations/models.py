"""Conversations between members, without either side seeing the other's address.

A ``Conversation`` has ``Participant`` rows (who takes part, what they have read,
whether they muted or left it) and ``Message`` rows. It may be *about* something
(a page such as a practice or a project, or an organisation such as a city): that
context is kept as plain foreign keys to ``wagtailcore.Page`` and
``community.Organisation`` so that apps above this one (practices, projects)
link here without this app importing them.

Safety rows: ``Block`` (a person no longer hears from another), ``Report`` (a
message shown to the coordinators) and ``MessagingSuspension`` (a coordinator
stops a person from writing). Every change is logged in ``MessagingLog``.

When an account is deleted, its messages keep their place with an empty text and
no sender, so the other side's history still reads, as from "a former member".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.logs import TransitionLog

# What one message may hold; forms and services both refuse more.
MESSAGE_MAX_LENGTH = 5000
SUBJECT_MAX_LENGTH = 200
REASON_MAX_LENGTH = 2000


class Conversation(models.Model):
    """An exchange of messages between members, started by one of them."""

    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("about the page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The practice, project or other page the conversation is about."),
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        verbose_name=_("about the organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The city or organisation the conversation is about."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    # The time of the newest message: the list of conversations is ordered by it.
    last_message_at = models.DateTimeField(
        _("last message"), default=timezone.now, db_index=True
    )

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class Participant(models.Model):
    """A person in a conversation: what they have read, whether they muted it (no
    mails) or left it (no longer listed, no longer written to)."""

    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    # Empty once the person deleted their account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversation_participations",
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    last_read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    muted = models.BooleanField(
        _("muted"), default=False, help_text=_("No e-mails about new messages.")
    )
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"],
                name="conversations_one_participant_per_person",
            )
        ]
        indexes = [
            models.Index(
                fields=["user"],
                condition=Q(left_at__isnull=True),
                name="conversations_present",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"

    @property
    def is_present(self) -> bool:
        return self.left_at is None and self.user_id is not None


class Message(models.Model):
    """One message. Plain text: shown escaped, links as text (auto-linked with
    ``rel="nofollow ugc noopener"``), never fetched by the server."""

    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    # Empty once the sender deleted their account ("a former member").
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["conversation", "created_at"]),
            # The rate limits count a sender's messages of the last day.
            models.Index(fields=["sender", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.conversation_id} ({self.created_at:%Y-%m-%d})"


class Block(models.Model):
    """``blocker`` no longer hears from ``blocked``: neither may write to the
    other."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("blocked"), default=timezone.now)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["blocker", "blocked"], name="conversations_one_block"
            )
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class MessagingSuspension(models.Model):
    """A coordinator stopped a person from writing messages; open until lifted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="messaging_suspensions",
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("suspended"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("messaging suspension")
        verbose_name_plural = _("messaging suspensions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(lifted_at__isnull=True),
                name="conversations_one_open_suspension",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} suspended {self.created_at:%Y-%m-%d}"


class Report(models.Model):
    """A participant tells the coordinators that a message is abusive."""

    message = models.ForeignKey(
        Message,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "reporter"], name="conversations_one_report"
            )
        ]

    def __str__(self) -> str:
        return f"Report of message {self.message_id}"


class MessagingAction(models.TextChoices):
    STARTED = "started", _("Started a conversation")
    MUTED = "muted", _("Muted")
    UNMUTED = "unmuted", _("Unmuted")
    LEFT = "left", _("Left")
    BLOCKED = "blocked", _("Blocked a person")
    UNBLOCKED = "unblocked", _("Unblocked a person")
    REPORTED = "reported", _("Reported a message")
    HANDLED = "handled", _("Marked a report handled")
    SUSPENDED = "suspended", _("Suspended from messaging")
    LIFTED = "lifted", _("Suspension lifted")


class MessagingLog(TransitionLog):
    """Who did what in conversations, when and why (messages themselves are not
    logged: they are their own record)."""

    action = models.CharField(
        _("action"), max_length=20, choices=MessagingAction.choices
    )
    conversation = models.ForeignKey(
        Conversation,
        verbose_name=_("conversation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.ForeignKey(
        Message,
        verbose_name=_("message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(TransitionLog.Meta):
        verbose_name = _("messaging log entry")
        verbose_name_plural = _("messaging log")

    def __str__(self) -> str:
        return f"{self.action} ({self.created_at:%Y-%m-%d})"
