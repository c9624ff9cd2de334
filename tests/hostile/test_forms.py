"""Hostile text and files in the public forms: the proposal form (with uploads),
the event application form, the exchange request form and a coordinator's
shortlist. Every answer is a form with an error or the input saved intact; never
a 5xx. Runs on PostgreSQL and SQLite (``both_databases``)."""

import io
import struct
import zlib
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image as PILImage

from core.models import HomePage
from events.models import Registration
from exchanges.models import ExchangeCandidate, ExchangeState, PeerExchange
from practices.models import GoodPracticePage
from practices.services import knowledge_base_workflow_ensure, plain_text
from tests import knowledge_fixtures as kb
from tests.events.fixtures import make_event
from tests.exchanges.conftest import coordinator, member_city, staff
from tests.factories import OrganisationFactory, RegionFactory, UserFactory

from .strategies import HOSTILE, hostile_value

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

# Ids and numbers a form field may receive instead of a real choice.
hostile_key = st.one_of(
    hostile_value,
    st.sampled_from([str(2**63), str(2**64), "9" * 30, "-5", "٣", "0x10"]),
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """A knowledge base with its moderation workflow, an event open for
    applications, and a peer exchange in matching with its case manager; built
    once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        kb.seed_site()
        home = HomePage.objects.get(locale__language_code="en")
        pages = kb.index_pages(home)
        knowledge_base_workflow_ensure(index_pages=list(pages.values()))
        mena = RegionFactory(name="Middle East and North Africa", slug="mena")
        amman = member_city("Greater Amman Municipality", mena, country="JO")
        manager = coordinator(region=mena)
        requester = staff(amman, first_name="Leila")
        exchange = PeerExchange.objects.create(
            title="Land-use plan for undeveloped land",
            organisation=amman,
            created_by=requester,
            challenge="Greater Amman grows fast; undeveloped land needs a plan.",
            cluster=kb.cluster("integrated-urban-development"),
            state=ExchangeState.MATCHING,
            case_manager=manager,
        )
        yield SimpleNamespace(
            city=OrganisationFactory(name="Irbid", country="JO"),
            proposer=UserFactory(first_name="Rana"),
            event=make_event(),
            amman=amman,
            requester=requester,
            manager=manager,
            peer=staff(member_city("Munich", mena, country="DE"), first_name="Julia"),
            exchange=exchange,
        )
        transaction.set_rollback(True)


# --- Proposals --------------------------------------------------------------------


def proposal(world, **changes) -> dict:
    data = {
        "title": "Solar roofs on municipal schools",
        "teaser": "Schools produce their own electricity.",
        "city": str(world.city.pk),
        "country": "",
        "cluster": str(kb.cluster("municipal-services").pk),
        "field_of_action": "",
        "start_year": "2019",
        "overview": "Twelve schools got solar roofs.",
        "image_alt": "",
        "image_credit": "",
        "consent": "on",
    }
    data.update(changes)
    return data


@HOSTILE
@given(title=hostile_value, teaser=hostile_value, overview=hostile_value)
def test_proposal_text(client, world, title, teaser, overview):
    client.force_login(world.proposer)
    before = GoodPracticePage.objects.count()
    response = client.post(
        "/en/practices/propose/",
        proposal(world, title=title, teaser=teaser, overview=overview),
    )
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert response.context["form"].errors
        assert GoodPracticePage.objects.count() == before
    else:
        page = GoodPracticePage.objects.order_by("-pk").first()
        assert page.title == plain_text(title)


@HOSTILE
@given(
    field=st.sampled_from(["city", "cluster", "field_of_action", "start_year"]),
    value=hostile_key,
)
def test_proposal_choices_and_numbers(client, world, field, value):
    client.force_login(world.proposer)
    response = client.post("/en/practices/propose/", proposal(world, **{field: value}))
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert field in response.context["form"].errors


def png(width: int, height: int, pixels: bytes = b"\0" * 1000) -> bytes:
    """A PNG whose header claims ``width`` x ``height``, with ``pixels`` (raw,
    usually far too few) as its only data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def real_image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (11, 92, 107)).save(buffer, fmt)
    return buffer.getvalue()


