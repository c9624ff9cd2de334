"""The "check your inbox" page after sign-up and asking for the mail again."""

import email
import email.policy
import re

from django.core import mail
from django.core.cache import cache

import pytest

from community.models import User
from community.verification import RESEND_PER_CLIENT
from tests.community.test_accounts import SIGNUP_URL, signup_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SENT_URL = "/en/accounts/confirm-email/"
RESEND_URL = "/en/accounts/confirm-email/resend/"
NO_LIMIT = {"confirm_email": "100/m/key", "signup": "100/m/ip"}


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


def parsed(message):
    return email.message_from_bytes(
        message.message().as_bytes(), policy=email.policy.default
    )


def test_the_page_names_the_address_and_says_what_to_do(client, settings):
    settings.CONTACT_EMAIL = "office@example.org"
    client.post(SIGNUP_URL, signup_data(email="new@example.org"))
    html = client.get(SENT_URL).content.decode()
    assert "<strong>new@example.org</strong>" in html
    assert "spam" in html
    assert "The link works for 3 days." in html
    assert f'action="{RESEND_URL}"' in html
    assert 'href="mailto:office@example.org"' in html
    assert 'href="/en/accounts/signup/"' in html


def test_resend_sends_exactly_one_more_mail(client, settings):
    settings.ACCOUNT_RATE_LIMITS = NO_LIMIT
    client.post(SIGNUP_URL, signup_data(email="new@example.org"))
    assert len(mail.outbox) == 1
    response = client.post(RESEND_URL)
    assert response.status_code == 302
    assert response["Location"] == SENT_URL
    assert len(mail.outbox) == 2
    message = parsed(mail.outbox[1])
    assert message["To"] == "new@example.org"
    assert "confirm" in message["Subject"].lower()
    assert "<" not in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "/en/accounts/confirm-email/" in body


def test_resend_right_after_sign_up_is_limited_per_address(client):
    """Allauth's own limit for confirmation mails ("confirm_email": one in three
    minutes per address) counts the resend button too."""
    client.post(SIGNUP_URL, signup_data(email="new@example.org"))
    response = client.post(RESEND_URL, follow=True)
    assert len(mail.outbox) == 1
    assert "Please wait a few minutes" in response.content.decode()


def test_resend_is_limited_per_client(client, settings):
    settings.ACCOUNT_RATE_LIMITS = NO_LIMIT
    client.post(SIGNUP_URL, signup_data(email="new@example.org"))
    for _ in range(RESEND_PER_CLIENT):
        client.post(RESEND_URL)
    assert len(mail.outbox) == 1 + RESEND_PER_CLIENT
    response = client.post(RESEND_URL, follow=True)
    assert len(mail.outbox) == 1 + RESEND_PER_CLIENT
    assert "Please wait a few minutes" in response.content.decode()


def test_no_enumeration_a_taken_address_gets_the_same_page_and_answer(client, settings):
    settings.ACCOUNT_RATE_LIMITS = NO_LIMIT
    UserFactory(email="taken@example.org")
    pages = []
    answers = []
    for address in ("taken@example.org", "free@example.org"):
        client.cookies.clear()
        client.post(SIGNUP_URL, signup_data(email=address))
        pages.append(client.get(SENT_URL).content.decode().replace(address, "X"))
        response = client.post(RESEND_URL, follow=True)
        answers.append(response.content.decode().replace(address, "X"))
    assert _without_tokens(pages[0]) == _without_tokens(pages[1])
    assert _without_tokens(answers[0]) == _without_tokens(answers[1])
    assert User.objects.filter(email="taken@example.org").count() == 1
    # The taken address hears of it twice; the new one is asked twice to confirm.
    assert [m.to for m in mail.outbox].count(["taken@example.org"]) == 2
    assert [m.to for m in mail.outbox].count(["free@example.org"]) == 2


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_without_an_address_in_the_session_nothing_is_sent(client):
    html = client.get(SENT_URL).content.decode()
    assert RESEND_URL not in html
    response = client.post(RESEND_URL, follow=True)
    assert len(mail.outbox) == 0
    assert "sign up or sign in again" in response.content.decode()


def test_resend_requires_csrf_and_post(settings):
    from django.test import Client

    settings.ACCOUNT_RATE_LIMITS = NO_LIMIT
    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/accounts/signup/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    client.post(
        SIGNUP_URL,
        {**signup_data(email="new@example.org"), "csrfmiddlewaretoken": token},
    )
    assert len(mail.outbox) == 1
    assert client.post(RESEND_URL).status_code == 403
    assert client.get(RESEND_URL).status_code == 405
    assert len(mail.outbox) == 1
