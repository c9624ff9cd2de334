"""The notification outbox: writing notices, sending them once, and the periodic
runs that create them (reminders, digests) or rescue them (the sweep).

How a notice travels, and why it is neither lost nor sent twice:

1. ``notify`` (or ``notify_many`` for a fan-out) writes a ``Notification`` row in
   the caller's transaction. The unique ``dedupe_key`` makes writing the same notice
   twice a no-op, so a service, a hook or a periodic run may safely run again.
2. When the transaction commits, the row ids are published to Celery
   (``notifications_enqueue``). If the broker is unreachable the publish fails fast
   (no retries, short socket timeouts), the web request goes on, and the row simply
   stays ``queued``. A single notice gets its own task; a fan-out (and the sweep)
   publishes one task per batch of up to ``NOTIFICATION_BATCH_SIZE`` rows.
3. ``notification_send`` (the task) *claims* the row under a row lock: only a
   ``queued`` row whose time has come becomes ``sending`` with a lease; a second
   delivery of the same task finds it ``sending`` or ``sent`` and does nothing.
   The mail is sent outside the lock, then the row is marked ``sent``. Transient
   SMTP errors put the row back to ``queued`` with a backoff; permanent ones (and
   running out of attempts) mark it ``failed`` with the reason for the organisers.
   ``notifications_send_batch`` does the same for a batch: it claims its rows in
   one transaction and sends them over one SMTP connection, marking each ``sent``
   as soon as the server accepted it; a failed mail is retried alone.
4. ``notifications_sweep`` (every minute) puts ``sending`` rows whose lease ran out
   (the worker died mid-send) back to ``queued`` and re-publishes ``queued`` rows
   that nobody picked up (Redis was down, a message was lost with a worker).

The one window no outbox can close: a worker that dies after the SMTP server
accepted a mail but before the row is marked ``sent`` leaves a ``sending`` row that
the sweep sends again after the lease. Each mail carries a stable ``Message-ID``
derived from the row, so such a rare duplicate is recognisable downstream.
"""

import contextlib
import hashlib
import json
import logging
import smtplib
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, models, transaction
from django.db.models import F, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, PageLogEntry, Revision

from core.errors import DomainError
from core.links import page_public_url, public_base_url, public_url
from core.mail import render_subject, render_text

from .event_page import event_moment
from .models import (
    Eligibility,
    EventInvitation,
    EventPage,
    Notification,
    NotificationPreferences,
    NotificationState,
    Registration,
    RegistrationState,
)
from .models.registrations import ACTIVE_STATES

logger = logging.getLogger(__name__)

# What each kind of notice is, for the in-app list and the organisers' outbox.
KIND_LABELS = {
    "event_invitation": _("Invitation to apply"),
    "application_received": _("Application received"),
    "registration_accepted": _("Accepted"),
    "registration_waitlisted": _("On the waitlist"),
    "registration_promoted": _("Promoted from the waitlist"),
    "registration_offered": _("Offered a place"),
    "registration_declined": _("Application declined"),
    "registration_confirmed": _("Participation confirmed"),
    "registration_withdrawn": _("Application withdrawn"),
    "confirm_reminder": _("Reminder to confirm"),
    "event_reminder": _("Event reminder"),
    "event_changed": _("Event changed"),
    "event_cancelled": _("Event cancelled"),
    "documentation_published": _("Documentation published"),
    "weekly_digest": _("Weekly digest"),
    "organiser_message": _("Message from the organisers"),
    # Peer exchanges (events.exchange_services): a case reaching a state is
    # "exchange_<state>", the other notices name what happened.
    "exchange_submitted": _("Peer exchange: request submitted"),
    "exchange_eligibility_review": _("Peer exchange: eligibility review"),
    "exchange_needs_revision": _("Peer exchange: revision needed"),
    "exchange_resubmitted": _("Peer exchange: request resubmitted"),
    "exchange_not_eligible": _("Peer exchange: not eligible"),
    "exchange_accepted": _("Peer exchange: request accepted"),
    "exchange_framing": _("Peer exchange: framing"),
    "exchange_matching": _("Peer exchange: matching peers"),
    "exchange_peers_confirmed": _("Peer exchange: peers confirmed"),
    "exchange_agreement": _("Peer exchange: agreement"),
    "exchange_missions": _("Peer exchange: missions"),
    "exchange_report": _("Peer exchange: report"),
    "exchange_follow_up": _("Peer exchange: follow-up"),
    "exchange_closed": _("Peer exchange: closed"),
    "exchange_withdrawn": _("Peer exchange: request withdrawn"),
    "exchange_cancelled": _("Peer exchange: cancelled"),
    "exchange_invitation": _("Peer exchange: invitation to be a peer"),
    "exchange_opted_in": _("Peer exchange: a peer opted in"),
    "exchange_declined": _("Peer exchange: a peer declined"),
    "exchange_volunteered": _("Peer exchange: a member volunteered"),
    "exchange_mission_scheduled": _("Peer exchange: mission scheduled"),
    "exchange_checkpoint": _("Peer exchange: follow-up checkpoint recorded"),
}

