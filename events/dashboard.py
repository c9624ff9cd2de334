"""What events add to a person's dashboard (``community.dashboard``): their
upcoming events with state, calendar file and the confirm button, a task for
each place to confirm, and upcoming events recommended from their themes, region
and city."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from community.dashboard import (
    DASHBOARD_SECTIONS_HOOK,
    DashboardSection,
    Member,
    Task,
    recommend,
    recommendation_section,
)

from .event_page import event_moment
from .listing import organisation_q, upcoming_q
from .models import EventPage, Registration, RegistrationState
from .my_events import MyEvent, my_registrations

# A place offered with a deadline closer than this is marked urgent.
EXPIRES_SOON = timedelta(hours=48)


def _confirm_task(item: MyEvent, now) -> Task:
    registration, event = item.registration, item.registration.event
    expires = registration.offer_expires_at
    if registration.state == RegistrationState.OFFERED and expires:
        text = _(
            "A place at %(event)s is offered to you until %(expires)s: confirm it "
            "or it goes to the next person."
        ) % {"event": item.page.title, "expires": event_moment(event, expires)}
    elif registration.state == RegistrationState.OFFERED:
        text = _("A place at %(event)s is offered to you: confirm it.") % {
            "event": item.page.title
        }
    else:
        text = _("You are accepted for %(event)s: confirm your place.") % {
            "event": item.page.title
        }
    return Task(
        text=text,
        url=f"#my-event-{registration.pk}",
        link_text=_("Confirm your place"),
        due=expires or event.starts_at,
        urgent=bool(expires and expires <= now + EXPIRES_SOON),
    )


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def my_events_section(*, request, member: Member) -> DashboardSection:
    """Upcoming events and those without a date yet (``events.my_events``: a
    fixed number of queries); past ones stay on "My events"."""
    now = timezone.now()
    registrations = my_registrations(request, member.user)
    items = registrations["upcoming"] + registrations["unscheduled"]
    tasks = []
    for item in items:
        event = item.registration.event
        if event.starts_at is not None and not event.month_only:
            item.calendar_url = reverse("event_calendar", args=[item.page.pk])
        if item.can_confirm:
            item.confirm_url = reverse("event_confirm", args=[item.page.pk])
            item.confirm_prefix = f"confirm-{item.registration.pk}-"
            tasks.append(_confirm_task(item, now))
    return DashboardSection(
        key="events",
        title=_("My events"),
        template="events/dashboard_section.html",
        items=items,
        order=10,
        tasks=tasks,
        more_url=reverse("my_events"),
        more_text=_("All my events, past ones too"),
    )


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def recommended_events_section(*, request, member: Member) -> DashboardSection:
    """Upcoming events in the reader's language from the person's city (host or
    partner), region or themes that they have not applied for (one query)."""
    organisation = member.organisation
    city = organisation_q(organisation) if organisation is not None else None
    applied = Registration.objects.filter(user_id=member.user.pk).values(
        "event__translation_key"
    )
    events = recommend(
        EventPage.objects.live()
        .public()
        .filter(upcoming_q(timezone.now()), locale_id=member.locale_id)
        .exclude(translation_key__in=applied)
        .defer_streamfields(),
        theme=member.theme_q(),
        region=member.region_q(),
        city=city,
        then=("starts_at", "pk"),
    )
    return recommendation_section(
        key="recommended-events",
        title=_("Events"),
        pages=events,
        request=request,
        order=30,
    )
