"""The "My queue" panel on the admin dashboard: what waits for the signed-in
person, across the apps, the most urgent first.

Core knows no kind of work. Each app adds its section through the
``core_my_queue_sections`` hook, so core imports none of them:

    @hooks.register(MY_QUEUE_HOOK)
    def claims_section(*, request):
        return QueueSection(key="claims", title=..., items=..., total=...)

A hook returns ``None`` when the person has no part in that kind of work (no
scope, nothing they manage); a section may be empty. With no section at all (a
plain editor) the panel is not shown; with only empty ones it says that nothing
waits. Who sees what is each app's own permission rule, and each section costs a
fixed number of queries: its count and its first ``ROWS_PER_SECTION`` items.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.ui.components import Component

MY_QUEUE_HOOK = "core_my_queue_sections"
# Rows per kind of work on the dashboard; the section links to the full list.
ROWS_PER_SECTION = 5


@dataclass
class QueueItem:
    """One thing to work on: where it is worked (``url``), since when it waits and,
    when it has one, its deadline (``due``, with what it is: "starts")."""

    title: str
    url: str
    detail: str = ""
    waiting_since: datetime | None = None
    due: datetime | None = None
    due_label: str = ""


@dataclass
class QueueSection:
    """One kind of work: its most urgent ``items`` (oldest waiting or nearest
    deadline first, at most ``ROWS_PER_SECTION``), how many there are in all and
    the page with all of them."""

    key: str
    title: str
    items: list[QueueItem] = field(default_factory=list)
    total: int = 0
    more_url: str = ""
    order: int = 100


def queue_sections(request) -> list[QueueSection]:
    """The sections the person has a part in, in their order."""
    sections = [
        section
        for hook in hooks.get_hooks(MY_QUEUE_HOOK)
        if (section := hook(request=request)) is not None
    ]
    return sorted(sections, key=lambda section: (section.order, section.key))


class MyQueuePanel(Component):
    """The dashboard panel (``construct_homepage_panels``), before Wagtail's own."""

    name = "my_queue"
    template_name = "core/admin/my_queue_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    @cached_property
    def sections(self) -> list[QueueSection]:
        return queue_sections(self.request)

    def get_context_data(self, parent_context=None):
        return {
            "sections": [section for section in self.sections if section.items],
            "request": self.request,
        }

    def render_html(self, parent_context=None) -> str:
        if not self.sections:
            return ""
        return super().render_html(parent_context)
