"""Organisers' tools for applicants in the Wagtail admin.

Per event: the applicant list (filters, counts per state, places, the balance of
countries and genders, bulk accept / waitlist / decline, CSV and XLSX export), one
applicant with their state log and single transitions, the check-in list for the day
of the event (made for a phone: one big button per participant, no JavaScript) and
invitations for invite-only events. "Events → Applicants" in the admin menu lists the
events a person manages; event pages in the page explorer link here.

Who may open these screens: exactly those for whom
``events.permissions.can_manage_event(user, event)`` is true (superusers, coordinators
whose region covers the event's region, people listed as the event's organisers), and
they need the Wagtail admin (the Editors or Coordinators group). Others are sent away
the way the rest of the admin does it (see ``tests/events/test_admin_permissions.py``).

Who sees personal data (``events.permissions.can_see_personal_data``): superusers and
the event's listed organisers see everything, including e-mail addresses, gender,
accessibility and dietary needs and motivation. Coordinators who manage the event only
through their region see and export names, organisation, country, role, what people
bring and their state: enough to run the process, not more (data minimisation).
Aggregate counts (the balance of countries and genders) are shown to all who manage.

Every write goes through ``events.services``; nothing here changes a registration.
"""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.validators import validate_email
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from django_countries import countries

from community.admin_views import bar_chart
from community.models import OrganisationKind
from core.links import page_public_url
from core.params import parse_int
from core.spreadsheets import SAFE_VALUE_PREPROCESS

from . import permissions, selectors, services
from .models import (
    Brings,
    Eligibility,
    EventPage,
    Gender,
    Registration,
    RegistrationState,
)
from .models.registrations import PLACE_HOLDING_STATES
from .permissions import can_see_personal_data, events_managed_by, managed_event_keys

# Other parts of the events admin add items to the "Events" menu through this hook.
EVENTS_MENU_HOOK = "register_events_admin_menu_item"

# The transitions organisers make on applications, and the service for each.
DECISIONS = {
    RegistrationState.ACCEPTED: "registration_accept",
    RegistrationState.WAITLISTED: "registration_waitlist",
    RegistrationState.DECLINED: "registration_decline",
}
DECISION_CHOICES = [
    (RegistrationState.ACCEPTED, _("Accept")),
    (RegistrationState.WAITLISTED, _("Put on the waitlist")),
    (RegistrationState.DECLINED, _("Decline")),
]
# Who is on the check-in list: everyone with a place who may turn up.
CHECK_IN_STATES = (
    RegistrationState.ACCEPTED,
    RegistrationState.CONFIRMED,
    RegistrationState.ATTENDED,
    RegistrationState.NO_SHOW,
)
APPLICANTS_PER_PAGE = 100
MAX_INVITATIONS = 500
# Addresses without an account named in the message after inviting (the list
# below marks them all).
MAX_LISTED_ADDRESSES = 20


# --- Forms


