"""The proposer's outcome mail goes through the outbox: in their language, once
per decision, listed on their notifications page. Each mail is parsed back with
the standard library's ``email`` package, as a mail client reads it."""

import email
import email.policy
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from notifications.models import Notification, NotificationState
from practices.services import Outcome, proposal_notify_outcome
from tests import knowledge_fixtures as kb
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TITLE = "Solar roofs & <schools>"

# Subject, and a sentence of the text, per outcome and language.
EXPECTED = {
    ("en", Outcome.PUBLISHED): (
        f"Your good practice is published: {TITLE}",
        f"Good news: your good practice “{TITLE}” has been reviewed",
    ),
    ("de", Outcome.PUBLISHED): (
        f"Ihre Gute Praxis ist veröffentlicht: {TITLE}",
        f"Gute Nachrichten: Ihre Gute Praxis „{TITLE}“ wurde geprüft",
    ),
    ("en", Outcome.APPROVED): (
        f"Your good practice was approved: {TITLE}",
        "It will be published on",
    ),
    ("de", Outcome.APPROVED): (
        f"Ihre Gute Praxis wurde freigegeben: {TITLE}",
        "Die Veröffentlichung ist für den",
    ),
    ("en", Outcome.REJECTED): (
        f"Your good practice proposal needs changes: {TITLE}",
        "Add the yearly savings, please & thank you.",
    ),
    ("de", Outcome.REJECTED): (
        f"Ihr Vorschlag für eine Gute Praxis muss überarbeitet werden: {TITLE}",
        "Add the yearly savings, please & thank you.",
    ),
}


def _proposal(*, live: bool = True, language: str = "en"):
    """A good practice proposed by a person who reads ``language``."""
    home = kb.seed_site()
    page = kb.make_practice(kb.index_pages(home)["practices"], title=TITLE)
    page.proposed_by = UserFactory(
        first_name="Leila", last_name="Haddad", preferred_language=language
    )
    if not live:
        page.live = False
        page.go_live_at = timezone.now() + timedelta(days=2)
    page.save(update_fields=["proposed_by", "live", "go_live_at"])
    return page


def _parsed(message) -> email.message.EmailMessage:
    return email.message_from_bytes(
        message.message().as_bytes(), policy=email.policy.default
    )


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    "outcome", [Outcome.PUBLISHED, Outcome.APPROVED, Outcome.REJECTED]
)
def test_the_outcome_mail_in_the_proposers_language(
    language, outcome, django_capture_on_commit_callbacks
):
    page = _proposal(live=outcome != Outcome.APPROVED, language=language)
    with django_capture_on_commit_callbacks(execute=True):
        assert proposal_notify_outcome(
            page=page,
            outcome=outcome,
            comment="Add the yearly savings, please & thank you.",
        )
    [message] = mail.outbox
    parsed = _parsed(message)
    subject, sentence = EXPECTED[language, outcome]
    assert parsed["To"] == page.proposed_by.email
    assert parsed["Subject"].lstrip() == f"[Connective Cities] {subject}"
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert sentence in text
    greeting = "Guten Tag" if language == "de" else "Hello"
    assert f"{greeting} Leila Haddad," in text
    assert f"/{language}/practices/my-proposals/" in text
    assert f'<html lang="{language}" dir="ltr">' in html
    assert "Solar roofs &amp; &lt;schools&gt;" in html
    notice = Notification.objects.get(kind="proposal_outcome")
    assert notice.state == NotificationState.SENT
    assert notice.recipient == page.proposed_by
    assert notice.page_id == page.pk
    assert notice.language == language
    assert notice.subject == subject


def test_each_decision_is_told_once(django_capture_on_commit_callbacks):
    page = _proposal()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):  # a signal delivered twice, a page published again
            proposal_notify_outcome(page=page, outcome=Outcome.PUBLISHED)
            proposal_notify_outcome(
                page=page, outcome=Outcome.REJECTED, comment="More", decision_id=7
            )
        # Asked for changes again after a resubmission: that is news.
        proposal_notify_outcome(
            page=page, outcome=Outcome.REJECTED, comment="Still more", decision_id=8
        )
    keys = sorted(Notification.objects.values_list("dedupe_key", flat=True))
    assert keys == [
        f"proposal_outcome:{page.pk}:published",
        f"proposal_outcome:{page.pk}:rejected:7",
        f"proposal_outcome:{page.pk}:rejected:8",
    ]
    assert len(mail.outbox) == 3


def test_the_notifications_page_lists_the_outcome(
    client, django_capture_on_commit_callbacks
):
    page = _proposal()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_notify_outcome(page=page, outcome=Outcome.PUBLISHED)
    client.force_login(page.proposed_by)
    html = client.get("/en/notifications/").content.decode()
    assert "Your good practice is published: Solar roofs &amp; &lt;schools&gt;" in html
    assert "Your good practice proposal" in html  # what the notice is about
