"""Good practices: what a city did about a problem, told so that others can learn.

Pages point at taxonomy rows (clusters, fields of action, SDGs, regions) of the
default language and show their ``localized`` version, so a German translation of a
practice filters and groups exactly like its English original.

The page's own reads (facts in the reader's language, related content, structured
data) live here with it: the page is what renders them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from community.choosers import PersonChooserWidget
from conversations.contact import CONTACT_EMAIL_HELP, CONTACT_PERSON_HELP
from core.blocks import (
    FiguresBlock,
    ImageBlock,
    QuoteBlock,
    ResourcesBlock,
    SectionBlock,
)
from core.knowledge.links import OrganisationLinks
from core.knowledge.listing import (
    current_language,
    localized_relations,
    localized_rows,
    organisations_with_names,
)
from core.knowledge.related import (
    RELATED_LIMIT,
    RelatedGroup,
    event_translation,
    kept_related,
    related_items,
    without_repeats,
)
from core.links import page_public_url
from core.models import (
    SDG,
    HeroImageFields,
    ThemeFields,
    validate_theme,
)
from core.shared_facts import SharedFactsForm, SharedFactsPage
from core.structured_data import json_ld, place

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


class GoodPracticePage(HeroImageFields, ThemeFields, SharedFactsPage, Page):
    """A good practice from a city: what the problem was, what was done, what came of
    it and what others should know before trying it themselves.

    Editors fill the structured header (who, where, which theme) so practitioners can
    filter by it, and tell the story in the body's sections. The header's facts
    that do not depend on the language (``FACT_FIELDS``) are the original's in
    every translation (``core.shared_facts``).
    """

    FACT_FIELDS = (
        "cities",
        "country",
        "region",
        "cluster",
        "field_of_action",
        "sdgs",
        "status",
        "start_year",
        "end_year",
        "scale",
        "contact_person",
        "contact_email",
    )
    base_form_class = SharedFactsForm

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
        help_text=CONTACT_PERSON_HELP,
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=CONTACT_EMAIL_HELP
    )
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
        MultiFieldPanel(
            [
                FieldPanel("contact_person", widget=PersonChooserWidget),
                "contact_email",
            ],
            heading=_("Contact"),
        ),
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


# Projects (which may import practices, not the other way round) add related content
# to a practice's page through this hook: ``fn(page=, request=, event=)`` returns a
# ``RelatedGroup`` or None.
PRACTICE_RELATED_HOOK = "practices_related_content"


# --- A practice's page ---------------------------------------------------------------


def practice_facts(page: GoodPracticePage, request) -> dict:
    """The structured header of a practice in the page's language."""
    locale_id = page.locale_id
    language = current_language()
    links = OrganisationLinks(request, locale_id)
    # Through the page's own relation, so that a preview shows unsaved choices.
    city_ids = [city.pk for city in page.cities.all()]
    cities = [
        {"organisation": city, "url": links.url(city.slug)}
        for city in organisations_with_names(language)
        .filter(pk__in=city_ids)
        .order_by("display_name")
    ]
    themes = localized_relations(
        page, locale_id, "cluster", "field_of_action", "region"
    )
    sdgs = localized_rows(
        SDG, sorted(page.sdgs.all(), key=lambda sdg: sdg.number), locale_id
    )
    return {
        "cities": cities,
        **themes,
        "sdgs": sdgs,
        "tags": list(page.tags.all()),
    }


def practice_related(page: GoodPracticePage, request, facts: dict) -> list:
    """Practices with the same field of action, from the same cities and from the
    same event, then what other apps add (projects). One query per group; a page
    appears in the first group that lists it only."""
    others = (
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    groups = []
    if page.field_of_action_id:
        groups.append(
            RelatedGroup(
                key="field",
                title=gettext("More on %(field)s")
                % {"field": facts["field_of_action"].name},
                items=related_items(
                    others.filter(field_of_action_id=page.field_of_action_id)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    city_ids = [entry["organisation"].pk for entry in facts["cities"]]
    if city_ids:
        names = ", ".join(
            entry["organisation"].display_name for entry in facts["cities"]
        )
        groups.append(
            RelatedGroup(
                key="city",
                title=gettext("More from %(cities)s") % {"cities": names},
                items=related_items(
                    others.filter(
                        pk__in=GoodPracticePage.objects.filter(
                            cities__in=city_ids
                        ).values("pk")
                    )[:RELATED_LIMIT],
                    request,
                ),
            )
        )
    event = facts.get("event")
    if event is not None:
        groups.append(
            RelatedGroup(
                key="event",
                title=gettext("Also presented at %(event)s") % {"event": event.title},
                items=related_items(
                    others.filter(presented_at__translation_key=event.translation_key)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    for hook in hooks.get_hooks(PRACTICE_RELATED_HOOK):
        group = hook(page=page, request=request, event=event)
        if group:
            groups.append(group)
    return without_repeats(groups)


def practice_structured_data(page: GoodPracticePage, request, facts: dict) -> dict:
    """schema.org ``Article`` for search engines: what it is about and where."""
    about = [
        {"@type": "Thing", "name": row.name}
        for row in (facts["cluster"], facts["field_of_action"])
        if row is not None
    ] + [
        {"@type": "Thing", "name": f"SDG {sdg.number}: {sdg.name}"}
        for sdg in facts["sdgs"]
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "name": page.title,
        "description": page.teaser,
        "url": page_public_url(page, request),
        "inLanguage": current_language(),
        "about": about,
        "spatialCoverage": [
            place(entry["organisation"], entry["url"]) for entry in facts["cities"]
        ],
        "keywords": [tag.name for tag in facts["tags"]],
        "publisher": {"@type": "Organization", "name": "Connective Cities"},
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at
    if page.last_published_at:
        data["dateModified"] = page.last_published_at
    if page.originally_published_by:
        data["sourceOrganization"] = {
            "@type": "Organization",
            "name": page.originally_published_by,
        }
    return data


def practice_detail(page: GoodPracticePage, request) -> dict:
    """Context of a practice's page: facts, related content, structured data."""
    facts = practice_facts(page, request)
    facts["event"] = event_translation(page.presented_at, page.locale_id)
    index = page.get_parent()
    return {
        "facts": facts,
        **kept_related(request, lambda: practice_related(page, request, facts)),
        "structured_data": json_ld(practice_structured_data(page, request, facts)),
        "index_page": index,
        "canonical_url": page_public_url(page, request),
    }
