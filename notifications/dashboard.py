"""The person's latest notices on their dashboard (``community.dashboard``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from community.dashboard import DASHBOARD_SECTIONS_HOOK, DashboardSection, Member
from core.notices import kind_label

from .selectors import latest_notifications

# How many notices the dashboard shows; the notifications page has them all.
DASHBOARD_NOTIFICATIONS = 5


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def notification_section(*, request, member: Member) -> DashboardSection:
    """The newest notices, unread ones marked (one query). Seeing them here does
    not mark them read: only the notifications page does."""
    items = [
        {
            "notification": notification,
            "kind": kind_label(notification.kind),
            "new": notification.read_at is None,
        }
        for notification in latest_notifications(
            member.user, limit=DASHBOARD_NOTIFICATIONS
        )
    ]
    return DashboardSection(
        key="notifications",
        title=_("Latest notifications"),
        template="notifications/dashboard_section.html",
        items=items,
        order=50,
        more_url=reverse("notification_list"),
        more_text=_("All notifications"),
    )
