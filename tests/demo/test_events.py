"""The events demo content: the 66 events of the programme's history, three upcoming
events open for applications and last week's event, in English and German, with
demo applicants in every registration state, seeded idempotently.

The demo is seeded once for the package (``tests/demo/conftest.py``); that seeding
again changes nothing is ``tests/demo/test_seed.py``.
"""

from datetime import date

from django.utils import timezone

import pytest

from demo.data import load
from demo.projects import originating_events
from events.models import (
    AttendanceMode,
    Eligibility,
    EventIndexPage,
    EventPage,
    Registration,
    RegistrationState,
    SelectionMode,
)
from notifications.models import Notification, NotificationState
from practices.models import GoodPracticePage
from projects.models import SupportedProjectPage

pytestmark = pytest.mark.django_db

UPCOMING = load("registrations")["upcoming"]
RECENT = load("registrations")["recent"]
EVENTS = load("events")["events"]
PROCESS_SLUGS = [spec["slug"] for spec in UPCOMING] + [RECENT["slug"]]


def _event(slug: str, language: str = "en") -> EventPage:
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def test_seeds_every_event_in_both_languages_once(seeded):
    for language in ("en", "de"):
        live = EventPage.objects.live().filter(locale__language_code=language)
        assert live.count() == 66 + 4
        assert (
            EventIndexPage.objects.live()
            .filter(locale__language_code=language)
            .exists()
        )
    assert EventIndexPage.objects.get(locale__language_code="de").title == (
        "Veranstaltungen"
    )
    slugs = {event["slug"] for event in EVENTS}
    assert len(slugs) == 66
    assert set(
        EventPage.objects.filter(locale__language_code="de").values_list(
            "slug", flat=True
        )
    ) == slugs | set(PROCESS_SLUGS)


def test_past_events_carry_their_facts(seeded):
    history = EventPage.objects.filter(
        slug__in=[event["slug"] for event in EVENTS]
    ).select_related("cluster", "host_city")
    for page in history:
        assert page.applications_open is None, page.slug
        assert page.cluster is not None, page.slug
        assert page.call_text and page.documentation, page.slug
        assert page.starts_at is None or page.is_past, page.slug
    rostock = _event("planning-integrated-solid-waste-management-rostock", "de")
    assert rostock.month_only
    assert rostock.local_start().date() == date(2016, 9, 1)
    assert rostock.host_city.slug == "rostock"
    assert rostock.title == "Integrierte Abfallwirtschaft auf kommunaler Ebene planen"
    amman = _event("towards-resilient-and-liveable-urban-district-development-amman")
    assert amman.time_zone == "Asia/Amman"
    assert amman.local_start().date() == date(2017, 11, 14)
    assert amman.local_end().date() == date(2017, 11, 16)
    assert amman.event_format == "practitioners_workshop"
    assert amman.attendance_mode == AttendanceMode.IN_PERSON
    land = _event("regional-and-intermunicipal-land-management-virtual")
    assert land.attendance_mode == AttendanceMode.ONLINE
    assert land.online_link
    undated = _event("municipal-sustainable-energy-production-and-efficiency-wuerzburg")
    assert undated.starts_at is None
    dortmund = _event("climate-proofing-urban-development-dortmund")
    figures = [
        block for block in dortmund.documentation if block.block_type == "figures"
    ]
    assert [f["value"] for f in figures[0].value["figures"]] == ["~30", "12", "10", "6"]


def test_upcoming_events_take_applications(seeded):
    upcoming = [_event(spec["slug"]) for spec in UPCOMING]
    now = timezone.now()
    for page in upcoming:
        assert page.applications_are_open(), page.slug
        assert page.starts_at > now, page.slug
        assert 20 <= page.capacity <= 30, page.slug
        assert page.programme, page.slug
        assert page.working_languages, page.slug
        german = _event(page.slug, "de")
        assert german.programme and german.title != page.title
    assert sorted(page.selection_mode for page in upcoming) == [
        SelectionMode.FIRST_COME,
        SelectionMode.SELECTION,
        SelectionMode.SELECTION,
    ]
    assert [page.eligibility for page in upcoming].count(
        Eligibility.VERIFIED_MEMBERS
    ) == 1
    assert any(page.host_reserved_places for page in upcoming)


def test_demo_applicants_are_in_every_state(seeded):
    registrations = Registration.objects.select_related("event__locale", "user")
    assert {r.state for r in registrations} == set(RegistrationState.values)
    for registration in registrations:
        assert registration.event.locale.language_code == "en"
        assert registration.event.slug in PROCESS_SLUGS
        assert registration.user.email.endswith("@example.org")
        assert registration.log.exists()
    offered = registrations.get(state=RegistrationState.OFFERED)
    assert offered.offer_expires_at > timezone.now()
    # Every notice went out, to the in-memory mailbox rather than the console.
    demo_notices = Notification.objects.filter(
        recipient__email__endswith="@example.org"
    )
    assert demo_notices.exists()
    assert not demo_notices.exclude(state=NotificationState.SENT).exists()


def test_last_weeks_event_shows_attendance(seeded):
    recent = _event(RECENT["slug"])
    assert recent.is_past
    assert (timezone.now() - recent.ends_at).days < 14
    assert recent.applications_open is None
    assert recent.documentation
    states = sorted(
        Registration.objects.filter(event=recent).values_list("state", flat=True)
    )
    assert states == ["attended", "attended", "attended", "no_show", "withdrawn"]
    for registration in Registration.objects.filter(event=recent, state="attended"):
        assert recent.starts_at <= registration.checked_in_at <= recent.ends_at


def test_practices_and_projects_link_to_their_events(seeded):
    for practice_slug, event_slug in load("events")["presented_at"].items():
        for language in ("en", "de"):
            practice = GoodPracticePage.objects.get(
                slug=practice_slug, locale__language_code=language
            )
            event = _event(event_slug, language)
            assert practice.presented_at_id == event.pk
            assert practice.live_revision.content["presented_at"] == event.pk
    for project_slug, event_slug in originating_events().items():
        for language in ("en", "de"):
            project = SupportedProjectPage.objects.get(
                slug=project_slug, locale__language_code=language
            )
            event = _event(event_slug, language)
            assert project.originating_event_id == event.pk
            assert project.live_revision.content["originating_event"] == event.pk
