"""Event fixtures shared by the events tests: an event index and events built the way
editors build them (``add_child`` and a published revision)."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from tests.knowledge_fixtures import locale, publish, seed_site


def event_index() -> EventIndexPage:
    """The event index under the English home page (seeding the site if needed),
    with its German translation."""
    existing = EventIndexPage.objects.filter(locale__language_code="en").first()
    if existing:
        return existing
    home = seed_site()
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    index = publish(index)
    german = index.copy_for_translation(locale("de"))
    german.title = "Veranstaltungen"
    german.slug = "veranstaltungen"
    publish(german)
    return index


def make_event(index: EventIndexPage | None = None, **fields) -> EventPage:
    """A published dialogue event in six weeks, open for applications now, with
    25 places accepted first come, first served, open to anyone signed in.

    Pass any ``EventPage`` field to change it.
    """
    index = index or event_index()
    now = timezone.now()
    values = {
        "title": "Dialogue event on land management",
        "teaser": "Practitioners compare how their cities plan undeveloped land.",
        "event_format": "dialogue_event",
        "starts_at": now + timedelta(days=42),
        "ends_at": now + timedelta(days=44),
        "time_zone": "Asia/Amman",
        "venue": "Greater Amman Municipality, Amman",
        "venue_city": "Amman",
        "country": "JO",
        "capacity": 25,
        "applications_open": now - timedelta(days=1),
        "applications_close": now + timedelta(days=30),
        "eligibility": "signed_in",
        "selection_mode": "first_come",
        "working_languages": ["en", "ar"],
    }
    values.update(fields)
    count = EventPage.objects.count()
    values.setdefault("slug", f"event-{count + 1}")
    event = EventPage(**values)
    Page.objects.get(pk=index.pk).add_child(instance=event)
    return publish(event)


def make_past_event(
    index: EventIndexPage | None = None, *, days_ago: int = 60, days: int = 1, **fields
) -> EventPage:
    """A published event that began ``days_ago`` days ago and lasted ``days``,
    without a call for applications; otherwise as ``make_event``."""
    starts_at = timezone.now() - timedelta(days=days_ago)
    fields.setdefault("starts_at", starts_at)
    fields.setdefault("ends_at", starts_at + timedelta(days=days))
    return make_event(index, applications_open=None, applications_close=None, **fields)


def apply_for(event: EventPage, user, **fields):
    """``registration_apply`` with a complete, valid application; pass any argument
    to change it."""
    from events.services import registration_apply

    values = {
        "role": "Urban planner",
        "motivation": "We are redesigning our land registry and want to learn.",
        "brings": "challenge",
        "brings_title": "Informal settlements at the edge of the city",
        "consent_data": True,
    }
    values.update(fields)
    return registration_apply(event=event, user=user, **values)