# Fields of an event whose change participants must hear about.
WATCHED_FIELDS = ("starts_at", "ends_at", "venue", "venue_city", "online_link")
WATCHED_FIELD_LABELS = {
    "starts_at": _("Start"),
    "ends_at": _("End"),
    "venue": _("Venue"),
    "venue_city": _("City"),
    "online_link": _("Online link"),
}

# People who hear an event's documentation is out.
ATTENDEE_STATES = (RegistrationState.ATTENDED, RegistrationState.CONFIRMED)
# People reminded before an event.
REMINDED_STATES = (RegistrationState.ACCEPTED, RegistrationState.CONFIRMED)
# Only they may see the online link (the page shows it to them alone, too).
LINK_STATES = (RegistrationState.CONFIRMED, RegistrationState.ATTENDED)
BATCH = 1000


class NotificationError(DomainError):
    """A notification action that cannot be done; ``message`` says why."""


def _setting(name: str, default):
    return getattr(settings, name, default)


# --- Writing to the outbox -----------------------------------------------------------


def _event_of(subject_object) -> int | None:
    if isinstance(subject_object, EventPage):
        return subject_object.pk
    return getattr(subject_object, "event_id", None)


def _build(*, recipient, kind, dedupe_key, subject_object=None, context=None):
    notification = Notification(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key[:200],
        context=context or {},
        language=getattr(recipient, "preferred_language", "") or "",
        event_id=_event_of(subject_object),
    )
    if subject_object is not None:
        notification.set_subject_object(subject_object)
    return notification


def notify(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    subject_object=None,
    context: dict | None = None,
) -> Notification | None:
    """Put a notice in the outbox, in the caller's transaction.

    Returns the new row, or ``None`` when a notice with this ``dedupe_key`` exists
    already (so calling it twice for the same change sends one mail). ``context``
    must be JSON-serialisable: it is stored with the row.
    """
    notification = _build(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key,
        subject_object=subject_object,
        context=context,
    )
    if Notification.objects.filter(dedupe_key=notification.dedupe_key).exists():
        return None
    try:
        # A savepoint: a concurrent writer of the same key wins, the caller's
        # transaction goes on.
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return None
    transaction.on_commit(lambda: notification_enqueue(notification.pk))
    return notification


def notify_many(notifications: list[Notification]) -> list[int]:
    """Write many unsaved notices (built with ``_build``) in batches: one query
    finds the keys that exist, one inserts the rest. Enqueues them all in one go
    after the commit and returns the new ids."""
    ids: list[int] = []
    for start in range(0, len(notifications), BATCH):
        batch = notifications[start : start + BATCH]
        keys = [n.dedupe_key for n in batch]
        existing = set(
            Notification.objects.filter(dedupe_key__in=keys).values_list(
                "dedupe_key", flat=True
            )
        )
        fresh = [n for n in batch if n.dedupe_key not in existing]
        if not fresh:
            continue
        Notification.objects.bulk_create(fresh, ignore_conflicts=True)
        ids += Notification.objects.filter(
            dedupe_key__in=[n.dedupe_key for n in fresh],
            state=NotificationState.QUEUED,
        ).values_list("pk", flat=True)
    if ids:
        transaction.on_commit(lambda: notifications_enqueue(ids))
    return ids


# --- Handing notices to the workers --------------------------------------------------

# After a failed publish this process does not try again for a while: the rows stay
# queued for the sweep, and later requests do not each wait for a dead broker.
_broker_down_until = 0.0
_broker_lock = threading.Lock()


def _chunks(ids: list[int]) -> list[list[int]]:
    """Split a fan-out into send batches: at most ``NOTIFICATION_BATCH_SIZE`` rows,
    and small fan-outs into about ``NOTIFICATION_BATCH_SPREAD`` batches, so every
    pool process gets a share."""
    size = max(
        1,
        min(
            _setting("NOTIFICATION_BATCH_SIZE", 50),
            -(-len(ids) // _setting("NOTIFICATION_BATCH_SPREAD", 8)),
        ),
    )
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _publish(chunk: list[int], *, producer=None, **options) -> None:
    """One task for ``chunk``: the per-row task for a single notice, the batch
    task for more."""
    from .tasks import notification_send_task, notifications_send_batch_task

    if producer is not None:
        options.update(producer=producer, retry=False)
    if len(chunk) == 1:
        notification_send_task.apply_async((chunk[0],), **options)
    else:
        notifications_send_batch_task.apply_async((chunk,), **options)


def notifications_enqueue(ids: list[int], *, force: bool = False) -> int:
    """Publish send tasks for ``ids`` over one broker connection, one task per
    batch of rows (``_chunks``); returns how many rows were published. Stops at
    the first broker error (the rest stay queued for the sweep). ``force`` ignores
    the pause after a recent failure (the sweep)."""
    global _broker_down_until
    from .tasks import notification_send_task

    if not ids:
        return 0
    if not force and time.monotonic() < _broker_down_until:
        return 0
    app = notification_send_task.app
    published = 0
    try:
        if app.conf.task_always_eager:
            for chunk in _chunks(list(ids)):
                _publish(chunk)
                published += len(chunk)
            return published
        with app.producer_or_acquire() as producer:
            for chunk in _chunks(list(ids)):
                _publish(chunk, producer=producer)
                published += len(chunk)
    except Exception:  # noqa: BLE001 - any broker failure; the sweep retries
        with _broker_lock:
            _broker_down_until = time.monotonic() + _setting(
                "NOTIFICATION_BROKER_PAUSE", 10
            )
        logger.warning(
            "Could not enqueue %s notifications; the sweep will",
            len(ids) - published,
            exc_info=True,
        )
    return published


def notification_enqueue(notification_id: int) -> None:
    """Hand one notice to the workers (see ``notifications_enqueue``)."""
    notifications_enqueue([notification_id])


# --- Rendering -----------------------------------------------------------------------


@dataclass
class RenderedMail:
    subject: str
    text: str
    html: str
    attachments: list[tuple[str, str, str]] = field(default_factory=list)


def _local_event(event: EventPage, language: str) -> EventPage:
    """The event page in ``language`` when it is published, else the original."""
    if event.locale.language_code == language:
        return event
    translation_ = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .first()
    )
    return translation_ or event


