"""A new member's first visit, end to end in a real browser.

Home page → sign-up → "verify your e-mail" → confirmation link from the mail →
signed in → sign out → sign in with e-mail and password → save the profile →
switch to German.
"""

import re

from django.core import mail

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from community.models import User

pytestmark = pytest.mark.browser

PASSWORD = "river-delta-lantern-42"
CONFIRM_LINK = re.compile(r"https?://\S+/en/accounts/confirm-email/[^/\s]+/")


def account_nav(page):
    return page.get_by_role("navigation", name="Your account")


def fill_signup(page, *, email: str, password: str):
    page.get_by_label("First name").fill("Amina")
    page.get_by_label("Last name").fill("Okafor")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(password)
    page.locator("input[name=password2]").fill(password)
    page.get_by_role("button", name="Sign Up").click()


def test_new_member_signs_up_confirms_signs_in_and_edits_profile(page, site):
    email = "amina.okafor@example.org"

    # The home page invites people to join.
    page.goto(site("/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cities learning from cities"
    )
    account_nav(page).get_by_role("link", name="Join", exact=True).click()
    expect(page).to_have_url(site("/en/accounts/signup/"))

    # Sign up; mandatory verification sends a mail and says so.
    fill_signup(page, email=email, password=PASSWORD)
    expect(page).to_have_url(site("/en/accounts/confirm-email/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    user = User.objects.get(email=email)
    assert (user.first_name, user.last_name) == ("Amina", "Okafor")
    assert not EmailAddress.objects.get(user=user).verified

    # The confirmation mail (sent from the live server's thread) holds the link.
    assert [message.to for message in mail.outbox] == [[email]]
    link = CONFIRM_LINK.search(mail.outbox[0].body)
    assert link, mail.outbox[0].body
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Email Address")
    page.get_by_role("button", name="Confirm").click()

    # Confirming signs the new member in and starts the first steps; skipping
    # them leads to the dashboard.
    expect(page).to_have_url(re.compile(r"/en/welcome/"))
    page.get_by_role(
        "button", name="Skip the first steps and go to my dashboard"
    ).click()
    expect(page).to_have_url(site("/en/me/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My Connective Cities")
    # A member's links are in the header's "Account" menu.
    account_nav(page).get_by_text("Account", exact=True).click()
    expect(account_nav(page).get_by_role("link", name="Sign out")).to_be_visible()
    assert EmailAddress.objects.get(user=user).verified

    # Sign out (allauth asks for confirmation with a POST form).
    account_nav(page).get_by_role("link", name="Sign out").click()
    page.get_by_role("main").get_by_role("button", name="Sign Out").click()
    expect(account_nav(page).get_by_role("link", name="Sign in")).to_be_visible()
    page.goto(site("/en/profile/"))
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next=/en/profile/$"))

    # Sign in again with e-mail and password.
    page.goto(site("/en/"))
    account_nav(page).get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(site("/en/accounts/login/"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    # Signed in, people land on their dashboard; the profile is one link away.
    expect(page).to_have_url(site("/en/me/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("My Connective Cities")
    page.get_by_role("navigation", name="Account pages").get_by_role(
        "link", name="Profile"
    ).click()
    expect(page).to_have_url(site("/en/profile/"))

    # Save the job title on the profile page.
    page.get_by_role("textbox", name="Job title").fill("Head of urban planning")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    expect(page.get_by_role("textbox", name="Job title")).to_have_value(
        "Head of urban planning"
    )
    user.refresh_from_db()
    assert user.job_title == "Head of urban planning"

    # The language switcher keeps the person on the same page, now in German.
    # The six languages fold into a disclosure named after the current one.
    switcher = page.locator("nav.language-switcher")
    switcher.locator("summary").click()
    switcher.locator('a[hreflang="de"]').click()
    expect(page).to_have_url(site("/de/profile/"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Profil")
    expect(page.get_by_role("textbox", name="Funktion")).to_have_value(
        "Head of urban planning"
    )

    # On a Wagtail page the switcher leads to the page's translation.
    page.goto(site("/en/"))
    switcher.locator("summary").click()
    switcher.locator('a[hreflang="de"]').click()
    expect(page).to_have_url(site("/de/"))
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Städte lernen von Städten"
    )
    expect(switcher.locator('a[hreflang="de"]')).to_have_attribute(
        "aria-current", "true"
    )


SHORT_PASSWORD = "Kx7!qPz2m"  # nine characters; the minimum is ten


def submit_short_password(page):
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        fill_signup(page, email="short@example.org", password=SHORT_PASSWORD)
    return posted.value


def test_signup_with_a_short_password_shows_the_form_again(page, site):
    assert len(SHORT_PASSWORD) == 9
    page.goto(site("/en/accounts/signup/"))
    response = submit_short_password(page)
    assert response.status == 200, f"sign-up answered {response.status}"

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign Up")
    expect(page.get_by_role("alert")).to_contain_text(
        "Please correct the errors below."
    )
    expect(page.locator("#id_password1")).to_have_attribute("aria-invalid", "true")
    # What was typed survives, apart from the passwords.
    expect(page.get_by_label("First name")).to_have_value("Amina")
    expect(page.locator("input[name=email]")).to_have_value("short@example.org")
    assert not User.objects.filter(email="short@example.org").exists()
    assert mail.outbox == []


def test_signup_with_a_short_password_says_what_is_wrong(page, site):
    page.goto(site("/en/accounts/signup/"))
    submit_short_password(page)

    error = page.locator("#id_password1_error")
    expect(error).to_be_visible(timeout=2_000)
    expect(error).to_contain_text("at least 10 characters")
