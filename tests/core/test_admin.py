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


def test_the_admin_account_page_does_not_change_e_mail_addresses(client, site_pages):
    """Invitations and roles follow the address: it changes only on the site, which
    verifies a new address first. The admin's account page points there."""
    user = UserFactory(is_superuser=True, is_staff=True, email="editor@example.org")
    client.force_login(user)
    page = client.get("/admin/account/").content.decode()
    assert 'name="name_email-email"' not in page
    assert 'href="/en/accounts/email/"' in page
    assert "Change e-mail address" in page
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Edith",
            "name_email-last_name": "Editor",
            "name_email-email": "attacker@example.org",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.first_name == "Edith"
    assert user.email == "editor@example.org"


def test_the_site_changes_an_address_only_after_verification(client, mailoutbox):
    user = UserFactory(email="editor@example.org")
    client.force_login(user)
    response = client.post(
        "/en/accounts/email/", {"action_add": "", "email": "new@example.org"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "editor@example.org"
    assert mailoutbox[-1].to == ["new@example.org"]
    assert "confirm" in mailoutbox[-1].body.lower()


def test_the_no_access_page_speaks_german(client):
    client.force_login(UserFactory())
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Kein Zugang zur Verwaltung" in page
    assert 'href="/de/profile/"' in page
