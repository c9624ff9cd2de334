"""A person's own profile page."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

import pytest

from community import selectors, services
from community.models import (
    PROFILE_VISIBILITY_FIELDS,
    AffiliationStatus,
    Membership,
    Role,
    Visibility,
)
from core.models import Cluster, FieldOfAction
from tests.factories import AffiliationFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/profile/"
# With the base site around it: its main menu is one of them.
PROFILE_PAGE_QUERIES = 12


def profile_data(**overrides):
    data = {
        "first_name": "Lina",
        "last_name": "Khoury",
        "organisation_name": "Greater Amman Municipality",
        "job_title": "Urban planner",
        "languages": ["ar", "en"],
        "preferred_language": "de",
    }
    data.update(overrides)
    return data


def test_profile_requires_sign_in(client):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/profile/")


def test_profile_shows_and_saves_the_fields(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(PROFILE_URL)
    assert page.status_code == 200
    assert user.email in page.content.decode()

    response = client.post(PROFILE_URL, profile_data())
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.organisation_name == "Greater Amman Municipality"
    assert user.job_title == "Urban planner"
    assert user.languages == ["ar", "en"]
    assert user.preferred_language == "de"
    follow = client.get(PROFILE_URL)
    assert "Your profile has been saved." in follow.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"job_title": "x" * 1000}, "job_title"),
        ({"languages": ["xx"]}, "languages"),
        ({"preferred_language": "ru"}, "preferred_language"),
        ({"first_name": ""}, "first_name"),
        ({"first_name": "Lina\nAdmin"}, "first_name"),
        ({"last_name": "Had\rdad"}, "last_name"),
        ({"last_name": "Tab\tName"}, "last_name"),
        ({"organisation_name": "City\u2028of Irbid"}, "organisation_name"),
        ({"organisation_name": "City\x0bof Irbid"}, "organisation_name"),
    ],
)
def test_profile_bad_input_keeps_what_was_stored(client, overrides, field):
    user = UserFactory(job_title="Engineer")
    client.force_login(user)
    response = client.post(PROFILE_URL, profile_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    user.refresh_from_db()
    assert user.job_title == "Engineer"
    assert user.organisation_name == ""


# --- Expertise, offers, visibility ---------------------------------------------------


@pytest.fixture
def taxonomy(db):
    """The four clusters with their fields of action, in English and German."""
    from tests.knowledge_fixtures import seed_site

    seed_site()


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def german(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def test_profile_offers_expertise_in_the_language_being_read(client, taxonomy):
    client.force_login(UserFactory())
    german_page = client.get("/de/profile/").content.decode()
    english_page = client.get(PROFILE_URL).content.decode()
    assert "Öffentliche Gesundheit" in german_page
    assert "Öffentliche Gesundheit" not in english_page
    assert "Public health" in english_page
    # Each cluster is its own group with a spoken name.
    assert "<legend>Good Urban Governance</legend>" in english_page


def test_profile_stores_english_rows_when_edited_in_german(client, taxonomy):
    user = UserFactory()
    client.force_login(user)
    health = german(FieldOfAction, "public-health")
    governance = german(Cluster, "good-urban-governance")
    response = client.post(
        "/de/profile/",
        profile_data(
            bio="I plan public spaces.",
            expertise=[
                f"cluster:{governance.translation_key}",
                f"field:{health.translation_key}",
            ],
            offers=["host_study_visit", "online_advice"],
            seeks="How to finance green roofs.",
            visibility_bio="public",
            visibility_seeks="coordinators",
        ),
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.bio == "I plan public spaces."
    assert user.seeks == "How to finance green roofs."
    assert user.offers == ["host_study_visit", "online_advice"]
    assert list(user.expertise_clusters.all()) == [
        english(Cluster, "good-urban-governance")
    ]
    assert list(user.expertise_fields.all()) == [
        english(FieldOfAction, "public-health")
    ]
    assert user.visibility_of("bio") == Visibility.PUBLIC
    assert user.visibility_of("seeks") == Visibility.COORDINATORS
    assert user.visibility_of("job_title") == Visibility.MEMBERS

    # The stored choices show up ticked on the German page again.
    form = client.get("/de/profile/").context["form"]
    assert set(form["expertise"].value()) == {
        f"cluster:{governance.translation_key}",
        f"field:{health.translation_key}",
    }


def test_profile_visibility_defaults_to_members(client):
    user = UserFactory()
    client.force_login(user)
    form = client.get(PROFILE_URL).context["form"]
    for field in PROFILE_VISIBILITY_FIELDS:
        assert form[f"visibility_{field}"].value() == Visibility.MEMBERS


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"bio": "x" * 2001}, "bio"),
        ({"seeks": "x" * 2001}, "seeks"),
        ({"offers": ["free_lunch"]}, "offers"),
        ({"expertise": ["cluster:not-a-key"]}, "expertise"),
        ({"expertise": ["field:00000000-0000-0000-0000-000000000000"]}, "expertise"),
        ({"visibility_bio": "everyone-and-their-dog"}, "visibility_bio"),
    ],
)
def test_profile_rejects_bad_new_fields(client, taxonomy, overrides, field):
    user = UserFactory(bio="Before", visibility={"bio": "public"})
    client.force_login(user)
    response = client.post(PROFILE_URL, profile_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    user.refresh_from_db()
    assert user.bio == "Before"
    assert user.visibility == {"bio": "public"}
    assert user.offers == []
    assert not user.expertise_fields.exists()


def test_update_profile_service_refuses_unknown_fields_and_values(taxonomy):
    user = UserFactory()
    for kwargs in (
        {"values": {"is_superuser": True}},
        {"values": {"offers": ["free_lunch"]}},
        {"values": {"languages": ["xx"]}},
        {"values": {}, "visibility": {"email": "public"}},
        {"values": {}, "visibility": {"bio": "nobody"}},
    ):
        with pytest.raises(services.CommunityError):
            services.user_update_profile(user=user, **kwargs)
    user.refresh_from_db()
    assert not user.is_superuser
    assert user.offers == []
    assert user.visibility == {}


def test_update_profile_service_keeps_parts_not_given(taxonomy):
    user = UserFactory(visibility={"bio": "public"})
    cluster = english(Cluster, "good-urban-governance")
    user.expertise_clusters.add(cluster)
    services.user_update_profile(
        user=user,
        values={"seeks": "Ideas for bus rapid transit."},
        visibility={"seeks": "public"},
    )
    user.refresh_from_db()
    assert user.seeks == "Ideas for bus rapid transit."
    assert user.visibility == {"bio": "public", "seeks": "public"}
    assert list(user.expertise_clusters.all()) == [cluster]


# --- Affiliations on the profile -----------------------------------------------------


def test_profile_lists_affiliations_with_a_spoken_status(client):
    user = UserFactory()
    AffiliationFactory(
        user=user,
        organisation__name="Irbid",
        verified=True,
        expires_at=datetime(2099, 11, 12, 12, tzinfo=UTC),
    )
    AffiliationFactory(user=user, organisation__name="Zarqa")
    AffiliationFactory(
        user=user, organisation__name="Aqaba", rejected=True, reason="Unknown there."
    )
    AffiliationFactory(
        user=user,
        organisation__name="Madaba",
        verified=True,
        expires_at=timezone.now() - timedelta(days=1),
    )
    AffiliationFactory(user=user, organisation__name="Jerash", status="withdrawn")
    AffiliationFactory(organisation__name="Somebody else's city")
    client.force_login(user)
    page = client.get(PROFILE_URL).content.decode()
    assert "Verified until 12 Nov 2099" in page
    assert "Waiting for verification" in page
    assert "Rejected: <bdi>Unknown there.</bdi>" in page
    assert "Expired" in page
    assert "Withdrawn" in page
    assert "Somebody else" not in page
    assert 'href="/en/profile/affiliations/new/"' in page
    # Open claims and verified affiliations (also expired ones) can be withdrawn.
    assert page.count('action="/en/profile/affiliations/') == 3


def test_withdraw_ends_the_affiliation_and_logs_it(client):
    affiliation = AffiliationFactory(verified=True)
    client.force_login(affiliation.user)
    response = client.post(f"/en/profile/affiliations/{affiliation.pk}/withdraw/")
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.WITHDRAWN
    assert list(affiliation.events.values_list("action", "actor")) == [
        ("withdrawn", affiliation.user.pk)
    ]
    assert "has been withdrawn" in client.get(PROFILE_URL).content.decode()


def test_withdraw_twice_shows_an_error(client):
    affiliation = AffiliationFactory(status="withdrawn")
    client.force_login(affiliation.user)
    client.post(f"/en/profile/affiliations/{affiliation.pk}/withdraw/")
    assert "already ended" in client.get(PROFILE_URL).content.decode()
    assert not affiliation.events.exists()


def test_withdraw_needs_post_and_own_affiliation(client):
    affiliation = AffiliationFactory(verified=True)
    url = f"/en/profile/affiliations/{affiliation.pk}/withdraw/"
    client.force_login(affiliation.user)
    assert client.get(url).status_code == 405
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    assert client.post("/en/profile/affiliations/999999/withdraw/").status_code == 404
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.VERIFIED


@pytest.mark.parametrize("count", [1, 10])
def test_profile_query_count_does_not_grow_with_affiliations(
    client, taxonomy, django_assert_num_queries, count
):
    """The profile page costs the same with 1 or 10 affiliations.

    Budget (12): session and user (2); the expertise choices in the active and
    default language (the two locales 2, clusters 1, fields of action 1); the
    person's stored expertise (clusters 1, fields 1); the site (1; the header's
    menu comes from the cache) and the header's count of unread notifications (1); the
    affiliations with their organisations (1) and the organisations' translated
    names (1).
    """
    user = UserFactory()
    AffiliationFactory.create_batch(count, user=user, verified=True)
    client.force_login(user)
    client.get(PROFILE_URL)  # the site's menu and root paths, cached once
    with django_assert_num_queries(PROFILE_PAGE_QUERIES):
        response = client.get(PROFILE_URL)
    assert response.status_code == 200
    assert response.content.decode().count("Verified until") == count


# --- What others may see of a profile ------------------------------------------------


@pytest.fixture
def profile_owner(taxonomy):
    """A person who shows their bio to everyone and keeps what they seek private."""
    person = UserFactory(
        job_title="Urban planner",
        bio="I plan public spaces.",
        languages=["ar"],
        offers=["online_advice"],
        seeks="Financing green roofs.",
        visibility={"bio": "public", "seeks": "coordinators"},
    )
    person.expertise_fields.add(english(FieldOfAction, "public-health"))
    return person


def test_the_public_sees_only_public_fields(profile_owner):
    from django.contrib.auth.models import AnonymousUser

    assert selectors.visible_profile(AnonymousUser(), profile_owner) == {
        "bio": "I plan public spaces."
    }
    # Signed in but not verified staff of a member: still only the public part.
    assert list(selectors.visible_profile(UserFactory(), profile_owner)) == ["bio"]


def test_verified_members_see_members_fields_but_not_coordinators_only(
    profile_owner,
):
    member = AffiliationFactory(verified=True)
    Membership.objects.create(organisation=member.organisation, status="active")
    visible = selectors.visible_profile(member.user, profile_owner)
    assert list(visible) == ["job_title", "bio", "languages", "expertise", "offers"]
    assert visible["languages"] == ["Arabic"]
    assert visible["offers"] == ["Advise online"]
    assert visible["expertise"] == {
        "clusters": [],
        "fields": [english(FieldOfAction, "public-health")],
    }


def test_expertise_is_shown_in_the_language_being_read(profile_owner):
    from django.utils import translation

    with translation.override("de"):
        visible = selectors.visible_profile(profile_owner, profile_owner)
    assert [f.name for f in visible["expertise"]["fields"]] == [
        "Öffentliche Gesundheit"
    ]


def test_coordinators_and_the_person_see_everything(profile_owner):
    coordinator = UserFactory()
    Role.objects.create(user=coordinator, kind="coordinator", country="JO")
    for viewer in (coordinator, profile_owner):
        visible = selectors.visible_profile(viewer, profile_owner)
        assert list(visible) == list(PROFILE_VISIBILITY_FIELDS)
        assert visible["seeks"] == "Financing green roofs."


def test_a_name_with_a_line_break_gets_a_clear_message(client):
    user = UserFactory(first_name="Lina")
    client.force_login(user)
    response = client.post(PROFILE_URL, profile_data(first_name="Lina\nAdmin"))
    assert "must fit on one line" in response.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Lina"
