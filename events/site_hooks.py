"""What events add to other pages: upcoming events on the home page, a city
profile's events, the site search's "Events" group and a panel on the coordinators'
region dashboards. Core and community never import events; they ask these hooks."""

from django.utils.translation import gettext as _

from wagtail import hooks

from community.admin_views import REGION_DASHBOARD_PANELS_HOOK
from community.pages import ORGANISATION_SECTIONS_HOOK
from core.models import HOME_SECTIONS_HOOK, home_section
from core.search import (
    SEARCH_GROUPS_HOOK,
    SearchGroup,
    meta_line,
    page_search_group,
)
from core.sections import for_everyone

from .event_page import event_short_date
from .listing import (
    events_of_organisation,
    region_events,
    upcoming_events,
)
from .models import EventIndexPage, EventPage


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
@for_everyone
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
    events, unscheduled = region_events(region)
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
    """Events in the language of the search. "More" leads to the calendar with
    the query: the calendar searches the same way."""
    return page_search_group(
        request=request,
        query=query,
        locale=locale,
        page_model=EventPage,
        index_model=EventIndexPage,
        key="events",
        title=_("Events"),
        order=25,
        meta=lambda event: meta_line(
            event.get_event_format_display(),
            event_short_date(event),
            event.venue_city,
        ),
    )
