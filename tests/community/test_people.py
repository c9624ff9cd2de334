"""Find a peer: the people directory for signed-in members. Filters, why each
person matched, per-field visibility (hidden fields are neither shown nor
searched), a fixed query count, and hostile query strings."""

from urllib.parse import urlencode

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.models import Cluster, FieldOfAction
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)
from tests.hostile.strategies import HOSTILE, hostile_value
from tests.knowledge_fixtures import seed_site

pytestmark = pytest.mark.django_db

URL = reverse("people")
FIELDS = ("job_title", "bio", "languages", "expertise", "offers", "seeks")


@pytest.fixture
def world(db):
    seed_site()
    region = RegionFactory(name="Middle East and North Africa", slug="mena")
    amman = OrganisationFactory(name="Amman", region=region, country="JO")
    MembershipFactory(organisation=amman)
    viewer = UserFactory(first_name="Vera", last_name="Viewer")
    AffiliationFactory(user=viewer, organisation=amman, verified=True)
    cluster = Cluster.objects.get(
        slug="good-urban-governance", locale__language_code="en"
    )
    return {"region": region, "amman": amman, "viewer": viewer, "cluster": cluster}


def person(world, first, *, visibility=None, **fields):
    someone = UserFactory(
        first_name=first, last_name="Peer", visibility=visibility or {}, **fields
    )
    AffiliationFactory(user=someone, organisation=world["amman"], verified=True)
    return someone


def names(response):
    return [result.name for result in response.context["results"]]


def test_visitors_sign_in_first(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_filters_match_and_say_why(client, world):
    speaker = person(world, "Amal", languages=["ar", "en"], offers=["host_study_visit"])
    speaker.expertise_clusters.set([world["cluster"]])
    person(world, "Bruno", languages=["fr"])
    client.force_login(world["viewer"])
    response = client.get(
        URL,
        {
            "language": "ar",
            "offer": "host_study_visit",
            "expertise": "c:good-urban-governance",
            "region": "mena",
            "country": "JO",
            "city": world["amman"].slug,
        },
    )
    assert response.status_code == 200
    assert names(response) == ["Amal Peer"]
    reasons = response.context["results"][0].reasons
    assert f"Expertise: {world['cluster'].name}" in reasons
    assert "Speaks Arabic" in reasons
    assert "Offers: Host a study visit" in reasons
    html = response.content.decode()
    assert "Why:" in html
    assert "Write to Amal Peer" in html
    assert speaker.email not in html


def test_a_field_hidden_from_members_is_neither_shown_nor_searched(client, world):
    hidden = person(
        world,
        "Hana",
        languages=["ar"],
        visibility={"languages": "coordinators", "job_title": "members"},
        job_title="Planner",
    )
    client.force_login(world["viewer"])
    assert names(client.get(URL, {"language": "ar"})) == []
    listed = client.get(URL)
    assert "Hana Peer" in names(listed)
    result = next(r for r in listed.context["results"] if r.name == "Hana Peer")
    assert result.languages is None
    assert "Arabic" not in listed.content.decode().split("people-results", 1)[1]
    # A coordinator sees and searches everything.
    coordinator = RoleFactory(region=world["region"]).user
    client.force_login(coordinator)
    assert names(client.get(URL, {"language": "ar"})) == ["Hana Peer"]
    assert hidden.email not in client.get(URL).content.decode()


def test_nobody_with_every_field_hidden_is_listed(client, world):
    person(world, "Ghost", visibility=dict.fromkeys(FIELDS, "coordinators"))
    client.force_login(world["viewer"])
    assert "Ghost Peer" not in names(client.get(URL))


def test_a_plain_member_sees_only_public_fields(client, world):
    person(world, "Pia", visibility=dict.fromkeys(FIELDS, "public"), languages=["de"])
    person(world, "Mia", languages=["de"])
    client.force_login(UserFactory())
    assert names(client.get(URL, {"language": "de"})) == ["Pia Peer"]


def test_unknown_values_are_reported_not_fatal(client, world):
    client.force_login(world["viewer"])
    response = client.get(URL, {"language": "xx", "expertise": "c:nope"})
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_the_query_count_is_the_same_for_1_and_100_people(
    client, world, django_assert_num_queries
):
    field = FieldOfAction.objects.filter(locale__language_code="en").first()

    def add(number):
        someone = person(
            world, f"P{number:03}", languages=["ar"], offers=["expert_mission"]
        )
        someone.expertise_clusters.set([world["cluster"]])
        someone.expertise_fields.set([field])

    add(0)
    client.force_login(world["viewer"])
    query = {"language": "ar", "page": "1"}
    client.get(URL, query)
    with CaptureQueriesContext(connection) as one:
        client.get(URL, query)
    for number in range(1, 100):
        add(number)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(URL, query)
    assert response.context["page_obj"].paginator.count == 100
    assert len(response.context["results"]) == 24


@HOSTILE
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["expertise", "region", "country", "city", "language", "offer", "page"]
        ),
        hostile_value,
        max_size=4,
    )
)
def test_hostile_query_strings_never_fail(client, world, params):
    client.force_login(world["viewer"])
    response = client.get(URL + "?" + urlencode(params))
    assert response.status_code == 200


def test_an_open_exchange_offer_counts_as_an_offer_unless_hidden(client, world):
    from exchanges.models import ExchangeOffer  # the hook's model, for this test

    host = person(world, "Hamza")
    hidden = person(world, "Hind", visibility={"offers": "coordinators"})
    for someone in (host, hidden):
        ExchangeOffer.objects.create(
            user=someone, kind="study_visit", topic="Waste collection"
        )
    client.force_login(world["viewer"])
    response = client.get(URL, {"offer": "host_study_visit"})
    assert names(response) == ["Hamza Peer"]
    assert "Offers: Host a study visit" in response.content.decode()
