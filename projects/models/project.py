"""Supported projects: how an idea from a dialogue event became a project.

A project story names the cities involved and their roles, the event it came from,
its stage, and a timeline of what happened (missions, study tours, MoUs, funding).

The page's own reads (cities with roles, the timeline, related content, structured
data) live here with it: the page is what renders them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
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

from community.choosers import PersonChooserWidget
from community.models import Organisation
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
    organisation_name,
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
from practices.models import GoodPracticePage


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


class SupportedProjectPage(HeroImageFields, ThemeFields, SharedFactsPage, Page):
    """The story of a supported project, from the event it came from to its results.

    Editors list the cities with their roles, set the stage, and add milestones as
    they happen; readers see a timeline and what was learnt. The theme and the
    stage (``FACT_FIELDS``) are the original's in every translation
    (``core.shared_facts``); the cities' rows and the milestones, which carry
    words, are each translation's own.
    """

    FACT_FIELDS = (
        "cluster",
        "field_of_action",
        "sdgs",
        "stage",
        "contact_person",
        "contact_email",
    )
    base_form_class = SharedFactsForm

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


# The usual path of a project; "stalled" can happen at any point.
STAGE_PATH = [Stage.IDEA, Stage.CONCEPT, Stage.ADVISORY, Stage.READY, Stage.IMPLEMENTED]


# --- A project's page --------------------------------------------------------------


def stage_steps(stage: str) -> list[dict]:
    """The usual stages in order, each marked done, current or to come."""
    labels = dict(Stage.choices)
    position = STAGE_PATH.index(stage) if stage in STAGE_PATH else -1
    return [
        {
            "value": value,
            "label": labels[value],
            "state": (
                "done"
                if index < position
                else "current"
                if index == position
                else "next"
            ),
        }
        for index, value in enumerate(STAGE_PATH)
    ]


def project_facts(page: SupportedProjectPage, request) -> dict:
    """The structured header of a project in the page's language."""
    locale_id = page.locale_id
    language = current_language()
    links = OrganisationLinks(request, locale_id)
    # The page's own relations, so that a preview shows unsaved changes.
    roles = list(page.city_roles.all())
    names = organisation_display_names(
        language, [role.organisation_id for role in roles]
    )
    cities = [
        {
            "organisation": role.organisation,
            "name": names.get(role.organisation_id, role.organisation.name),
            "role": role.get_role_display(),
            "url": links.url(role.organisation.slug),
        }
        for role in roles
    ]
    themes = localized_relations(page, locale_id, "cluster", "field_of_action")
    return {
        "cities": cities,
        **themes,
        "sdgs": localized_rows(
            SDG, sorted(page.sdgs.all(), key=lambda sdg: sdg.number), locale_id
        ),
        "tags": list(page.tags.all()),
        "milestones": sorted(
            page.milestones.all(), key=lambda step: (step.date, step.sort_order or 0)
        ),
        "stage_steps": stage_steps(page.stage),
        "event": event_translation(page.originating_event, locale_id),
    }


def organisation_display_names(language: str, ids: list[int]) -> dict[int, str]:
    """``{id: name in language}`` for organisations. One query (none without ids)."""
    if not ids:
        return {}
    return dict(
        Organisation.objects.filter(pk__in=ids)
        .annotate(display_name=organisation_name(language))
        .values_list("pk", "display_name")
    )


def project_related(page: SupportedProjectPage, request, facts: dict) -> list:
    """Practices the project built on, projects on the same field, from the same
    cities and from the same event, and practices presented at that event. One
    query per group."""
    locale_id = page.locale_id
    practices = (
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    projects = (
        SupportedProjectPage.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .exclude(pk=page.pk)
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    groups = []
    practice_keys = [
        practice.translation_key for practice in page.related_practices.all()
    ]
    if practice_keys:
        groups.append(
            RelatedGroup(
                key="practices",
                title=gettext("Good practices this project learnt from"),
                items=related_items(
                    practices.filter(translation_key__in=practice_keys), request
                ),
            )
        )
    if page.field_of_action_id:
        groups.append(
            RelatedGroup(
                key="field",
                title=gettext("More projects on %(field)s")
                % {"field": facts["field_of_action"].name},
                items=related_items(
                    projects.filter(field_of_action_id=page.field_of_action_id)[
                        :RELATED_LIMIT
                    ],
                    request,
                ),
            )
        )
    city_ids = [entry["organisation"].pk for entry in facts["cities"]]
    if city_ids:
        groups.append(
            RelatedGroup(
                key="city",
                title=gettext("More projects with %(cities)s")
                % {"cities": ", ".join(entry["name"] for entry in facts["cities"])},
                items=related_items(
                    projects.filter(
                        pk__in=ProjectCity.objects.filter(
                            organisation_id__in=city_ids
                        ).values("page_id")
                    )[:RELATED_LIMIT],
                    request,
                ),
            )
        )
    event = facts["event"]
    if event is not None:
        groups.append(
            RelatedGroup(
                key="event",
                title=gettext("Also from %(event)s") % {"event": event.title},
                items=related_items(
                    list(
                        projects.filter(
                            originating_event__translation_key=event.translation_key
                        )[:RELATED_LIMIT]
                    )
                    + list(
                        practices.filter(
                            presented_at__translation_key=event.translation_key
                        )[:RELATED_LIMIT]
                    ),
                    request,
                ),
            )
        )
    return without_repeats(groups)


def project_structured_data(page: SupportedProjectPage, request, facts: dict) -> dict:
    """schema.org ``CreativeWork``: what the project is about and where."""
    about = [
        {"@type": "Thing", "name": row.name}
        for row in (facts["cluster"], facts["field_of_action"])
        if row is not None
    ] + [
        {"@type": "Thing", "name": f"SDG {sdg.number}: {sdg.name}"}
        for sdg in facts["sdgs"]
    ]
    places = []
    for entry in facts["cities"]:
        organisation = entry["organisation"]
        organisation.display_name = entry["name"]
        places.append(place(organisation, entry["url"]))
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "headline": page.title,
        "name": page.title,
        "description": page.teaser,
        "url": page_public_url(page, request),
        "inLanguage": current_language(),
        "about": about,
        "spatialCoverage": places,
        "keywords": [tag.name for tag in facts["tags"]],
        "creativeWorkStatus": page.get_stage_display(),
        "publisher": {"@type": "Organization", "name": "Connective Cities"},
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at
    if page.last_published_at:
        data["dateModified"] = page.last_published_at
    return data


def project_detail(page: SupportedProjectPage, request) -> dict:
    facts = project_facts(page, request)
    return {
        "facts": facts,
        **kept_related(request, lambda: project_related(page, request, facts)),
        "structured_data": json_ld(project_structured_data(page, request, facts)),
        "index_page": page.get_parent(),
        "canonical_url": page_public_url(page, request),
    }
