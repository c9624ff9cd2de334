"""Admin for the network: regions, organisations with their membership, the
affiliation verification queue (and its section of the dashboard's "My queue"
panel) and the region dashboards.

Coordinators reach the admin through the "Coordinators" group; what they may do
there is decided per object by ``community.permissions`` (see ``admin_views``).
"""

from django import forms
from django.contrib.auth.models import Permission
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.my_queue import MY_QUEUE_HOOK
from core.search import SEARCH_GROUPS_HOOK

from . import admin_views, dashboard, permissions  # noqa: F401
from .admin_import import import_admin_urls, import_menu_item
from .choosers import person_chooser_viewset
from .models import Organisation, Region
from .my_queue import claims_section
from .search import organisation_search_group

# Registered before any view asks, so Wagtail never falls back to model permissions.
register_permission_policy(
    Organisation, admin_views.OrganisationPermissionPolicy(Organisation)
)


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    menu_order = 210
    list_display = ["name", "slug", "is_focus", "sort_order"]
    search_fields = ["name"]


class OrganisationViewSet(ModelViewSet):
    """Member cities, associations and partners, with their membership."""

    model = Organisation
    name = "organisations"
    icon = "home"
    menu_label = _("Organisations")
    index_view_class = admin_views.OrganisationIndexView
    add_view_class = admin_views.OrganisationCreateView
    edit_view_class = admin_views.OrganisationEditView
    delete_view_class = admin_views.OrganisationDeleteView
    inspect_view_class = admin_views.OrganisationInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "kind",
        "country",
        "region",
        "parent",
        "population",
        "website",
        "email_domains",
        "description",
    ]
    copy_view_enabled = False
    # Organisations hold no references worth tracking; keeps saves to one table.
    add_to_reference_index = False
    search_fields = ["name"]
    search_backend_name = None
    filterset_class = admin_views.OrganisationFilterSet
    list_per_page = 50
    list_export = [
        "name",
        "kind",
        "country",
        "region",
        "membership",
        "website",
        "email_domains",
    ]
    export_headings = {
        "name": _("Name"),
        "kind": _("Kind"),
        "country": _("Country"),
        "region": _("Region"),
        "membership": _("Membership status"),
        "website": _("Website"),
        "email_domains": _("E-mail domains"),
    }
    export_filename = "organisations"
    edit_handler = ObjectList(
        [
            "name",
            "slug",
            "kind",
            "parent",
            MultiFieldPanel(
                [
                    "country",
                    # A plain select of the default-language regions instead of the
                    # snippet chooser, which needs region permissions and lists
                    # every translation.
                    FieldPanel("region", widget=forms.Select),
                    "population",
                    "latitude",
                    "longitude",
                ],
                heading=_("Place"),
            ),
            MultiFieldPanel(
                ["website", "email_domains", "official_languages", "description"],
                heading=_("Contact and languages"),
            ),
            MultiFieldPanel(
                ["hero_image", "hero_alt", "hero_credit"], heading=_("Picture")
            ),
            InlinePanel(
                "names",
                heading=_("Names and descriptions in other languages"),
                label=_("Translation"),
            ),
        ],
        base_form_class=admin_views.OrganisationForm,
    )

    def get_permissions_to_register(self):
        # Rights come from roles (community.permissions), not from group
        # permissions: offering "change organisation" checkboxes would mislead.
        return Permission.objects.none()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            membership_url_name=self.get_url_name("membership"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            membership_url_name=self.get_url_name("membership"), **kwargs
        )

    @property
    def membership_view(self):
        return self.construct_view(admin_views.MembershipView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("membership/<id:pk>/", self.membership_view, name="membership"),
        ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    """The "Network" menu: regions and organisations."""

    items = (OrganisationViewSet, RegionViewSet)
    menu_icon = "globe"
    menu_label = _("Network")
    menu_name = "network"
    menu_order = 210


register_snippet(NetworkViewSetGroup)


@hooks.register("register_account_menu_item")
def email_addresses_account_item(request):
    """The admin does not change e-mail addresses (WAGTAIL_EMAIL_MANAGEMENT_ENABLED);
    the site's account pages do, and verify a new address first."""
    return {
        "url": reverse_lazy("account_email"),
        "label": _("Change e-mail address"),
        "help_text": _(
            "On the website: a new address counts once you have confirmed it "
            "through the link we send to it."
        ),
    }


@hooks.register("register_admin_urls")
def register_community_admin_urls():
    return [
        path(
            "community/claims/",
            admin_views.AffiliationQueueView.as_view(),
            name="community_claims",
        ),
        path(
            "community/claims/<id:pk>/verify/",
            admin_views.affiliation_verify,
            name="community_claim_verify",
        ),
        path(
            "community/claims/<id:pk>/reject/",
            admin_views.affiliation_reject,
            name="community_claim_reject",
        ),
        path(
            "community/regions/",
            admin_views.RegionDashboardIndexView.as_view(),
            name="community_region_dashboards",
        ),
        path(
            "community/regions/<slug:slug>/",
            admin_views.RegionDashboardView.as_view(),
            name="community_region_dashboard",
        ),
    ]


class ClaimsMenuItem(MenuItem):
    """Shown only to people with claims waiting for their decision."""

    def is_shown(self, request):
        return permissions.affiliations_reviewable_by(request.user).pending().exists()


class RegionDashboardsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views.dashboard_regions(request.user))


@hooks.register("register_admin_menu_item")
def register_claims_menu_item():
    return ClaimsMenuItem(
        _("Affiliation claims"),
        reverse_lazy("community_claims"),
        name="community-claims",
        icon_name="clipboard-list",
        order=220,
    )


@hooks.register("register_admin_menu_item")
def register_region_dashboards_menu_item():
    return RegionDashboardsMenuItem(
        _("Region dashboards"),
        reverse_lazy("community_region_dashboards"),
        name="community-region-dashboards",
        icon_name="table",
        order=230,
    )


hooks.register("register_admin_urls", import_admin_urls)
hooks.register("register_admin_menu_item", import_menu_item)
# Claims waiting for a decision, on the dashboard's "My queue" panel.
hooks.register(MY_QUEUE_HOOK, claims_section)
# The "Cities and organisations" group of the site-wide search.
hooks.register(SEARCH_GROUPS_HOOK, organisation_search_group)


@hooks.register("register_admin_viewset")
def register_person_chooser():
    """The people chooser of the page editor (contact persons)."""
    return person_chooser_viewset
