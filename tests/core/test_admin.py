"""The Wagtail admin: one admin, reached through the site's rate-limited sign-in."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_sends_anonymous_people_to_the_site_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/admin/")


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/exchanges/1/"])
def test_signed_in_people_without_admin_access_get_a_page_that_says_so(client, url):
    """Not a redirect to the sign-in page, which sends a signed-in person back to
    the admin: the browser looped between the two."""
    client.force_login(UserFactory())
    response = client.get(url, follow=True)
    assert response.redirect_chain == []
    assert response.status_code == 403
    page = response.content.decode()
    assert "No access to the administration" in page
    assert 'href="/en/profile/"' in page
    assert 'href="/"' in page
    response = client.post(url, {"title": "x"})
    assert response.status_code == 403


def test_the_sign_in_page_does_not_send_a_signed_in_person_back_to_the_admin(client):
    client.force_login(UserFactory())
    response = client.get("/en/accounts/login/?next=/admin/", follow=True)
    assert response.status_code == 403
    assert all(
        "/accounts/login/" not in location for location, _ in response.redirect_chain
    )


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
