"""The event calendar: upcoming events (open calls first) and the paginated archive,
with filters that work as plain GET parameters, and short lists of events for other
pages (home page, city profiles, region dashboards, site search, the API).

Filters reuse the knowledge base's filter classes (``core.knowledge.listing``): the
same URL values (cluster and region slugs) and the same rule for bad input: an
unknown value is dropped with a message, never an error page. The keyword search
(``q``) is the knowledge base's too: stemmed in the page's language, a subquery that
combines with every filter, and forgiving (``core.forgiving``) when the words find
no event at all. ``from`` and ``to`` choose the days (``events.date_range``). The
query count does not depend on how many events there are
(``tests/events/test_listing.py``).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import Organisation, Region
from core.forgiving import SIMILAR, forgiving_matches, suggestion
from core.knowledge.dates import DateRange, read_date_range
from core.knowledge.listing import (
    ActiveFilter,
    ChoiceFilter,
    FilterField,
    Listing,
    ListingFilter,
    QueryLinks,
    card_images,
    cluster_filter,
    current_language,
    filter_fields,
    page_number,
    read_search_and_filters,
    region_filter,
    words_of,
)
from core.knowledge.pages import KnowledgeIndexPage
from core.models import Cluster
from core.search import matching_pks

from .event_page import event_short_date
from .models.choices import AttendanceMode, EventFormat
from .models.pages import EventPage
from .models.registrations import PLACE_HOLDING_STATES

PER_PAGE = 12
# Upcoming events are few (a few dozen a year); the list is not paginated, but it
# is bounded so that a flood of drafts published at once cannot make it unbounded.
MAX_UPCOMING = 100


def upcoming_q(now: datetime) -> Q:
    """Dated events not over yet. An event without a start is never upcoming (it
    is "date to be announced", ``unscheduled_q``); the rest is ``past_q``."""
    return Q(starts_at__isnull=False) & (
        Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)
    )


def past_q(now: datetime) -> Q:
    """Events that are over: ``EventPage.is_past`` (the end, or else the start,
    lies before ``now``)."""
    return Q(ends_at__lt=now) | Q(ends_at__isnull=True, starts_at__lt=now)


def unscheduled_q(now: datetime) -> Q:
    """Events without a start that are not over: "date to be announced". Neither
    upcoming nor past; the calendar lists them in a section of their own."""
    return Q(starts_at__isnull=True) & ~past_q(now)


def open_q(now: datetime) -> Q:
    """Events taking applications now (``EventPage.applications_are_open``)."""
    return (
        Q(applications_open__lte=now)
        & (Q(applications_close__isnull=True) | Q(applications_close__gt=now))
        & (Q(starts_at__isnull=True) | Q(starts_at__gt=now))
    )


class OpenFilter(ListingFilter):
    """``open=1``: only events that take applications now."""

    def __init__(self, name: str = "open"):
        self.name = name
        self.label = gettext_lazy("Applications")
        self.all_label = gettext_lazy("Any")
        self.unknown = gettext_lazy(
            "“%(value)s” is not a choice for open applications; showing all events."
        )

    def resolve(self, raw: str) -> Any:
        return True if raw.lower() in ("1", "yes", "true", "on") else None

    def key(self, value: Any) -> str:
        return "1"

    def condition(self, model, value: Any) -> Q:
        return open_q(timezone.now())

    def choices(self) -> list[tuple[str, str]]:
        return [("1", _("Open for applications"))]


class WhenFilter(ListingFilter):
    """``when=upcoming`` or ``when=past`` (the API spells it ``upcoming=true``).

    Events without a date are in neither: they are not upcoming (nobody can plan
    for them) and not over."""

    VALUES = {"upcoming": "upcoming", "past": "past"}

    def __init__(self, name: str = "when", values: dict | None = None):
        self.name = name
        self.values = values or self.VALUES
        self.label = gettext_lazy("When")
        self.all_label = gettext_lazy("Upcoming and past")
        self.unknown = gettext_lazy(
            "“%(value)s” is neither upcoming nor past; showing all events."
        )

    def resolve(self, raw: str) -> Any:
        return self.values.get(raw.lower())

    def key(self, value: Any) -> str:
        return next(raw for raw, resolved in self.values.items() if resolved == value)

    def condition(self, model, value: Any) -> Q:
        now = timezone.now()
        return upcoming_q(now) if value == "upcoming" else past_q(now)

    def choices(self) -> list[tuple[str, str]]:
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]


def event_filters(*, api: bool = False) -> list[ListingFilter]:
    """The filters of the calendar (and, with ``api``, of ``/api/v2/events/``).

    Cluster and region are the knowledge base's own filters: same slugs, same
    messages."""
    taxonomy = [cluster_filter(), region_filter()]
    filters = [
        ChoiceFilter(
            "format",
            path="event_format",
            choices=EventFormat.choices,
            label=gettext_lazy("Format"),
            all_label=gettext_lazy("All formats"),
            unknown=gettext_lazy(
                "There is no format “%(value)s”; showing all formats."
            ),
        ),
        *taxonomy,
        ChoiceFilter(
            "attendance",
            path="attendance_mode",
            choices=AttendanceMode.choices,
            label=gettext_lazy("Attendance"),
            all_label=gettext_lazy("Online and in person"),
            unknown=gettext_lazy(
                "There is no attendance “%(value)s”; showing every kind."
            ),
        ),
    ]
    if api:
        # DRF reads ``format`` as the response format (``?format=json``), so the
        # API spells this filter by its field name.
        filters[0].name = "event_format"
        filters.append(
            WhenFilter(
                "upcoming",
                values={"true": "upcoming", "false": "past"},
            )
        )
    else:
        filters += [OpenFilter(), WhenFilter()]
    return filters


@dataclass
class EventListing(QueryLinks):
    """One request's calendar: ``upcoming`` events (all), ``unscheduled`` ones (no
    date yet; listed only without a "when" filter or dates), ``past`` (one page of
    the archive), the filter ``fields``, ``active_filters`` and ``messages``.

    ``query`` is the cleaned search; ``forgiven`` and ``suggestion`` say how the
    events were found when its words alone found none (``core.forgiving``)."""

    locale_id: int
    query: str = ""
    forgiven: str = ""
    suggestion: str = ""
    dates: DateRange = field(default_factory=DateRange)
    selected: dict[str, tuple[ListingFilter, Any]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    fields: list[FilterField] = field(default_factory=list)
    active_filters: list[ActiveFilter] = field(default_factory=list)
    upcoming: list[EventPage] = field(default_factory=list)
    unscheduled: list[EventPage] = field(default_factory=list)
    past: PaginatorPage | None = None
    past_items: list[EventPage] = field(default_factory=list)
    show_upcoming: bool = True
    show_past: bool = True

    @property
    def params(self) -> dict[str, str]:
        return {**self.search_params(), **self.dates.params}

    @property
    def is_filtered(self) -> bool:
        return bool(self.query or self.selected or self.dates)

    @property
    def items(self) -> list[EventPage]:
        """Every event shown on this page, in all sections."""
        return self.upcoming + self.unscheduled + self.past_items

    def canonical_query(self) -> str:
        number = self.past.number if self.past else 1
        return self.querystring(page=str(number) if number > 1 else "")


def decorate_events(queryset: QuerySet, *, now: datetime) -> QuerySet:
    """What an event card shows, in a fixed number of queries."""
    return (
        queryset.defer_streamfields()
        .select_related("locale")
        .prefetch_related(
            Prefetch(
                "host_city", queryset=Organisation.objects.prefetch_related("names")
            ),
            card_images(),
        )
        .annotate(
            cc_open=Case(
                When(open_q(now), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    )


def label_events(events: list[EventPage], terms: Listing) -> None:
    """Cluster name, short date and "open" flag on each card (no query: the labels
    come from the taxonomy the filter form reads)."""
    clusters = terms.taxonomy(Cluster)
    for event in events:
        cluster = clusters.get(event.cluster_id)
        event.cluster_label = cluster.label if cluster else ""
        event.cluster_colour = cluster.colour if cluster else ""
        event.short_date = event_short_date(event)
        event.is_open = bool(getattr(event, "cc_open", 0))


def event_listing(index_page: KnowledgeIndexPage, params) -> EventListing:
    """The calendar for one request: search, filters and dates read and checked,
    upcoming events with open calls first, then soonest; the archive newest first,
    one page of it. A search orders by date like the rest of the calendar: people
    look for an event by when it is."""
    now = timezone.now()
    listing = EventListing(locale_id=index_page.locale_id)
    terms = Listing(locale_id=index_page.locale_id, language=current_language())
    filters = event_filters()
    read_search_and_filters(listing, filters, params)
    listing.dates = read_date_range(params, listing.messages)
    when = listing.selected.get("when")
    listing.show_upcoming = when is None or when[1] == "upcoming"
    listing.show_past = when is None or when[1] == "past"

    base = index_page.listed_pages(EventPage)
    candidates = base
    every_page = EventPage.objects.all()
    if listing.query:
        # Searched over the whole table: ``base`` keeps the right pages, and the
        # subquery need not join the page tree again. The active language (the
        # page's, from its URL) chooses the stemming.
        candidates = base.filter(pk__in=matching_pks(every_page, listing.query))
    shown_messages = len(listing.messages)
    _fill_sections(listing, candidates, params, now)
    # Forgiven only when the words find no event at all here, not when the
    # filters leave none of what they find; asked only when nothing is shown, so
    # a search that finds something costs no query more.
    if listing.query and not listing.items and not candidates.exists():
        forgiven, listing.forgiven = forgiving_matches(
            base, every_page, listing.query, language=terms.language
        )
        if forgiven is not None:
            del listing.messages[shown_messages:]
            _fill_sections(listing, forgiven, params, now)
            if listing.forgiven == SIMILAR:
                listing.suggestion = suggestion(
                    listing.query, [words_of(event) for event in listing.items]
                )
    label_events(listing.items, terms)
    listing.fields = filter_fields(listing, filters, terms)
    listing.active_filters += listing.dates.active_filters(listing.querystring)
    return listing


def _fill_sections(
    listing: EventListing, candidates: QuerySet, params, now: datetime
) -> None:
    """The upcoming, undated and past events among ``candidates`` that pass the
    chosen filters and dates."""
    filtered = candidates
    for name, (spec, value) in listing.selected.items():
        if name != "when":
            filtered = filtered.filter(spec.condition(EventPage, value))
    filtered = listing.dates.apply(filtered)

    if listing.show_upcoming:
        listing.upcoming = list(
            decorate_events(filtered.filter(upcoming_q(now)), now=now).order_by(
                "-cc_open", "starts_at", "pk"
            )[:MAX_UPCOMING]
        )
    # Undated events are in no date range: none when dates are chosen.
    if listing.show_upcoming and listing.show_past and not listing.dates:
        listing.unscheduled = list(
            decorate_events(filtered.filter(unscheduled_q(now)), now=now).order_by(
                "-cc_open", "title", "pk"
            )[:MAX_UPCOMING]
        )
    if listing.show_past:
        past = decorate_events(filtered.filter(past_q(now)), now=now).order_by(
            "-starts_at", "-pk"
        )
        paginator = Paginator(past, PER_PAGE)
        number = page_number(params.get("page"), paginator, listing.messages)
        listing.past = paginator.page(number)
        listing.past_items = list(listing.past.object_list)
    elif params.get("page") not in (None, "", "1"):
        listing.messages.append(_("Upcoming events are all on one page; showing them."))


# --- Short lists for other pages ----------------------------------------------------


def upcoming_events(*, locale_id: int, limit: int = 3) -> list[EventPage]:
    """The next dated events in one language, open calls first."""
    now = timezone.now()
    events = list(
        decorate_events(
            EventPage.objects.live()
            .public()
            .filter(upcoming_q(now), locale_id=locale_id),
            now=now,
        ).order_by("-cc_open", "starts_at", "pk")[:limit]
    )
    label_events(events, Listing(locale_id=locale_id, language=current_language()))
    return events


def organisation_q(organisation: Organisation) -> Q:
    """Events a city hosts or takes part in as a partner."""
    partner_of = EventPage.partner_organisations.through.objects.filter(
        organisation=organisation
    ).values("eventpage_id")
    return Q(host_city=organisation) | Q(pk__in=partner_of)


def events_of_organisation(
    organisation: Organisation, *, locale_id: int
) -> list[EventPage]:
    """Events a city hosted or took part in as a partner: upcoming ones first
    (``is_upcoming``), then those without a date yet, then the last ten past."""
    now = timezone.now()
    events = (
        EventPage.objects.live()
        .public()
        .filter(organisation_q(organisation), locale_id=locale_id)
        .defer_streamfields()
    )
    # Upcoming and undated in one query (undated last), split here.
    ahead = list(
        events.filter(upcoming_q(now) | unscheduled_q(now)).order_by(
            F("starts_at").asc(nulls_last=True), "title", "pk"
        )
    )
    upcoming = [event for event in ahead if event.starts_at is not None]
    unscheduled = [event for event in ahead if event.starts_at is None]
    past = list(events.filter(past_q(now)).order_by("-starts_at", "-pk")[:10])
    for event in upcoming + unscheduled + past:
        event.short_date = event_short_date(event)
        event.is_upcoming = event in upcoming
    return upcoming + unscheduled + past


def region_events(
    region: Region, *, limit: int = 20
) -> tuple[list[EventPage], list[EventPage]]:
    """A region's upcoming (dated) events and, apart from them, those whose date is
    not fixed yet, for its coordinators: default-language pages (matched by the
    region's translation key), which registrations point at, with how many people
    applied and how many hold a place."""
    now = timezone.now()
    events = (
        EventPage.objects.live()
        .filter(
            region__translation_key=region.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .defer_streamfields()
        .annotate(
            cc_registrations=Count("registrations", distinct=True),
            cc_places_taken=Count(
                "registrations",
                filter=Q(registrations__state__in=PLACE_HOLDING_STATES),
                distinct=True,
            ),
        )
    )
    upcoming = list(events.filter(upcoming_q(now)).order_by("starts_at", "pk")[:limit])
    unscheduled = list(
        events.filter(unscheduled_q(now)).order_by("title", "pk")[:limit]
    )
    for event in upcoming + unscheduled:
        event.short_date = event_short_date(event)
    return upcoming, unscheduled
