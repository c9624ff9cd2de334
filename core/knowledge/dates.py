"""A listing's date filter: ``from`` and ``to`` (ISO dates, both inclusive) on
the day a row's moment falls on in the row's own time zone, as its page shows it.
The event calendar filters events by their start this way: a workshop in Amman
starting at 01:00 on 12 March is on 12 March, although it is still 11 March in UTC.

Rows without a moment are in no date range, so they are listed only without one.
A bad date is dropped with a message, like an unknown filter value.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.db import NotSupportedError
from django.db.models import DateField, Func, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.params import has_control_characters, parse_date

from .listing import ECHO_LENGTH, ActiveFilter, echo

FROM, TO = "from", "to"
# The years a date filter accepts; beyond them a date is a typo (and far enough
# out, date arithmetic overflows).
FIRST_YEAR, LAST_YEAR = 1950, 2100
# No time zone is more than 14 hours from UTC: the UTC window on the indexed
# ``starts_at`` widened by this much holds every event that starts on the chosen
# days somewhere, before each one's local date is worked out.
ZONE_SLACK = timedelta(hours=14)


class LocalDate(Func):
    """The calendar date of a timestamp in the time zone another column names
    (``starts_at`` in ``time_zone``: the day the event's page shows)."""

    arity = 2
    output_field = DateField()

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("LocalDate needs PostgreSQL or SQLite.")

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="CAST((%(expressions)s) AS date)",
            arg_joiner=" AT TIME ZONE ",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        # The function Django registers for ``TruncDate`` takes the zone as an
        # argument like any other, so it may be a column; timestamps are stored in
        # UTC (``USE_TZ``).
        return super().as_sql(
            compiler,
            connection,
            function="django_datetime_cast_date",
            template="%(function)s(%(expressions)s, 'UTC')",
            **extra,
        )


@dataclass
class DateRange:
    """The chosen first and last day (either may be open)."""

    start: date | None = None
    end: date | None = None

    def __bool__(self) -> bool:
        return bool(self.start or self.end)

    @property
    def params(self) -> dict[str, str]:
        return {
            name: value.isoformat()
            for name, value in ((FROM, self.start), (TO, self.end))
            if value
        }

    def apply(
        self, queryset: QuerySet, *, field: str = "starts_at", zone: str = "time_zone"
    ) -> QuerySet:
        """The rows of ``queryset`` whose ``field`` (a moment) falls within the
        range in the time zone named by their ``zone`` column."""
        if not self:
            return queryset
        if self.start:
            first = datetime.combine(self.start, time.min, tzinfo=UTC)
            queryset = queryset.filter(**{f"{field}__gte": first - ZONE_SLACK})
        if self.end:
            after = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=UTC)
            queryset = queryset.filter(**{f"{field}__lt": after + ZONE_SLACK})
        queryset = queryset.alias(cc_start_day=LocalDate(field, zone))
        if self.start:
            queryset = queryset.filter(cc_start_day__gte=self.start)
        if self.end:
            queryset = queryset.filter(cc_start_day__lte=self.end)
        return queryset

    def active_filters(self, querystring) -> list[ActiveFilter]:
        """The first and last day as the list of active filters shows them, each with a
        link (``querystring`` of the listing) that removes it."""
        labels = (
            (FROM, self.start, _("Starts on or after")),
            (TO, self.end, _("Starts on or before")),
        )
        return [
            ActiveFilter(
                label=str(label),
                value=date_format(value, "DATE_FORMAT"),
                remove_query=querystring(**{name: ""}),
            )
            for name, value, label in labels
            if value
        ]


BAD_DATE = {
    FROM: gettext_lazy(
        "“%(value)s” is not a date we can start from (a day such as 2026-03-12, "
        "years %(first)d to %(last)d); showing results from any date."
    ),
    TO: gettext_lazy(
        "“%(value)s” is not a date we can end at (a day such as 2026-03-12, "
        "years %(first)d to %(last)d); showing results up to any date."
    ),
}


def read_date_range(params, messages: list[str]) -> DateRange:
    """The ``from`` and ``to`` of a request; a bad date, or a start after the
    end, adds a message and is left out (the other filters stay)."""
    days = {}
    for name in (FROM, TO):
        raw = (params.get(name) or "").strip()[: ECHO_LENGTH * 5]
        if not raw:
            continue
        value = None
        if not has_control_characters(raw):
            value = parse_date(raw, minimum=FIRST_YEAR, maximum=LAST_YEAR)
        if value is None:
            messages.append(
                str(BAD_DATE[name])
                % {"value": echo(raw), "first": FIRST_YEAR, "last": LAST_YEAR}
            )
        else:
            days[name] = value
    dates = DateRange(start=days.get(FROM), end=days.get(TO))
    if dates.start and dates.end and dates.start > dates.end:
        messages.append(
            _(
                "The first day (%(start)s) is after the last day (%(end)s); "
                "showing results of any date."
            )
            % {
                "start": date_format(dates.start, "DATE_FORMAT"),
                "end": date_format(dates.end, "DATE_FORMAT"),
            }
        )
        return DateRange()
    return dates
