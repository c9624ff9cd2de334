"""What an event's participants are told about the event as a whole, through the
outbox: changed dates, venue or link (on every publication), the cancellation,
the documentation, organisers' messages and invitations to apply; and the
organisers' "Send again" for a notice that failed.

Each is a fan-out: one query finds the people, then one outbox row per person,
keyed so that doing the same thing twice tells nobody twice.
"""

import hashlib
import json
import logging
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision

from core.models import previous_live_revision
from notifications.models import Notification
from notifications.outbox import (
    NotificationError,
    notification_build,
    notification_requeue,
    notify_many,
)

from .models import Eligibility, EventInvitation, EventPage, Registration
from .models.registrations import ACTIVE_STATES, RegistrationState
from .permissions import can_manage_event, invited_accounts

logger = logging.getLogger(__name__)

# Fields of an event whose change participants must hear about (their labels in
# the mail: ``events.mails.context.WATCHED_FIELD_LABELS``).
WATCHED_FIELDS = ("starts_at", "ends_at", "venue", "venue_city", "online_link")
# People who hear an event's documentation is out.
ATTENDEE_STATES = (RegistrationState.ATTENDED, RegistrationState.CONFIRMED)


def participants(event: EventPage, states):
    """The event's registrations in ``states`` of active people (nobody else is
    written to), with the people, in a stable order (registrations always belong
    to the original page)."""
    return (
        Registration.objects.filter(
            event=event.canonical, state__in=states, user__is_active=True
        )
        .select_related("user")
        .order_by("pk")
    )


def fan_out(registrations, *, kind: str, key: str, context=None) -> int:
    """One outbox row per registration (``participants``), keyed
    ``<key>:<registration id>``; returns the number of new rows."""
    rows = [
        notification_build(
            recipient=registration.user,
            kind=kind,
            dedupe_key=f"{key}:{registration.pk}",
            subject_object=registration,
            context=context,
        )
        for registration in registrations
    ]
    return len(notify_many(rows))


