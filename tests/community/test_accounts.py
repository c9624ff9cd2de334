"""Sign-up, e-mail verification, sign-in, password reset and rate limits."""

import re

from django.contrib.auth.hashers import get_hasher
from django.core import mail

import pytest
from allauth.account.models import EmailAddress
from lxml import html

from community.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/accounts/signup/"
LOGIN_URL = "/en/accounts/login/"


def signup_data(**overrides):
    data = {
        "first_name": "Kwame",
        "last_name": "Mensah",
        "email": "kwame.mensah@kumasi.example.org",
        "password1": "a-long-enough-password",
        "password2": "a-long-enough-password",
    }
    data.update(overrides)
    return data


def test_signup_requires_email_verification(client):
    response = client.post(SIGNUP_URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="kwame.mensah@kumasi.example.org")
    assert (user.first_name, user.last_name) == ("Kwame", "Mensah")
    assert user.preferred_language == "en"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^/]+(/en/accounts/confirm-email/[^/\s]+/)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body

    # Not verified yet: signing in only re-sends the verification mail.
    client.logout()
    response = client.post(
        LOGIN_URL,
        {
            "login": "kwame.mensah@kumasi.example.org",
            "password": "a-long-enough-password",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"

    response = client.post(link.group(1))
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified


def test_signup_in_german_sets_language_and_translates_the_mail(client):
    client.post("/de/accounts/signup/", signup_data())
    user = User.objects.get(email="kwame.mensah@kumasi.example.org")
    assert user.preferred_language == "de"
    assert "E-Mail" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password2": "something-else-entirely"}, "password2", "same password"),
        ({"first_name": "x" * 1000}, "first_name", "at most 150 characters"),
        ({"last_name": ""}, "last_name", "required"),
    ],
)
def test_signup_bad_input_gives_a_form_error(client, overrides, field, message):
    response = client.post(SIGNUP_URL, signup_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert "Please correct the errors below." in response.content.decode()
    assert not User.objects.exists()


def test_signup_accepts_unicode_names(client):
    client.post(
        SIGNUP_URL,
        signup_data(
            first_name="عمّان", last_name="Lörrach-Ñúñez", email="n@example.org"
        ),
    )
    user = User.objects.get(email="n@example.org")
    assert user.first_name == "عمّان"
    assert user.last_name == "Lörrach-Ñúñez"


def test_signup_with_a_taken_address_does_not_reveal_the_account(client):
    """No user enumeration: the page looks the same; the owner gets a notice by mail."""
    existing = UserFactory(email="taken@example.org")
    response = client.post(SIGNUP_URL, signup_data(email="taken@example.org"))
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert mail.outbox[0].to == [existing.email]


def test_login_with_email_and_password(client):
    user = UserFactory()
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    # Signed in, people land on their dashboard ("My Connective Cities").
    assert response["Location"] == "/en/me/"


def test_login_with_a_wrong_password_gives_a_clear_error(client):
    user = UserFactory()
    response = client.post(
        LOGIN_URL, {"login": user.email, "password": "nope-nope-nope"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_login_with_bad_input_never_fails(client):
    for data in (
        {"login": "x" * 1000, "password": "y"},
        {"login": "' OR 1=1 --", "password": "<script>"},
        {},
    ):
        response = client.post(LOGIN_URL, data)
        assert response.status_code == 200


def test_failed_logins_are_rate_limited(client):
    """After five failures for one address even the right password is refused for a
    while, with a message that says so (allauth's "login_failed" limit)."""
    user = UserFactory()
    for attempt in range(5):
        response = client.post(
            LOGIN_URL, {"login": user.email, "password": f"wrong-{attempt}"}
        )
        assert "not correct" in response.content.decode()
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_signups_are_rate_limited_per_address(client):
    """Ten sign-ups an hour from one IP address; the eleventh gets a clear 429 page."""
    statuses = [
        client.post(SIGNUP_URL, signup_data(email=f"bot{i}@example.org")).status_code
        for i in range(11)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert User.objects.count() == 10


def test_password_reset_does_not_reveal_unknown_addresses(client):
    UserFactory(email="known@example.org")
    known = client.post("/en/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post(
        "/en/accounts/password/reset/", {"email": "ghost@example.org"}
    )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox][0] == ["known@example.org"]


def test_password_reset_flow_sets_a_new_password(client):
    user = UserFactory()
    client.post("/en/accounts/password/reset/", {"email": user.email})
    path = re.search(
        r"https?://[^/]+(/en/accounts/password/reset/key/\S+/)", mail.outbox[0].body
    )
    response = client.get(path.group(1), follow=True)
    form_url = (
        response.redirect_chain[-1][0] if response.redirect_chain else path.group(1)
    )
    response = client.post(
        form_url,
        {"password1": "brand-new-password-1", "password2": "brand-new-password-1"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-password-1")


def test_field_errors_are_shown_next_to_the_field(client):
    """The message says what is wrong and is tied to the input for screen readers."""
    response = client.post(
        SIGNUP_URL, signup_data(password1="short", password2="short")
    )
    html = response.content.decode()
    assert 'class="errorlist" id="id_password1_error"' in html
    assert "too short" in html
    assert 'aria-invalid="true"' in html


def _sign_ups(client, forwarded_for: str, start: int, count: int) -> list[int]:
    return [
        client.post(
            SIGNUP_URL,
            signup_data(email=f"bot{i}@example.org"),
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code
        for i in range(start, start + count)
    ]


def test_behind_one_trusted_proxy_each_client_has_its_own_budget(client, settings):
    """The proxy appends the address it saw; two visitors behind it are two."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    assert _sign_ups(client, "203.0.113.7", 0, 10) == [302] * 10
    assert _sign_ups(client, "203.0.113.7", 10, 1) == [429]
    # A client cannot escape by prepending an address of its choice: the proxy's
    # entry (the last one) is what counts.
    assert _sign_ups(client, "198.51.100.1, 203.0.113.7", 11, 1) == [429]
    assert _sign_ups(client, "198.51.100.9", 12, 1) == [302]


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert _sign_ups(client, "203.0.113.7", 0, 10) == [302] * 10
    assert _sign_ups(client, "198.51.100.9", 10, 1) == [429]
    assert _sign_ups(client, "", 11, 1) == [429]


def test_a_request_that_bypassed_a_proxy_counts_under_its_own_address(client, settings):
    """Two trusted proxies but one X-Forwarded-For entry: not a server error."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    assert _sign_ups(client, "203.0.113.7", 0, 1) == [302]
    response = client.post(
        LOGIN_URL, {"login": "x@example.org", "password": "y"}, HTTP_X_FORWARDED_FOR="1"
    )
    assert response.status_code == 200


def test_a_trusted_client_address_header_is_used_when_configured(client, settings):
    settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    for i in range(10):
        client.post(
            SIGNUP_URL,
            signup_data(email=f"bot{i}@example.org"),
            HTTP_X_REAL_IP="203.0.113.7",
        )
    blocked = client.post(
        SIGNUP_URL, signup_data(email="bot10@example.org"), HTTP_X_REAL_IP="203.0.113.7"
    )
    other = client.post(
        SIGNUP_URL, signup_data(email="bot11@example.org"), HTTP_X_REAL_IP="192.0.2.4"
    )
    assert (blocked.status_code, other.status_code) == (429, 302)


@pytest.mark.parametrize(
    "field", ["first_name", "last_name"], ids=["first name", "last name"]
)
@pytest.mark.parametrize("bad", ["Kwame\nMensah", "Kwame\rX", "Kwa\tme", "K\x1bme"])
def test_sign_up_refuses_names_with_line_breaks_and_control_characters(
    client, field, bad
):
    response = client.post(SIGNUP_URL, signup_data(**{field: bad}))
    assert response.status_code == 200
    assert "A name must fit on one line" in response.content.decode()
    assert not User.objects.exists()


def test_the_admin_account_page_refuses_a_name_with_a_line_break(client):
    user = UserFactory(is_superuser=True, is_staff=True, first_name="Edith")
    client.force_login(user)
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Edith\nAdmin",
            "name_email-last_name": "Editor",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 200
    assert "must fit on one line" in response.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Edith"


@pytest.fixture
def hasher_calls(monkeypatch):
    """Every password hashed with the default hasher, in order."""
    hasher_class = type(get_hasher())
    calls = []
    encode = hasher_class.encode

    def spy(self, password, salt, *args, **kwargs):
        calls.append(password)
        return encode(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher_class, "encode", spy)
    return calls


def test_sign_up_hashes_the_password_for_new_and_existing_addresses(
    client, hasher_calls
):
    """The same answer and the same expensive work for an address that has an
    account and one that has none: timing does not tell them apart."""
    UserFactory(email="known@example.org")
    hasher_calls.clear()

    password = signup_data()["password1"]
    new = client.post(SIGNUP_URL, signup_data(email="new@example.org"))
    for_new = hasher_calls.count(password)
    hasher_calls.clear()
    existing = client.post(SIGNUP_URL, signup_data(email="known@example.org"))
    for_existing = hasher_calls.count(password)

    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"]
    assert User.objects.filter(email="new@example.org").exists()
    assert for_new >= 1
    assert for_existing == for_new


@pytest.mark.parametrize("language", ["fr", "es", "pt", "ar"])
def test_signup_offers_the_pages_language_for_mails(client, language):
    """The choice starts on the page's language, and each option is named in its
    own language."""
    response = client.get(f"/{language}/accounts/signup/")
    document = html.fromstring(response.content)
    options = document.xpath("//select[@name='preferred_language']/option")
    assert [option.get("value") for option in options] == [
        "en",
        "de",
        "fr",
        "es",
        "pt",
        "ar",
    ]
    named = {option.get("lang"): option.text_content() for option in options}
    assert named["fr"] == "Français" and named["ar"] == "العربيّة"
    chosen = document.xpath("//select[@name='preferred_language']/option[@selected]")
    assert [option.get("value") for option in chosen] == [language]

    client.post(f"/{language}/accounts/signup/", signup_data())
    user = User.objects.get(email="kwame.mensah@kumasi.example.org")
    assert user.preferred_language == language


def test_signup_keeps_a_language_chosen_other_than_the_pages(client):
    client.post("/fr/accounts/signup/", signup_data(preferred_language="pt"))
    user = User.objects.get(email="kwame.mensah@kumasi.example.org")
    assert user.preferred_language == "pt"
    # The verification mail is written in the chosen language.
    assert mail.outbox[0].subject.endswith("Confirme o seu endereço de e-mail")


def test_signup_refuses_a_language_the_site_does_not_speak(client):
    response = client.post(SIGNUP_URL, signup_data(preferred_language="xx"))
    assert response.status_code == 200
    assert "preferred_language" in response.context["form"].errors
    assert not User.objects.exists()
