"""The event calendar page: upcoming events with open calls first, then the archive,
filtered and paged by ``events.listing``."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.links import page_public_url

from ..listing import event_listing


class EventIndexPage(Page):
    """The calendar: upcoming events with open calls first, then the archive."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A sentence or two above the filters."),
    )

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_events(self, request):
        """This request's calendar: upcoming events (open calls first) and one
        page of the archive, filtered (``events.listing``)."""
        return event_listing(self, request.GET)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_events(request)
        context["listing"] = listing
        query = listing.canonical_query()
        context["canonical_url"] = page_public_url(self, request) + (
            f"?{query}" if query else ""
        )
        return context
