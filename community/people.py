"""Find a peer: the people directory for signed-in members (``/<lang>/people/``).

People with a current verified affiliation are listed with what the viewer may
see of them (``permissions.can_see_profile_field``); a field hidden from the
viewer is neither shown nor searched: every filter on a profile field carries
the same visibility condition in SQL (``visible_q``). Region, country and city
come from the person's verified organisations, which every member may see.

"What they offer" filters on the profile's offers (``User.offers``, codes of
``Offer``: host a study visit, expert missions, present a practice, advise
online) and on what apps above community add through the hook
``PEOPLE_OFFER_HOOK`` (exchanges: a person's open ``ExchangeOffer`` of the
matching kind); community never imports them. Both count as the "offers"
profile field, so they are searched only where the viewer may see it.

Each result says why it matched ("Expertise: Municipal services · Speaks Arabic
· Offers: Host a study visit"). The page costs a fixed number of queries
however many people it lists.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from django_countries import countries

from core.models import Cluster, FieldOfAction

from . import permissions
from .models import (
    Affiliation,
    Language,
    Offer,
    Organisation,
    Region,
    User,
    Visibility,
)
from .pages import person_contact_url

PER_PAGE = 24
# ``hook(code)`` gives a ``Q`` on ``User`` for people who offer ``code`` (an
# ``Offer`` code) elsewhere than on their profile, or ``None``.
PEOPLE_OFFER_HOOK = "community_people_offers"
# Searched profile fields and the visibility key that guards each.
LANGUAGES_FIELD = "languages"
EXPERTISE_FIELD = "expertise"
OFFERS_FIELD = "offers"


def visible_q(viewer, name: str, *, viewer_is_member: bool) -> Q:
    """People whose profile field ``name`` the viewer may see (the rule of
    ``permissions.can_see_profile_field`` as a query)."""
    if viewer.is_superuser or permissions.is_coordinator(viewer):
        # Not ``Q()``: an empty Q vanishes when or-ed with another.
        return Q(pk__isnull=False)
    allowed = Q(**{f"visibility__{name}": Visibility.PUBLIC})
    if viewer_is_member:
        allowed |= Q(**{f"visibility__{name}": Visibility.MEMBERS}) | ~Q(
            visibility__has_key=name
        )
    return allowed | Q(pk=viewer.pk)


def _localized(model, locale_code: str) -> dict:
    """translation_key → name in the page's language, for every row of a
    taxonomy (one query)."""
    return dict(
        model.objects.filter(locale__language_code=locale_code).values_list(
            "translation_key", "name"
        )
    )


class PeopleFilterForm(forms.Form):
    """The directory's filters (GET). Unknown values are reported, not fatal."""

    expertise = forms.ChoiceField(label=_("Expertise"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    city = forms.ChoiceField(label=_("City or organisation"), required=False)
    language = forms.ChoiceField(
        label=_("Speaks"),
        required=False,
        choices=[("", _("Any language")), *Language.choices],
    )
    offer = forms.ChoiceField(
        label=_("Offers"),
        required=False,
        choices=[("", _("Anything")), *Offer.choices],
    )

    def __init__(self, *args, clusters, fields, regions, cities, **kwargs):
        super().__init__(*args, **kwargs)
        expertise = [("", _("Any expertise"))]
        for cluster in clusters:
            expertise.append((f"c:{cluster['slug']}", cluster["label"]))
            expertise.extend(
                (f"f:{row['slug']}", f"– {row['label']}")
                for row in fields
                if row["cluster"] == cluster["pk"]
            )
        self.fields["expertise"].choices = expertise
        self.fields["region"].choices = [("", _("Any region")), *regions]
        self.fields["country"].choices = [
            ("", _("Any country")),
            *sorted(
                ((code, countries.name(code)) for code in {c[2] for c in cities}),
                key=lambda pair: pair[1],
            ),
        ]
        self.fields["city"].choices = [
            ("", _("Any city")),
            *((slug, name) for slug, name, _country in cities),
        ]


@dataclass
class PersonResult:
    person: User
    name: str
    organisations: list[str]
    job_title: str | None
    languages: list[str] | None
    expertise: list[str] | None
    offers: list[str] | None
    reasons: list[str] = field(default_factory=list)
    contact_url: str = ""


def people_directory(request) -> dict:
    """The template context of the people directory."""
    viewer = request.user
    language = get_language() or settings.LANGUAGE_CODE
    viewer_is_member = permissions.is_verified_member_staff(viewer)
    default = settings.LANGUAGE_CODE
    cluster_names = _localized(Cluster, language)
    field_names = _localized(FieldOfAction, language)
    region_names = _localized(Region, language)
    clusters = [
        {"pk": pk, "slug": slug, "label": cluster_names.get(key, name)}
        for pk, slug, key, name in Cluster.objects.filter(locale__language_code=default)
        .order_by("sort_order", "name")
        .values_list("pk", "slug", "translation_key", "name")
    ]
    fields = [
        {
            "pk": pk,
            "slug": slug,
            "cluster": cluster,
            "label": field_names.get(key, name),
        }
        for pk, slug, cluster, key, name in FieldOfAction.objects.filter(
            locale__language_code=default
        )
        .order_by("name")
        .values_list("pk", "slug", "cluster_id", "translation_key", "name")
    ]
    regions = [
        (slug, region_names.get(key, name))
        for slug, key, name in Region.objects.filter(locale__language_code=default)
        .order_by("sort_order", "name")
        .values_list("slug", "translation_key", "name")
    ]
    member_orgs = Organisation.objects.filter(
        pk__in=Affiliation.objects.current().values("organisation_id")
    )
    cities = [
        (organisation.slug, organisation.localized_name, str(organisation.country))
        for organisation in member_orgs.prefetch_related("names").order_by("name")
    ]
    form = PeopleFilterForm(
        request.GET or None,
        clusters=clusters,
        fields=fields,
        regions=regions,
        cities=cities,
    )
    chosen = {}
    if form.is_bound:
        form.is_valid()
        chosen = {
            name: value
            for name, value in getattr(form, "cleaned_data", {}).items()
            if value and name not in form.errors
        }

    current = Affiliation.objects.current()
    people = User.objects.filter(
        is_active=True,
        is_pseudonymised=False,
        pk__in=current.values("user_id"),
    ).exclude(pk=viewer.pk)
    # Listed only when the viewer may see at least one of the profile fields.
    shown_fields = ("job_title", LANGUAGES_FIELD, EXPERTISE_FIELD, OFFERS_FIELD)
    any_visible = Q(pk__in=[])
    for name in shown_fields:
        any_visible |= visible_q(viewer, name, viewer_is_member=viewer_is_member)
    people = people.filter(any_visible)

    reasons_of: list = []
    expertise = chosen.get("expertise", "")
    if expertise:
        kind, slug = expertise.split(":", 1)
        label = dict(form.fields["expertise"].choices)[expertise].lstrip("– ")
        if kind == "c":
            match = Q(expertise_clusters__slug=slug) | Q(
                expertise_fields__cluster__slug=slug
            )
        else:
            match = Q(expertise_fields__slug=slug)
        people = people.filter(
            match,
            visible_q(viewer, EXPERTISE_FIELD, viewer_is_member=viewer_is_member),
        )
        reasons_of.append(gettext("Expertise: %(name)s") % {"name": label})
    if chosen.get("language"):
        code = chosen["language"]
        people = people.filter(
            visible_q(viewer, LANGUAGES_FIELD, viewer_is_member=viewer_is_member),
            languages__contains=[code],
        )
        reasons_of.append(
            gettext("Speaks %(language)s") % {"language": dict(Language.choices)[code]}
        )
    if chosen.get("offer"):
        code = chosen["offer"]
        offers = Q(offers__contains=[code])
        for hook in hooks.get_hooks(PEOPLE_OFFER_HOOK):
            if (more := hook(code)) is not None:
                offers |= more
        people = people.filter(
            offers, visible_q(viewer, OFFERS_FIELD, viewer_is_member=viewer_is_member)
        )
        reasons_of.append(
            gettext("Offers: %(offer)s") % {"offer": dict(Offer.choices)[code]}
        )
    place = Q()
    if chosen.get("region"):
        place &= Q(organisation__region__slug=chosen["region"])
        reasons_of.append(
            gettext("Region: %(name)s")
            % {"name": dict(regions).get(chosen["region"], "")}
        )
    if chosen.get("country"):
        place &= Q(organisation__country=chosen["country"])
        reasons_of.append(
            gettext("Country: %(name)s") % {"name": countries.name(chosen["country"])}
        )
    if chosen.get("city"):
        place &= Q(organisation__slug=chosen["city"])
        reasons_of.append(
            gettext("Works for %(name)s")
            % {"name": {s: n for s, n, _c in cities}[chosen["city"]]}
        )
    if place:
        people = people.filter(
            pk__in=current.filter(place).values("user_id"),
        )

    people = (
        people.distinct()
        .order_by("last_name", "first_name", "pk")
        .prefetch_related(
            "expertise_clusters",
            "expertise_fields",
            Prefetch(
                "affiliations",
                queryset=current.select_related("organisation").prefetch_related(
                    "organisation__names"
                ),
                to_attr="current_affiliations",
            ),
        )
    )
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    language_labels = dict(Language.choices)
    offer_labels = dict(Offer.choices)
    results = []
    for person in page.object_list:

        def sees(name, person=person):
            return permissions.can_see_profile_field(
                viewer, person, name, viewer_is_member=viewer_is_member
            )

        results.append(
            PersonResult(
                person=person,
                name=person.get_full_name() or str(_("A member of the network")),
                organisations=[
                    a.organisation.localized_name for a in person.current_affiliations
                ],
                job_title=person.job_title if sees("job_title") else None,
                languages=[
                    str(language_labels.get(code, code)) for code in person.languages
                ]
                if sees(LANGUAGES_FIELD)
                else None,
                expertise=[
                    cluster_names.get(row.translation_key, row.name)
                    for row in person.expertise_clusters.all()
                ]
                + [
                    field_names.get(row.translation_key, row.name)
                    for row in person.expertise_fields.all()
                ]
                if sees(EXPERTISE_FIELD)
                else None,
                offers=[str(offer_labels.get(code, code)) for code in person.offers]
                if sees(OFFERS_FIELD)
                else None,
                reasons=list(reasons_of),
                contact_url=person_contact_url(person, None, request),
            )
        )
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "results": results,
        "page_obj": page,
        "filtered": bool(chosen),
        "query": query.urlencode(),
    }
