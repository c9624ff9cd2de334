"""Demo content of the events app: the calendar in every language, the 66 events
of the programme's history (``data/events.yaml``), and four events with applicants
in every state (``data/registrations.yaml``).

Every registration goes through ``events.services``, so the logs and the
notification outbox look like real use. Running it again changes nothing: pages are
found by slug and locale and left as they are once they exist; an event that has
registrations is not touched.
"""

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from community.models import Region
from core.models import Cluster, FieldOfAction, HomePage
from events import services
from events.models import EventIndexPage, EventPage, Registration
from practices.models import GoodPracticeIndexPage, GoodPracticePage

from .community import coordinator, organisations, person
from .core import (
    add_page,
    english,
    english_page,
    index_page,
    place_everywhere,
    publish,
    translate_all,
)
from .data import load

# Event fields a spec gives as they are (the others name rows by slug).
COPIED = ["event_format", "time_zone", "attendance_mode", "online_link", "country"]


class Lookups:
    """The English taxonomy rows and the organisations the demo events refer to."""

    def __init__(self, log):
        self.clusters = english(Cluster)
        self.fields = english(FieldOfAction)
        self.regions = english(Region)
        data = load("registrations")
        specs = [*load("events")["events"], *data["upcoming"], data["recent"]]
        slugs = {spec["host_city"] for spec in specs if spec.get("host_city")}
        for spec in specs:
            slugs.update(spec.get("partners", []))
        self.organisations = organisations(slugs, log)

    def page_fields(self, spec: dict) -> dict:
        """What every demo event page takes from its spec, in any language."""
        return {
            **{name: spec[name] for name in COPIED if name in spec},
            "slug": spec["slug"],
            "working_languages": spec["working_languages"],
            "host_city": self.organisations.get(spec.get("host_city", "")),
            "region": self.regions.get(spec.get("region")),
            "cluster": self.clusters[spec["cluster"]],
            "field_of_action": self.fields.get(spec.get("field_of_action", "")),
            "partner_organisations": [
                self.organisations[slug]
                for slug in spec.get("partners", [])
                if slug in self.organisations
            ],
        }


def seed_index(home: HomePage, log) -> EventIndexPage:
    """The calendar under the home page; when first made, placed right after the
    knowledge base in each language's menu."""
    spec = load("events")["index"]
    index, created = index_page(EventIndexPage, home, spec, log, "event index")
    return place_everywhere(index, after=GoodPracticeIndexPage) if created else index


def _local(value: str | None, time_zone: str) -> datetime | None:
    """A local time of the data (``YYYY-MM-DD HH:MM``) in ``time_zone``."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=zoneinfo.ZoneInfo(time_zone))


def seed_history(index: EventIndexPage, lookups: Lookups, log) -> None:
    """The 66 events of the programme's history, closed for applications."""
    created = 0
    for spec in load("events")["events"]:
        page = english_page(EventPage, slug=spec["slug"])
        if page is None:
            page = EventPage(
                starts_at=_local(spec.get("starts_at"), spec["time_zone"]),
                ends_at=_local(spec.get("ends_at"), spec["time_zone"]),
                month_only=spec.get("month_only", False),
                applications_open=None,
            )
            add_page(index, page, {**lookups.page_fields(spec), **spec["en"]})
            created += 1
        translate_all(page, spec)
    if created:
        log(f"{created} past events created")


def _programme(items: list[dict], first_day: date) -> list[dict]:
    return [
        {
            "type": "item",
            "value": {
                **item,
                "day": first_day + timedelta(days=item["day"]),
                "starts": time.fromisoformat(item["starts"]),
                "ends": time.fromisoformat(item["ends"]),
            },
        }
        for item in items
    ]


def _process_page(
    spec: dict, lookups: Lookups, now: datetime
) -> tuple[EventPage, dict]:
    """An unsaved English page for ``spec``, its dates counted from ``now``, and
    the values ``add_page`` sets on it."""
    calls = load("registrations")["applications"]
    fields = lookups.page_fields(spec)
    tz = zoneinfo.ZoneInfo(spec["time_zone"])
    first_day = (now + timedelta(days=spec["starts_in_days"])).astimezone(tz).date()
    last_day = first_day + timedelta(days=spec["days"] - 1)
    starts_at = datetime.combine(first_day, time.fromisoformat(spec["starts"]), tz)
    page = EventPage(
        starts_at=starts_at,
        ends_at=datetime.combine(last_day, time.fromisoformat(spec["ends"]), tz),
        venue=spec.get("venue", ""),
        capacity=spec["capacity"],
        host_reserved_places=spec.get("host_reserved_places", 0),
        applications_open=now - timedelta(days=calls["open_days_ago"]),
        applications_close=starts_at - timedelta(days=calls["close_days_before_start"]),
        eligibility=spec["eligibility"],
        selection_mode=spec["selection_mode"],
        waitlist_offer_hours=spec["waitlist_offer_hours"],
    )
    programme = _programme(spec["en"]["programme"], first_day)
    return page, {**fields, **spec["en"], "programme": programme}


def _translate_process_event(page: EventPage, spec: dict) -> None:
    """The event in every language the data gives, with its programme dated from
    the English page's first day."""
    first_day = page.local_start().date()
    translate_all(
        page,
        spec,
        extra=lambda language: {
            "programme": _programme(
                spec[language].get("programme") or spec["en"]["programme"], first_day
            )
        },
    )


