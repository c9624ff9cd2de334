"""Admin for the taxonomy: clusters and their fields of action, in every language;
the "My queue" panel on the dashboard; and where editors see which languages a page
exists in and which translations are out of date (``core.translations``)."""

from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SDG, Cluster, FieldOfAction
from .my_queue import MyQueuePanel
from .translations import views as translation_views
from .translations.status import (
    MARKED_CURRENT,
    translation_overview,
    translation_source,
)


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    menu_label = _("Thematic clusters")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class FieldOfActionViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "folder-inverse"
    menu_label = _("Fields of action")
    list_display = ["name", "cluster", "slug"]
    list_filter = ["cluster"]
    search_fields = ["name"]


class SDGViewSet(SnippetViewSet):
    model = SDG
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ClusterViewSet, FieldOfActionViewSet, SDGViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_my_queue_panel(request, panels):
    """What waits for the signed-in person, from every app (``core.my_queue``)."""
    panels.append(MyQueuePanel(request))


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "translations/",
            translation_views.TranslationReportView.as_view(),
            name="core_translations",
        ),
        path(
            "translations/<id:page_id>/",
            translation_views.PageTranslationsView.as_view(),
            name="core_page_translations",
        ),
        path(
            "translations/<id:page_id>/current/",
            translation_views.translation_current,
            name="core_translation_current",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return AdminOnlyMenuItem(
        _("Translations"),
        reverse_lazy("core_translations"),
        name="translations",
        icon_name="globe",
        order=300,
    )


def _translations_button(page, priority: int) -> Button | None:
    """ "Translations", with the number out of date if any (four queries)."""
    if page.is_root() or page.pk is None:
        return None
    original = translation_source(page) or page
    statuses = translation_overview([original])[original.pk]
    behind = sum(status.state == "out_of_date" for status in statuses)
    label = (
        _("Translations (%(count)s out of date)") % {"count": behind}
        if behind
        else _("Translations")
    )
    return Button(
        label,
        reverse("core_page_translations", args=[page.pk]),
        icon_name="globe",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def page_header_translations_button(page, user, view_name, next_url=None):
    """On every page's edit view: its languages and how current they are."""
    if page.permissions_for_user(user).can_edit():
        button = _translations_button(page, priority=85)
        if button is not None:
            yield button


@hooks.register("register_page_listing_more_buttons")
def page_listing_translations_button(page, user, next_url=None):
    if page.permissions_for_user(user).can_edit() and not page.is_root():
        yield Button(
            _("Translations"),
            reverse("core_page_translations", args=[page.pk]),
            icon_name="globe",
            priority=65,
        )


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        MARKED_CURRENT,
        _("Mark translation as up to date"),
        _("Translation marked as up to date"),
    )
