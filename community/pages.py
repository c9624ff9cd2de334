"""The public network directory: member organisations, their map and profiles.

One Wagtail page (``NetworkIndexPage``) serves the directory at its own URL and a
profile for every organisation at ``<slug>/``. Organisations stay Django models;
the page only reads them. Later apps add sections to a profile (good practices,
projects, events) through the ``community_organisation_sections`` hook, so this
app never imports them.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Lower
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from django_countries import countries

from core.links import page_public_url, public_url
from core.models import Cluster, FieldOfAction
from core.sections import Section, page_sections, sections_version
from core.structured_data import json_ld

from . import permissions
from .models.network import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    Language,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationName,
    Region,
    User,
)
from .selectors import organisation_structured_data

# Apps add sections to an organisation's profile through this hook. Each function
# gets ``organisation``, ``page`` and ``request`` and returns a dict with a
# ``template`` (and whatever that template needs) or None when it has nothing to show.
# A function marked ``core.sections.for_everyone`` has its section kept as rendered
# for every reader; nothing in such a section may depend on who reads it.
ORGANISATION_SECTIONS_HOOK = "community_organisation_sections"
# ``hook(person=User, organisation=Organisation, request=...)`` gives the address
# where a viewer writes to a person shown on a profile (conversations registers
# it); community never links to the apps above it by name.
PERSON_CONTACT_HOOK = "community_person_contact_url"

# Organisations listed in the directory: members and those on their way in or out.
LISTED_STATUSES = [
    MembershipStatus.ACTIVE,
    MembershipStatus.APPLIED,
    MembershipStatus.SUSPENDED,
]
# How much of an unknown filter value a message repeats back.
ECHO_LENGTH = 40


def _echo(value: str) -> str:
    """A visitor's input, shortened, for a message that repeats it back."""
    return Truncator(value).chars(ECHO_LENGTH)


def _display_name_subquery():
    """The organisation's name in the active language, falling back to ``name``."""
    language = (get_language() or "en")[:2]
    translated = OrganisationName.objects.filter(
        organisation=OuterRef("pk"), language=language
    ).values("name")[:1]
    return Coalesce(Subquery(translated), F("name"))


class DirectoryFilterForm(forms.Form):
    """Region, country and kind filters of the directory; GET only, no JavaScript.

    Only valid choices reach the form: the page checks each parameter itself and
    tells the visitor which ones it ignored, so a bad link never shows an error page.
    """

    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind of organisation"), required=False)
    cluster = forms.ChoiceField(
        label=gettext_lazy("Theme of their good practices"), required=False
    )

    def __init__(self, *args, regions, country_choices, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.name) for region in regions
        ]
        self.fields["country"].choices = [("", _("All countries"))] + country_choices
        self.fields["kind"].choices = [
            ("", _("All kinds")),
            *OrganisationKind.choices,
        ]
        self.fields["cluster"].choices = [("", _("All themes"))] + [
            (cluster.slug, cluster.name) for cluster in clusters
        ]


@dataclass
class DirectoryFilters:
    """The valid filters of one request and what was wrong with the others."""

    region: Region | None = None
    country: str = ""
    kind: str = ""
    cluster: Cluster | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.region or self.country or self.kind or self.cluster)

    def as_params(self) -> dict[str, str]:
        params = {
            "region": self.region.slug if self.region else "",
            "country": self.country,
            "kind": self.kind,
            "cluster": self.cluster.slug if self.cluster else "",
        }
        return {key: value for key, value in params.items() if value}


@dataclass
class VisiblePerson:
    """A person on an organisation's profile with only the fields the viewer may
    see (``None`` for a hidden field)."""

    name: str
    job_title: str | None
    bio: str | None
    languages: list[str] | None
    expertise: list[str] | None
    offers: list[str] | None
    seeks: str | None
    # Where "Write to <name>" leads (``PERSON_CONTACT_HOOK``); empty: no link.
    contact_url: str = ""


