"""Good practices: what a city did about a problem, told so that others can learn.

Pages point at taxonomy rows (clusters, fields of action, SDGs, regions) of the
default language and show their ``localized`` version, so a German translation of a
practice filters and groups exactly like its English original.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from core.blocks import (
    FiguresBlock,
    ImageBlock,
    QuoteBlock,
    ResourcesBlock,
    SectionBlock,
)
from core.links import page_public_url
from core.models import HeroImageFields, ThemeFields, validate_theme

YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class GoodPracticeStreamBlock(blocks.StreamBlock):
    """The sections the best knowledge bases use, in the order readers expect."""

    overview = SectionBlock(label=_("Overview"))
    background = SectionBlock(label=_("Background"))
    objectives = SectionBlock(label=_("Objectives"))
    approach = SectionBlock(label=_("Approach and activities"))
    results = SectionBlock(label=_("Results and impact"))
    figures = FiguresBlock()
    lessons = SectionBlock(label=_("Lessons learnt"))
    transferability = SectionBlock(label=_("Transferability"))
    image = ImageBlock()
    quote = QuoteBlock()
    resources = ResourcesBlock()


class PracticeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class Scale(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
    CITY = "city", _("City")
    METROPOLITAN = "metropolitan", _("Metropolitan area")
    REGIONAL = "regional", _("Region or province")
    NATIONAL = "national", _("National")


class GoodPracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.GoodPracticePage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class GoodPracticePage(HeroImageFields, ThemeFields, Page):
    """A good practice from a city: what the problem was, what was done, what came of
    it and what others should know before trying it themselves.

    Editors fill the structured header (who, where, which theme) so practitioners can
    filter by it, and tell the story in the body's sections.
    """

    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences for lists and search results."),
    )
    cities = ParentalManyToManyField(
        "community.Organisation",
        verbose_name=_("cities"),
        blank=True,
        related_name="good_practices",
        help_text=_("The member cities (or organisations) behind this practice."),
    )
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        "community.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    sdgs = ParentalManyToManyField(
        "core.SDG",
        verbose_name=_("SDGs"),
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.ONGOING,
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    scale = models.CharField(
        _("scale"), max_length=20, choices=Scale.choices, default=Scale.CITY
    )
    main_actors = models.TextField(
        _("main actors"),
        max_length=1000,
        blank=True,
        help_text=_("Departments, companies, associations and citizens involved."),
    )
    originally_published_by = models.CharField(
        _("originally published by"), max_length=200, blank=True
    )
    body = StreamField(GoodPracticeStreamBlock(), verbose_name=_("story"), blank=True)
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    presented_at = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("presented at event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The event where this practice was presented."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_practices",
        editable=False,
    )
    tags = ClusterTaggableManager(through=GoodPracticeTag, blank=True)

    content_panels = [
        *Page.content_panels,
        "teaser",
        MultiFieldPanel(
            ["hero_image", "hero_alt", "hero_credit"], heading=_("Hero image")
        ),
        MultiFieldPanel(
            [
                FieldPanel("cities"),
                "country",
                "region",
                "cluster",
                "field_of_action",
                FieldPanel("sdgs"),
                "tags",
            ],
            heading=_("Where and what"),
        ),
        MultiFieldPanel(
            [
                "status",
                "start_year",
                "end_year",
                "scale",
                "main_actors",
                "originally_published_by",
                PageChooserPanel("presented_at"),
            ],
            heading=_("Facts"),
        ),
        "body",
        MultiFieldPanel(["contact_person", "contact_email"], heading=_("Contact")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.SearchField("main_actors"),
        index.RelatedFields("cities", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("cluster_id"),
        index.FilterField("field_of_action_id"),
        index.FilterField("region_id"),
        index.FilterField("country"),
        index.FilterField("start_year"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("teaser"),
        APIField("country"),
        APIField("region"),
        APIField("cluster"),
        APIField("field_of_action"),
        APIField("sdgs"),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("scale"),
        APIField("main_actors"),
        APIField("originally_published_by"),
        APIField("tags"),
        APIField("body"),
    ]

    parent_page_types = ["practices.GoodPracticeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def get_context(self, request, *args, **kwargs):
        """Facts in the reader's language, related content (same field of action,
        same city, same event, projects) and structured data for search engines."""
        from .selectors import practice_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(practice_detail(self, request))
        return context

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The end year cannot be before the start year.")}
            )
        validate_theme(self)

    def with_content_json(self, content):
        """Who proposed the practice belongs to the page, not to a revision (like
        ``owner``): publishing or editing a revision saved before the proposer
        deleted their account must not bring them back."""
        obj = super().with_content_json(content)
        obj.proposed_by_id = self.proposed_by_id
        return obj


class GoodPracticeIndexPage(Page):
    """The knowledge base of good practices: filters, search, map and list."""

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
    subpage_types = ["practices.GoodPracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("good practice index")

    def get_practices(self, request):
        """This request's listing: filtered, searched, faceted and paginated (the
        listing paginates itself so it can say when a page number was out of range;
        see ``practices.selectors``)."""
        from .selectors import practice_listing

        return practice_listing(self, request)

    def get_map_points(self, request, listing) -> list[dict]:
        """One point per city among all results (not only this page of them)."""
        from .selectors import practice_map_points

        return practice_map_points(listing, self.get_url(request))

    def get_context(self, request, *args, **kwargs):
        from core.knowledge.forms import KnowledgeFilterForm

        from .selectors import practice_feeds

        context = super().get_context(request, *args, **kwargs)
        listing = self.get_practices(request)
        context["listing"] = listing
        context["filter_form"] = KnowledgeFilterForm(listing=listing)
        context["map_points"] = self.get_map_points(request, listing)
        context["feeds"] = practice_feeds(listing)
        query = listing.canonical_query()
        context["canonical_url"] = page_public_url(self, request) + (
            f"?{query}" if query else ""
        )
        return context
