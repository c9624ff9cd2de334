"""Asking a practice's contact person, end to end in Chromium.

A verified member finds a peer in the people directory, finds a practice,
writes to its contact person from the practice's page, the contact person gets
the mail (from the test outbox), follows its link, answers on the platform, and
the member sees the answer from "My Connective Cities". No page and no mail
shows either e-mail address; axe-core passes on the directory and the
conversation pages; screenshots at 1280 and 390 px.
"""

import re
from urllib.parse import urlparse

from django.core import mail

import pytest
from playwright.sync_api import expect

from tests import knowledge_fixtures as kb
from tests.browser.test_affiliation_journey import sign_in, sign_out
from tests.browser.test_persona_journeys import snapshot
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^\s\"<>]+/en/conversations/\d+/")


def test_a_member_asks_a_practices_contact_and_reads_the_answer(
    page, site, artefacts, axe_js
):
    city = OrganisationFactory(name="Lörrach")
    MembershipFactory(organisation=city)
    member = UserFactory(
        first_name="Rania", last_name="Khalil", email="rania@member.example"
    )
    AffiliationFactory(user=member, organisation=city, verified=True)
    contact = UserFactory(
        first_name="Jonas",
        last_name="Weber",
        email="jonas@loerrach.example",
        languages=["de", "en"],
    )
    AffiliationFactory(user=contact, organisation=city, verified=True)
    pages = kb.index_pages(site.home)
    practice = kb.make_practice(pages["practices"], title="Separate waste collection")
    practice.contact_person = contact
    practice.contact_email = "waste@loerrach.example"
    practice = kb.publish(practice)
    addresses = (member.email, contact.email, "waste@loerrach.example")
    seen = []

    def look(name):
        seen.append(page.content())
        snapshot(page, artefacts, f"conversation-{name}", axe_js)

    sign_in(page, site, member.email)
    # Find a peer: the directory says why each person matched.
    page.goto(site("/en/people/"))
    page.get_by_label("Speaks").select_option("de")
    page.get_by_role("button", name="Show people").click()
    expect(page.get_by_text("Speaks German")).to_be_visible()
    expect(page.get_by_role("link", name="Write to Jonas Weber")).to_be_visible()
    look("people")

    page.goto(site(pages["practices"].url))
    page.get_by_role("link", name="Separate waste collection").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Separate waste collection"
    )
    page.get_by_role("link", name="Write to Jonas Weber").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to Jonas Weber")
    expect(page.get_by_text("About: Separate waste collection")).to_be_visible()
    look("start")

    mail.outbox.clear()
    page.get_by_label("Your message").fill("How do you collect organic waste?")
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_text("Your message has been sent.")).to_be_visible()
    look("sent")

    [sent] = [m for m in mail.outbox if contact.email in m.to]
    texts = [sent.subject, sent.body, str(sent.extra_headers)]
    texts += [content for content, _kind in getattr(sent, "alternatives", [])]
    assert "How do you collect organic waste?" in sent.body
    for text in texts:
        for address in (member.email, "waste@loerrach.example"):
            assert address not in text
    link = LINK.search(sent.body).group(0)

    sign_out(page, site)
    sign_in(page, site, contact.email)
    page.goto(site(urlparse(link).path))
    expect(page.get_by_text("How do you collect organic waste?")).to_be_visible()
    look("contact-reads")
    page.get_by_label("Your reply").fill("In brown bins, every week.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Your reply has been sent.")).to_be_visible()
    for message in mail.outbox:
        if member.email in message.to:
            for address in (contact.email, "waste@loerrach.example"):
                assert address not in message.subject + message.body

    sign_out(page, site)
    sign_in(page, site, member.email)
    page.goto(site("/en/me/"))
    answer = page.get_by_role("link", name="Separate waste collection")
    expect(answer.first).to_be_visible()
    seen.append(page.content())
    answer.first.click()
    expect(page.get_by_text("In brown bins, every week.")).to_be_visible()
    look("member-reads-answer")

    for html in seen:
        for address in addresses:
            assert address not in html