class NetworkIndexPage(RoutablePageMixin, Page):
    """The network: a directory of member cities and organisations with a map, and
    a public profile page for each of them.

    Editors write the title and introduction; the list, the map and the profiles
    come from the organisations coordinators maintain in the admin.
    """

    intro = models.TextField(
        gettext_lazy("introduction"),
        max_length=600,
        blank=True,
        help_text=gettext_lazy(
            "Two or three sentences above the directory: who is in the network and "
            "how to join."
        ),
    )

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    per_page = 24

    class Meta:
        verbose_name = gettext_lazy("network directory")

    # --- Reading -------------------------------------------------------------------

    def get_regions(self) -> list[Region]:
        """Regions in the page's language (English rows when not translated yet)."""
        regions = list(Region.objects.filter(locale_id=self.locale_id))
        if not regions:
            regions = list(
                Region.objects.filter(locale__language_code="en").order_by(
                    "sort_order", "name"
                )
            )
        return regions

    def get_organisations(self):
        """Every organisation the directory lists, active members first."""
        return (
            Organisation.objects.filter(membership__status__in=LISTED_STATUSES)
            .select_related("region", "membership")
            .annotate(
                display_name=_display_name_subquery(),
                member_rank=Case(
                    When(membership__status=MembershipStatus.ACTIVE, then=Value(0)),
                    default=Value(1),
                ),
            )
            .order_by("member_rank", Lower("display_name"), "pk")
        )

    def get_country_choices(self) -> list[tuple[str, str]]:
        """Countries that have a listed organisation, by name in the active language."""
        codes = (
            Organisation.objects.filter(membership__status__in=LISTED_STATUSES)
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(
            ((code, countries.name(code)) for code in codes),
            key=lambda choice: choice[1],
        )

    def get_clusters(self) -> list[Cluster]:
        """The clusters in the page's language (their slugs are the same in all)."""
        return list(Cluster.objects.filter(locale=self.locale).order_by("sort_order"))

    def get_filters(
        self, params, regions, country_choices, clusters=()
    ) -> DirectoryFilters:
        """Read the filters from GET parameters; unknown values are dropped with a
        message instead of an error."""
        filters = DirectoryFilters()
        cluster_slug = params.get("cluster", "").strip()
        if cluster_slug:
            filters.cluster = next(
                (cluster for cluster in clusters if cluster.slug == cluster_slug), None
            )
            if filters.cluster is None:
                filters.problems.append(
                    _("There is no theme “%(value)s”; showing all themes.")
                    % {"value": _echo(cluster_slug)}
                )
        region_slug = params.get("region", "").strip()
        if region_slug:
            filters.region = next(
                (region for region in regions if region.slug == region_slug), None
            )
            if filters.region is None:
                filters.problems.append(
                    _("There is no region “%(value)s”; showing all regions.")
                    % {"value": _echo(region_slug)}
                )
        country = params.get("country", "").strip().upper()
        if country:
            if country in dict(country_choices):
                filters.country = country
            else:
                filters.problems.append(
                    _(
                        "No organisation in the directory is in the country "
                        "“%(value)s”; showing all countries."
                    )
                    % {"value": _echo(country)}
                )
        kind = params.get("kind", "").strip()
        if kind:
            if kind in OrganisationKind.values:
                filters.kind = kind
            else:
                filters.problems.append(
                    _(
                        "There is no kind of organisation “%(value)s”; showing "
                        "all kinds."
                    )
                    % {"value": _echo(kind)}
                )
        return filters

    def filter_organisations(self, organisations, filters: DirectoryFilters):
        if filters.region:
            organisations = organisations.in_region(filters.region)
        if filters.country:
            organisations = organisations.filter(country=filters.country)
        if filters.kind:
            organisations = organisations.filter(kind=filters.kind)
        if filters.cluster:
            # Organisations behind at least one live good practice of that theme;
            # practices point at the English cluster row, matched by its slug.
            organisations = organisations.filter(
                pk__in=Organisation.objects.filter(
                    good_practices__live=True,
                    good_practices__cluster__slug=filters.cluster.slug,
                ).values("pk")
            )
        return organisations

    def paginate(self, request, organisations) -> PaginatorPage:
        """One page of results; a page number out of range shows the last page and
        anything that is not a number shows the first."""
        paginator = Paginator(organisations, self.per_page)
        return paginator.get_page(request.GET.get("page"))

    def organisation_url(self, request, slug: str) -> str:
        base = self._base_url(request)
        return base + self.reverse_subpage("organisation", kwargs={"slug": slug})

    def _base_url(self, request) -> str:
        cache = request.__dict__.setdefault("_cc_network_url", {})
        if self.pk not in cache:
            url = self.get_url(request) or "/"
            cache[self.pk] = url if url.endswith("/") else url + "/"
        return cache[self.pk]

    def get_map_points(self, request, organisations) -> list[dict]:
        """Active members with coordinates among the filtered organisations."""
        rows = (
            organisations.filter(
                membership__status=MembershipStatus.ACTIVE, latitude__isnull=False
            )
            .order_by()
            .values("slug", "display_name", "latitude", "longitude")
        )
        return [
            {
                "name": row["display_name"],
                "url": self.organisation_url(request, row["slug"]),
                "lat": float(row["latitude"]),
                "lon": float(row["longitude"]),
            }
            for row in rows
        ]

    def get_directory_context(self, request) -> dict:
        regions = self.get_regions()
        regions_by_key = {region.translation_key: region for region in regions}
        country_choices = self.get_country_choices()
        clusters = self.get_clusters()
        filters = self.get_filters(request.GET, regions, country_choices, clusters)
        organisations = self.filter_organisations(self.get_organisations(), filters)
        page_of_results = self.paginate(request, organisations)
        requested_page = request.GET.get("page", "").strip()
        if requested_page and requested_page != str(page_of_results.number):
            filters.problems.append(
                _("There is no page “%(value)s”; showing page %(number)s.")
                % {
                    "value": _echo(requested_page),
                    "number": page_of_results.number,
                }
            )
        entries = [
            {
                "organisation": organisation,
                "url": self.organisation_url(request, organisation.slug),
                "region": regions_by_key.get(
                    organisation.region.translation_key, organisation.region
                ),
            }
            for organisation in page_of_results
        ]
        form = DirectoryFilterForm(
            data=filters.as_params() or None,
            regions=regions,
            country_choices=country_choices,
            clusters=clusters,
        )
        filter_query = urlencode(filters.as_params())
        # The canonical address of this exact page: valid filters, page number.
        canonical_params = filters.as_params()
        if page_of_results.number > 1:
            canonical_params["page"] = str(page_of_results.number)
        canonical_query = urlencode(canonical_params)
        return {
            "filter_form": form,
            "filters": filters,
            "filter_query": filter_query,
            "canonical_url": page_public_url(self, request)
            + (f"?{canonical_query}" if canonical_query else ""),
            "results": page_of_results,
            "entries": entries,
            "result_count": page_of_results.paginator.count,
            "map_points": self.get_map_points(request, organisations),
        }

    def get_sitemap_urls(self, request=None) -> list[dict]:
        """The directory and the profile of every organisation it lists, each
        keyed so that the sitemap can link a profile's translations
        (``alternate_key``)."""
        urls = super().get_sitemap_urls(request)
        parts = self.get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return urls
        base = parts[2] if parts[2].endswith("/") else parts[2] + "/"
        for slug, updated_at in self.get_organisations().values_list(
            "slug", "updated_at"
        ):
            urls.append(
                {
                    "location": public_url(
                        base
                        + self.reverse_subpage("organisation", kwargs={"slug": slug})
                    ),
                    "lastmod": updated_at,
                    "alternate_key": (self.translation_key, slug),
                }
            )
        return urls

    def get_organisation(self, slug: str) -> Organisation:
        try:
            return (
                Organisation.objects.select_related("region", "membership", "parent")
                .prefetch_related("names", "parent__names")
                .get(slug=slug)
            )
        except Organisation.DoesNotExist as exc:
            raise Http404(_("There is no organisation at this address.")) from exc

    def get_visible_people(self, request, organisation) -> list[VisiblePerson]:
        """People with a current verified affiliation whom the viewer may see, with
        only the fields the viewer may see (rules in ``community.permissions``)."""
        viewer = request.user
        # One member check for the whole list instead of one per person and field.
        viewer_is_member = permissions.is_verified_member_staff(viewer)
        affiliations = (
            Affiliation.objects.current()
            .filter(
                organisation=organisation,
                user__is_active=True,
                user__is_pseudonymised=False,
            )
            .select_related("user")
            .prefetch_related("user__expertise_clusters", "user__expertise_fields")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        affiliations = list(affiliations)
        # The profiles point at default-language rows; show their names in the
        # page's language, with one query per taxonomy for the whole list.
        expertise_names: dict = {}
        for model, attr in (
            (Cluster, "expertise_clusters"),
            (FieldOfAction, "expertise_fields"),
        ):
            rows = [row for a in affiliations for row in getattr(a.user, attr).all()]
            if not rows:
                continue
            translated = dict(
                model.objects.filter(
                    locale_id=self.locale_id,
                    translation_key__in={row.translation_key for row in rows},
                ).values_list("translation_key", "name")
            )
            for row in rows:
                expertise_names[(model, row.pk)] = translated.get(
                    row.translation_key, row.name
                )
        people = []
        for affiliation in affiliations:
            person = affiliation.user
            visible = {
                name
                for name in PROFILE_VISIBILITY_FIELDS
                if permissions.can_see_profile_field(
                    viewer, person, name, viewer_is_member=viewer_is_member
                )
            }
            if not visible:
                continue
            shown = _visible_person(person, affiliation, visible, expertise_names)
            shown.contact_url = person_contact_url(person, organisation, request)
            people.append(shown)
        return people

    def get_sections(self, request, organisation) -> list[Section]:
        """What other apps add to the profile; those marked ``for_everyone`` are
        kept as rendered (``core.sections``)."""
        return page_sections(
            ORGANISATION_SECTIONS_HOOK,
            organisation=organisation,
            page=self,
            request=request,
        )

    # --- Routes --------------------------------------------------------------------

    @path("", name="directory")
    def directory(self, request):
        """The directory: filters, map and the paginated list of organisations."""
        return self.render(
            request, context_overrides=self.get_directory_context(request)
        )

    @path("<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        """The public profile of one organisation."""
        organisation = self.get_organisation(slug)
        region = (
            Region.objects.filter(
                translation_key=organisation.region.translation_key,
                locale_id=self.locale_id,
            ).first()
            or organisation.region
        )
        parent = organisation.parent
        organisation_url = self.organisation_url(request, organisation.slug)
        canonical_url = public_url(organisation_url)
        language_labels = dict(Language.choices)
        return self.render(
            request,
            template="community/organisation_detail.html",
            context_overrides={
                "organisation": organisation,
                "description": organisation.localized_description,
                "region": region,
                "region_url": self._base_url(request)
                + "?"
                + urlencode({"region": region.slug}),
                "parent_url": (
                    self.organisation_url(request, parent.slug) if parent else ""
                ),
                "official_languages": [
                    str(language_labels.get(code, code))
                    for code in organisation.official_languages
                ],
                "membership": getattr(organisation, "membership", None),
                "people": self.get_visible_people(request, organisation),
                "sections": self.get_sections(request, organisation),
                "sections_version": sections_version(),
                "organisation_url": organisation_url,
                "canonical_url": canonical_url,
                "structured_data": json_ld(
                    organisation_structured_data(
                        organisation,
                        url=canonical_url,
                        parent_url=(
                            public_url(self.organisation_url(request, parent.slug))
                            if parent
                            else ""
                        ),
                    )
                ),
            },
        )


def person_contact_url(person, organisation, request) -> str:
    """Where a viewer writes to ``person`` (the first hook that answers), or
    an empty string."""
    for hook in hooks.get_hooks(PERSON_CONTACT_HOOK):
        url = hook(person=person, organisation=organisation, request=request)
        if url:
            return url
    return ""


def _visible_person(
    person: User,
    affiliation: Affiliation,
    visible: set[str],
    expertise_names: dict,
) -> VisiblePerson:
    offer_labels = person.offer_labels
    expertise = [
        expertise_names.get((Cluster, row.pk), row.name)
        for row in person.expertise_clusters.all()
    ] + [
        expertise_names.get((FieldOfAction, row.pk), row.name)
        for row in person.expertise_fields.all()
    ]
    return VisiblePerson(
        name=person.get_full_name() or _("A member of the network"),
        job_title=(
            (person.job_title or affiliation.job_title)
            if "job_title" in visible
            else None
        ),
        bio=person.bio if "bio" in visible else None,
        languages=person.language_labels if "languages" in visible else None,
        expertise=expertise if "expertise" in visible else None,
        offers=offer_labels if "offers" in visible else None,
        seeks=person.seeks if "seeks" in visible else None,
    )