def _apply(event: EventPage, user, organisation, job: str) -> None:
    texts = load("registrations")["applications"]
    brings = "good_practice" if organisation.country == "DE" else "challenge"
    services.registration_apply(
        event=event,
        user=user,
        organisation=organisation,
        role=job,
        motivation=texts["motivation"].format(
            job=job.lower(), organisation=organisation.name
        ),
        brings=brings,
        brings_title=texts[brings].format(organisation=organisation.name),
        language_needs="",
        consent_data=True,
        consent_contact_sharing=True,
    )


# The steps after "apply" (``registrations.yaml``): the service, whether the
# applicant (rather than the organiser) takes it, and whether it records a reason.
STEPS = {
    step: (getattr(services, name), *flags)
    for step, (name, *flags) in load("registrations")["steps"].items()
}


def _run_steps(event: EventPage, steps: list[dict], actor) -> None:
    """Walk the demo applicants through ``steps`` with the services."""
    for step in steps:
        user, organisation, job = person(step["person"])
        action, reason = step["action"], step.get("reason", "")
        if action == "apply":
            _apply(event, user, organisation, job)
            continue
        registration = Registration.objects.get(event=event, user=user)
        service, by_applicant, with_reason = STEPS[action]
        arguments = {"user": user} if by_applicant else {"actor": actor}
        if with_reason:
            arguments["reason"] = reason
        service(registration=registration, **arguments)


def seed_upcoming(index: EventIndexPage, lookups: Lookups, log) -> None:
    """Three events open for applications, with demo applicants; their dates count
    from the day they are first seeded."""
    now = timezone.now()
    for spec in load("registrations")["upcoming"]:
        page = english_page(EventPage, slug=spec["slug"])
        if page is None:
            page = add_page(index, *_process_page(spec, lookups, now))
            log(f"upcoming event created: {spec['slug']}")
        if not Registration.objects.filter(event=page).exists():
            _run_steps(page, spec["steps"], coordinator(spec["region"]))
        _translate_process_event(page, spec)


def seed_recent_event(index: EventIndexPage, lookups: Lookups, log) -> None:
    """Last week's event with attendance.

    The services refuse to register people for a past event and to record
    attendance before it starts, so the demo plays it in time: the page is made with
    its start ten days ahead while people apply, are accepted, confirm and withdraw;
    then its start is moved to an hour ago for check-in and no-shows; finally it
    gets its real dates (last week), its documentation and a closed call. Log
    entries carry the seeding time, and check-in times are set to the first
    morning of the event.
    """
    spec = load("registrations")["recent"]
    page = english_page(EventPage, slug=spec["slug"])
    if page is not None:
        _translate_process_event(page, spec)
        return
    now = timezone.now()
    final, final_values = _process_page(spec, lookups, now)
    ahead_of = now + timedelta(days=10 - spec["starts_in_days"])
    ahead, values = _process_page(spec, lookups, ahead_of)
    ahead.applications_open = now - timedelta(days=1)
    ahead.applications_close = now + timedelta(days=1)
    page = EventPage.objects.get(pk=add_page(index, ahead, values).pk)
    actor = coordinator(spec["region"])
    attendance = {"check_in", "no_show"}
    steps = [step for step in spec["steps"] if step["action"] not in attendance]
    _run_steps(page, steps, actor)
    EventPage.objects.filter(pk=page.pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=2)
    )
    page = EventPage.objects.get(pk=page.pk)
    steps = [step for step in spec["steps"] if step["action"] in attendance]
    _run_steps(page, steps, actor)

    page = page.get_latest_revision_as_object()
    page.starts_at, page.ends_at = final.starts_at, final.ends_at
    page.programme = final_values["programme"]
    page.applications_open = page.applications_close = None
    publish(page)
    Registration.objects.filter(event_id=page.pk, checked_in_at__isnull=False).update(
        checked_in_at=final.starts_at + timedelta(minutes=30)
    )
    log(f"recent event created: {spec['slug']}")
    _translate_process_event(EventPage.objects.get(pk=page.pk), spec)


def link_to_events(model, links: dict[str, str], field_name: str) -> int:
    """Point the pages of ``model`` named in ``links`` (slug → event slug) at their
    event through ``field_name``, each language version at the event in the same
    language, as a new published revision. Returns how many pages changed; pages
    that point at their event already are left alone."""
    changed = 0
    for page_slug, event_slug in links.items():
        for page in model.objects.filter(slug=page_slug):
            event = EventPage.objects.filter(
                slug=event_slug, locale_id=page.locale_id
            ).first()
            if event is None or getattr(page, f"{field_name}_id") == event.pk:
                continue
            revision = page.get_latest_revision_as_object()
            setattr(revision, field_name, event)
            publish(revision)
            changed += 1
    return changed


def seed(log) -> None:
    home = english_page(HomePage)
    if home is None:
        log("no home page yet: events skipped")
        return
    index = seed_index(home, log)
    lookups = Lookups(log)
    seed_history(index, lookups, log)
    seed_upcoming(index, lookups, log)
    seed_recent_event(index, lookups, log)
    presented_at = load("events")["presented_at"]
    if linked := link_to_events(GoodPracticePage, presented_at, "presented_at"):
        log(f"{linked} good practice pages linked to their events")
    log(f"{EventPage.objects.live().count()} live event pages")