def event_when(event: EventPage) -> str:
    """The event's dates in its own time zone, in the active language."""
    start, end = event.local_start(), event.local_end()
    if start is None:
        return str(_("Date to be announced"))
    if event.month_only:
        return formats.date_format(start, "YEAR_MONTH_FORMAT")
    text = formats.date_format(start, "DATETIME_FORMAT")
    if end:
        same_day = end.date() == start.date()
        text += " – " + formats.date_format(
            end, "TIME_FORMAT" if same_day else "DATETIME_FORMAT"
        )
    return f"{text} ({event.time_zone})"


def _application_window(event: EventPage) -> dict[str, str]:
    """When applications open (only if still ahead) and close (if ever), in the
    event's time zone and the active language; empty strings for neither."""
    now = timezone.now()
    opens, closes = event.applications_open, event.applications_close
    return {
        "applications_open": event_moment(event, opens)
        if opens and opens > now
        else "",
        "applications_close": event_moment(event, closes) if closes else "",
    }


def _display(event: EventPage, field_name: str, value: str) -> str:
    if not value:
        return str(_("(none)"))
    if field_name in ("starts_at", "ends_at"):
        moment = parse_datetime(value)
        if moment is None:
            return value
        return formats.date_format(moment.astimezone(event.tz), "DATETIME_FORMAT")
    return value


def _describe_changes(event, changes, may_see_link: bool) -> list[dict]:
    described = []
    for change in changes:
        name = change["field"]
        hidden = name == "online_link" and not may_see_link
        described.append(
            {
                "field": name,
                "label": str(WATCHED_FIELD_LABELS.get(name, name)),
                "old": "" if hidden else _display(event, name, change["old"]),
                "new": "" if hidden else _display(event, name, change["new"]),
                "hidden": hidden,
            }
        )
    return described


def _absolute(path: str) -> str:
    return public_url(path)


def _ics(event: EventPage, url: str, *, include_online_link: bool) -> str:
    from .ical import calendar, calendar_lines

    link = event.online_link if include_online_link and event.is_online else ""
    return calendar([calendar_lines(event, url=url, online_link=link)])


# What mails read of a registration and its event (``.only``: the page row is wide).
SUBJECT_FIELDS = (
    "state",
    "user_id",
    "event_id",
    *(
        f"event__{name}"
        for name in (
            "title",
            "teaser",
            "slug",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "locale",
            "live",
            "last_published_at",
            "cancelled_at",
            "cancellation_reason",
            "calendar_sequence",
            "calendar_changed_at",
            "starts_at",
            "ends_at",
            "time_zone",
            "month_only",
            "attendance_mode",
            "venue",
            "venue_city",
            "country",
            "online_link",
            "content_type",
        )
    ),
    "event__locale__language_code",
)


def _subject_object(notification: Notification):
    """The row's subject; a registration comes with its event and the event's
    locale in one query (most notices are about one)."""
    registration_type = ContentType.objects.get_for_model(Registration)
    if notification.subject_type_id == registration_type.pk:
        return (
            Registration.objects.select_related("event__locale")
            .only(*SUBJECT_FIELDS)
            .filter(pk=notification.subject_id)
            .first()
        )
    return notification.subject_object


def _subject_objects(notifications: list[Notification]) -> dict[int, object]:
    """The subjects of many rows by row id: their registrations (with event and
    locale) in one query, anything else one by one."""
    registration_type = ContentType.objects.get_for_model(Registration)
    registration_ids = {
        n.subject_id for n in notifications if n.subject_type_id == registration_type.pk
    }
    registrations = Registration.objects.select_related("event__locale").only(
        *SUBJECT_FIELDS
    )
    by_id = registrations.in_bulk(registration_ids) if registration_ids else {}
    return {
        n.pk: by_id.get(n.subject_id)
        if n.subject_type_id == registration_type.pk
        else n.subject_object
        for n in notifications
    }


_url_cache: dict[tuple[str, str], dict] = {}


