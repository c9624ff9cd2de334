"""The event calendar page: upcoming events with open calls first, then the archive,
filtered and paged by ``events.listing``."""

from django.utils.translation import gettext_lazy as _

from core.knowledge.pages import KnowledgeIndexPage

from ..listing import event_listing


class EventIndexPage(KnowledgeIndexPage):
    """The calendar: upcoming events with open calls first, then the archive."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def get_listing(self, request):
        """This request's calendar: upcoming events (open calls first) and one
        page of the archive, filtered (``events.listing``)."""
        return event_listing(self, request.GET)
