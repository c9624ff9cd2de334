"""What an event's page shows: its facts in the reader's language, the dates in the
event's own time zone, the next step for the person reading it, and structured data
for search engines.

Registrations always point at the default-language page (``EventPage.canonical``),
so the German page of an event asks about the same places and the same applicants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from community.models import Language, Organisation
from core.knowledge.links import OrganisationLinks
from core.knowledge.listing import current_language, localized_relations
from core.links import page_public_url
from core.structured_data import json_ld

from .models.registrations import (
    ACTIVE_STATES,
    CONFIRMABLE_STATES,
    Registration,
    RegistrationState,
)
from .permissions import application_barrier
from .selectors import event_places, registration_for, waitlist_position

if TYPE_CHECKING:
    from .models import EventPage

# Who may see the online link and get it in their calendar file.
ONLINE_LINK_STATES = (RegistrationState.CONFIRMED, RegistrationState.ATTENDED)


# --- Dates --------------------------------------------------------------------------


@dataclass
class When:
    """An event's dates as a reader sees them, in the event's time zone."""

    text: str
    zone: str = ""
    to_be_announced: bool = False
    month_only: bool = False
    start: datetime | None = None
    end: datetime | None = None


def _day(value: datetime) -> str:
    return date_format(value, "DATE_FORMAT")


def event_when(event: EventPage) -> When:
    """ "12 March 2026, 09:00 – 14 March 2026, 13:00" in the event's zone, "March
    2019" when only the month is known, "Date to be announced" without a start."""
    start, end = event.local_start(), event.local_end()
    if start is None:
        return When(text=_("Date to be announced"), to_be_announced=True)
    if event.month_only:
        return When(
            text=date_format(start, "YEAR_MONTH_FORMAT"),
            month_only=True,
            start=start,
            end=end,
        )
    text = f"{_day(start)}, {time_format(start, 'TIME_FORMAT')}"
    if end is not None and end.date() == start.date():
        text += f"–{time_format(end, 'TIME_FORMAT')}"
    elif end is not None:
        text += f" – {_day(end)}, {time_format(end, 'TIME_FORMAT')}"
    return When(text=text, zone=event.time_zone, start=start, end=end)


def event_moment(event: EventPage, moment: datetime) -> str:
    """A deadline of the event ("applications close", "offer expires") in the
    event's time zone, named: "10 January 2027, 14:30 (Africa/Nairobi)"."""
    text = date_format(timezone.localtime(moment, event.tz), "DATETIME_FORMAT")
    return f"{text} ({event.time_zone})"


def event_short_date(event: EventPage) -> str:
    """The date for cards and lists: day (or month) without times."""
    start, end = event.local_start(), event.local_end()
    if start is None:
        return _("Date to be announced")
    if event.month_only:
        return date_format(start, "YEAR_MONTH_FORMAT")
    if end is not None and end.date() != start.date():
        return f"{_day(start)} – {_day(end)}"
    return _day(start)


# --- The next step for the reader ---------------------------------------------------


@dataclass
class CallToAction:
    """What the reader can do about this event now.

    ``state`` is one of: ``past``, ``sign_in``, ``verify_affiliation``,
    ``not_invited``, ``not_open_yet``, ``closed``, ``started``, ``apply``, or the
    state of the reader's registration (``applied``, ``waitlisted``, ``accepted``,
    ``offered``, ``confirmed``, ``attended``, ``declined``, ``no_show``,
    ``withdrawn``).
    """

    state: str
    registration: Registration | None = None
    waitlist_position: int | None = None
    url: str = ""
    can_withdraw: bool = False
    can_confirm: bool = False
    # Deadlines as the reader sees them (``event_moment``), "" when there is none.
    applications_open: str = ""
    applications_close: str = ""
    offer_expires: str = ""


def call_to_action(request, event: EventPage) -> CallToAction:
    """The reader's next step, from their registration or the barrier that keeps
    them from applying (``events.permissions.application_barrier``)."""
    action = _call_to_action(request, event)
    canonical = event.canonical
    if canonical.applications_open:
        action.applications_open = event_moment(canonical, canonical.applications_open)
    if canonical.applications_close:
        action.applications_close = event_moment(
            canonical, canonical.applications_close
        )
    if action.registration is not None and action.registration.offer_expires_at:
        action.offer_expires = event_moment(
            canonical, action.registration.offer_expires_at
        )
    return action


