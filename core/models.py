"""The home page, standard content pages and the thematic taxonomy.

The taxonomy (clusters with their fields of action) is shared by practices, projects,
events and people; it lives here so that every app can point at it without importing
each other.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageLogEntry, Revision, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock, FiguresBlock
from .sections import Section, page_sections, sections_version

# Apps add sections to the home page through this hook (see HomePage.get_sections), so
# the home page shows practices, projects and events without importing their apps.
# A section is kept as rendered and shown to every reader of its language
# (``core.sections``): nothing in it may depend on who reads it.
HOME_SECTIONS_HOOK = "core_home_page_sections"


def home_section(
    *, items, template: str, title, index_model, page, request
) -> dict | None:
    """What a ``HOME_SECTIONS_HOOK`` function returns: nothing without ``items``,
    else the section with a link to the live ``index_model`` page in the home
    page's language (if there is one)."""
    if not items:
        return None
    index = index_model.objects.live().filter(locale_id=page.locale_id).first()
    return {
        "template": template,
        "title": title,
        "items": items,
        "more_url": index.get_url(request) if index else "",
    }


def active_locale(default: Locale | None = None) -> Locale | None:
    """The locale of the active language, or ``default`` when that language has
    no locale (enabled in the settings but not created in Wagtail yet)."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return default


def previous_live_revision(page: Page) -> Revision | None:
    """The revision that was live before the one live now, if any.

    Read from the publish log, skipping entries of the live revision: the
    ``page_published`` signal comes before Wagtail logs the publication."""
    entry = (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish", revision__isnull=False
        )
        .exclude(revision_id=page.live_revision_id)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry else None


def live_translation(page: Page, language_code: str, *, public: bool = False):
    """``page`` in ``language_code``: itself when it is in that language, else its
    live translation (only a public one with ``public``), else ``page`` again."""
    if page.locale.language_code == language_code:
        return page
    translations = (
        type(page)
        .objects.live()
        .filter(
            translation_key=page.translation_key, locale__language_code=language_code
        )
    )
    if public:
        translations = translations.public()
    return translations.first() or page


class ClusterColour(models.TextChoices):
    """The colour a cluster is shown in everywhere: chips, card edges, map markers
    and charts. Each is at least 5:1 as text on white and on its own tint.

    The stylesheet defines them as ``--cluster`` and ``--cluster-tint`` on
    ``.cluster--<value>``; ``HEX`` is for what the server draws (maps as SVG).
    ``tests/core/test_cluster_colours.py`` holds the two to the same values."""

    TEAL = "teal", _("Teal")
    BLUE = "blue", _("Blue")
    OCHRE = "ochre", _("Ochre")
    GREEN = "green", _("Green")
    PLUM = "plum", _("Plum")
    RED = "red", _("Red")


CLUSTER_HEX = {
    ClusterColour.TEAL: ("#0b6770", "#e2edee"),
    ClusterColour.BLUE: ("#1f5aa6", "#e4ebf4"),
    ClusterColour.OCHRE: ("#8a5300", "#f1eae0"),
    ClusterColour.GREEN: ("#2b6e2f", "#e6eee6"),
    ClusterColour.PLUM: ("#7a3b8f", "#efe7f2"),
    ClusterColour.RED: ("#a5322e", "#f4e6e6"),
}


class Cluster(TranslatableMixin, index.Indexed, models.Model):
    """One of the four thematic clusters (Good Urban Governance, ...).

    Editors tag practices, projects and events with a cluster; the public site lists
    and filters by it. Translated with Wagtail's locales.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in filter URLs and feeds.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    colour = models.CharField(
        _("colour"),
        max_length=12,
        choices=ClusterColour.choices,
        default=ClusterColour.TEAL,
        help_text=_(
            "Shown on chips, cards and map markers of this cluster, in every language."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thematic cluster")
        verbose_name_plural = _("thematic clusters")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="core_cluster_unique_slug_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """The colour is not a matter of language: every translation of the
        cluster takes the one chosen last."""
        super().save(*args, **kwargs)
        Cluster.objects.filter(translation_key=self.translation_key).exclude(
            colour=self.colour
        ).update(colour=self.colour)


class FieldOfAction(TranslatableMixin, index.Indexed, models.Model):
    """A field of action within a cluster, e.g. "Urban renewal" in Integrated Urban
    Development. Climate is cross-cutting and appears as fields in several clusters."""

    cluster = models.ForeignKey(
        Cluster,
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="fields_of_action",
    )
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=160)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("cluster"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        ordering = ["cluster__sort_order", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="core_fieldofaction_unique_slug_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SDG(TranslatableMixin, index.Indexed, models.Model):
    """One of the 17 Sustainable Development Goals; practices and projects cite them."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    name = models.CharField(_("name"), max_length=120)

    panels = ["number", "name"]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "locale"], name="core_sdg_unique_number_locale"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def slug(self) -> str:
        return str(self.number)


