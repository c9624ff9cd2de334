"""The notification outbox.

A ``Notification`` row is written in the same transaction as the change that causes
it, so a notice exists exactly when the change does. A Celery task sends it later and
marks it; the unique ``dedupe_key`` makes writing the same notice twice impossible,
and the send task's row lock makes sending it twice impossible.

The tables were the events app's (``events_notification``…) until the outbox became
its own app; migration ``0001`` moved them without touching a row.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Notification(models.Model):
    """One e-mail to one person about one thing that happened."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    dedupe_key = models.CharField(
        _("deduplication key"),
        max_length=200,
        unique=True,
        help_text=_("The same key is never sent twice."),
    )
    subject_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject_object = GenericForeignKey("subject_type", "subject_id")
    context = models.JSONField(
        _("details"),
        default=dict,
        blank=True,
        help_text=_("What the mail needs beyond its subject object (JSON)."),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=NotificationState.choices,
        default=NotificationState.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    subject = models.CharField(
        _("e-mail subject"),
        max_length=300,
        blank=True,
        help_text=_("As sent, in the recipient's language."),
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # The column kept its name from when every notice was about an event; an
    # event's id is its page's id.
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page the notice is about"),
        db_column="event_id",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
        help_text=_(
            "The event or other page the notice is about; an event's organisers "
            "see its notices in their outbox."
        ),
    )
    # When the row may be tried next: a transient failure moves it into the future
    # (backoff); the sweep only picks queued rows whose time has long passed.
    next_attempt_at = models.DateTimeField(
        _("next attempt"), default=timezone.now, db_index=True
    )
    # While a worker sends, the row is "sending" until this time; after it the
    # sweep assumes the worker died and queues the row again.
    leased_until = models.DateTimeField(_("sending until"), null=True, blank=True)
    # When the recipient saw the notice on their notifications page; the header
    # counts the ones without it.
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notifications_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id} ({self.state})"

    def set_subject_object(self, obj) -> None:
        self.subject_type = ContentType.objects.get_for_model(obj)
        self.subject_id = obj.pk


class NotificationPreferences(models.Model):
    """What a person wants to hear about beyond the mails about their own
    applications (those are always sent: they are transactional)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    weekly_digest = models.BooleanField(
        _("weekly digest of new events"),
        default=False,
        help_text=_(
            "Once a week, an e-mail listing new events in your themes and regions."
        ),
    )
    clusters = models.ManyToManyField(
        "core.Cluster",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("Leave all unticked to hear about every theme."),
    )
    regions = models.ManyToManyField(
        "community.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="+",
        help_text=_("Leave all unticked to hear about every region."),
    )
    event_reminders = models.BooleanField(
        _("reminders before my events"),
        default=True,
        help_text=_(
            "A week and a day before an event you take part in, with a calendar file."
        ),
    )
    updated_at = models.DateTimeField(_("last change"), auto_now=True)

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: digest={self.weekly_digest}"
