"""Wagtail hooks of conversations: "Download my data" and account deletion
(``personal_data``), the latest conversations on a person's dashboard
(``dashboard``), a city profile's "Ask the city" (``organisation``) and the
coordinators' queue of reported messages (``admin_views``), with its section
of "My queue"."""

from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.my_queue import MY_QUEUE_HOOK, ROWS_PER_SECTION, QueueItem, QueueSection

from . import admin_views, dashboard, organisation, personal_data  # noqa: F401
from .selectors import display_name


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "conversations/reports/",
            admin_views.report_queue,
            name="conversations_reports",
        ),
        path(
            "conversations/reports/<id:pk>/handled/",
            admin_views.report_handle,
            name="conversations_report_handle",
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Reported messages"),
        reverse_lazy("conversations_reports"),
        name="conversations-reports",
        icon_name="warning",
        order=230,
    )


@hooks.register(MY_QUEUE_HOOK)
def reports_section(*, request) -> QueueSection | None:
    """Reported messages in the person's scope, oldest first (two queries);
    nothing when none waits."""
    if not admin_views.may_see_reports(request.user):
        return None
    reports = admin_views.open_reports(request.user)
    total = reports.count()
    if not total:
        return None
    url = reverse("conversations_reports")
    return QueueSection(
        key="reports",
        title=_("Reported messages"),
        items=[
            QueueItem(
                title=display_name(report.message.sender),
                detail=report.message.body[:120],
                url=f"{url}#report-{report.pk}",
                waiting_since=report.created_at,
            )
            for report in reports[:ROWS_PER_SECTION]
        ],
        total=total,
        more_url=url,
        order=40,
    )
