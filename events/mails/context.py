"""What the events app's mails say about an event: its page in the reader's
language, its dates, what changed, the application window, the calendar file.

The outbox calls these through the kinds registered in ``events.mails``; they run
with the recipient's language active.
"""

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from core.links import page_public_url, public_base_url
from core.memo import ExpiringMemo
from core.models import live_translation
from core.notices import MailRequest

from ..event_page import ONLINE_LINK_STATES, event_moment
from ..ical import calendar, calendar_lines
from ..models import EventPage, Registration

WATCHED_FIELD_LABELS = {
    "starts_at": _("Start"),
    "ends_at": _("End"),
    "venue": _("Venue"),
    "venue_city": _("City"),
    "online_link": _("Online link"),
}


def registration_subjects():
    """How the outbox loads registrations its notices are about: with their event
    and the event's locale in one query (most notices are about one), leaving out
    the event's stream fields, the wide part of its row that no mail reads (as
    Wagtail's ``defer_streamfields`` does for pages)."""
    streams = [f"event__{name}" for name in EventPage.get_streamfield_names()]
    return Registration.objects.select_related("event__locale").defer(*streams)


def mail_when(event: EventPage) -> str:
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


# A fan-out sends thousands of mails about one event: its page in each language,
# its URL and dates are looked up once a minute per process, and again at once
# when the event is published or cancelled (both are in the key).
_event_memo = ExpiringMemo(seconds=60)


def _event_values(event: EventPage, language: str) -> dict:
    def compute() -> dict:
        local = live_translation(event, language)
        return {
            "event": local,
            "event_url": page_public_url(local) or public_base_url(),
            "event_when": mail_when(event),
        }

    key = (
        event.pk,
        event.last_published_at,
        event.cancelled_at,
        language,
        public_base_url(),
    )
    return _event_memo.get(key, compute)


def _registration_and_event(subject_object):
    registration = subject_object if isinstance(subject_object, Registration) else None
    event = (
        subject_object
        if isinstance(subject_object, EventPage)
        else getattr(registration, "event", None)
    )
    return registration, event


def _may_see_link(registration) -> bool:
    """Only confirmed people and attendees see the online link (the page shows it
    to them alone, too)."""
    return registration is not None and registration.state in ONLINE_LINK_STATES


def event_context(mail: MailRequest, context: dict) -> dict:
    """The registration, the event in the reader's language with its URL and
    dates, whether the reader may see the online link, what changed, and when an
    offer expires (in the event's time zone)."""
    registration, event = _registration_and_event(mail.subject_object)
    values: dict = {"registration": registration}
    if event is not None:
        values.update(_event_values(event, mail.language))
        may_see_link = _may_see_link(registration)
        values["may_see_link"] = may_see_link and event.is_online
        if "changes" in mail.details:
            values["changes"] = _describe_changes(
                event, mail.details["changes"], may_see_link
            )
    if "expires" in mail.details:
        expires = parse_datetime(mail.details["expires"] or "")
        if expires and event is not None:
            values["expires"] = event_moment(event, expires)
        else:
            values["expires"] = (
                formats.date_format(expires, "DATETIME_FORMAT") if expires else ""
            )
    return values


def application_window(mail: MailRequest, context: dict) -> dict:
    """When applications open (only if still ahead) and close (if ever), in the
    event's time zone; empty strings for neither."""
    _registration, event = _registration_and_event(mail.subject_object)
    if event is None:
        return {}
    now = timezone.now()
    opens, closes = event.applications_open, event.applications_close
    return {
        "applications_open": event_moment(event, opens)
        if opens and opens > now
        else "",
        "applications_close": event_moment(event, closes) if closes else "",
    }


def digest_events(mail: MailRequest, context: dict) -> dict:
    """The events a weekly digest lists, in the reader's language."""
    events = (
        EventPage.objects.live()
        .filter(pk__in=mail.details.get("event_ids", []))
        .order_by("starts_at")
    )
    return {
        "events": [
            {
                "title": local.title,
                "teaser": local.teaser,
                "url": page_public_url(local),
                "when": mail_when(event),
                "city": event.venue_city,
            }
            for event in events
            for local in [live_translation(event, mail.language)]
        ]
    }


def calendar_file(mail: MailRequest, context: dict) -> list[tuple[str, str, str]]:
    """The event as a calendar file, with the online link for those who may see
    it."""
    registration, event = _registration_and_event(mail.subject_object)
    if event is None:
        return []
    link = event.online_link if _may_see_link(registration) and event.is_online else ""
    ics = calendar([calendar_lines(event, url=context["event_url"], online_link=link)])
    return [("event.ics", ics, "text/calendar")]


def event_variant(subject_object):
    """What makes two participants' mails about one event differ besides the
    greeting: the event as published and whether they may see the online link.
    ``None`` (render alone) for anything but a registration."""
    if not isinstance(subject_object, Registration):
        return None
    event = subject_object.event
    return (
        event.pk,
        event.last_published_at,
        event.cancelled_at,
        _may_see_link(subject_object),
    )
