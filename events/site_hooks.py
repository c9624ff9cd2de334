"""What events add to other pages: upcoming events on the home page, a city
profile's events, the site search's "Events" group and a panel on the coordinators'
region dashboards. Core and community never import events; they ask these hooks."""

from django.utils.translation import gettext as _

from wagtail import hooks

from community.admin_views import REGION_DASHBOARD_PANELS_HOOK
from community.pages import ORGANISATION_SECTIONS_HOOK
from core.models import HOME_SECTIONS_HOOK, home_section
from core.search import SEARCH_GROUPS_HOOK, SearchGroup, SearchHit, highlighted

from .event_page import event_short_date
from .listing import (
    events_of_organisation,
    region_unscheduled_events,
    region_upcoming_events,
    upcoming_events,
)
from .models import EventIndexPage, EventPage


def _index_page(locale_id: int):
    return EventIndexPage.objects.live().filter(locale_id=locale_id).first()


@hooks.register(HOME_SECTIONS_HOOK)
def home_upcoming_events(*, page, request) -> dict | None:
    """The next three events in the home page's language, open calls first."""
    return home_section(
        items=upcoming_events(locale_id=page.locale_id),
        template="events/home_section.html",
        title=_("Upcoming events"),
        index_model=EventIndexPage,
        page=page,
        request=request,
    )


@hooks.register(ORGANISATION_SECTIONS_HOOK)
def organisation_events(*, organisation, page, request) -> dict | None:
    """Events a city hosted or took part in as a partner, in the profile's
    language."""
    events = events_of_organisation(organisation, locale_id=page.locale_id)
    if not events:
        return None
    return {
        "template": "events/organisation_section.html",
        "title": _("Events"),
        "items": events,
    }


@hooks.register(REGION_DASHBOARD_PANELS_HOOK)
def region_events_panel(*, request, region) -> dict:
    """Upcoming events of the region with applications and places taken, and
    apart from them those whose date is not fixed yet."""
    events = region_upcoming_events(region)
    unscheduled = region_unscheduled_events(region)
    for event in events + unscheduled:
        event.link = event.get_url(request)
    return {
        "template": "events/region_dashboard_panel.html",
        "title": _("Upcoming events"),
        "items": events,
        "unscheduled": unscheduled,
    }


@hooks.register(SEARCH_GROUPS_HOOK)
def event_search_group(*, request, query, locale) -> SearchGroup:
    """Events in the language of the search."""

    def to_hits(events) -> list[SearchHit]:
        marks = highlighted(
            EventPage.objects.all(),
            [event.pk for event in events],
            query,
            locale.language_code,
        )
        return [
            SearchHit(
                title=marks[event.pk]["title"],
                url=event.get_url(request),
                snippet=marks[event.pk]["teaser"],
                meta=" · ".join(
                    str(part)
                    for part in (
                        event.get_event_format_display(),
                        event_short_date(event),
                        event.venue_city,
                    )
                    if part
                ),
            )
            for event in events
            if event.pk in marks
        ]

    index = _index_page(locale.pk)
    results = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .search(query)
    )
    return SearchGroup(
        key="events",
        title=_("Events"),
        results=results,
        to_hits=to_hits,
        more_url=index.get_url(request) if index else "",
        order=25,
    )
