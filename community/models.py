"""People and places of the network: user accounts and the programme's world regions.

Organisations, memberships and verified affiliations build on these (see DESIGN.md).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index


class Language(models.TextChoices):
    """Working languages of the network, for profiles, events and matching."""

    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    TURKISH = "tr", _("Turkish")
    SWAHILI = "sw", _("Swahili")


class User(AbstractUser):
    """An account of a practitioner, editor or coordinator.

    People sign in with their e-mail address; ``username`` is generated and never shown.
    The profile fields are what a practitioner tells the network about themselves.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The city, company or organisation you work for."),
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages you work in"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. ['en', 'ar']."),
    )
    preferred_language = models.CharField(
        _("language for e-mails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("We write to you in this language."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]


class Region(TranslatableMixin, index.Indexed, models.Model):
    """A world region of the programme (Sub-Saharan Africa, MENA, ...).

    Coordinators are scoped to regions, organisations belong to one, and every listing
    can be filtered by it. Translated with Wagtail's locales; other rows point at the
    default-language row and show ``region.localized``.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Used in filter URLs, e.g. 'middle-east-north-africa'."),
    )
    description = models.TextField(_("description"), blank=True)
    is_focus = models.BooleanField(
        _("current focus region"),
        default=False,
        help_text=_("Focus regions are shown first and have their own network pages."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = ["name", "slug", "description", "is_focus", "sort_order"]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="community_region_unique_slug_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name
