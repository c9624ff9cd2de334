"""Supported projects: how an idea from a dialogue event became a project.

A project story names the cities involved and their roles, the event it came from,
its stage, and a timeline of what happened (missions, study tours, MoUs, funding).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import (
    FiguresBlock,
    ImageBlock,
    QuoteBlock,
    ResourcesBlock,
    SectionBlock,
)
from core.links import page_public_url
from core.models import HeroImageFields, ThemeFields, validate_theme


class ProjectStreamBlock(blocks.StreamBlock):
    """The sections of a project story."""

    initial_situation = SectionBlock(label=_("Initial situation"))
    learning_experience = SectionBlock(label=_("Learning experience"))
    project_ideas = SectionBlock(label=_("Project ideas"))
    results = SectionBlock(label=_("Results"))
    figures = FiguresBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    resources = ResourcesBlock()


class Stage(models.TextChoices):
    IDEA = "idea", _("Project idea")
    CONCEPT = "concept", _("Concept")
    ADVISORY = "advisory", _("Advisory")
    READY = "ready", _("Ready for implementation")
    IMPLEMENTED = "implemented", _("Implemented")
    STALLED = "stalled", _("Stalled")


class CityRole(models.TextChoices):
    REQUESTING = "requesting", _("Requesting city")
    PEER = "peer", _("Peer city")
    EXPERT = "expert", _("Expert city")


class MilestoneKind(models.TextChoices):
    EVENT = "event", _("Event")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    STUDY_TOUR = "study_tour", _("Study tour")
    WORKSHOP = "workshop", _("Workshop")
    MOU = "mou", _("Memorandum of understanding")
    FUNDING = "funding", _("Funding")
    IMPLEMENTATION = "implementation", _("Implementation")


class SupportedProjectTag(TaggedItemBase):
    content_object = ParentalKey(
        "projects.SupportedProjectPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class SupportedProjectPage(HeroImageFields, ThemeFields, Page):
    """The story of a supported project, from the event it came from to its results.

    Editors list the cities with their roles, set the stage, and add milestones as
    they happen; readers see a timeline and what was learnt.
    """

    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences for lists and search results."),
    )
    sdgs = ParentalManyToManyField(
        "core.SDG",
        verbose_name=_("SDGs"),
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA
    )
    originating_event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("originating event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The dialogue event where the project idea came up."),
    )
    origin_note = models.CharField(
        _("origin"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where the idea came from, in words, when the event has no page here, "
            "e.g. 'Virtual dialogue event on land management, November 2020'."
        ),
    )
    related_practices = ParentalManyToManyField(
        "practices.GoodPracticePage",
        verbose_name=_("related good practices"),
        blank=True,
        related_name="projects",
    )
    body = StreamField(ProjectStreamBlock(), verbose_name=_("story"), blank=True)
    tags = ClusterTaggableManager(through=SupportedProjectTag, blank=True)

    content_panels = [
        *Page.content_panels,
        "teaser",
        MultiFieldPanel(
            ["hero_image", "hero_alt", "hero_credit"], heading=_("Hero image")
        ),
        InlinePanel("city_roles", heading=_("Cities"), label=_("City"), min_num=1),
        MultiFieldPanel(
            [
                "cluster",
                "field_of_action",
                FieldPanel("sdgs"),
                "stage",
                "originating_event",
                "origin_note",
                FieldPanel("related_practices"),
                "tags",
            ],
            heading=_("Facts"),
        ),
        InlinePanel("milestones", heading=_("Timeline"), label=_("Milestone")),
        "body",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.SearchField("origin_note"),
        index.RelatedFields(
            "city_roles",
            [index.RelatedFields("organisation", [index.SearchField("name")])],
        ),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("cluster_id"),
        index.FilterField("field_of_action_id"),
        index.FilterField("stage"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("teaser"),
        APIField("cluster"),
        APIField("field_of_action"),
        APIField("sdgs"),
        APIField("stage"),
        APIField("origin_note"),
        APIField("city_roles"),
        APIField("milestones"),
        APIField("tags"),
        APIField("body"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("supported project")
        verbose_name_plural = _("supported projects")

    def clean(self):
        super().clean()
        validate_theme(self)

    def get_context(self, request, *args, **kwargs):
        """Cities with roles, the timeline, related content (practices it learnt
        from, same field, same cities, same event) and structured data."""
        from .selectors import project_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(project_detail(self, request))
        return context


class ProjectCity(Orderable):
    """A city (or organisation) in a project and the part it plays."""

    page = ParentalKey(
        SupportedProjectPage, on_delete=models.CASCADE, related_name="city_roles"
    )
    organisation = models.ForeignKey(
        "community.Organisation",
        verbose_name=_("city or organisation"),
        on_delete=models.PROTECT,
        related_name="project_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=CityRole.choices)

    panels = ["organisation", "role"]
    api_fields = [APIField("organisation"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("city in the project")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectMilestone(Orderable):
    """One step on the project's timeline."""

    page = ParentalKey(
        SupportedProjectPage, on_delete=models.CASCADE, related_name="milestones"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=MilestoneKind.choices)
    title = models.CharField(_("what happened"), max_length=200)
    description = models.TextField(_("details"), max_length=1000, blank=True)

    panels = ["date", "kind", "title", "description"]
    api_fields = [
        APIField("date"),
        APIField("kind"),
        APIField("title"),
        APIField("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        ordering = ["date", "sort_order"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class ProjectIndexPage(Page):
    """The list of supported projects with filters, search and map."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["projects.SupportedProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index")

    def get_projects(self, request):
        """This request's listing: filtered, searched, faceted and paginated (see
        ``core.knowledge.listing.run_listing``)."""
        from .selectors import project_listing

        return project_listing(self, request)

    def get_map_points(self, request, listing) -> list[dict]:
        """One point per city among all results (not only this page of them)."""
        from .selectors import project_map_points

        return project_map_points(listing, self.get_url(request))

    def get_context(self, request, *args, **kwargs):
        from core.knowledge.forms import KnowledgeFilterForm

        context = super().get_context(request, *args, **kwargs)
        listing = self.get_projects(request)
        context["listing"] = listing
        context["filter_form"] = KnowledgeFilterForm(listing=listing)
        context["map_points"] = self.get_map_points(request, listing)
        query = listing.canonical_query()
        context["canonical_url"] = page_public_url(self, request) + (
            f"?{query}" if query else ""
        )
        return context
