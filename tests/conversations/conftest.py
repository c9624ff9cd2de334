"""People for the conversation tests: a plain member (verified e-mail address,
no affiliation), verified members of a city in a region, a coordinator of that
region and one of another, a focal point."""

from types import SimpleNamespace

import pytest

from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)


def verified_member(organisation, **fields):
    person = UserFactory(**fields)
    AffiliationFactory(user=person, organisation=organisation, verified=True)
    return person


@pytest.fixture
def people(db):
    region = RegionFactory(name="Middle East and North Africa")
    elsewhere = RegionFactory(name="Latin America")
    city = OrganisationFactory(name="Amman", region=region)
    other_city = OrganisationFactory(name="Irbid", region=region)
    # Member rights start from a member city (an active membership).
    MembershipFactory(organisation=city)
    MembershipFactory(organisation=other_city)
    return SimpleNamespace(
        region=region,
        city=city,
        member=UserFactory(first_name="Plain", last_name="Member"),
        verified=verified_member(city, first_name="Vera", last_name="Verified"),
        peer=verified_member(other_city, first_name="Petra", last_name="Peer"),
        coordinator=RoleFactory(
            region=region, user__first_name="Cora", user__last_name="Coordinator"
        ).user,
        outsider=RoleFactory(
            region=elsewhere, user__first_name="Otto", user__last_name="Outside"
        ).user,
        focal_point=RoleFactory(
            focal_point=True,
            organisation=other_city,
            user__first_name="Fatima",
            user__last_name="Focal",
        ).user,
    )