def _value(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def event_changes_between(before: EventPage, after: EventPage) -> list[dict]:
    """The watched facts that differ, as JSON-ready ``{field, old, new}``."""
    return [
        {"field": name, "old": _value(old), "new": _value(new)}
        for name in WATCHED_FIELDS
        for old, new in [(getattr(before, name), getattr(after, name))]
        if old != new
    ]


@transaction.atomic
def event_changes_notify(*, event: EventPage, changes: list[dict]) -> int:
    """Tell every active participant what changed (date, venue, link); returns
    the number of new notices. The key holds the live revision and the changes,
    so publishing the same revision twice tells nobody twice."""
    if not changes:
        return 0
    event = event.canonical
    digest = hashlib.sha1(  # noqa: S324 - a key, not a secret
        json.dumps(changes, sort_keys=True).encode()
    ).hexdigest()[:12]
    return fan_out(
        participants(event, ACTIVE_STATES),
        kind="event_changed",
        key=f"event_changed:{event.pk}:{event.live_revision_id}:{digest}",
        context={"changes": changes},
    )


@transaction.atomic
def event_cancel(*, event: EventPage, actor, reason: str) -> EventPage:
    """Cancel an event (all its translations) and tell every active participant.
    The page stays online and says it is cancelled."""
    event = event.canonical
    if not can_manage_event(actor, event):
        raise NotificationError(_("You cannot manage this event."))
    reason = (reason or "").strip()
    if not reason:
        raise NotificationError(
            _("Please say why the event is cancelled; participants will read it.")
        )
    locked = EventPage.objects.select_for_update().get(pk=event.pk)
    if locked.cancelled_at is not None:
        raise NotificationError(_("This event has already been cancelled."))
    now = timezone.now()
    # The calendar sequence rises with the status, so calendars take the change.
    EventPage.objects.filter(translation_key=locked.translation_key).update(
        cancelled_at=now,
        cancellation_reason=reason,
        calendar_sequence=F("calendar_sequence") + 1,
        calendar_changed_at=now,
    )
    locked.cancelled_at, locked.cancellation_reason = now, reason
    locked.calendar_sequence += 1
    locked.calendar_changed_at = now
    fan_out(
        participants(locked, ACTIVE_STATES),
        kind="event_cancelled",
        key=f"event_cancelled:{locked.pk}",
        context={"reason": reason},
    )
    logger.info("Event %s cancelled by %s", locked.pk, actor.pk)
    return locked


@transaction.atomic
def event_documentation_notify(*, event: EventPage) -> int:
    """Tell the people who took part that the documentation is online (once per
    person and event, however often the page is published again)."""
    event = event.canonical
    if not event.documentation or not event.is_past or event.is_cancelled:
        return 0
    return fan_out(
        participants(event, ATTENDEE_STATES),
        kind="documentation_published",
        key=f"documentation_published:{event.pk}",
    )


def message_recipients(*, event: EventPage, states) -> int:
    """How many people a message to the participants in ``states`` (all active
    ones when empty) reaches: what ``fan_out`` writes a notice for, counted for the
    organiser's confirmation before anything is queued."""
    return participants(event, states or ACTIVE_STATES).count()


@transaction.atomic
def event_message_participants(
    *,
    event: EventPage,
    actor,
    subject: str,
    body: str,
    states: list[str],
    message_key: str,
) -> int:
    """An organiser's message to the participants of an event in ``states``
    (all active ones when empty), through the outbox. ``message_key`` (from the
    form) makes a form sent twice send once. Returns the number of new notices."""
    event = event.canonical
    if not can_manage_event(actor, event):
        raise NotificationError(_("You cannot manage this event."))
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise NotificationError(_("Please write a subject and a message."))
    unknown = set(states) - set(RegistrationState.values)
    if unknown:
        raise NotificationError(_("Please choose states from the list."))
    return fan_out(
        participants(event, states or ACTIVE_STATES),
        kind="organiser_message",
        key=f"organiser_message:{event.pk}:{message_key[:40]}",
        context={
            "message_subject": subject[:200],
            "message_body": body[:10000],
            "sender": actor.get_full_name() or actor.email,
        },
    )


@transaction.atomic
def event_invitations_notify(
    *, event: EventPage, invitations: list[EventInvitation]
) -> set[int]:
    """Invite the people behind ``invitations`` by e-mail to apply for ``event``:
    one notice per invitation and active account with the invited address
    (``permissions.invited_accounts``, the rule by which they may apply), keyed by
    event, invitation and person, so inviting twice mails once. Returns the ids of
    the invitations that belong to an account; the others get no mail (a notice
    needs a person to go to)."""
    event = event.canonical
    accounts = invited_accounts(invitation.email for invitation in invitations)
    rows, matched = [], set()
    for invitation in invitations:
        for user in accounts.get(invitation.email.strip().lower(), ()):
            matched.add(invitation.pk)
            rows.append(
                notification_build(
                    recipient=user,
                    kind="event_invitation",
                    dedupe_key=(
                        f"event_invitation:{event.pk}:{invitation.pk}:{user.pk}"
                    ),
                    subject_object=event,
                )
            )
    notify_many(rows)
    return matched


def event_published(*, event: EventPage) -> None:
    """After an event page is published: tell participants what changed and,
    the first time documentation appears after the event, the attendees."""
    if event.canonical.pk != event.pk:
        return  # translations share the original's facts and participants
    previous = previous_live_revision(event)
    if previous is not None and event.registrations.exists():
        # Both sides from stored revisions, which keep times to the millisecond
        # (the in-memory live revision of a page being published still has them
        # to the microsecond).
        live = Revision.objects.get(pk=event.live_revision_id)
        before, after = previous.as_object(), live.as_object()
        event_changes_notify(event=event, changes=event_changes_between(before, after))
    if event.documentation:
        event_documentation_notify(event=event)
    if event.eligibility == Eligibility.INVITED and event.takes_applications():
        # Invitations added while the event was a draft (or closed) go out now;
        # their keys make this a no-op for everyone already invited by mail.
        event_invitations_notify(event=event, invitations=list(event.invitations.all()))


@transaction.atomic
def notification_retry(*, notification: Notification, actor) -> Notification:
    """Send a failed notice about an event again (an organiser's "Retry"), from
    a fresh count."""
    event = EventPage.objects.filter(pk=notification.page_id).first()
    if event is None or not can_manage_event(actor, event):
        raise NotificationError(_("You cannot manage the notices of this event."))
    return notification_requeue(notification=notification)
