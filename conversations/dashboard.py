"""The person's latest conversations on their dashboard (``community.dashboard``)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from community.dashboard import DASHBOARD_SECTIONS_HOOK, DashboardSection, Member, Task

from .selectors import conversations_of, display_name, others_of

# How many conversations the dashboard shows; the conversations page has them all.
DASHBOARD_CONVERSATIONS = 5


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def conversation_section(*, request, member: Member) -> DashboardSection:
    """The newest conversations with their unread counts (two queries), and a
    task when messages wait to be read."""
    rows = list(conversations_of(member.user)[:DASHBOARD_CONVERSATIONS])
    items = [
        {
            "conversation": row.conversation,
            "unread": row.unread,
            "others": [display_name(other.user) for other in others_of(row)],
        }
        for row in rows
    ]
    unread = sum(row.unread for row in rows)
    tasks = []
    if unread:
        tasks.append(
            Task(
                text=ngettext(
                    "You have %(count)d unread message.",
                    "You have %(count)d unread messages.",
                    unread,
                )
                % {"count": unread},
                url=reverse("conversation_list"),
                link_text=_("Read your messages"),
            )
        )
    return DashboardSection(
        key="conversations",
        title=_("Conversations"),
        template="conversations/dashboard/conversations.html",
        items=items,
        order=45,
        tasks=tasks,
        more_url=reverse("conversation_list"),
        more_text=_("All conversations"),
    )
