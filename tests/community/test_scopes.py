"""The coordinator-scope helper every permission rule builds on.

A coordinator role covers one region, one country or one cluster while it is
valid; region and cluster rows are compared across languages by translation key.
"""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.models import Organisation, Region, Role
from community.permissions import (
    coordinator_scopes,
    coordinators_covering,
    in_coordinator_scope,
    scope_q,
)
from core.models import Cluster
from demo.community import seed_regions
from tests.factories import OrganisationFactory, RoleFactory, UserFactory
from tests.knowledge_fixtures import seed_site

pytestmark = pytest.mark.django_db


def quiet(message: str) -> None:
    """Seeding logs progress; tests do not need it."""


@pytest.fixture
def taxonomy():
    seed_site()
    seed_regions(log=quiet)

    def rows(model, slug):
        return (
            model.objects.get(slug=slug, locale__language_code="en"),
            model.objects.get(slug=slug, locale__language_code="de"),
        )

    mena, mena_de = rows(Region, "middle-east-north-africa")
    see, _see_de = rows(Region, "south-east-europe-caucasus")
    services, services_de = rows(Cluster, "municipal-services")
    other_cluster = Cluster.objects.filter(locale__language_code="en").exclude(
        pk=services.pk
    )[0]
    return {
        "mena": mena,
        "mena_de": mena_de,
        "see": see,
        "services": services,
        "services_de": services_de,
        "other_cluster": other_cluster,
        "amman": OrganisationFactory(country="JO", region=mena),
        "skopje": OrganisationFactory(country="MK", region=see),
    }


def coordinator(**scope):
    user = UserFactory()
    RoleFactory(user=user, kind="coordinator", **scope)
    return user


def test_a_region_scope_covers_the_region_in_every_language(taxonomy):
    user = coordinator(region=taxonomy["mena"])
    assert in_coordinator_scope(user, region=taxonomy["mena_de"])
    assert not in_coordinator_scope(user, region=taxonomy["see"], country="JO")
    managed = Organisation.objects.filter(
        scope_q(user, region_path="region", country_path="country")
    )
    assert list(managed) == [taxonomy["amman"]]


def test_a_country_scope_covers_the_country(taxonomy):
    user = coordinator(region=None, country="MK")
    assert in_coordinator_scope(user, country=taxonomy["skopje"].country)
    assert in_coordinator_scope(user, country="MK")
    assert not in_coordinator_scope(user, region=taxonomy["see"], country="JO")
    managed = Organisation.objects.filter(
        scope_q(user, region_path="region", country_path="country")
    )
    assert list(managed) == [taxonomy["skopje"]]


def test_a_cluster_scope_covers_the_theme_but_no_organisations(taxonomy):
    user = coordinator(region=None, cluster=taxonomy["services"])
    assert in_coordinator_scope(user, cluster=taxonomy["services_de"])
    assert not in_coordinator_scope(user, cluster=taxonomy["other_cluster"])
    assert not in_coordinator_scope(
        user, region=taxonomy["mena"], country="JO", cluster=None
    )
    assert scope_q(user, region_path="region", country_path="country") is None
    covered = Role.objects.filter(scope_q(user, cluster_path="cluster"))
    assert list(covered) == [user.roles.get()]
    assert not coordinator_scopes(user).covers_organisations


def test_an_expired_or_future_role_covers_nothing(taxonomy):
    today = timezone.localdate()
    expired = coordinator(
        region=taxonomy["mena"],
        valid_from=today - timedelta(days=30),
        valid_until=today - timedelta(days=1),
    )
    future = coordinator(region=taxonomy["mena"], valid_from=today + timedelta(days=1))
    last_day = coordinator(region=taxonomy["mena"], valid_until=today)
    for user in (expired, future):
        assert not coordinator_scopes(user)
        assert not in_coordinator_scope(user, region=taxonomy["mena"])
        assert scope_q(user, region_path="region") is None
    assert in_coordinator_scope(last_day, region=taxonomy["mena"])
    assert list(coordinators_covering(region=taxonomy["mena_de"])) == [last_day]


def test_superusers_and_signed_out_people_have_no_scope(taxonomy):
    """Superusers pass every rule by the rule's own first line, not by a scope."""
    from django.contrib.auth.models import AnonymousUser

    superuser = UserFactory(is_superuser=True)
    for user in (superuser, AnonymousUser()):
        assert not coordinator_scopes(user)
        assert not in_coordinator_scope(user, region=taxonomy["mena"], country="JO")
        assert scope_q(user, region_path="region", country_path="country") is None
    assert not coordinators_covering(region=taxonomy["mena"]).exists()


def test_coordinators_covering_finds_every_kind_of_scope(taxonomy):
    by_region = coordinator(region=taxonomy["mena"])
    by_country = coordinator(region=None, country="JO")
    by_cluster = coordinator(region=None, cluster=taxonomy["services"])
    coordinator(region=taxonomy["see"])
    inactive = coordinator(region=taxonomy["mena"])
    inactive.is_active = False
    inactive.save()
    found = coordinators_covering(
        region=taxonomy["mena"], country="JO", cluster=taxonomy["services_de"]
    )
    assert list(found) == [by_region, by_country, by_cluster]
    assert not coordinators_covering().exists()