class HeroImageFields(models.Model):
    """The hero image of a content page, with its text alternative and credit."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    hero_credit = models.CharField(_("hero image credit"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        """An image needs its text alternative: nobody else can write it later."""
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError(
                {
                    "hero_alt": _(
                        "Say what the image shows: people who cannot see it rely "
                        "on this text."
                    )
                }
            )


class ThemeFields(models.Model):
    """A page's thematic cluster and field of action (default-language rows; the
    field must belong to the cluster, see ``validate_theme``)."""

    cluster = models.ForeignKey(
        "core.Cluster",
        verbose_name=_("thematic cluster"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    field_of_action = models.ForeignKey(
        "core.FieldOfAction",
        verbose_name=_("field of action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    class Meta:
        abstract = True


class HomePage(Page):
    """The front door: what the network is, key figures, the four clusters and the
    latest practices, projects and events (each section hidden while it is empty)."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Two or three sentences that say what Connective Cities is."),
    )
    figures = StreamField(
        [("figures", FiguresBlock())],
        verbose_name=_("key figures"),
        blank=True,
        max_num=1,
        help_text=_("Optional: a row of figures such as events held and experts."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("more content"),
        blank=True,
        help_text=_("Shown below the latest practices, projects and events."),
    )

    content_panels = [*Page.content_panels, "intro", "figures", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("figures"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_clusters(self):
        return Cluster.objects.filter(locale=self.locale).order_by("sort_order")

    def get_sections(self, request) -> list[Section]:
        """Sections other apps contribute, all kept as rendered; each hook
        returns a dict with a ``template`` and its context, or None when it has
        nothing to show."""
        return page_sections(
            HOME_SECTIONS_HOOK, everyone=True, page=self, request=request
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clusters"] = self.get_clusters()
        context["sections"] = self.get_sections(request)
        context["sections_version"] = sections_version()
        return context


class StandardPage(Page):
    """A plain content page such as "About us", "Our approach" or "Services"."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A short lead paragraph shown above the content."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_(
            "Linked from the footer of every page, e.g. the imprint and the privacy "
            "notice (pages directly below the home page)."
        ),
    )

    content_panels = [*Page.content_panels, "intro", "body"]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


THEME_MISMATCH = _("This field of action belongs to another cluster.")


def theme_mismatch(cluster, field_of_action) -> bool:
    """Whether ``field_of_action`` belongs to a cluster other than ``cluster``
    (either may be ``None``: then nothing is checked)."""
    return bool(
        cluster is not None
        and field_of_action is not None
        and field_of_action.cluster_id != cluster.pk
    )


def validate_theme(page) -> None:
    """A page's field of action must belong to its cluster (practices, events)."""
    # Compared by id: the page's cluster row need not be loaded.
    checked = page.field_of_action_id and page.cluster_id
    if checked and page.field_of_action.cluster_id != page.cluster_id:
        raise ValidationError({"field_of_action": THEME_MISMATCH})


class TranslationSync(models.Model):
    """Which version of its original a translated page was last brought in line
    with, and what the original changed since (``core.translations``).

    Pages are translated with Wagtail's own copies (``simple_translation``): a
    translation is a page of its own, and nothing in Wagtail says when its original
    moved on. Publishing a translation records the original's live revision here;
    each publication of the original compares that revision with the new one and
    keeps the names of the fields that differ. A translation is out of date while
    that list is not empty; the facts among them (``SharedFactsPage.FACT_FIELDS``)
    were taken over already, the texts are the translator's to check.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_sync",
        verbose_name=_("translation"),
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version of the original"),
    )
    changed_fields = models.JSONField(
        _("changed in the original since"), default=list, blank=True
    )
    synced_at = models.DateTimeField(_("brought in line"), auto_now=True)
    synced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("brought in line by"),
    )

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.changed_fields or 'up to date'}"

    @property
    def out_of_date(self) -> bool:
        """The original changed since, or nobody knows which version it was made
        from (that version was deleted)."""
        return bool(self.changed_fields) or self.source_revision_id is None


class SearchWord(models.Model):
    """A word of the search index's texts, which the typo-forgiving search corrects
    a query to (``core.forgiving``).

    PostgreSQL writes them itself: a trigger on the search index's table adds the
    words of every row written (``core/migrations/0009_search_words.py``), so bulk
    writes and the search library's own upserts are covered. Words are never
    removed: one no page uses any more only corrects a query to something that
    finds nothing. Other databases leave the table empty.
    """

    word = models.CharField(_("word"), max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
