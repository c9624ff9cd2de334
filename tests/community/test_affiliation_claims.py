"""A person claims to work for an organisation from their profile."""

import pytest

from community.models import Affiliation, AffiliationEvent, OrganisationName
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CLAIM_URL = "/en/profile/affiliations/new/"


@pytest.fixture
def munich(db):
    """A German city with a German name, next to a Jordanian one."""
    city = OrganisationFactory(name="Munich", slug="munich", country="DE")
    OrganisationName.objects.create(organisation=city, language="de", name="München")
    OrganisationFactory(name="Irbid", slug="irbid", country="JO")
    return city


def claim_data(city, **overrides):
    data = {
        "organisation": city.pk,
        "job_title": "Head of urban planning",
        "work_email": "planning@muenchen.de",
        "evidence": "Listed on the department's staff page.",
    }
    data.update(overrides)
    return data


def test_claiming_requires_sign_in(client):
    response = client.get(CLAIM_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_claim_form_groups_organisations_by_country_in_the_page_language(
    client, munich
):
    client.force_login(UserFactory())
    english = client.get(CLAIM_URL).content.decode()
    assert '<optgroup label="Germany">' in english
    assert '<optgroup label="Jordan">' in english
    assert ">Munich</option>" in english
    german = client.get("/de/profile/affiliations/new/").content.decode()
    assert '<optgroup label="Deutschland">' in german
    assert ">München</option>" in german


def test_claim_is_recorded_and_waits_for_verification(client, munich):
    user = UserFactory()
    client.force_login(user)
    response = client.post(CLAIM_URL, claim_data(munich))
    assert response.status_code == 302
    assert response["Location"] == "/en/profile/"
    affiliation = Affiliation.objects.get(user=user)
    assert affiliation.organisation == munich
    assert affiliation.status == "claimed"
    assert affiliation.job_title == "Head of urban planning"
    assert affiliation.work_email == "planning@muenchen.de"
    assert affiliation.evidence == "Listed on the department's staff page."
    assert list(affiliation.events.values_list("action", "actor")) == [
        ("claimed", user.pk)
    ]
    profile = client.get("/en/profile/").content.decode()
    assert "is waiting for verification" in profile
    assert "Waiting for verification" in profile


def test_work_email_is_optional(client, munich):
    user = UserFactory()
    client.force_login(user)
    client.post(CLAIM_URL, claim_data(munich, work_email="", job_title=""))
    assert Affiliation.objects.get(user=user).work_email == ""


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"organisation": "abc"}, "organisation", "Select a valid choice"),
        ({"organisation": "999999"}, "organisation", "Select a valid choice"),
        ({"organisation": "9" * 30}, "organisation", "Select a valid choice"),
        ({"organisation": "1 OR 1=1"}, "organisation", "Select a valid choice"),
        ({"organisation": ""}, "organisation", "This field is required"),
        ({"evidence": ""}, "evidence", "This field is required"),
        ({"evidence": "   "}, "evidence", "This field is required"),
        ({"evidence": "x" * 10_000}, "evidence", "at most 2000 characters"),
        ({"job_title": "x" * 1000}, "job_title", "at most 200 characters"),
        ({"work_email": "not an address"}, "work_email", "valid email"),
    ],
)
def test_bad_claims_are_form_errors_and_save_nothing(
    client, munich, overrides, field, message
):
    user = UserFactory()
    client.force_login(user)
    response = client.post(CLAIM_URL, claim_data(munich, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert 'role="alert"' in response.content.decode()
    assert not Affiliation.objects.exists()
    assert not AffiliationEvent.objects.exists()


def test_claiming_twice_is_a_clear_error_and_saves_nothing_more(client, munich):
    user = UserFactory()
    client.force_login(user)
    client.post(CLAIM_URL, claim_data(munich))
    response = client.post(CLAIM_URL, claim_data(munich, job_title="Mayor"))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert "You already have an open or verified affiliation with Munich." in errors
    assert Affiliation.objects.filter(user=user).count() == 1
    assert Affiliation.objects.get(user=user).job_title == "Head of urban planning"
    assert AffiliationEvent.objects.count() == 1


def test_a_verified_affiliation_also_blocks_a_new_claim(client, munich):
    existing = AffiliationFactory(organisation=munich, verified=True)
    client.force_login(existing.user)
    response = client.post(CLAIM_URL, claim_data(munich))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Affiliation.objects.count() == 1


def test_after_a_rejection_the_person_may_claim_again(client, munich):
    rejected = AffiliationFactory(organisation=munich, rejected=True)
    client.force_login(rejected.user)
    response = client.post(CLAIM_URL, claim_data(munich))
    assert response.status_code == 302
    assert list(
        Affiliation.objects.filter(user=rejected.user).values_list("status", flat=True)
    ) == ["claimed", "rejected"]
