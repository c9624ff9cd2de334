"""The index page the listings of practices, projects and events are built on."""

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.links import page_public_url


class KnowledgeIndexPage(Page):
    """What the index pages of practices, projects and events share: one under the
    home page, an introduction above the filters, and a canonical URL with the
    listing's checked parameters (filters, page number), so that search engines
    take each filtered page once whatever order its parameters came in.

    A subclass names what it lists (``subpage_types``) and returns this request's
    listing (with ``canonical_query()``) from ``get_listing``; the context has it
    as ``listing``.
    """

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
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def get_listing(self, request):
        raise NotImplementedError

    def listed_pages(self, model) -> QuerySet:
        """The ``model`` pages this index lists: live, public, its own children
        (and so in its language)."""
        return (
            model.objects.live()
            .public()
            .child_of(self)
            .filter(locale_id=self.locale_id)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.get_listing(request)
        context["listing"] = listing
        query = listing.canonical_query()
        context["canonical_url"] = page_public_url(self, request) + (
            f"?{query}" if query else ""
        )
        return context
