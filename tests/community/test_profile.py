"""A person's own profile page."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/profile/"


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
        ({"preferred_language": "fr"}, "preferred_language"),
        ({"first_name": ""}, "first_name"),
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
