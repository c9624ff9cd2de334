"""Coordinators' tools in the Wagtail admin.

The organisation screens (listing, forms, membership), the affiliation verification
queue and the region dashboards. Who may do what is asked of ``community.permissions``
(through ``OrganisationPermissionPolicy`` for Wagtail's generic views); every write
goes through ``community.services``. The viewsets and menu items that wire these
views into the admin live in ``wagtail_hooks.py``.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy

import django_filters
from django_countries import countries

from core.bidi import isolate
from core.params import paginate
from core.spreadsheets import SAFE_VALUE_PREPROCESS

from . import permissions, services
from .models import (
    Affiliation,
    AffiliationStatus,
    MembershipChange,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Region,
)

# Other apps add panels to the region dashboard through this hook (events will show
# upcoming events), so community never imports them. Each hook is called with
# ``request`` and ``region`` and returns a dict with a ``title`` and a ``template``
# (plus any context the template needs), or None when it has nothing to show.
REGION_DASHBOARD_PANELS_HOOK = "community_region_dashboard_panels"

NO_MEMBERSHIP = "none"


# --- Permission policy


class OrganisationPermissionPolicy(BasePermissionPolicy):
    """Who may list, create, edit and delete organisations in the admin.

    Wagtail's generic views ask this policy; it answers from ``community.permissions``
    (roles at the moment of asking), never from Django model permissions, so granting
    "change organisation" to a group changes nothing. Coordinators see every
    organisation; they create, edit and delete only inside their region or country
    scope. Superusers may do everything.
    """

    MANAGING_ACTIONS = frozenset({"add", "change", "delete"})

    @staticmethod
    def _is_active(user) -> bool:
        return bool(getattr(user, "is_authenticated", False) and user.is_active)

    def user_has_permission(self, user, action: str) -> bool:
        if not self._is_active(user):
            return False
        if user.is_superuser:
            return True
        if action == "view":
            return permissions.is_coordinator(user)
        if action in self.MANAGING_ACTIONS:
            # A region or country scope means there are organisations to manage.
            return permissions.can_create_organisations(user)
        return False

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if not self._is_active(user):
            return False
        if action in self.MANAGING_ACTIONS:
            return permissions.can_manage_organisation(user, instance)
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if "view" in actions and self.user_has_permission(user, "view"):
            return Organisation.objects.all()
        if self._is_active(user) and self.MANAGING_ACTIONS.intersection(actions):
            return permissions.organisations_managed_by(user)
        return Organisation.objects.none()

    def users_with_any_permission(self, actions) -> QuerySet:
        """Superusers and people with a current coordinator role.

        Only used by Wagtail for notifications and user lists; the yes/no answers
        above are the rules.
        """
        coordinators = permissions.current_coordinator_roles(
            covering_organisations=bool(self.MANAGING_ACTIONS.intersection(actions))
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(roles__in=coordinators))
            .distinct()
        )


# --- Organisation listing, forms and views


def default_regions() -> QuerySet[Region]:
    """The default-language region rows, which organisations and roles point at."""
    return Region.objects.filter(locale=Locale.get_default())


def _countries_in_use() -> list[tuple[str, str]]:
    codes = Organisation.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])


class OrganisationFilterSet(WagtailFilterSet):
    """Filters of the organisation listing: region, country, kind, membership."""

    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=lambda request: default_regions(),
        method="filter_region",
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_countries_in_use)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganisationKind.choices
    )
    membership_status = django_filters.ChoiceFilter(
        label=_("Membership status"),
        choices=[
            *MembershipStatus.choices,
            (NO_MEMBERSHIP, _("No membership")),
        ],
        method="filter_membership_status",
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_region(self, queryset, name, value):
        return queryset.in_region(value) if value else queryset

    def filter_membership_status(self, queryset, name, value):
        if value == NO_MEMBERSHIP:
            return queryset.filter(membership__isnull=True)
        return queryset.filter(membership__status=value)


def membership_label(organisation: Organisation) -> str:
    """The membership status as a person reads it (organisations may have none)."""
    membership = getattr(organisation, "membership", None)
    if membership is None:
        return gettext("No membership")
    return membership.get_status_display()


class OrganisationIndexView(IndexView):
    """All organisations for coordinators; edit links only where they may edit."""

    membership_url_name = None

    def get_base_queryset(self):
        # The region's name in the admin language, in the same query.
        localized_region = Region.objects.filter(
            translation_key=OuterRef("region__translation_key"),
            locale__language_code=Locale.get_active().language_code,
        ).values("name")[:1]
        return (
            super()
            .get_base_queryset()
            .with_names()
            .annotate(
                region_name=Coalesce(Subquery(localized_region), F("region__name"))
            )
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query
        translated = OrganisationName.objects.filter(
            organisation=OuterRef("pk"), name__icontains=query
        )
        return queryset.filter(Q(name__icontains=query) | Exists(translated))

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column(
                "country",
                label=_("Country"),
                accessor="country.name",
                sort_key="country",
            ),
            Column(
                "region",
                label=_("Region"),
                accessor="region_name",
                sort_key="region__sort_order",
            ),
            Column(
                "membership",
                label=_("Membership"),
                accessor=membership_label,
                sort_key="membership__status",
            ),
        ]

    def _can(self, action: str, instance) -> bool:
        return self.user_has_permission_for_instance(action, instance)

    def get_edit_url(self, instance):
        if self._can("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self._can("delete", instance):
            return super().get_delete_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.membership_url_name and self._can("change", instance):
            buttons.append(
                MenuItem(
                    _("Membership"),
                    url=reverse(self.membership_url_name, args=(instance.pk,)),
                    icon_name="group",
                    priority=25,
                )
            )
        return buttons

    # Names, websites and domains are typed by people: no formulas in the export.
    custom_value_preprocess = SAFE_VALUE_PREPROCESS

    def to_row_dict(self, item):
        values = {
            "name": item.name,
            "kind": item.get_kind_display(),
            "country": item.country.name,
            "region": item.region_name,
            "membership": membership_label(item),
            "website": item.website,
            "email_domains": ", ".join(item.email_domains),
        }
        return {field: values[field] for field in self.list_export}


class OrganisationForm(WagtailAdminModelForm):
    """The organisation form: regions in the default language, scope checked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "region" in self.fields:
            self.fields["region"].queryset = default_regions()
        if "parent" in self.fields:
            parents = Organisation.objects.prefetch_related("names")
            if self.instance.pk:
                parents = parents.exclude(pk=self.instance.pk)
            self.fields["parent"].queryset = parents

    def _clean_list(self, field: str) -> list[str]:
        # An emptied JSON box means "none", not SQL NULL.
        value = self.cleaned_data.get(field) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_('Enter a list in brackets, e.g. ["en", "ar"].'))
        return value

    def clean_email_domains(self) -> list[str]:
        return self._clean_list("email_domains")

    def clean_official_languages(self) -> list[str]:
        return self._clean_list("official_languages")

    def clean(self):
        cleaned_data = super().clean()
        region, country = cleaned_data.get("region"), cleaned_data.get("country")
        if self.for_user is not None and region is not None and country:
            # Where the organisation ends up must be inside the coordinator's scope,
            # both when creating and when moving it to another region or country.
            probe = Organisation(region=region, country=country)
            if not permissions.can_manage_organisation(self.for_user, probe):
                raise ValidationError(
                    _(
                        "You can only add or keep organisations in the regions and "
                        "countries you coordinate."
                    )
                )
        return cleaned_data


