"""Affiliation and membership services, and the scope rules they enforce."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community import permissions, services
from community.models import (
    Affiliation,
    AffiliationStatus,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Region,
    Role,
    RoleKind,
)
from core.models import Cluster
from tests.factories import UserFactory
from tests.knowledge_fixtures import world_fixtures

pytestmark = pytest.mark.django_db


def build_world():
    """Two regions, a member city in each, and people around them."""
    from demo.community import seed_regions
    from tests.knowledge_fixtures import seed_site

    seed_site()
    seed_regions(log=lambda m: None)
    mena = Region.objects.get(
        slug="middle-east-north-africa", locale__language_code="en"
    )
    see = Region.objects.get(
        slug="south-east-europe-caucasus", locale__language_code="en"
    )
    amman = Organisation.objects.create(
        kind=OrganisationKind.MUNICIPALITY,
        name="Greater Amman Municipality",
        slug="greater-amman-municipality",
        country="JO",
        region=mena,
        email_domains=["amman.gov.jo"],
    )
    skopje = Organisation.objects.create(
        kind=OrganisationKind.MUNICIPALITY,
        name="Skopje",
        slug="skopje",
        country="MK",
        region=see,
    )
    for organisation in (amman, skopje):
        Membership.objects.create(organisation=organisation, status="active")
    people = {
        "practitioner": UserFactory(),
        "mena": UserFactory(),
        "see": UserFactory(),
        "jordan": UserFactory(),
        "cluster": UserFactory(),
        "focal": UserFactory(),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    Role.objects.create(user=people["mena"], kind=RoleKind.COORDINATOR, region=mena)
    Role.objects.create(user=people["see"], kind=RoleKind.COORDINATOR, region=see)
    Role.objects.create(user=people["jordan"], kind=RoleKind.COORDINATOR, country="JO")
    Role.objects.create(
        user=people["cluster"],
        kind=RoleKind.COORDINATOR,
        cluster=Cluster.objects.filter(locale__language_code="en").first(),
    )
    Role.objects.create(
        user=people["focal"], kind=RoleKind.FOCAL_POINT, organisation=amman
    )
    return {"amman": amman, "skopje": skopje, "region_mena": mena, **people}


# Built once for the module; each test sees it afresh (and undoes its changes).
module_world, world = world_fixtures(build_world)


def claim(world, **overrides):
    values = {
        "user": world["practitioner"],
        "organisation": world["amman"],
        "evidence": "Staff page of the planning department",
        "job_title": "Urban planner",
        "work_email": "planner@amman.gov.jo",
    }
    values.update(overrides)
    return services.affiliation_claim(**values)


def test_claim_records_history_and_domain_hint(world):
    affiliation = claim(world)
    assert affiliation.status == AffiliationStatus.CLAIMED
    assert affiliation.email_domain_matches
    assert [e.action for e in affiliation.events.all()] == ["claimed"]
    assert not permissions.is_verified_member_staff(world["practitioner"])


def test_claim_twice_is_refused_without_a_second_row(world):
    claim(world)
    with pytest.raises(services.CommunityError, match="already have"):
        claim(world)
    assert Affiliation.objects.count() == 1


def test_claim_needs_evidence(world):
    with pytest.raises(services.CommunityError, match="confirmed"):
        claim(world, evidence="   ")
    assert not Affiliation.objects.exists()


@pytest.mark.parametrize(
    ("reviewer", "allowed"),
    [
        ("mena", True),
        ("jordan", True),
        ("focal", True),
        ("superuser", True),
        ("see", False),
        ("cluster", False),
        ("practitioner", False),
    ],
)
def test_who_may_verify_a_claim_for_amman(world, reviewer, allowed):
    affiliation = claim(world)
    if allowed:
        verified = services.affiliation_verify(
            affiliation=affiliation, actor=world[reviewer]
        )
        assert verified.status == AffiliationStatus.VERIFIED
        assert verified.expires_at > timezone.now() + timedelta(days=364)
        assert permissions.is_verified_member_staff(world["practitioner"])
    else:
        with pytest.raises(services.NotAllowed):
            services.affiliation_verify(affiliation=affiliation, actor=world[reviewer])
        affiliation.refresh_from_db()
        assert affiliation.status == AffiliationStatus.CLAIMED


def test_nobody_verifies_their_own_claim(world):
    affiliation = claim(world, user=world["mena"])
    with pytest.raises(services.NotAllowed):
        services.affiliation_verify(affiliation=affiliation, actor=world["mena"])
    assert affiliation not in permissions.affiliations_reviewable_by(world["mena"])


def test_queue_shows_only_claims_in_scope(world):
    amman_claim = claim(world)
    skopje_claim = claim(world, organisation=world["skopje"], work_email="")
    assert list(permissions.affiliations_reviewable_by(world["mena"])) == [amman_claim]
    assert list(permissions.affiliations_reviewable_by(world["see"])) == [skopje_claim]
    assert list(permissions.affiliations_reviewable_by(world["focal"])) == [amman_claim]
    assert not permissions.affiliations_reviewable_by(world["cluster"]).exists()
    assert permissions.affiliations_reviewable_by(world["superuser"]).count() == 2


def test_reject_needs_a_reason_and_decides_once(world):
    affiliation = claim(world)
    with pytest.raises(services.CommunityError, match="reason"):
        services.affiliation_reject(
            affiliation=affiliation, actor=world["mena"], reason=""
        )
    rejected = services.affiliation_reject(
        affiliation=affiliation, actor=world["mena"], reason="Not on the staff list"
    )
    assert rejected.status == AffiliationStatus.REJECTED
    with pytest.raises(services.CommunityError, match="already decided"):
        services.affiliation_verify(affiliation=affiliation, actor=world["mena"])
    assert [e.action for e in rejected.events.all()] == ["claimed", "rejected"]
    # A rejected claim does not block a new, better-documented one.
    assert claim(world).status == AffiliationStatus.CLAIMED


def test_member_rights_end_when_the_affiliation_expires(world):
    affiliation = services.affiliation_verify(
        affiliation=claim(world), actor=world["mena"]
    )
    assert permissions.is_verified_member_staff(world["practitioner"])
    Affiliation.objects.filter(pk=affiliation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert not permissions.is_verified_member_staff(world["practitioner"])
    renewed = services.affiliation_renew(affiliation=affiliation, actor=world["focal"])
    assert renewed.expires_at > timezone.now() + timedelta(days=364)
    assert permissions.is_verified_member_staff(world["practitioner"])


def test_member_rights_need_an_active_membership(world):
    services.affiliation_verify(affiliation=claim(world), actor=world["mena"])
    services.membership_set_status(
        organisation=world["amman"],
        status=MembershipStatus.SUSPENDED,
        actor=world["mena"],
        reason="Membership fee unpaid",
    )
    assert not permissions.is_verified_member_staff(world["practitioner"])


def test_withdraw_only_own_affiliation(world):
    affiliation = claim(world)
    with pytest.raises(services.NotAllowed):
        services.affiliation_withdraw(affiliation=affiliation, user=world["mena"])
    withdrawn = services.affiliation_withdraw(
        affiliation=affiliation, user=world["practitioner"]
    )
    assert withdrawn.status == AffiliationStatus.WITHDRAWN
    with pytest.raises(services.CommunityError, match="already ended"):
        services.affiliation_withdraw(
            affiliation=affiliation, user=world["practitioner"]
        )


def test_membership_changes_are_scoped_and_logged(world):
    with pytest.raises(services.NotAllowed):
        services.membership_set_status(
            organisation=world["amman"],
            status=MembershipStatus.ENDED,
            actor=world["see"],
            reason="Out of scope",
        )
    with pytest.raises(services.CommunityError, match="reason"):
        services.membership_set_status(
            organisation=world["amman"],
            status=MembershipStatus.ENDED,
            actor=world["mena"],
        )
    membership = services.membership_set_status(
        organisation=world["amman"],
        status=MembershipStatus.ENDED,
        actor=world["mena"],
        reason="Left the network",
    )
    assert membership.ended_on == timezone.localdate()
    change = membership.changes.get()
    assert (change.from_status, change.to_status, change.actor) == (
        "active",
        "ended",
        world["mena"],
    )


def test_roles_outside_their_dates_grant_nothing(world):
    Role.objects.filter(user=world["mena"]).update(
        valid_until=timezone.localdate() - timedelta(days=1),
        valid_from=timezone.localdate() - timedelta(days=30),
    )
    assert not permissions.can_manage_organisation(world["mena"], world["amman"])
    assert not permissions.organisations_managed_by(world["mena"]).exists()


def test_organisations_managed_by_scope(world):
    assert list(permissions.organisations_managed_by(world["mena"])) == [world["amman"]]
    assert list(permissions.organisations_managed_by(world["jordan"])) == [
        world["amman"]
    ]
    assert list(permissions.organisations_managed_by(world["see"])) == [world["skopje"]]
    assert not permissions.organisations_managed_by(world["cluster"]).exists()
    assert not permissions.organisations_managed_by(world["practitioner"]).exists()
    region = world["region_mena"]
    assert permissions.can_view_region_dashboard(world["mena"], region)
    assert not permissions.can_view_region_dashboard(world["see"], region)
    assert not permissions.can_view_region_dashboard(world["jordan"], region)
