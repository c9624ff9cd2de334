"""The Wagtail admin: one admin, reached through the site's rate-limited sign-in."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sends_anonymous_people_to_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/admin/")


def test_practitioners_without_admin_access_are_turned_away(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/" not in response["Location"].split("?")[0]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/snippets/core/cluster/",
        "/admin/snippets/core/fieldofaction/",
        "/admin/snippets/community/region/",
        "/admin/locales/",
    ],
)
def test_superuser_reaches_the_admin_screens(client, site_pages, url):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(url)
    assert response.status_code == 200


def test_taxonomy_is_listed_per_locale(client, site_pages):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    english = client.get("/admin/snippets/core/cluster/?locale=en").content.decode()
    german = client.get("/admin/snippets/core/cluster/?locale=de").content.decode()
    assert "Local Economic Development" in english
    assert "Lokale Wirtschaftsentwicklung" in german
