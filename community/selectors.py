"""Reads of the community app: what a page shows about people and their ties.

Selectors return plain data or querysets with everything a template needs already
loaded; who may see what is asked of ``community.permissions``.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from wagtail.models import Locale

from allauth.account.models import EmailAddress

from core.models import Cluster, FieldOfAction

from . import permissions
from .models.network import (
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    User,
)

# Kinds that are public bodies for schema.org.
GOVERNMENT_KINDS = {
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.MUNICIPAL_COMPANY,
    OrganisationKind.MUNICIPAL_ASSOCIATION,
}


def _in_active_language(model, rows: Iterable) -> list:
    """The active-language rows matching ``rows`` by translation key, in order.

    Profiles point at the default-language taxonomy rows; pages show the row of the
    language being read, or the stored row when it has no translation. One query.
    """
    rows = list(rows)
    if not rows:
        return []
    active = Locale.get_active()
    translated = {
        row.translation_key: row
        for row in model.objects.filter(
            locale=active, translation_key__in=[row.translation_key for row in rows]
        )
    }
    return [translated.get(row.translation_key, row) for row in rows]


def profile_value(person: User, field: str) -> Any:
    """One profile field of ``person`` for display: ``languages`` and ``offers`` as
    labels, ``expertise`` as active-language rows, anything else as stored.

    It does not check who may see the field: ask ``visible_profile`` or
    ``community.permissions.can_see_profile_field`` first.
    """
    if field == "languages":
        return person.language_labels
    if field == "offers":
        return person.offer_labels
    if field == "expertise":
        return {
            "clusters": _in_active_language(Cluster, person.expertise_clusters.all()),
            "fields": _in_active_language(FieldOfAction, person.expertise_fields.all()),
        }
    return getattr(person, field)


def visible_profile(viewer, person: User) -> dict[str, Any]:
    """The profile fields of ``person`` that ``viewer`` may see, in display order.

    Keys are names from ``PROFILE_VISIBILITY_FIELDS``; a hidden field is absent, not
    empty. ``languages`` and ``offers`` come as display labels, ``expertise`` as
    ``{"clusters": [...], "fields": [...]}`` rows in the active language.
    """
    return {
        field: profile_value(person, field)
        for field in PROFILE_VISIBILITY_FIELDS
        if permissions.can_see_profile_field(viewer, person, field)
    }


def expertise_options() -> list[tuple[Cluster, list[FieldOfAction]]]:
    """Clusters with their fields of action, in the active language, for forms.

    Rows come in the active language where translated and in the default language
    otherwise; group and order follow the default-language taxonomy. Two queries.
    """
    active, default = Locale.get_active(), Locale.get_default()
    locales = {active.pk, default.pk}

    def prefer_active(rows) -> dict:
        chosen: dict = {}
        for row in rows:
            if row.translation_key not in chosen or row.locale_id == active.pk:
                chosen[row.translation_key] = row
        return chosen

    clusters = prefer_active(
        Cluster.objects.filter(locale_id__in=locales).order_by("sort_order", "name")
    )
    fields = prefer_active(
        FieldOfAction.objects.filter(locale_id__in=locales)
        .select_related("cluster")
        .order_by("sort_order", "name")
    )
    grouped: dict = {key: [] for key in clusters}
    for field in fields.values():
        grouped.setdefault(field.cluster.translation_key, []).append(field)
    return [(clusters[key], grouped[key]) for key in clusters]


def affiliations_of(user: User) -> QuerySet[Affiliation]:
    """A person's affiliations, newest first, with localized organisation names."""
    return (
        Affiliation.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related("organisation__names")
    )


def verified_organisations(user: User) -> list[Organisation]:
    """Organisations the person currently holds a verified affiliation with, with
    their names in every language."""
    return list(
        Organisation.objects.filter(
            affiliations__in=Affiliation.objects.current().filter(user=user)
        )
        .prefetch_related("names")
        .distinct()
        .order_by("name")
    )


def own_email_addresses(user: User) -> frozenset[str]:
    """The addresses that are the person's, in lower case: the account's address and
    every verified address they added. Unverified addresses are left out: anybody
    can type one in, so they never decide whose data something is."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return frozenset(
        address.strip().lower() for address in (user.email, *verified) if address
    )


def organisation_structured_data(
    organisation: Organisation, *, url: str, parent_url: str = ""
) -> dict:
    """schema.org data of an organisation's profile: a ``GovernmentOrganization``
    for cities and municipal bodies, an ``Organization`` otherwise; where it is,
    its own website and the network it belongs to. ``url`` is the profile's public
    address (``core.links``)."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization"
        if organisation.kind in GOVERNMENT_KINDS
        else "Organization",
        "name": organisation.localized_name,
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "addressCountry": organisation.country.code,
        },
    }
    if organisation.description:
        data["description"] = organisation.description
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.has_location:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(organisation.latitude),
                "longitude": float(organisation.longitude),
            },
        }
    if organisation.parent_id and parent_url:
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": organisation.parent.localized_name,
            "url": parent_url,
        }
    membership = getattr(organisation, "membership", None)
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        data["memberOf"] = {"@type": "Organization", "name": "Connective Cities"}
    return data