def _account_urls(language: str) -> dict:
    """The person's notification pages in ``language`` (the URLs never change
    while the process runs; reversing them costs more than rendering a mail).
    Keyed by the public address too, so a changed setting is never served stale."""
    key = (language, public_base_url())
    if key not in _url_cache:
        _url_cache[key] = {
            "preferences_url": _absolute(reverse("notification_preferences")),
            "notifications_url": _absolute(reverse("notification_list")),
        }
    return _url_cache[key]


# A fan-out sends thousands of mails about one event: its page in each language,
# its URL and dates are looked up once a minute per process, and again at once
# when the event is published or cancelled.
_event_cache: dict[tuple, tuple[float, dict]] = {}
EVENT_CACHE_SECONDS = 60


def _event_context(event: EventPage, language: str) -> dict:
    key = (
        event.pk,
        event.last_published_at,
        event.cancelled_at,
        language,
        public_base_url(),
    )
    cached = _event_cache.get(key)
    if cached is None or cached[0] < time.monotonic():
        if len(_event_cache) > 500:
            _event_cache.clear()
        local = _local_event(event, language)
        values = {
            "event": local,
            "event_url": page_public_url(local) or public_base_url(),
            "event_when": event_when(event),
        }
        cached = (time.monotonic() + EVENT_CACHE_SECONDS, values)
        _event_cache[key] = cached
    return cached[1]


_UNSET = object()


def render_notification(
    notification: Notification, *, subject_object=_UNSET, recipient=None
) -> RenderedMail:
    """Subject, text and HTML body (and attachments) of a notice, in the
    recipient's language. A batch passes the ``subject_object`` it loaded for
    all its rows at once (and ``SharedRenderer`` a stand-in ``recipient``)."""
    recipient = recipient or notification.recipient
    language = notification.language or recipient.preferred_language
    if subject_object is _UNSET:
        subject_object = _subject_object(notification)
    registration = subject_object if isinstance(subject_object, Registration) else None
    event = (
        subject_object
        if isinstance(subject_object, EventPage)
        else getattr(registration, "event", None)
    )
    context = {
        "recipient": recipient,
        "object": subject_object,
        "registration": registration,
        "site_url": public_base_url(),
        **notification.context,
    }
    attachments = []
    with translation.override(language):
        context.update(_account_urls(language))
        if event is not None:
            context.update(_event_context(event, language))
            may_see_link = (
                registration is not None and registration.state in LINK_STATES
            )
            context["may_see_link"] = may_see_link and event.is_online
            if "changes" in notification.context:
                context["changes"] = _describe_changes(
                    event, notification.context["changes"], may_see_link
                )
            if notification.kind == "event_reminder":
                attachments.append(
                    (
                        "event.ics",
                        _ics(
                            event,
                            context["event_url"],
                            include_online_link=may_see_link,
                        ),
                        "text/calendar",
                    )
                )
        if notification.kind == "event_invitation" and event is not None:
            context.update(_application_window(event))
        if "expires" in notification.context:
            expires = parse_datetime(notification.context["expires"] or "")
            if expires and event is not None:
                context["expires"] = event_moment(event, expires)
            else:
                context["expires"] = (
                    formats.date_format(expires, "DATETIME_FORMAT") if expires else ""
                )
        if notification.kind == "weekly_digest":
            context["events"] = _digest_entries(
                notification.context.get("event_ids", []), language
            )
        # Subject and text are plain text (no HTML escaping), the HTML part is
        # escaped once: see ``core.mail``.
        prefix = f"events/mail/{notification.kind}"
        subject = render_subject(f"{prefix}_subject.txt", context)
        text = render_text(f"{prefix}.txt", context)
        html = render_to_string(f"{prefix}.html", context)
    return RenderedMail(subject[:250], text, html, attachments)


# Kinds whose mails to the people of one fan-out differ only in the greeting (their
# templates use the recipient for nothing else; a test renders each both ways).
SHARED_KINDS = frozenset(
    {
        "event_changed",
        "event_cancelled",
        "documentation_published",
        "event_reminder",
        "organiser_message",
    }
)
# Stands for the recipient's name: letters and digits only, so escaping and
# translation leave it as it is.
_NAME_MARK = "Zq7RecipientName3Xv"


@dataclass
class _MarkedRecipient:
    """Who a shared mail is rendered for: a name to be replaced afterwards."""

    preferred_language: str
    email: str = _NAME_MARK

    def get_full_name(self) -> str:
        return _NAME_MARK


class SharedRenderer:
    """Renders a batch's mails: for ``SHARED_KINDS``, once per language, event,
    details and whether the person may see the online link, with the name filled
    in per person; other kinds one by one (``render_notification``)."""

    def __init__(self):
        self._rendered: dict[tuple, RenderedMail] = {}

    def __call__(self, notification: Notification, *, subject_object=_UNSET):
        if notification.kind not in SHARED_KINDS or not isinstance(
            subject_object, Registration
        ):
            return render_notification(notification, subject_object=subject_object)
        recipient = notification.recipient
        language = notification.language or recipient.preferred_language
        event = subject_object.event
        key = (
            notification.kind,
            language,
            event.pk,
            event.last_published_at,
            event.cancelled_at,
            subject_object.state in LINK_STATES,
            json.dumps(notification.context, sort_keys=True, default=str),
        )
        shared = self._rendered.get(key)
        if shared is None:
            shared = render_notification(
                notification,
                subject_object=subject_object,
                recipient=_MarkedRecipient(preferred_language=language),
            )
            self._rendered[key] = shared
        name = recipient.get_full_name() or recipient.email
        return RenderedMail(
            shared.subject.replace(_NAME_MARK, name),
            shared.text.replace(_NAME_MARK, name),
            shared.html.replace(_NAME_MARK, escape(name)),
            list(shared.attachments),
        )