class OrganisationCreateView(CreateView):
    def save_instance(self):
        if not self.user_has_permission_for_instance("add", self.form.instance):
            raise PermissionDenied
        return super().save_instance()


class InstancePermissionMixin:
    """Refuse an organisation the user may not touch, not only the whole model."""

    instance_action = "change"

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.instance_action, instance):
            raise PermissionDenied
        return instance


class OrganisationEditView(InstancePermissionMixin, EditView):
    membership_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.membership_url_name:
            buttons.append(
                Button(
                    _("Membership"),
                    url=reverse(self.membership_url_name, args=(self.object.pk,)),
                    icon_name="group",
                    priority=15,
                )
            )
        return buttons


class OrganisationDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"


class OrganisationInspectView(InspectView):
    def get_edit_url(self):
        if self.user_has_permission_for_instance("change", self.object):
            return super().get_edit_url()
        return None

    def get_delete_url(self):
        if self.user_has_permission_for_instance("delete", self.object):
            return super().get_delete_url()
        return None


# --- Membership


class MembershipStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MembershipStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when suspending or ending a membership. Kept in the history."
        ),
    )


class MembershipView(WagtailAdminTemplateMixin, TemplateView):
    """An organisation's membership: its status, a form to change it, its history.

    The status changes only through ``services.membership_set_status``, which records
    who changed it, when and why.
    """

    template_name = "community/admin/membership.html"
    header_icon = "group"
    page_title = _("Membership")
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        self.organisation = get_object_or_404(Organisation.objects.with_names(), pk=pk)
        if not permissions.can_manage_organisation(request.user, self.organisation):
            raise PermissionDenied
        return super().dispatch(request, pk, *args, **kwargs)

    @property
    def membership(self):
        return getattr(self.organisation, "membership", None)

    def get_page_subtitle(self):
        return self.organisation.localized_name

    def get_breadcrumbs_items(self):
        items = []
        if self.index_url_name:
            items.append(
                {"url": reverse(self.index_url_name), "label": _("Organisations")}
            )
        if self.edit_url_name:
            items.append(
                {
                    "url": reverse(self.edit_url_name, args=(self.organisation.pk,)),
                    "label": self.organisation.localized_name,
                }
            )
        items.append({"url": "", "label": _("Membership")})
        return self.breadcrumbs_items + items

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        current = self.membership.status if self.membership else None
        form = MembershipStatusForm(initial={"status": current})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = MembershipStatusForm(request.POST)
        if form.is_valid():
            try:
                services.membership_set_status(
                    organisation=self.organisation,
                    status=form.cleaned_data["status"],
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.CommunityError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("Membership of %(name)s is now: %(status)s.")
                    % {
                        "name": isolate(self.organisation.localized_name),
                        "status": MembershipStatus(form.cleaned_data["status"]).label,
                    },
                )
                return redirect(request.path)
        messages.error(request, _("The membership could not be changed."))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        context["membership"] = self.membership
        context["changes"] = MembershipChange.objects.filter(
            membership__organisation=self.organisation
        ).select_related("actor")
        return context


