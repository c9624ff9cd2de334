"""The network: people, member cities and partners, their affiliations, roles and
memberships (``network``), and the directory page that lists them (``pages``).

A package so that the directory page, which reads permissions and selectors, can
live apart from the rows those modules read: ``permissions`` and ``selectors``
import ``community.models.network``, and only this package imports the page.
"""

from community.pages import NetworkIndexPage

from .network import (
    AFFILIATION_VALIDITY,
    PROFILE_VISIBILITY_FIELDS,
    Affiliation,
    AffiliationEvent,
    AffiliationQuerySet,
    AffiliationStatus,
    Language,
    Membership,
    MembershipChange,
    MembershipStatus,
    Offer,
    Organisation,
    OrganisationKind,
    OrganisationName,
    OrganisationQuerySet,
    Region,
    Role,
    RoleKind,
    RoleQuerySet,
    User,
    Visibility,
)

__all__ = [
    "AFFILIATION_VALIDITY",
    "Affiliation",
    "AffiliationEvent",
    "AffiliationQuerySet",
    "AffiliationStatus",
    "Language",
    "Membership",
    "MembershipChange",
    "MembershipStatus",
    "NetworkIndexPage",
    "Offer",
    "Organisation",
    "OrganisationKind",
    "OrganisationName",
    "OrganisationQuerySet",
    "PROFILE_VISIBILITY_FIELDS",
    "Region",
    "Role",
    "RoleKind",
    "RoleQuerySet",
    "User",
    "Visibility",
]
