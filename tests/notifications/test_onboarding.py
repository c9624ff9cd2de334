"""A new member's first steps: city, themes and regions, languages; skippable,
shown once."""

from django.urls import reverse

import pytest

from community.models import Affiliation, AffiliationStatus, User
from core.models import Cluster
from notifications.models import NotificationPreferences
from tests.factories import PASSWORD, OrganisationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db

STEP_URLS = [
    "/en/welcome/",
    "/en/welcome/city/",
    "/en/welcome/themes/",
    "/en/welcome/languages/",
]


@pytest.fixture
def newcomer(client):
    user = UserFactory(onboarded_at=None)
    client.force_login(user)
    return user


@pytest.mark.parametrize("url", [*STEP_URLS, "/en/welcome/skip/"])
def test_anonymous_people_are_sent_to_sign_in(client, url):
    response = client.post(url) if url.endswith("skip/") else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("url", STEP_URLS[1:])
def test_signed_in_people_see_the_steps(client, newcomer, url):
    assert client.get(url).status_code == 200


def test_skip_all_needs_post(client, newcomer):
    assert client.get("/en/welcome/skip/").status_code == 405


def test_signing_in_before_onboarding_leads_to_the_first_steps(client):
    user = UserFactory(onboarded_at=None)
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("onboarding")


def test_city_step_starts_a_claim(client, newcomer):
    organisation = OrganisationFactory()
    response = client.post(
        "/en/welcome/city/",
        {"organisation": organisation.pk, "evidence": "I lead the planning office."},
    )
    assert response["Location"] == "/en/welcome/themes/"
    claim = Affiliation.objects.get(user=newcomer)
    assert claim.organisation == organisation
    assert claim.status == AffiliationStatus.CLAIMED


def test_themes_step_sets_expertise_and_digest_choices(client, newcomer):
    theme = Cluster.objects.create(name="Climate", slug="climate-onboarding")
    region = RegionFactory()
    response = client.post(
        "/en/welcome/themes/",
        {"clusters": [theme.pk], "regions": [region.pk], "weekly_digest": "on"},
    )
    assert response["Location"] == "/en/welcome/languages/"
    assert list(newcomer.expertise_clusters.all()) == [theme]
    preferences = NotificationPreferences.objects.get(user=newcomer)
    assert list(preferences.clusters.all()) == [theme]
    assert list(preferences.regions.all()) == [region]
    assert preferences.weekly_digest


def test_languages_step_sets_languages_and_finishes(client, newcomer):
    response = client.post("/en/welcome/languages/", {"languages": ["en", "ar"]})
    assert response["Location"] == "/en/me/"
    newcomer.refresh_from_db()
    assert newcomer.languages == ["en", "ar"]
    assert newcomer.onboarded_at is not None


def test_each_step_can_be_skipped_without_saving(client, newcomer):
    assert (
        client.post("/en/welcome/city/", {"skip": "1"})["Location"]
        == "/en/welcome/themes/"
    )
    assert (
        client.post("/en/welcome/themes/", {"skip": "1"})["Location"]
        == "/en/welcome/languages/"
    )
    assert client.post("/en/welcome/languages/", {"skip": "1"})["Location"] == "/en/me/"
    assert not Affiliation.objects.filter(user=newcomer).exists()
    assert not NotificationPreferences.objects.filter(user=newcomer).exists()
    newcomer.refresh_from_db()
    assert newcomer.onboarded_at is not None


def test_skipping_all_steps_is_remembered(client, newcomer):
    response = client.post("/en/welcome/skip/")
    assert response["Location"] == "/en/me/"
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": newcomer.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/me/"
    assert User.objects.get(pk=newcomer.pk).onboarded_at is not None
