"""A small network for peer-exchange tests: Greater Amman (MENA) asks, Munich and
Frankfurt (Germany) know, and people in every role around them."""

from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

import pytest

from community.models import Visibility
from exchanges.models import (
    CandidateState,
    ExchangeActionItem,
    ExchangeCandidate,
    ExchangeMission,
    ExchangeState,
    PeerExchange,
)
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)
from tests.knowledge_fixtures import cluster, field_of_action, seed_site


def coordinators_group() -> Group:
    group, _created = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return group


def member_city(name: str, region, *, country: str, population=None, kind=None):
    city = OrganisationFactory(
        name=name,
        country=country,
        region=region,
        population=population,
        kind=kind or "municipality",
    )
    MembershipFactory(organisation=city)
    return city


def staff(city, *, job_title="Urban planner", **fields):
    person = UserFactory(**fields)
    AffiliationFactory(
        user=person, organisation=city, verified=True, job_title=job_title
    )
    return person


def coordinator(**scope):
    person = UserFactory(is_staff=True, first_name="Coordinator")
    person.groups.add(coordinators_group())
    RoleFactory(user=person, kind="coordinator", **scope)
    return person


@dataclass
class World:
    mena: object
    germany: object
    iud: object
    renewal: object
    services: object
    amman: object
    munich: object
    frankfurt: object
    requester: object
    people: SimpleNamespace


@pytest.fixture
def world(db) -> World:
    seed_site()
    mena = RegionFactory(name="Middle East and North Africa", slug="mena")
    germany = RegionFactory(name="Germany", slug="germany")
    iud = cluster("integrated-urban-development")
    amman = member_city(
        "Greater Amman Municipality", mena, country="JO", population=4_000_000
    )
    munich = member_city("Munich", germany, country="DE", population=1_500_000)
    frankfurt = member_city(
        "Frankfurt am Main", germany, country="DE", population=770_000
    )
    requester = staff(amman, first_name="Leila", last_name="Haddad")
    unverified = UserFactory(first_name="Unverified")
    AffiliationFactory(user=unverified, organisation=amman)
    expired = UserFactory(first_name="Expired")
    AffiliationFactory(
        user=expired,
        organisation=amman,
        verified=True,
        expires_at=timezone.now() - timedelta(days=1),
    )
    focal_point = UserFactory(first_name="Focal")
    RoleFactory(user=focal_point, focal_point=True, organisation=amman)
    expired_coordinator = coordinator(region=mena)
    expired_coordinator.roles.update(
        valid_from=date(2020, 1, 1), valid_until=date(2021, 1, 1)
    )
    superuser = UserFactory(is_superuser=True, is_staff=True, first_name="Admin")
    people = SimpleNamespace(
        anonymous=None,
        practitioner=UserFactory(first_name="Practitioner"),
        unverified=unverified,
        expired=expired,
        requester=requester,
        colleague=staff(amman, first_name="Colleague"),
        focal_point=focal_point,
        munich_staff=staff(munich, first_name="Julia", last_name="Becker"),
        mena_coordinator=coordinator(region=mena),
        country_coordinator=coordinator(region=None, country="JO"),
        cluster_coordinator=coordinator(region=None, cluster=iud),
        germany_coordinator=coordinator(region=germany),
        expired_coordinator=expired_coordinator,
        superuser=superuser,
    )
    return World(
        mena=mena,
        germany=germany,
        iud=iud,
        renewal=field_of_action("urban-renewal"),
        services=cluster("municipal-services"),
        amman=amman,
        munich=munich,
        frankfurt=frankfurt,
        requester=requester,
        people=people,
    )


def make_exchange(world: World, state: str = ExchangeState.DRAFT, **fields):
    """A land-management request of Amman in ``state`` (set directly), with every
    precondition of the next step met: framed, a peer who opted in, objectives, a
    mission, findings and an action item."""
    values = {
        "title": "Land-use plan for undeveloped land",
        "organisation": world.amman,
        "created_by": world.requester,
        "challenge": "Greater Amman grows fast; undeveloped land needs a plan.",
        "cluster": world.iud,
        "field_of_action": world.renewal,
        "languages": ["ar", "en"],
        "formats": ["study_visit"],
        "state": state,
        "guiding_questions": ["How do German cities plan new districts?"],
        "desired_change": "A land-use plan adopted by the council.",
        "objectives": "Learn land-use planning.",
        "findings": "Community plans work.",
    }
    values.update(fields)
    exchange = PeerExchange.objects.create(**values)
    ExchangeCandidate.objects.create(
        exchange=exchange,
        user=world.people.munich_staff,
        state=CandidateState.OPTED_IN,
    )
    ExchangeMission.objects.create(
        exchange=exchange,
        kind="study_visit",
        title="Study visit to Munich",
        starts_on=date(2027, 5, 3),
    )
    ExchangeActionItem.objects.create(
        exchange=exchange,
        description="Draft the community plan",
        owner="Planning department",
        due_on=date(2027, 9, 1),
    )
    return exchange


def public_profile(**fields) -> dict:
    return dict.fromkeys(fields or ["job_title"], Visibility.PUBLIC)
