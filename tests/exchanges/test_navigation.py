"""Peer exchanges are findable: account navigation, the footer, and readable labels
for their notices in the notifications list."""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest

from core.notices import mail_kinds
from exchanges.services import TRANSITIONS
from notifications import outbox
from tests.factories import UserFactory
from tests.knowledge_fixtures import seed_site

from .conftest import make_exchange

pytestmark = pytest.mark.django_db

MAIL_DIR = Path(settings.BASE_DIR) / "templates" / "events" / "mail"


def test_every_exchange_notice_has_a_label():
    kinds = {f"exchange_{t.target}" for t in TRANSITIONS.values()}
    kinds |= {
        path.name.removesuffix("_subject.txt")
        for path in MAIL_DIR.glob("exchange_*_subject.txt")
    }
    assert kinds - set(mail_kinds()) == set()


def test_notifications_page_shows_a_label_for_an_exchange_notice(world, client):
    exchange = make_exchange(world, "accepted")
    outbox.notify(
        recipient=world.requester,
        kind="exchange_accepted",
        dedupe_key=f"exchange:{exchange.pk}:test",
        subject_object=exchange,
        context={"exchange_title": exchange.title},
    )
    client.force_login(world.requester)
    html = client.get("/en/notifications/").content.decode()
    assert "Peer exchange: request accepted" in html
    assert ">exchange_accepted<" not in html


def test_account_navigation_and_footer_link_the_exchanges(client):
    seed_site()
    outcomes = reverse("exchange_outcomes")
    html = client.get("/en/").content.decode()
    assert f'href="{outcomes}"' in html
    assert f'href="{reverse("exchange_my_requests")}"' not in html

    client.force_login(UserFactory())
    html = client.get("/en/").content.decode()
    assert f'href="{reverse("exchange_my_requests")}">Peer exchanges</a>' in html
    assert f'href="{outcomes}"' in html
