"""Periodic reminders to participants (beat runs them, see ``events.tasks``): a
week and a day before an event, and to confirm a place. Each key makes a second
run remind nobody twice."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from wagtail.models import Locale

from notifications.outbox import notification_build, notify_many

from .announcements import fan_out, participants
from .models import EventPage, Registration, RegistrationState

# People reminded before an event.
REMINDED_STATES = (RegistrationState.ACCEPTED, RegistrationState.CONFIRMED)


def _upcoming_events(now: datetime, until: datetime):
    return EventPage.objects.live().filter(
        locale=Locale.get_default(),
        cancelled_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=until,
    )


def event_reminders_send(*, now: datetime | None = None) -> int:
    """Reminders 7 days and 1 day before an event, to accepted and confirmed
    participants who did not turn reminders off. The key holds the start date, so
    a moved event is reminded of again and a re-run reminds nobody twice."""
    now = now or timezone.now()
    windows = ((7, now + timedelta(days=1), now + timedelta(days=7)),)
    windows += ((1, now, now + timedelta(days=1)),)
    created = 0
    for days, since, until in windows:
        for event in _upcoming_events(since, until):
            registrations = participants(event, REMINDED_STATES).exclude(
                user__notification_preferences__event_reminders=False
            )
            with transaction.atomic():
                created += fan_out(
                    registrations,
                    kind="event_reminder",
                    key=f"event_reminder:{days}:{event.pk}:{event.starts_at.date()}",
                    context={"days": days},
                )
    return created


def confirm_reminders_send(*, now: datetime | None = None) -> int:
    """Remind accepted people who have not confirmed after
    ``NOTIFICATION_CONFIRM_AFTER_DAYS`` days; once per acceptance."""
    now = now or timezone.now()
    after_days = getattr(settings, "NOTIFICATION_CONFIRM_AFTER_DAYS", 3)
    cutoff = now - timedelta(days=after_days)
    registrations = (
        Registration.objects.filter(
            state=RegistrationState.ACCEPTED,
            event__cancelled_at__isnull=True,
        )
        .filter(Q(event__starts_at__isnull=True) | Q(event__starts_at__gt=now))
        .annotate(
            accepted_log=Max(
                "log__pk", filter=Q(log__to_state=RegistrationState.ACCEPTED)
            ),
            accepted_at=Max(
                "log__created_at", filter=Q(log__to_state=RegistrationState.ACCEPTED)
            ),
        )
        .filter(accepted_at__lte=cutoff)
        .select_related("user")
        .order_by("pk")
    )
    rows = [
        notification_build(
            recipient=registration.user,
            kind="confirm_reminder",
            dedupe_key=f"confirm_reminder:{registration.pk}:{registration.accepted_log}",
            subject_object=registration,
        )
        for registration in registrations
        if registration.user.is_active
    ]
    with transaction.atomic():
        return len(notify_many(rows))