DAMAGED = {
    "truncated.png": real_image("PNG")[:-40],
    "truncated.jpg": real_image("JPEG")[:200],
    "header-only.png": real_image("PNG")[:33],
    "too-few-pixels.png": png(64, 48),
    "text.jpg": b"This is a letter, not a photo.\n",
    "bomb.png": png(100_000, 100_000),
    "too-many-pixels.png": png(7_000, 7_000),
    "empty.png": b"",
    "jpeg-named.png": real_image("JPEG"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_image_is_a_form_error(client, world, name):
    client.force_login(world.proposer)
    images = get_image_model().objects.count()
    data = proposal(world, image_alt="A school roof")
    data["image"] = SimpleUploadedFile(name, DAMAGED[name])
    response = client.post("/en/practices/propose/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["image"]
    assert get_image_model().objects.count() == images


def test_a_sound_image_is_still_accepted(client, world):
    client.force_login(world.proposer)
    data = proposal(world, image_alt="A school roof")
    data["image"] = SimpleUploadedFile("roof.png", real_image("PNG"))
    response = client.post("/en/practices/propose/", data)
    assert response.status_code == 302
    page = GoodPracticePage.objects.order_by("-pk").first()
    assert page.hero_image.width == 64


# --- Event applications -----------------------------------------------------------


@HOSTILE
@given(role=hostile_value, motivation=hostile_value, organisation=hostile_key)
def test_event_application(client, world, role, motivation, organisation):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        f"/en/events/{world.event.pk}/apply/",
        {
            "organisation": organisation,
            "organisation_name": "City of Irbid",
            "role": role,
            "motivation": motivation,
            "brings": "challenge",
            "brings_title": "Informal settlements",
            "consent_data": "on",
        },
    )
    assert response.status_code in (200, 302), response.status_code
    registration = Registration.objects.filter(user=person).first()
    if response.status_code == 200:
        assert response.context["form"].errors
        assert registration is None
    else:
        assert registration.role == role.strip()
        assert registration.motivation == motivation.strip()


# --- Peer exchanges ---------------------------------------------------------------


@HOSTILE
@given(title=hostile_value, challenge=hostile_value, cluster=hostile_key)
def test_exchange_request(client, world, title, challenge, cluster):
    client.force_login(world.requester)
    before = set(PeerExchange.objects.values_list("pk", flat=True))
    response = client.post(
        "/en/exchanges/new/",
        {
            "organisation": str(world.amman.pk),
            "title": title,
            "challenge": challenge,
            "cluster": cluster,
            "languages": ["en", "\x00", "zz"],
        },
    )
    assert response.status_code in (200, 302), response.status_code
    created = PeerExchange.objects.exclude(pk__in=before)
    if response.status_code == 200:
        assert response.context["form"].errors
        assert not created.exists()
    else:
        assert created.get().title == title.strip()


@HOSTILE
@given(score=hostile_key, user=hostile_key)
def test_shortlist_scores_and_ids(client, world, score, user):
    client.force_login(world.manager)
    url = reverse("exchange_admin_invite", args=(world.exchange.pk,))
    peer = world.peer.pk
    response = client.post(
        url,
        {"users": [str(peer), user], "do": "shortlist", f"score-{peer}": score},
    )
    assert response.status_code == 302


@pytest.mark.parametrize("score", [str(2**31), str(-(2**31) - 1), "²", "1e3"])
def test_an_impossible_score_changes_nothing_and_says_so(client, world, score):
    client.force_login(world.manager)
    url = reverse("exchange_admin_invite", args=(world.exchange.pk,))
    peer = world.peer.pk
    response = client.post(
        url,
        {"users": [str(peer)], "do": "shortlist", f"score-{peer}": score},
        follow=True,
    )
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("A score must be a whole number" in message for message in messages)
    assert not ExchangeCandidate.objects.filter(exchange=world.exchange).exists()


def test_a_sensible_score_is_kept(client, world):
    client.force_login(world.manager)
    url = reverse("exchange_admin_invite", args=(world.exchange.pk,))
    peer = world.peer.pk
    client.post(url, {"users": [str(peer)], "do": "shortlist", f"score-{peer}": "-7"})
    candidate = ExchangeCandidate.objects.get(exchange=world.exchange, user=peer)
    assert candidate.score == -7