# --- Affiliation verification queue


def review_queue(user) -> QuerySet[Affiliation]:
    """Claims the user may decide on: pending ones first (oldest first), then the
    decided ones (latest first), with everything the queue shows loaded."""
    return (
        permissions.affiliations_reviewable_by(user)
        .select_related("user", "organisation", "decided_by")
        .prefetch_related("organisation__names")
        .annotate(
            queue_group=Case(
                When(status=AffiliationStatus.CLAIMED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("queue_group", F("decided_at").desc(nulls_last=True), "claimed_at")
    )


class AffiliationQueueView(WagtailAdminTemplateMixin, TemplateView):
    """The verification queue: claims a reviewer may verify or reject."""

    template_name = "community/admin/affiliation_queue.html"
    page_title = _("Affiliation claims")
    header_icon = "clipboard-list"
    paginate_by = 50

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not permissions.may_review_affiliations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = review_queue(self.request.user)
        page = paginate(self.request, queue, self.paginate_by)
        context["page"] = page
        context["claims"] = page.object_list
        context["next_url"] = self.request.get_full_path()
        return context


def _decide(request: HttpRequest, pk: int, decide) -> HttpResponse:
    claim = get_object_or_404(
        permissions.affiliations_reviewable_by(request.user), pk=pk
    )
    try:
        decide(claim)
    except services.CommunityError as exc:
        messages.error(request, str(exc))
    return redirect(get_valid_next_url_from_request(request) or "community_claims")


@require_POST
def affiliation_verify(request: HttpRequest, pk: int) -> HttpResponse:
    def decide(claim: Affiliation) -> None:
        services.affiliation_verify(affiliation=claim, actor=request.user)
        messages.success(
            request,
            _("%(person)s's affiliation with %(organisation)s is verified.")
            % {
                "person": isolate(str(claim.user)),
                "organisation": isolate(str(claim.organisation)),
            },
        )

    return _decide(request, pk, decide)


@require_POST
def affiliation_reject(request: HttpRequest, pk: int) -> HttpResponse:
    def decide(claim: Affiliation) -> None:
        services.affiliation_reject(
            affiliation=claim,
            actor=request.user,
            reason=request.POST.get("reason", ""),
        )
        messages.success(
            request,
            _("%(person)s's claim to work for %(organisation)s is rejected.")
            % {
                "person": isolate(str(claim.user)),
                "organisation": isolate(str(claim.organisation)),
            },
        )

    return _decide(request, pk, decide)


# --- Region dashboards


def dashboard_regions(user) -> list[Region]:
    """The default-language regions whose dashboard the user may open."""
    return [
        region
        for region in default_regions()
        if permissions.can_view_region_dashboard(user, region)
    ]


class RegionDashboardIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The regions whose dashboard the user may open."""

    template_name = "community/admin/region_dashboards.html"
    page_title = _("Region dashboards")
    header_icon = "table"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.regions = dashboard_regions(request.user)
        if not self.regions:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        localized = {
            region.translation_key: region.name
            for region in Region.objects.filter(locale=Locale.get_active())
        }
        context["regions"] = [
            (region, localized.get(region.translation_key, region.name))
            for region in self.regions
        ]
        return context


# Geometry of the bar chart, in SVG user units.
CHART_LABEL_WIDTH = 200
CHART_BAR_AREA = 340
CHART_ROW_HEIGHT = 28
CHART_BAR_HEIGHT = 18


def bar_chart(rows: list[tuple[str, int]]) -> dict:
    """Positions of a horizontal bar chart, computed here so the template only draws.

    ``rows`` are (label, value) pairs; bars are scaled to the largest value.
    """
    largest = max((value for _label, value in rows), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(rows):
        width = round(CHART_BAR_AREA * value / largest, 1)
        y = index * CHART_ROW_HEIGHT
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + CHART_BAR_HEIGHT / 2 + 5,
                "width": width,
                "value_x": CHART_LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "label_x": CHART_LABEL_WIDTH - 8,
        "bar_x": CHART_LABEL_WIDTH,
        "bar_height": CHART_BAR_HEIGHT,
        "width": CHART_LABEL_WIDTH + CHART_BAR_AREA + 40,
        "height": max(len(bars), 1) * CHART_ROW_HEIGHT,
    }


class RegionDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """One region at a glance for its coordinators.

    Organisations by membership status, people with a current affiliation, pending
    claims, member organisations per country (chart and table), and panels other
    apps add through ``REGION_DASHBOARD_PANELS_HOOK``.
    """

    template_name = "community/admin/region_dashboard.html"
    header_icon = "table"
    page_title = _("Region dashboard")
    people_shown = 50

    def dispatch(self, request: HttpRequest, slug: str, *args, **kwargs):
        self.region = get_object_or_404(default_regions(), slug=slug)
        if not permissions.can_view_region_dashboard(request.user, self.region):
            raise PermissionDenied
        return super().dispatch(request, slug, *args, **kwargs)

    @cached_property
    def region_name(self) -> str:
        return self.region.localized.name

    def get_page_subtitle(self):
        return self.region_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("community_region_dashboards"),
                "label": _("Region dashboards"),
            },
            {"url": "", "label": self.region_name},
        ]

    def membership_counts(self) -> list[tuple[str, int]]:
        counts = dict(
            Organisation.objects.in_region(self.region)
            .order_by()
            .values_list("membership__status")
            .annotate(count=Count("pk"))
        )
        rows = [
            (label, counts.get(value, 0)) for value, label in MembershipStatus.choices
        ]
        rows.append((gettext("No membership"), counts.get(None, 0)))
        return rows

    def member_countries(self) -> list[tuple[str, int]]:
        per_country = (
            Organisation.objects.active_members()
            .in_region(self.region)
            .order_by()
            .values_list("country")
            .annotate(count=Count("pk"))
        )
        rows = [(countries.name(code), count) for code, count in per_country]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    def get_panels(self) -> list[dict]:
        panels = []
        for hook in hooks.get_hooks(REGION_DASHBOARD_PANELS_HOOK):
            panel = hook(request=self.request, region=self.region)
            if panel:
                panels.append(panel)
        return panels

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.region.translation_key
        current = Affiliation.objects.current().filter(
            organisation__region__translation_key=key
        )
        member_countries = self.member_countries()
        context.update(
            region=self.region,
            region_name=self.region_name,
            membership_counts=self.membership_counts(),
            people_count=get_user_model()
            .objects.filter(affiliations__in=current)
            .distinct()
            .count(),
            people=current.select_related("user", "organisation")
            .prefetch_related("organisation__names")
            .order_by("user__last_name", "user__first_name", "pk")[: self.people_shown],
            pending_count=Affiliation.objects.pending()
            .filter(organisation__region__translation_key=key)
            .count(),
            member_countries=member_countries,
            chart=bar_chart(member_countries),
            panels=self.get_panels(),
        )
        return context