def notifications_warm_up() -> None:
    """Load the URL patterns, the mail templates and the catalogues of every
    language (a worker calls this before forking its pool processes). Touches
    no database."""
    from django.template.loader import get_template

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            _account_urls(language)
    for kind in KIND_LABELS:
        for suffix in ("_subject.txt", ".txt", ".html"):
            with contextlib.suppress(Exception):  # a kind without a template
                get_template(f"events/mail/{kind}{suffix}")


def _digest_entries(event_ids: list[int], language: str) -> list[dict]:
    events = EventPage.objects.live().filter(pk__in=event_ids).order_by("starts_at")
    return [
        {
            "title": local.title,
            "teaser": local.teaser,
            "url": page_public_url(local),
            "when": event_when(event),
            "city": event.venue_city,
        }
        for event in events
        for local in [_local_event(event, language)]
    ]


# --- Sending ------------------------------------------------------------------------


@dataclass
class SendOutcome:
    """What one send attempt did: ``sent``, ``skipped`` (nothing to do: already
    sent, failed, being sent or not due yet), ``retry`` (transient failure, try
    again in ``retry_in`` seconds) or ``failed``."""

    result: str
    retry_in: int | None = None
    error: str = ""
    # The server went away (refused, timed out, disconnected) rather than
    # answering for this one mail: the rest of a batch waits as well.
    connection_lost: bool = False


_mail_connection = None


def _close_mail_connection() -> None:
    global _mail_connection
    if _mail_connection is not None:
        with contextlib.suppress(Exception):  # closing a broken connection
            _mail_connection.close()
    _mail_connection = None


def _deliver(message: EmailMultiAlternatives) -> int:
    """Send over one connection kept open per worker process (a new SMTP session
    per mail costs more than rendering it). A connection the server closed while
    idle is replaced once."""
    global _mail_connection
    for attempt in (1, 2):
        reused = _mail_connection is not None
        if _mail_connection is None:
            _mail_connection = get_connection(fail_silently=False)
            _mail_connection.open()
        try:
            return _mail_connection.send_messages([message])
        except smtplib.SMTPServerDisconnected:
            _close_mail_connection()
            if not reused or attempt == 2:
                raise
        except Exception:
            _close_mail_connection()
            raise
    return 0  # pragma: no cover - the loop always returns or raises