class ApplicantFilterForm(forms.Form):
    """The filters of the applicant list (GET); an unknown value is an error."""

    q = forms.CharField(label=_("Name or organisation"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states")), *RegistrationState.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds")), *OrganisationKind.choices],
    )
    brings = forms.ChoiceField(
        label=_("Brings"),
        required=False,
        choices=[("", _("Anything")), *Brings.choices],
    )

    def __init__(self, *args, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        named = sorted(
            ((code, countries.name(code)) for code in country_codes if code),
            key=lambda pair: pair[1],
        )
        self.fields["country"].choices = [("", _("All countries")), *named]

    def apply(self, queryset: QuerySet[Registration]) -> QuerySet[Registration]:
        data = self.cleaned_data
        if data.get("q"):
            words = data["q"]
            queryset = queryset.filter(
                Q(user__first_name__icontains=words)
                | Q(user__last_name__icontains=words)
                | Q(organisation__name__icontains=words)
                | Q(organisation_name__icontains=words)
            )
        if data.get("state"):
            queryset = queryset.filter(state=data["state"])
        if data.get("country"):
            queryset = queryset.filter(organisation__country=data["country"])
        if data.get("kind"):
            queryset = queryset.filter(organisation__kind=data["kind"])
        if data.get("brings"):
            queryset = queryset.filter(brings=data["brings"])
        return queryset


class IdListField(forms.Field):
    """Several ids from checkboxes of the same name; anything else is invalid."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("Enter whole numbers.")}

    def to_python(self, value) -> list[int]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        ids = [parse_int(item) if isinstance(item, str) else None for item in value]
        if None in ids:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return ids


class BulkTransitionForm(forms.Form):
    """Several applications of one event to one new state, with one message."""

    registration = IdListField(
        label=_("Applications"),
        error_messages={
            "required": _("Select at least one applicant first; nothing was changed."),
            "invalid": _(
                "Some selected applications do not belong to this event; "
                "nothing was changed."
            ),
        },
    )
    to_state = forms.ChoiceField(
        label=_("Decision"),
        choices=DECISION_CHOICES,
        error_messages={
            "required": _("Choose what to do with the selected applicants."),
            "invalid_choice": _(
                "“%(value)s” is not something you can do here; nothing was changed."
            ),
        },
    )
    reason = forms.CharField(
        label=_("Message to the applicants"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the notice and kept in the history."),
    )

    def __init__(self, *args, event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_registration(self) -> list[Registration]:
        ids = set(self.cleaned_data["registration"])
        found = list(self.event.registrations.filter(pk__in=ids).select_related("user"))
        if len(found) != len(ids):
            raise ValidationError(self.fields["registration"].error_messages["invalid"])
        return found


class TransitionForm(forms.Form):
    """One application to a new state, with the reason."""

    to_state = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES)
    reason = forms.CharField(
        label=_("Reason or message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent with the notice and kept in the history."),
    )


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
        help_text=_("One address per line. Addresses already invited are skipped."),
        error_messages={"required": _("Enter at least one e-mail address.")},
    )

    def clean_emails(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["emails"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise ValidationError(_("Enter at least one e-mail address."))
        if len(lines) > MAX_INVITATIONS:
            raise ValidationError(
                _("Enter at most %(limit)s addresses at a time.")
                % {"limit": MAX_INVITATIONS}
            )
        invalid = []
        for line in lines:
            try:
                validate_email(line)
            except ValidationError:
                invalid.append(line)
        if invalid:
            raise ValidationError(
                _(
                    "These lines are not e-mail addresses: %(lines)s. "
                    "Nobody was invited."
                )
                % {"lines": ", ".join(invalid[:20])}
            )
        return [BaseUserManager.normalize_email(line) for line in lines]


# --- Views


def _event_or_404(pk: int) -> EventPage:
    """The event's default-language page (registrations point at it)."""
    event = get_object_or_404(EventPage.objects.select_related("locale"), pk=pk)
    return event.canonical


class EventAdminMixin(WagtailAdminTemplateMixin):
    """Loads the event from the URL and refuses people who may not manage it."""

    header_icon = "group"

    def dispatch(self, request: HttpRequest, event_id: int, *args, **kwargs):
        self.event = _event_or_404(event_id)
        if not permissions.can_manage_event(request.user, self.event):
            raise PermissionDenied
        return super().dispatch(request, event_id, *args, **kwargs)

    @cached_property
    def personal(self) -> bool:
        return can_see_personal_data(self.request.user, self.event)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("events_applicants_index"), "label": _("Applicants")},
            {
                "url": reverse("events_applicants", args=(self.event.pk,)),
                "label": self.event.title,
            },
        ]
        if self.page_title != _("Applicants"):
            items.append({"url": "", "label": self.page_title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["personal"] = self.personal
        context["tabs"] = self.tabs()
        return context

    def tabs(self) -> list[dict]:
        pk = self.event.pk
        tabs = [
            (_("Applicants"), reverse("events_applicants", args=(pk,))),
            (_("Check-in"), reverse("events_check_in", args=(pk,))),
        ]
        if self.event.eligibility == Eligibility.INVITED:
            tabs.append((_("Invitations"), reverse("events_invitations", args=(pk,))))
        current = self.request.path
        return [
            {"label": label, "url": url, "current": url == current}
            for label, url in tabs
        ]


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


class ApplicantsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The events the user manages, upcoming first, with their applicants counted."""

    template_name = "events/admin/applicants_index.html"
    page_title = _("Applicants")
    header_icon = "group"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.events = events_managed_by(request.user)
        if not self.events.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = RegistrationState
        events = self.events.annotate(
            total=Count("registrations"),
            applied=Count(
                "registrations", filter=Q(registrations__state=states.APPLIED)
            ),
            placed=Count(
                "registrations",
                filter=Q(registrations__state__in=PLACE_HOLDING_STATES),
            ),
            waitlisted=Count(
                "registrations", filter=Q(registrations__state=states.WAITLISTED)
            ),
        ).order_by(F("starts_at").desc(nulls_first=True), "pk")
        page = Paginator(events, 50).get_page(self.request.GET.get("p"))
        context["page"] = page
        context["events"] = page.object_list
        return context


@dataclass
class BalanceRow:
    label: str
    total: int
    placed: int


class ApplicantListView(SpreadsheetExportMixin, EventAdminMixin, TemplateView):
    """One event's applicants: filters, counts, places, balance, bulk decisions,
    and the same list as CSV or XLSX (``?export=csv``)."""

    template_name = "events/admin/applicants.html"
    page_title = _("Applicants")

    BASE_EXPORT = [
        "name",
        "organisation",
        "country",
        "kind",
        "role",
        "state",
        "brings",
        "brings_title",
        "brings_description",
        "language_needs",
        "applied_at",
        "checked_in_at",
    ]
    PERSONAL_EXPORT = [
        "email",
        "gender",
        "motivation",
        "accessibility_needs",
        "dietary_needs",
    ]
    export_headings = {
        "name": _("Name"),
        "organisation": _("Organisation"),
        "country": _("Country"),
        "kind": _("Kind of organisation"),
        "role": _("Role"),
        "state": _("State"),
        "brings": _("Brings"),
        "brings_title": _("Title of the practice or challenge"),
        "brings_description": _("Short description"),
        "language_needs": _("Language needs"),
        "applied_at": _("Applied"),
        "checked_in_at": _("Checked in"),
        "email": _("E-mail address"),
        "gender": _("Gender"),
        "motivation": _("Motivation"),
        "accessibility_needs": _("Accessibility needs"),
        "dietary_needs": _("Dietary needs"),
    }
    # Spreadsheet programs run cells starting with "=" and the like as formulas.
    custom_value_preprocess = SAFE_VALUE_PREPROCESS

    @property
    def list_export(self) -> list[str]:
        if self.personal:
            return [*self.BASE_EXPORT[:1], *self.PERSONAL_EXPORT, *self.BASE_EXPORT[1:]]
        return list(self.BASE_EXPORT)

    def get_filename(self) -> str:
        return f"applicants-{self.event.slug}"

    def get_heading(self, queryset, field):
        return str(self.export_headings[field])

    def to_row_dict(self, item: Registration) -> dict:
        organisation = item.organisation
        values = {
            "name": item.user.get_full_name() or item.user.get_username(),
            "organisation": (
                organisation.localized_name if organisation else item.organisation_name
            ),
            "country": organisation.country.name if organisation else "",
            "kind": organisation.get_kind_display() if organisation else "",
            "role": item.role,
            "state": item.get_state_display(),
            "brings": item.get_brings_display(),
            "brings_title": item.brings_title,
            "brings_description": item.brings_description,
            "language_needs": item.language_needs,
            "applied_at": item.created_at,
            "checked_in_at": item.checked_in_at or "",
            "email": item.user.email,
            "gender": item.get_gender_display() if item.gender else "",
            "motivation": item.motivation,
            "accessibility_needs": item.accessibility_needs,
            "dietary_needs": item.dietary_needs,
        }
        return {field: values[field] for field in self.list_export}

    # --- data

    @cached_property
    def registrations(self) -> QuerySet[Registration]:
        return self.event.registrations.all()

    @cached_property
    def country_rows(self) -> list[dict]:
        return list(
            self.registrations.order_by()
            .values("organisation__country")
            .annotate(
                total=Count("pk"),
                placed=Count("pk", filter=Q(state__in=PLACE_HOLDING_STATES)),
            )
        )

    @cached_property
    def filter_form(self) -> ApplicantFilterForm:
        return ApplicantFilterForm(
            self.request.GET or None,
            country_codes=[row["organisation__country"] for row in self.country_rows],
        )

    def filtered(self) -> QuerySet[Registration]:
        queryset = self.registrations.select_related(
            "user", "organisation"
        ).prefetch_related("organisation__names")
        form = self.filter_form
        if form.is_bound and form.is_valid():
            queryset = form.apply(queryset)
        return queryset.order_by("created_at", "pk")

    def state_counts(self) -> list[dict]:
        counts = dict(
            self.registrations.order_by().values_list("state").annotate(Count("pk"))
        )
        return [
            {"value": value, "label": label, "count": counts.get(value, 0)}
            for value, label in RegistrationState.choices
        ]

    def country_balance(self) -> list[BalanceRow]:
        rows = [
            BalanceRow(
                countries.name(row["organisation__country"])
                if row["organisation__country"]
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
            .order_by()
            .values("gender")
            .annotate(
                total=Count("pk"),
                placed=Count("pk", filter=Q(state__in=PLACE_HOLDING_STATES)),
            )
        }
        return [
            BalanceRow(label, counts[value]["total"], counts[value]["placed"])
            for value, label in Gender.choices
            if value in counts
        ]

    # --- responses

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            messages.error(
                request, _("Some filters were not understood and are not applied.")
            )
        if self.is_export:
            return self.as_spreadsheet(self.filtered(), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.filtered(), APPLICANTS_PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        countries_balance = self.country_balance()
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("export", None)
        context.update(
            filter_form=self.filter_form,
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


def _refusal_message(refused: list[tuple[Registration, str]]) -> str:
    return "; ".join(
        f"{registration.user.get_full_name() or registration.user}: {reason}"
        for registration, reason in refused
    )


class BulkTransitionView(EventAdminMixin, TemplateView):
    """POST only: several applications to one state through
    ``services.registrations_bulk_transition``; says who was refused and why."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        back = _safe_next(request, reverse("events_applicants", args=(self.event.pk,)))
        form = BulkTransitionForm(request.POST, event=self.event)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        to_state = form.cleaned_data["to_state"]
        try:
            result = services.registrations_bulk_transition(
                registrations=form.cleaned_data["registration"],
                to_state=to_state,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except services.EventError as exc:
            messages.error(request, str(exc))
            return redirect(back)
        label = RegistrationState(to_state).label
        if result.changed:
            messages.success(
                request,
                ngettext(
                    "%(count)s applicant is now: %(state)s.",
                    "%(count)s applicants are now: %(state)s.",
                    len(result.changed),
                )
                % {"count": len(result.changed), "state": label},
            )
        if result.refused:
            messages.warning(
                request,
                _("Not changed: %(refusals)s")
                % {"refusals": _refusal_message(result.refused)},
            )
        return redirect(back)


class ApplicantDetailView(EventAdminMixin, TemplateView):
    """One application: what they sent, their state log, and a decision form."""

    template_name = "events/admin/applicant.html"
    page_title = _("Application")

    def dispatch(self, request, event_id: int, pk: int, *args, **kwargs):
        self.pk = pk
        return super().dispatch(request, event_id, pk, *args, **kwargs)

    @cached_property
    def registration(self) -> Registration:
        return get_object_or_404(
            self.event.registrations.select_related("user", "organisation"),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return str(self.registration.user.get_full_name() or self.registration.user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=TransitionForm()))

    def post(self, request, *args, **kwargs):
        form = TransitionForm(request.POST)
        if form.is_valid():
            to_state = form.cleaned_data["to_state"]
            service = getattr(services, DECISIONS[RegistrationState(to_state)])
            try:
                service(
                    registration=self.registration,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.EventError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("%(person)s is now: %(state)s.")
                    % {
                        "person": self.get_page_subtitle(),
                        "state": RegistrationState(to_state).label,
                    },
                )
                return redirect(request.path)
        messages.error(request, _("The application was not changed."))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["log"] = self.registration.log.select_related("actor")
        context["waitlist_position"] = selectors.waitlist_position(self.registration)
        return context


class CheckInView(EventAdminMixin, TemplateView):
    """The list for the door: everyone with a place, a search box, one big button
    each. Works on a phone without JavaScript."""

    template_name = "events/admin/check_in.html"
    page_title = _("Check-in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        window, now = services.check_in_window(self.event), timezone.now()
        participants = self.event.registrations.filter(
            state__in=CHECK_IN_STATES
        ).select_related("user", "organisation")
        counts = participants.aggregate(
            total=Count("pk"),
            attended=Count("pk", filter=Q(state=RegistrationState.ATTENDED)),
        )
        if query:
            condition = (
                Q(user__first_name__icontains=query)
                | Q(user__last_name__icontains=query)
                | Q(organisation__name__icontains=query)
                | Q(organisation_name__icontains=query)
            )
            if self.personal:
                condition |= Q(user__email__icontains=query)
            participants = participants.filter(condition)
        next_url = self.request.path + ("?" + urlencode({"q": query}) if query else "")
        context.update(
            query=query,
            participants=participants.order_by(
                "user__last_name", "user__first_name", "pk"
            ),
            counts=counts,
            can_mark_no_show=window is not None and now >= window[0],
            check_in_open=window is not None and window[0] <= now < window[1],
            next_url=next_url,
        )
        return context


class CheckInActionView(EventAdminMixin, TemplateView):
    """POST only: check one participant in, or mark them as not come."""

    http_method_names = ["post"]
    action = "check_in"

    def post(self, request, event_id: int, pk: int, *args, **kwargs):
        registration = self.event.registrations.select_related("user").filter(pk=pk)
        registration = registration.first()
        if registration is None:
            raise Http404
        back = _safe_next(request, reverse("events_check_in", args=(self.event.pk,)))
        name = registration.user.get_full_name() or str(registration.user)
        try:
            if self.action == "check_in":
                services.registration_check_in(
                    registration=registration, actor=request.user
                )
                messages.success(request, _("%(name)s is checked in.") % {"name": name})
            else:
                services.registration_mark_no_show(
                    registration=registration, actor=request.user
                )
                messages.success(
                    request, _("%(name)s is marked as not come.") % {"name": name}
                )
        except services.EventError as exc:
            messages.error(request, f"{name}: {exc}")
        return redirect(back)


class InvitationsView(EventAdminMixin, TemplateView):
    """Who is invited to an invite-only event, and a box to invite more."""

    template_name = "events/admin/invitations.html"
    page_title = _("Invitations")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=InvitationForm()))

    def post(self, request, *args, **kwargs):
        form = InvitationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nobody was invited."))
            return self.render_to_response(self.get_context_data(form=form))
        emails = form.cleaned_data["emails"]
        try:
            result = services.event_invitations_add(
                event=self.event, emails=emails, actor=request.user
            )
        except services.EventError as exc:
            messages.error(request, exc.message)
            return self.render_to_response(self.get_context_data(form=form))
        invited = len(result.created)
        skipped = len(set(emails)) - invited
        summary = ngettext(
            "%(count)s address invited.", "%(count)s addresses invited.", invited
        ) % {"count": invited}
        if skipped:
            summary += " " + ngettext(
                "%(count)s was already invited.",
                "%(count)s were already invited.",
                skipped,
            ) % {"count": skipped}
        messages.success(request, summary)
        self.report_mails(result)
        return redirect(request.path)

    def report_mails(self, result: services.InvitationsAdded) -> None:
        """Tell the organiser who was e-mailed and whom they must tell themselves."""
        if not result.created:
            return
        if result.mails_withheld:
            messages.warning(
                self.request,
                _(
                    "Nobody was e-mailed yet: the event is not published or takes "
                    "no applications. Invitees with an account get an e-mail when "
                    "it is published with applications open; tell the others "
                    "yourself."
                ),
            )
            return
        count = len(result.emailed)
        messages.success(
            self.request,
            ngettext(
                "%(count)s invitee has an account and was sent the invitation by "
                "e-mail.",
                "%(count)s invitees have an account and were sent the invitation "
                "by e-mail.",
                count,
            )
            % {"count": count},
        )
        missing = [invitation.email for invitation in result.without_account]
        if missing:
            shown = ", ".join(missing[:MAX_LISTED_ADDRESSES])
            if len(missing) > MAX_LISTED_ADDRESSES:
                shown += ", …"
            messages.warning(
                self.request,
                ngettext(
                    "%(count)s address has no account yet and got no e-mail: "
                    "%(addresses)s. Send them the link to the event yourself "
                    "(%(url)s); they can apply after signing up with that address.",
                    "%(count)s addresses have no account yet and got no e-mail: "
                    "%(addresses)s. Send them the link to the event yourself "
                    "(%(url)s); they can apply after signing up with that address.",
                    len(missing),
                )
                % {"count": len(missing), "addresses": shown, "url": self.event_url},
            )

    @cached_property
    def event_url(self) -> str:
        return page_public_url(self.event) or self.event.url or ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitations"] = (
            self.event.invitations.select_related("invited_by")
            .annotate(has_account=permissions.invitation_has_account())
            .order_by("email")
        )
        context["invite_only"] = self.event.eligibility == Eligibility.INVITED
        context["event_url"] = self.event_url
        return context


# --- Wiring: URLs, menu, buttons on event pages


@hooks.register("register_admin_urls")
def register_applicant_admin_urls():
    prefix = "events/applicants/"
    event = prefix + "<id:event_id>/"
    return [
        path(prefix, ApplicantsIndexView.as_view(), name="events_applicants_index"),
        path(event, ApplicantListView.as_view(), name="events_applicants"),
        path(
            event + "bulk/",
            BulkTransitionView.as_view(),
            name="events_applicants_bulk",
        ),
        path(
            event + "<id:pk>/",
            ApplicantDetailView.as_view(),
            name="events_applicant",
        ),
        path(event + "check-in/", CheckInView.as_view(), name="events_check_in"),
        path(
            event + "check-in/<id:pk>/",
            CheckInActionView.as_view(action="check_in"),
            name="events_check_in_action",
        ),
        path(
            event + "no-show/<id:pk>/",
            CheckInActionView.as_view(action="no_show"),
            name="events_no_show",
        ),
        path(
            event + "invitations/",
            InvitationsView.as_view(),
            name="events_invitations",
        ),
    ]


class ApplicantsMenuItem(MenuItem):
    """Shown only to people who manage at least one event."""

    def is_shown(self, request):
        return bool(managed_event_keys(request.user))


# The "Events" submenu, shown when one of its items is.
events_menu = Menu(register_hook_name=EVENTS_MENU_HOOK)


@hooks.register(EVENTS_MENU_HOOK)
def register_applicants_menu_item():
    return ApplicantsMenuItem(
        _("Applicants"),
        reverse_lazy("events_applicants_index"),
        name="events-applicants",
        icon_name="group",
        order=100,
    )


@hooks.register("register_admin_menu_item")
def register_events_menu():
    return SubmenuMenuItem(
        _("Events"), events_menu, name="events", icon_name="date", order=250
    )


def _applicant_buttons(page, user):
    if page.specific_class is not EventPage:
        return
    if page.translation_key not in managed_event_keys(user):
        return
    yield ActionMenuItem(
        _("Applicants"),
        url=reverse("events_applicants", args=(page.pk,)),
        icon_name="group",
        priority=25,
    )
    yield ActionMenuItem(
        _("Check-in"),
        url=reverse("events_check_in", args=(page.pk,)),
        icon_name="tick",
        priority=26,
    )


@hooks.register("register_page_listing_more_buttons")
def page_listing_applicant_buttons(page, user, next_url=None):
    yield from _applicant_buttons(page, user)


@hooks.register("register_page_header_buttons")
def page_header_applicant_buttons(page, user, view_name, next_url=None):
    yield from _applicant_buttons(page, user)
