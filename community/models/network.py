"""People and places of the network.

User accounts with their profile, world regions, organisations (member cities,
associations, partners) with their membership, people's affiliations with
organisations, and scoped roles (coordinators, focal points). Who may do what is
decided in ``community.permissions``; every write goes through ``community.services``.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from django_countries.fields import CountryField

from core.logs import TransitionLog, actor_field, state_fields
from core.models import HeroImageFields
from core.validators import validate_single_line_name

AFFILIATION_VALIDITY = timedelta(days=365)


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
    # As in AbstractUser, plus one line only: every form that edits them (sign-up,
    # profile, the admin's account and user pages) checks the model's validators.
    first_name = models.CharField(
        _("first name"),
        max_length=150,
        blank=True,
        validators=[validate_single_line_name],
    )
    last_name = models.CharField(
        _("last name"),
        max_length=150,
        blank=True,
        validators=[validate_single_line_name],
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The city, company or organisation you work for."),
        validators=[validate_single_line_name],
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
    bio = models.TextField(
        _("about you"),
        max_length=2000,
        blank=True,
        help_text=_("Your work and what you care about, in a few sentences."),
    )
    expertise_clusters = models.ManyToManyField(
        "core.Cluster",
        verbose_name=_("expertise: clusters"),
        blank=True,
        related_name="+",
    )
    expertise_fields = models.ManyToManyField(
        "core.FieldOfAction",
        verbose_name=_("expertise: fields of action"),
        blank=True,
        related_name="+",
    )
    offers = models.JSONField(
        _("what you can offer"),
        default=list,
        blank=True,
        help_text=_("Codes from Offer, e.g. ['host_study_visit']."),
    )
    seeks = models.TextField(
        _("what you are looking for"),
        max_length=2000,
        blank=True,
        help_text=_("A challenge of your city you would like to learn about."),
    )
    visibility = models.JSONField(
        _("who may see your profile fields"),
        default=dict,
        blank=True,
        help_text=_(
            "Profile field name to Visibility; missing fields are members-only."
        ),
    )
    onboarded_at = models.DateTimeField(
        _("finished or skipped the first steps"),
        null=True,
        blank=True,
        help_text=_(
            "Empty until the person finishes or skips the first steps after "
            "signing up; until then, signing in leads there."
        ),
    )
    is_pseudonymised = models.BooleanField(
        _("deleted by its owner"),
        default=False,
        help_text=_("The account was deleted; kept rows point at this placeholder."),
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

    @property
    def offer_labels(self) -> list[str]:
        labels = dict(Offer.choices)
        return [str(labels.get(code, code)) for code in self.offers]

    def visibility_of(self, field: str) -> str:
        return self.visibility.get(field, Visibility.MEMBERS)


class Offer(models.TextChoices):
    """What a practitioner can offer to peers; feeds peer-exchange matching."""

    HOST_STUDY_VISIT = "host_study_visit", _("Host a study visit")
    EXPERT_MISSION = "expert_mission", _("Go on an expert mission")
    PRESENT_PRACTICE = "present_practice", _("Present a good practice")
    ONLINE_ADVICE = "online_advice", _("Advise online")


class Visibility(models.TextChoices):
    """Who may see a profile field. Members-only is the default for every field."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Verified members of the network")
    COORDINATORS = "coordinators", _("Coordinators only")


# The profile fields a person can show or hide, in the order the profile shows them.
PROFILE_VISIBILITY_FIELDS = [
    "job_title",
    "bio",
    "languages",
    "expertise",
    "offers",
    "seeks",
]


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


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    MUNICIPAL_COMPANY = "municipal_company", _("Municipal company")
    MUNICIPAL_ASSOCIATION = "municipal_association", _("Municipal association")
    PARTNER = "partner", _("Partner or implementing organisation")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class OrganisationQuerySet(models.QuerySet):
    def with_names(self):
        """Everything a listing shows, in a fixed number of queries."""
        return self.select_related("region", "membership").prefetch_related("names")

    def active_members(self):
        return self.filter(membership__status=MembershipStatus.ACTIVE)

    def in_region(self, region: "Region"):
        return self.filter(region__translation_key=region.translation_key)


class Organisation(HeroImageFields, index.Indexed, ClusterableModel):
    """A city, municipal company, association or partner organisation.

    Member cities have a public profile and a point on the map. The name is given in
    the organisation's own usage; ``names`` holds translations for other languages.
    The profile's picture (``hero_image``) needs its text alternative, as on pages.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The usual English name, e.g. 'Greater Amman Municipality'."),
        validators=[validate_single_line_name],
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("Used in the address.")
    )
    country = CountryField(_("country"))
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("The programme region this organisation belongs to."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        help_text=_(
            "A district belongs to its city; a city may belong to an association."
        ),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    official_languages = models.JSONField(
        _("official languages"), default=list, blank=True
    )
    email_domains = models.JSONField(
        _("e-mail domains"),
        default=list,
        blank=True,
        help_text=_(
            "Domains of staff addresses, e.g. ['amman.gov.jo']. A hint for "
            "coordinators when verifying, never proof on its own."
        ),
    )
    description = models.TextField(_("description"), max_length=4000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("region_id"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="community_organisation_both_coordinates_or_none",
            )
        ]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The name in the active language when a translation exists.

        Reads the prefetched ``names`` so that listings stay at a fixed query count.
        """
        language = (get_language() or "en")[:2]
        for translated in self.names.all():
            if translated.language == language:
                return translated.name
        return self.name

    @property
    def localized_description(self) -> str:
        """The description in the active language when one was written, else the
        organisation's own (from the prefetched ``names``, like ``localized_name``)."""
        language = (get_language() or "en")[:2]
        for translated in self.names.all():
            if translated.language == language and translated.description:
                return translated.description
        return self.description

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_active_member(self) -> bool:
        membership = getattr(self, "membership", None)
        return membership is not None and membership.status == MembershipStatus.ACTIVE


