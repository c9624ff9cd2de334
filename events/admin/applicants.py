"""The events a person manages with their applicants counted, and one event's
applicants: filters, counts per state, places, the balance of countries and
genders, bulk decisions, and the same list as CSV or XLSX (``?export=csv``)."""

from collections import namedtuple

from django.db.models import Count, F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin import messages

from django_countries import countries

from community.admin_views import bar_chart
from core.params import paginate
from core.spreadsheets import ColumnsExportMixin

from .. import selectors
from ..models import Gender, Registration, RegistrationState
from ..models.registrations import PLACE_HOLDING_STATES
from .base import EventAdminMixin, ManagedEventsView
from .forms import ApplicantFilterSet, BulkTransitionForm

APPLICANTS_PER_PAGE = 100
PLACED = Q(state__in=PLACE_HOLDING_STATES)


class ApplicantsIndexView(ManagedEventsView):
    """The events the user manages, upcoming first, with their applicants counted."""

    template_name = "events/admin/applicants_index.html"
    page_title = _("Applicants")
    header_icon = "group"

    def annotate_events(self, events):
        def count(condition: Q | None = None) -> Count:
            return Count("registrations", filter=condition)

        return events.annotate(
            total=count(),
            applied=count(Q(registrations__state=RegistrationState.APPLIED)),
            placed=count(Q(registrations__state__in=PLACE_HOLDING_STATES)),
            waitlisted=count(Q(registrations__state=RegistrationState.WAITLISTED)),
        ).order_by(F("starts_at").desc(nulls_first=True), "pk")


BalanceRow = namedtuple("BalanceRow", "label total placed")


# The columns of the export: heading and value; personal ones only for those who
# may see personal data (inserted after the name).
EXPORT_COLUMNS = {
    "name": (_("Name"), lambda r: r.user.get_full_name() or r.user.get_username()),
    "organisation": (
        _("Organisation"),
        lambda r: (
            r.organisation.localized_name if r.organisation else r.organisation_name
        ),
    ),
    "country": (
        _("Country"),
        lambda r: r.organisation.country.name if r.organisation else "",
    ),
    "kind": (
        _("Kind of organisation"),
        lambda r: r.organisation.get_kind_display() if r.organisation else "",
    ),
    "role": (_("Role"), lambda r: r.role),
    "state": (_("State"), lambda r: r.get_state_display()),
    "brings": (_("Brings"), lambda r: r.get_brings_display()),
    "brings_title": (_("Title of the practice or challenge"), lambda r: r.brings_title),
    "brings_description": (_("Short description"), lambda r: r.brings_description),
    "language_needs": (_("Language needs"), lambda r: r.language_needs),
    "applied_at": (_("Applied"), lambda r: r.created_at),
    "checked_in_at": (_("Checked in"), lambda r: r.checked_in_at or ""),
}
PERSONAL_EXPORT_COLUMNS = {
    "email": (_("E-mail address"), lambda r: r.user.email),
    "gender": (_("Gender"), lambda r: r.get_gender_display() if r.gender else ""),
    "motivation": (_("Motivation"), lambda r: r.motivation),
    "accessibility_needs": (_("Accessibility needs"), lambda r: r.accessibility_needs),
    "dietary_needs": (_("Dietary needs"), lambda r: r.dietary_needs),
}


class ApplicantListView(ColumnsExportMixin, EventAdminMixin, TemplateView):
    """One event's applicants with filters, counts, places, balance and bulk
    decisions; ``?export=csv`` or ``xlsx`` gives the filtered list as a file."""

    template_name = "events/admin/applicants.html"
    page_title = _("Applicants")

    @cached_property
    def export_columns(self) -> dict:
        if not self.personal:
            return EXPORT_COLUMNS
        name, *rest = EXPORT_COLUMNS.items()
        return dict([name, *PERSONAL_EXPORT_COLUMNS.items(), *rest])

    def get_filename(self) -> str:
        return f"applicants-{self.event.slug}"

    # --- data

    @cached_property
    def registrations(self) -> QuerySet[Registration]:
        return self.event.registrations.order_by()

    @cached_property
    def country_rows(self) -> list[dict]:
        return list(
            self.registrations.values("organisation__country").annotate(
                total=Count("pk"), placed=Count("pk", filter=PLACED)
            )
        )

    @cached_property
    def filterset(self) -> ApplicantFilterSet:
        return ApplicantFilterSet(
            self.request.GET or None,
            self.registrations.select_related("user", "organisation")
            .prefetch_related("organisation__names")
            .order_by("created_at", "pk"),
            country_codes=[row["organisation__country"] for row in self.country_rows],
        )

    def filtered(self) -> QuerySet[Registration]:
        return self.filterset.qs

    def state_counts(self) -> list[dict]:
        counts = dict(self.registrations.values_list("state").annotate(Count("pk")))
        return [
            {"value": value, "label": label, "count": counts.get(value, 0)}
            for value, label in RegistrationState.choices
        ]

    def country_balance(self) -> list[BalanceRow]:
        rows = [
            BalanceRow(
                countries.name(code)
                if (code := row["organisation__country"])
                else gettext("Not known"),
                row["total"],
                row["placed"],
            )
            for row in self.country_rows
        ]
        return sorted(rows, key=lambda row: (-row.total, row.label))

    def gender_balance(self) -> list[BalanceRow]:
        counts = {
            row["gender"]: row
            for row in self.registrations.exclude(gender="")
            .values("gender")
            .annotate(total=Count("pk"), placed=Count("pk", filter=PLACED))
        }
        return [
            BalanceRow(label, counts[value]["total"], counts[value]["placed"])
            for value, label in Gender.choices
            if value in counts
        ]

    # --- responses

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.filterset.is_bound and not self.filterset.is_valid():
            messages.error(
                request, _("Some filters were not understood and are not applied.")
            )
        if self.is_export:
            return self.as_spreadsheet(self.filtered(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = paginate(self.request, self.filtered(), APPLICANTS_PER_PAGE)
        countries_balance = self.country_balance()
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("export", None)
        context.update(
            filter_form=self.filterset.form,
            page=page,
            registrations=page.object_list,
            state_counts=self.state_counts(),
            places=selectors.event_places(self.event),
            country_balance=countries_balance,
            chart=bar_chart([(row.label, row.total) for row in countries_balance]),
            gender_balance=self.gender_balance(),
            bulk_form=kwargs.get("bulk_form") or BulkTransitionForm(event=self.event),
            csv_url=self.get_export_url(self.FORMAT_CSV),
            xlsx_url=self.get_export_url(self.FORMAT_XLSX),
            query_string=query.urlencode(),
            next_url=self.request.get_full_path(),
            edit_url=reverse("wagtailadmin_pages:edit", args=(self.event.pk,)),
        )
        return context