def _call_to_action(request, event: EventPage) -> CallToAction:
    canonical = event.canonical
    user = request.user
    registration = registration_for(user, canonical) if user.is_authenticated else None
    if registration is not None:
        state = registration.state
        action = CallToAction(state=state, registration=registration)
        action.can_withdraw = state in ACTIVE_STATES and not canonical.has_started
        action.can_confirm = state in CONFIRMABLE_STATES and not canonical.has_started
        if state == RegistrationState.WAITLISTED:
            action.waitlist_position = waitlist_position(registration)
        return action
    if canonical.is_past:
        return CallToAction(state="past")
    barrier = application_barrier(user, canonical)
    if barrier is None:
        return CallToAction(
            state="apply", url=reverse("event_apply", args=[canonical.pk])
        )
    if barrier == "sign_in":
        login = reverse("account_login")
        return CallToAction(
            state="sign_in",
            url=f"{login}?{urlencode({'next': request.get_full_path()})}",
        )
    if barrier == "verify_affiliation":
        return CallToAction(state=barrier, url=reverse("affiliation_claim"))
    return CallToAction(state=barrier)


# --- Facts and structured data ------------------------------------------------------


def event_facts(event: EventPage, request) -> dict:
    """Host city, partners, region, cluster and field in the reader's language."""
    locale_id = event.locale_id
    links = OrganisationLinks(request, locale_id)
    host = event.host_city
    partner_ids = [
        organisation.pk for organisation in event.partner_organisations.all()
    ]
    partners = list(
        Organisation.objects.filter(pk__in=partner_ids)
        .prefetch_related("names")
        .order_by("name")
    )
    if host is not None:
        host = Organisation.objects.prefetch_related("names").get(pk=host.pk)
    themes = localized_relations(
        event, locale_id, "cluster", "field_of_action", "region"
    )
    languages = dict(Language.choices)
    return {
        "when": event_when(event),
        "host": ({"organisation": host, "url": links.url(host.slug)} if host else None),
        "partners": [
            {"organisation": partner, "url": links.url(partner.slug)}
            for partner in partners
        ],
        **themes,
        "languages": [
            languages.get(code, code) for code in event.working_languages or []
        ],
        "place": event.location_line,
    }


def event_structured_data(event: EventPage, request, facts: dict) -> dict:
    """schema.org ``Event``: name, dates, where (a place, a virtual location or
    both) and who organises it. The online link itself is never published."""
    modes = {
        "in_person": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }
    url = page_public_url(event, request)
    locations = []
    if event.attendance_mode != "online":
        place = {"@type": "Place", "name": event.venue or event.venue_city}
        address = {"@type": "PostalAddress"}
        if event.venue_city:
            address["addressLocality"] = event.venue_city
        if event.country:
            address["addressCountry"] = event.country.code
        place["address"] = address
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.teaser,
        "url": url,
        "inLanguage": current_language(),
        "eventAttendanceMode": modes.get(event.attendance_mode, modes["in_person"]),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": "Connective Cities"},
    }
    when = facts["when"]
    if when.start is not None:
        data["startDate"] = (
            when.start.strftime("%Y-%m") if when.month_only else when.start.isoformat()
        )
    if when.end is not None and not when.month_only:
        data["endDate"] = when.end.isoformat()
    if facts["host"]:
        data["contributor"] = {
            "@type": "Organization",
            "name": facts["host"]["organisation"].localized_name,
        }
    if event.applications_open:
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "price": 0,
            "priceCurrency": "EUR",
            "validFrom": event.applications_open.isoformat(),
            "availability": "https://schema.org/InStock"
            if event.applications_are_open()
            else "https://schema.org/SoldOut",
        }
    return data


def event_detail(page: EventPage, request) -> dict:
    """Context of an event's page: facts, the next step, places, structured data,
    and the online link for confirmed participants only."""
    facts = event_facts(page, request)
    action = call_to_action(request, page)
    registration = action.registration
    show_link = bool(
        page.is_online
        and page.online_link
        and registration is not None
        and registration.state in ONLINE_LINK_STATES
    )
    canonical = page.canonical
    return {
        "facts": facts,
        "action": action,
        "places": event_places(canonical) if canonical.capacity else None,
        "online_link": page.online_link if show_link else "",
        "index_page": page.get_parent(),
        "canonical_url": page_public_url(page, request),
        "calendar_url": reverse("event_calendar", args=[canonical.pk]),
        "structured_data": json_ld(event_structured_data(page, request, facts)),
        "confirm_url": reverse("event_confirm", args=[canonical.pk]),
        "withdraw_url": reverse("event_withdraw", args=[canonical.pk]),
        "is_past": page.is_past,
    }