def is_transient(error: Exception) -> bool:
    """Whether trying again later may help: 4xx replies, a server that is down,
    disconnects and timeouts. 5xx replies are permanent."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, smtplib.SMTPServerDisconnected | OSError)


def _connection_lost(error: Exception) -> bool:
    """Whether the server went away (refused, timed out, hung up) rather than
    answered about this one mail."""
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def _message_id(notification: Notification) -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    digest = hashlib.sha1(notification.dedupe_key.encode()).hexdigest()[:12]  # noqa: S324
    return f"<notification.{notification.pk}.{digest}@{domain or 'localhost'}>"


def _claim(notification_id: int, now: datetime) -> Notification | None:
    """Turn a due ``queued`` row into ``sending`` with a lease, in one UPDATE.

    The UPDATE takes the row lock; a concurrent claim of the same row waits for
    it, then re-reads the row, finds it ``sending`` and claims nothing. Only the
    winner loads the row and sends."""
    claimed = Notification.objects.filter(
        pk=notification_id,
        state=NotificationState.QUEUED,
        next_attempt_at__lte=now + timedelta(seconds=1),
    ).update(
        state=NotificationState.SENDING,
        attempts=F("attempts") + 1,
        leased_until=now
        + timedelta(seconds=_setting("NOTIFICATION_SENDING_LEASE", 300)),
    )
    if not claimed:
        return None  # sent, failed, being sent, or a retry is due later
    return Notification.objects.select_related("recipient").get(pk=notification_id)


def _finish(notification: Notification, **values) -> None:
    """Write the outcome, but only while the row is still ours."""
    Notification.objects.filter(
        pk=notification.pk, state=NotificationState.SENDING
    ).update(leased_until=None, **values)


def notification_send(*, notification_id: int) -> SendOutcome:
    """Send one notice at most once (see the module docstring)."""
    now = timezone.now()
    notification = _claim(notification_id, now)
    if notification is None:
        return SendOutcome("skipped")
    return _send_claimed(notification)


def _send_claimed(
    notification: Notification, *, subject_object=_UNSET, renderer=None
) -> SendOutcome:
    """Render and send a row this process claimed, and write the outcome on it.
    A batch passes its ``renderer`` (``SharedRenderer``)."""
    recipient = notification.recipient
    if not recipient.is_active or not recipient.email:
        reason = "The recipient has no active account or no e-mail address."
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        return SendOutcome("failed", error=reason)
    try:
        mail = (renderer or render_notification)(
            notification, subject_object=subject_object
        )
        message = EmailMultiAlternatives(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{mail.subject}",
            body=mail.text,
            to=[recipient.email],
            headers={
                "Message-ID": _message_id(notification),
                "X-Notification-Id": str(notification.pk),
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(mail.html, "text/html")
        for name, content, mimetype in mail.attachments:
            message.attach(name, content, mimetype)
    except Exception as error:  # noqa: BLE001 - a broken template is permanent
        logger.exception("Could not render notification %s", notification.pk)
        reason = f"Could not write the e-mail: {error}"
        _finish(notification, state=NotificationState.FAILED, last_error=reason[:2000])
        return SendOutcome("failed", error=reason)
    try:
        sent = _deliver(message)
    except Exception as error:  # noqa: BLE001 - classified below
        reason = f"{type(error).__name__}: {error}"[:2000]
        max_attempts = _setting("NOTIFICATION_MAX_ATTEMPTS", 8)
        if is_transient(error) and notification.attempts < max_attempts:
            delay = min(
                _setting("NOTIFICATION_RETRY_BACKOFF", 60)
                * 2 ** (notification.attempts - 1),
                _setting("NOTIFICATION_RETRY_BACKOFF_MAX", 3600),
            )
            _finish(
                notification,
                state=NotificationState.QUEUED,
                last_error=reason,
                next_attempt_at=timezone.now() + timedelta(seconds=delay),
            )
            logger.info(
                "Notification %s: %s; retry in %ss", notification.pk, reason, delay
            )
            return SendOutcome(
                "retry",
                retry_in=delay,
                error=reason,
                connection_lost=_connection_lost(error),
            )
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        logger.warning("Notification %s failed: %s", notification.pk, reason)
        return SendOutcome("failed", error=reason)
    if not sent:
        reason = "The mail server took no recipient."
        _finish(notification, state=NotificationState.FAILED, last_error=reason)
        return SendOutcome("failed", error=reason)
    _finish(
        notification,
        state=NotificationState.SENT,
        sent_at=timezone.now(),
        subject=mail.subject[:300],
        language=translation.get_supported_language_variant(
            notification.language or recipient.preferred_language
        ),
        last_error="",
    )
    return SendOutcome("sent")


@dataclass
class BatchOutcome:
    """What one batch did: how many rows were ``sent``, ``skipped`` (another
    worker has or had them), ``failed`` and put back for a ``retry``; ``retries``
    maps a delay in seconds to the rows to send again after it."""

    sent: int = 0
    skipped: int = 0
    failed: int = 0
    retry: int = 0
    retries: dict[int, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "sent": self.sent,
            "skipped": self.skipped,
            "failed": self.failed,
            "retry": self.retry,
        }


def _claim_many(notification_ids: list[int], now: datetime) -> list[int]:
    """``_claim`` for many rows: the due ``queued`` ones among them become
    ``sending`` with one lease, in one transaction. Rows are locked in id order
    (no deadlock between two batches); a concurrent claimer of the same rows
    waits, then re-reads them, finds them ``sending`` and claims nothing."""
    with transaction.atomic():
        claimed = list(
            Notification.objects.select_for_update()
            .filter(
                pk__in=notification_ids,
                state=NotificationState.QUEUED,
                next_attempt_at__lte=now + timedelta(seconds=1),
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if claimed:
            Notification.objects.filter(pk__in=claimed).update(
                state=NotificationState.SENDING,
                attempts=F("attempts") + 1,
                leased_until=now
                + timedelta(seconds=_setting("NOTIFICATION_SENDING_LEASE", 300)),
            )
    return claimed


def _release(notification_ids: list[int], *, delay: int, reason: str) -> None:
    """Give claimed rows that were not tried back to the queue, due after
    ``delay`` seconds, without counting an attempt."""
    Notification.objects.filter(
        pk__in=notification_ids, state=NotificationState.SENDING
    ).update(
        state=NotificationState.QUEUED,
        leased_until=None,
        attempts=F("attempts") - 1,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        last_error=reason,
    )


def notifications_send_batch(*, notification_ids: list[int]) -> BatchOutcome:
    """Send many notices, each at most once, over the process's one SMTP
    connection: the fan-outs' path (``notification_send`` is the one-row path).

    The due rows are claimed in one transaction, loaded with their recipients
    and subjects in three queries, then sent one after the other; each row is
    marked right after the server accepted its mail, so a worker that dies
    mid-batch leaves at most the mail in flight to be sent again (the others it
    claimed stay ``sending`` until the sweep queues them after the lease). A mail
    that fails is retried or failed alone. If the server goes away, the rows not
    tried yet wait with it; if the batch runs into half its lease, the rest goes
    back to the queue and is published again, so no row is sent past its lease."""
    outcome = BatchOutcome()
    started = time.monotonic()
    deadline = started + _setting("NOTIFICATION_SENDING_LEASE", 300) / 2
    claimed = _claim_many(list(notification_ids), timezone.now())
    outcome.skipped = len(set(notification_ids)) - len(claimed)
    if not claimed:
        return outcome
    rows = list(
        Notification.objects.select_related("recipient")
        .filter(pk__in=claimed)
        .order_by("pk")
    )
    subjects = _subject_objects(rows)
    renderer = SharedRenderer()
    for index, notification in enumerate(rows):
        if time.monotonic() > deadline:
            rest = [n.pk for n in rows[index:]]
            _release(rest, delay=0, reason="")
            outcome.retries.setdefault(0, []).extend(rest)
            outcome.retry += len(rest)
            logger.warning("Batch ran out of time; %s notices queued again", len(rest))
            break
        result = _send_claimed(
            notification, subject_object=subjects[notification.pk], renderer=renderer
        )
        if result.result == "sent":
            outcome.sent += 1
        elif result.result == "failed":
            outcome.failed += 1
        else:
            outcome.retry += 1
            outcome.retries.setdefault(result.retry_in, []).append(notification.pk)
            if result.connection_lost:
                rest = [n.pk for n in rows[index + 1 :]]
                _release(rest, delay=result.retry_in, reason=result.error)
                outcome.retries[result.retry_in].extend(rest)
                outcome.retry += len(rest)
                break
    return outcome


def notifications_retry_later(retries: dict[int, list[int]]) -> None:
    """Publish the batches a send put back, each after its delay. A publish that
    fails leaves the rows queued for the sweep."""
    from .tasks import notification_send_task

    app = notification_send_task.app
    if not retries or app.conf.task_always_eager:
        return  # in-process: the sweep (or the test) sends them again
    try:
        with app.producer_or_acquire() as producer:
            for delay, ids in retries.items():
                for chunk in _chunks(ids):
                    _publish(chunk, producer=producer, countdown=delay)
    except Exception:  # noqa: BLE001 - any broker failure; the sweep retries
        logger.warning(
            "Could not publish notice retries; the sweep will", exc_info=True
        )


@dataclass
class SweepResult:
    leases_expired: int
    enqueued: int


def notifications_sweep(*, now: datetime | None = None) -> SweepResult:
    """Rescue notices nobody is working on: ``sending`` rows whose lease ran out
    go back to ``queued``; ``queued`` rows due for longer than the grace period
    (their task was never published or got lost) are published again. Their
    ``next_attempt_at`` moves to ``now`` so the next run leaves them alone while
    they wait in the queue. ``now`` may be given to act as at another time."""
    now = now or timezone.now()
    expired = Notification.objects.filter(
        state=NotificationState.SENDING, leased_until__lt=now
    ).update(
        state=NotificationState.QUEUED,
        leased_until=None,
        next_attempt_at=now - timedelta(days=1),
        last_error="The worker stopped while sending; sending again.",
    )
    grace = timedelta(seconds=_setting("NOTIFICATION_SWEEP_GRACE", 120))
    with transaction.atomic():
        ids = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(state=NotificationState.QUEUED, next_attempt_at__lte=now - grace)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[: _setting("NOTIFICATION_SWEEP_LIMIT", 5000)]
        )
        # Due at once (``now`` may be ahead of the clock), and left alone by the
        # next runs for a grace period while the tasks wait in the queue.
        Notification.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
    enqueued = 0
    if ids:
        enqueued = notifications_enqueue(ids, force=True)
    return SweepResult(leases_expired=expired, enqueued=enqueued)


@transaction.atomic
def notification_retry(*, notification: Notification, actor) -> Notification:
    """Send a failed notice again (an organiser's "Retry"), from a fresh count."""
    from .permissions import can_manage_event

    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.event is None or not can_manage_event(actor, locked.event):
        raise NotificationError(_("You cannot manage the notices of this event."))
    if locked.state != NotificationState.FAILED:
        raise NotificationError(_("Only a failed notice can be sent again."))
    locked.state = NotificationState.QUEUED
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.save(update_fields=["state", "attempts", "next_attempt_at"])
    transaction.on_commit(lambda: notification_enqueue(locked.pk))
    return locked


# --- Event-wide notices --------------------------------------------------------------


def _registrations(event: EventPage, states):
    return (
        Registration.objects.filter(event=event.canonical, state__in=states)
        .select_related("user")
        .order_by("pk")
    )


def _fan_out(registrations, *, kind: str, key: str, context=None) -> int:
    """One outbox row per registration, keyed ``<key>:<registration id>``."""
    rows = [
        _build(
            recipient=registration.user,
            kind=kind,
            dedupe_key=f"{key}:{registration.pk}",
            subject_object=registration,
            context=context,
        )
        for registration in registrations
        if registration.user.is_active
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
    return _fan_out(
        _registrations(event, ACTIVE_STATES),
        kind="event_changed",
        key=f"event_changed:{event.pk}:{event.live_revision_id}:{digest}",
        context={"changes": changes},
    )


@transaction.atomic
def event_cancel(*, event: EventPage, actor, reason: str) -> EventPage:
    """Cancel an event (all its translations) and tell every active participant.
    The page stays online and says it is cancelled."""
    from .permissions import can_manage_event

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
    _fan_out(
        _registrations(locked, ACTIVE_STATES),
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
    return _fan_out(
        _registrations(event, ATTENDEE_STATES),
        kind="documentation_published",
        key=f"documentation_published:{event.pk}",
    )


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
    from .permissions import can_manage_event

    event = event.canonical
    if not can_manage_event(actor, event):
        raise NotificationError(_("You cannot manage this event."))
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise NotificationError(_("Please write a subject and a message."))
    unknown = set(states) - set(RegistrationState.values)
    if unknown:
        raise NotificationError(_("Please choose states from the list."))
    return _fan_out(
        _registrations(event, states or ACTIVE_STATES),
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
    from .permissions import invited_accounts

    event = event.canonical
    accounts = invited_accounts(invitation.email for invitation in invitations)
    rows, matched = [], set()
    for invitation in invitations:
        for user in accounts.get(invitation.email.strip().lower(), ()):
            matched.add(invitation.pk)
            rows.append(
                _build(
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


# --- Periodic runs -------------------------------------------------------------------


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
            registrations = _registrations(event, REMINDED_STATES).exclude(
                user__notification_preferences__event_reminders=False
            )
            with transaction.atomic():
                created += _fan_out(
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
    cutoff = now - timedelta(days=_setting("NOTIFICATION_CONFIRM_AFTER_DAYS", 3))
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
        _build(
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


def _matches(event: EventPage, clusters: set[int], regions: set[str]) -> bool:
    if clusters and event.cluster_id not in clusters:
        return False
    return not regions or (
        event.region is not None and str(event.region.translation_key) in regions
    )


def weekly_digests_send(*, now: datetime | None = None) -> int:
    """The opt-in weekly digest: events published in the last seven days that
    are still ahead, matching the person's themes and regions. One per person and
    ISO week, so a second run in the same week sends nothing."""
    now = now or timezone.now()
    new_events = list(
        EventPage.objects.live()
        .filter(
            locale=Locale.get_default(),
            cancelled_at__isnull=True,
            first_published_at__gte=now - timedelta(days=7),
        )
        .filter(Q(starts_at__isnull=True) | Q(starts_at__gt=now))
        .select_related("region")
        .order_by("starts_at", "pk")
    )
    if not new_events:
        return 0
    year, week, _weekday = now.isocalendar()
    preferences = (
        NotificationPreferences.objects.filter(weekly_digest=True, user__is_active=True)
        .select_related("user")
        .prefetch_related("clusters", "regions")
    )
    rows = []
    for preference in preferences:
        clusters = {cluster.pk for cluster in preference.clusters.all()}
        regions = {str(region.translation_key) for region in preference.regions.all()}
        ids = [e.pk for e in new_events if _matches(e, clusters, regions)]
        if ids:
            rows.append(
                _build(
                    recipient=preference.user,
                    kind="weekly_digest",
                    dedupe_key=f"weekly_digest:{preference.user_id}:{year}-W{week:02d}",
                    context={"event_ids": ids},
                )
            )
    with transaction.atomic():
        return len(notify_many(rows))


# --- Wagtail publishing --------------------------------------------------------------


def previous_live_revision(page: EventPage) -> Revision | None:
    """The revision that was live before the one live now, if any.

    Read from the publish log, skipping entries of the live revision: the
    ``page_published`` signal comes before Wagtail logs the publication."""
    entry = (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish", revision__isnull=False
        )
        .exclude(revision_id=page.live_revision_id)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None


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


# --- Preferences and personal data ---------------------------------------------------


@transaction.atomic
def notification_preferences_update(
    *,
    user,
    weekly_digest: bool,
    event_reminders: bool,
    clusters=(),
    regions=(),
) -> NotificationPreferences:
    """Save what a person wants to hear about beyond their own applications."""
    preferences, _created = NotificationPreferences.objects.get_or_create(user=user)
    preferences.weekly_digest = bool(weekly_digest)
    preferences.event_reminders = bool(event_reminders)
    preferences.save()
    preferences.clusters.set(clusters)
    preferences.regions.set(regions)
    return preferences


def notification_preferences_for(user) -> NotificationPreferences:
    """The person's preferences, or the defaults (unsaved) if they never chose."""
    return NotificationPreferences.objects.filter(user=user).first() or (
        NotificationPreferences(user=user)
    )


def notifications_personal_data(*, user) -> dict:
    """The ``community_personal_data`` part: notices sent to the person and their
    preferences."""
    preferences = NotificationPreferences.objects.filter(user=user).first()
    return {
        "notifications": [
            {
                "kind": n.kind,
                "subject": n.subject,
                "language": n.language,
                "state": n.state,
                "created_at": n.created_at,
                "sent_at": n.sent_at,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at")
        ],
        "notification_preferences": None
        if preferences is None
        else {
            "weekly_digest": preferences.weekly_digest,
            "event_reminders": preferences.event_reminders,
            "clusters": [c.name for c in preferences.clusters.all()],
            "regions": [r.name for r in preferences.regions.all()],
        },
    }


def notification_counts(event: EventPage) -> dict[str, int]:
    """How many of the event's notices are in each state."""
    rows = (
        Notification.objects.filter(event=event.canonical)
        .values("state")
        .annotate(count=models.Count("pk"))
    )
    return {row["state"]: row["count"] for row in rows}