class OrganisationName(models.Model):
    """The organisation's name (e.g. 'München' for Munich) and description in one
    more language."""

    organisation = ParentalKey(
        Organisation, on_delete=models.CASCADE, related_name="names"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(
        _("name"), max_length=200, validators=[validate_single_line_name]
    )
    description = models.TextField(
        _("description"),
        max_length=4000,
        blank=True,
        help_text=_("Leave empty to show the organisation's own description."),
    )

    class Meta:
        verbose_name = _("translated name")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language"],
                name="community_organisationname_one_per_language",
            )
        ]

    def __str__(self) -> str:
        return self.name


class MembershipStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")


class Membership(models.Model):
    """An organisation's membership in the network, with the dates it changed."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.APPLIED,
    )
    applied_on = models.DateField(_("applied on"), default=timezone.localdate)
    active_since = models.DateField(_("active since"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return f"{self.organisation.name}: {self.get_status_display()}"


class MembershipChange(TransitionLog):
    """One change of a membership's status: who, when, from what to what, and why."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="changes"
    )
    from_status, to_status = state_fields(MembershipStatus.choices)
    actor = actor_field(verbose_name=_("changed by"), blank=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("membership change")

    def __str__(self) -> str:
        return f"{self.from_status or '–'} → {self.to_status}"


class AffiliationStatus(models.TextChoices):
    CLAIMED = "claimed", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AffiliationQuerySet(models.QuerySet):
    def current(self):
        """Verified and not expired: the only thing member rights derive from."""
        return self.filter(
            status=AffiliationStatus.VERIFIED, expires_at__gt=timezone.now()
        )

    def pending(self):
        return self.filter(status=AffiliationStatus.CLAIMED)


class Affiliation(models.Model):
    """A person's claim to work for an organisation, and its verification.

    Claimed by the person; verified or rejected (with a reason) by a coordinator whose
    scope covers the organisation or by its focal point; valid for twelve months
    unless renewed. Every step is kept in ``events``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    job_title = models.CharField(_("job title there"), max_length=200, blank=True)
    evidence = models.TextField(
        _("evidence"),
        max_length=2000,
        help_text=_(
            "How can a coordinator confirm that you work there? E.g. your office "
            "telephone, your department head, a staff page."
        ),
    )
    work_email = models.EmailField(_("work e-mail address"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AffiliationStatus.choices,
        default=AffiliationStatus.CLAIMED,
    )
    claimed_at = models.DateTimeField(_("claimed"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["-claimed_at", "-id"]
        constraints = [
            # One open claim or verified affiliation per person and organisation.
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(status__in=["claimed", "verified"]),
                name="community_affiliation_one_open_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation.name}"

    @property
    def is_current(self) -> bool:
        return (
            self.status == AffiliationStatus.VERIFIED
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def email_domain_matches(self) -> bool:
        """A hint for the coordinator: the work address is on a known domain."""
        if not self.work_email or "@" not in self.work_email:
            return False
        domain = self.work_email.rsplit("@", 1)[1].lower()
        return any(
            domain == known.lower() or domain.endswith("." + known.lower())
            for known in self.organisation.email_domains
        )


class AffiliationEvent(TransitionLog):
    """History of an affiliation: claimed, verified, rejected, renewed, withdrawn."""

    affiliation = models.ForeignKey(
        Affiliation, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20)
    actor = actor_field(verbose_name=None, blank=False)

    def __str__(self) -> str:
        return f"{self.action} ({self.created_at:%Y-%m-%d})"


class RoleKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    FOCAL_POINT = "focal_point", _("Focal point")


class RoleQuerySet(models.QuerySet):
    def active(self, on=None):
        today = on or timezone.localdate()
        return self.filter(valid_from__lte=today).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )


class Role(models.Model):
    """A scoped responsibility with validity dates.

    A coordinator's scope is one region, one country or one cluster; a focal point
    speaks for one organisation. What a role allows is decided in
    ``community.permissions``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)
    cluster = models.ForeignKey(
        "core.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
    )
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                name="community_role_scope_matches_kind",
                condition=(
                    Q(
                        kind="coordinator",
                        organisation__isnull=True,
                    )
                    & (
                        Q(region__isnull=False, country="", cluster__isnull=True)
                        | Q(region__isnull=True, cluster__isnull=True) & ~Q(country="")
                        | Q(region__isnull=True, country="", cluster__isnull=False)
                    )
                )
                | Q(
                    kind="focal_point",
                    organisation__isnull=False,
                    region__isnull=True,
                    country="",
                    cluster__isnull=True,
                ),
            ),
            models.CheckConstraint(
                name="community_role_valid_dates_in_order",
                condition=Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        scope = self.region or self.country.name or self.cluster or self.organisation
        return f"{self.get_kind_display()}: {scope}"
