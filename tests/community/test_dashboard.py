""" "My Connective Cities": the signed-in person's dashboard, the landing page after
sign-in, and the header's notification count. Each section comes from its own app
(``community.dashboard``); only the person's own things show."""

import re
from datetime import timedelta
from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from events.models import Registration, RegistrationState
from exchanges.models import CandidateState, ExchangeCandidate, ExchangeState
from notifications import outbox
from notifications.models import Notification
from tests.events.fixtures import event_index, make_event
from tests.events.helpers import registration_of
from tests.exchanges.conftest import make_exchange, staff, world  # noqa: F401
from tests.factories import PASSWORD, AffiliationFactory, UserFactory
from tests.knowledge_fixtures import index_pages, make_practice, make_project

pytestmark = pytest.mark.django_db

URL = "/en/me/"


class _Outline(HTMLParser):
    """The page's headings (level, text) in document order."""

    def __init__(self):
        super().__init__()
        self.headings: list[list] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._open = [int(tag[1]), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if self._open is not None and re.fullmatch(r"h[1-6]", tag):
            self._open[1] = " ".join(self._open[1].split())
            self.headings.append(self._open)
            self._open = None


def outline(html: str) -> list[list]:
    parser = _Outline()
    parser.feed(html)
    return parser.headings


def assert_headings_in_order(html: str) -> None:
    """One h1, and no heading deeper than one level below the one before it."""
    levels = [level for level, _text in outline(html)]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels


def notify(user, number: int, subject: str = "") -> Notification:
    outbox.notify(
        recipient=user,
        kind="affiliation_verified",
        dedupe_key=f"dashboard-test:{user.pk}:{number}",
        context={"organisation": "Amman"},
    )
    notice = Notification.objects.get(dedupe_key=f"dashboard-test:{user.pk}:{number}")
    if subject:
        notice.subject = subject
        notice.save(update_fields=["subject"])
    return notice


# --- Who gets there -------------------------------------------------------------------


def test_the_dashboard_needs_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/en/accounts/login/?next={URL}")


def test_sign_in_lands_on_the_dashboard_unless_next_is_given(client):
    user = UserFactory()
    login = reverse("account_login")
    response = client.post(login, {"login": user.email, "password": PASSWORD})
    assert response["Location"] == URL
    client.logout()
    response = client.post(
        f"{login}?next=/en/events/mine/", {"login": user.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/events/mine/"


# --- A new member ---------------------------------------------------------------------


def test_a_new_member_is_told_what_to_do_next(client):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["is_empty"]
    assert "What to do next" in html
    assert f'href="{reverse("profile")}">Complete your profile</a>' in html
    assert f'href="{reverse("affiliation_claim")}">Claim your city</a>' in html
    assert "What needs doing now" not in html
    assert "Recommended for you" not in html
    assert [section.key for section in response.context["sections"]] == []
    assert_headings_in_order(html)
    assert client.get("/de/me/").status_code == 200


# --- Events ---------------------------------------------------------------------------


def test_an_offered_place_is_to_do_and_confirmed_from_the_dashboard(client):
    user = UserFactory()
    event = make_event(title="Land management dialogue")
    registration = registration_of(
        event,
        user,
        RegistrationState.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=20),
    )
    client.force_login(user)
    response = client.get(URL)
    html = response.content.decode()
    assert not response.context["is_empty"]
    [task] = response.context["tasks"]
    assert task.urgent
    assert task.url == f"#my-event-{registration.pk}"
    assert "A place at Land management dialogue is offered to you until" in html
    assert f'id="my-event-{registration.pk}"' in html
    assert reverse("event_calendar", args=[event.pk]) in html
    confirm = reverse("event_confirm", args=[event.pk])
    assert f'<form class="form" method="post" action="{confirm}">' in html
    assert f'<label for="confirm-{registration.pk}-dietary_needs">' in html
    assert_headings_in_order(html)

    response = client.post(
        confirm, {"next": URL, "dietary_needs": "vegetarian", "accessibility_needs": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == URL
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED
    assert registration.dietary_needs == "vegetarian"
    response = client.get(URL)
    assert response.context["tasks"] == []
    assert "Your place is confirmed. See you there!" in response.content.decode()
    assert confirm not in response.content.decode()


def test_confirming_never_returns_to_another_site(client):
    user = UserFactory()
    event = make_event()
    registration_of(event, user, RegistrationState.ACCEPTED)
    client.force_login(user)
    confirm = reverse("event_confirm", args=[event.pk])
    response = client.post(confirm, {"next": "https://evil.example/me/"})
    assert response["Location"] == event.url
    assert Registration.objects.get(user=user).state == RegistrationState.CONFIRMED


# --- Peer exchanges -------------------------------------------------------------------


def test_a_case_waiting_for_the_city_and_an_invitation_are_to_do(client, world):  # noqa: F811
    exchange = make_exchange(world, ExchangeState.NEEDS_REVISION, title="Land plan")
    client.force_login(world.requester)
    response = client.get(URL)
    html = response.content.decode()
    assert "A coordinator asked you to revise the request Land plan." in html
    assert reverse("exchange_detail", args=[exchange.pk]) in html
    assert "Revise the request as asked and resubmit it." in html
    assert_headings_in_order(html)

    # The peer who opted in sees the case, with nothing to do yet.
    client.force_login(world.people.munich_staff)
    response = client.get(URL)
    assert "You take part as a peer" in response.content.decode()
    assert response.context["tasks"] == []

    matching = make_exchange(world, ExchangeState.MATCHING, title="Matching case")
    frankfurt = staff(world.frankfurt, first_name="Jonas")
    candidate = ExchangeCandidate.objects.create(
        exchange=matching,
        user=frankfurt,
        state=CandidateState.INVITED,
        invited_at=timezone.now(),
    )
    client.force_login(frankfurt)
    response = client.get(URL)
    html = response.content.decode()
    [task] = response.context["tasks"]
    assert task.url == reverse("exchange_invitation", args=[candidate.pk])
    assert "invites you as a peer for Matching case" in html
    assert "Land plan" not in html


# --- Affiliation claims ---------------------------------------------------------------


def test_a_pending_claim_and_an_expiring_affiliation_are_to_do(client):
    user = UserFactory()
    claim = AffiliationFactory(user=user, organisation__name="Irbid")
    expiring = AffiliationFactory(
        user=user,
        organisation__name="Zarqa",
        verified=True,
        expires_at=timezone.now() + timedelta(days=10),
    )
    client.force_login(user)
    response = client.get(URL)
    html = response.content.decode()
    texts = [task.text for task in response.context["tasks"]]
    assert any("Your claim to work for Irbid is waiting" in text for text in texts)
    assert any("Your affiliation with Zarqa expires on" in text for text in texts)
    assert f'id="affiliation-{claim.pk}"' in html
    assert f'id="affiliation-{expiring.pk}"' in html
    assert "My affiliations" in html
    # With a claim, "claim your city" is no longer a step to take.
    assert "Claim your city" not in html
    assert_headings_in_order(html)


# --- Recommendations ------------------------------------------------------------------


def test_recommendations_follow_the_themes_region_and_city(client, world):  # noqa: F811
    pages = index_pages(event_index().get_parent().specific)
    user = world.requester
    user.expertise_clusters.set([world.iud])
    make_practice(pages["practices"], title="From Amman", cities=[world.amman])
    make_practice(pages["practices"], title="On our theme", field="urban-renewal")
    make_practice(pages["practices"], title="Unrelated practice")
    make_project(
        pages["projects"], title="Region project", cities=[(world.amman, "requesting")]
    )
    make_event(title="Theme event", cluster=world.iud)
    make_event(title="Unrelated event")
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "Recommended for you" in html
    assert html.index("From Amman") < html.index("On our theme")
    assert "Because of your city" in html
    assert "Because of your themes" in html
    assert "Region project" in html
    assert "Theme event" in html
    assert "Unrelated" not in html
    assert_headings_in_order(html)


# --- The header -----------------------------------------------------------------------


def test_the_header_counts_unread_notifications(client):
    user, other = UserFactory(), UserFactory()
    for number in range(3):
        notify(user, number)
    notify(other, 99)
    client.force_login(user)
    html = client.get(reverse("profile")).content.decode()
    assert f'href="{URL}">My Connective Cities</a>' in html
    link = re.search(r'<a class="notifications-link"[^>]*>(.*?)</a>', html).group(1)
    # The link's text for screen readers: the word, the count and "unread".
    assert re.sub(r"<[^>]+>", "", link).split() == ["Notifications", "3", "unread"]
    assert '<span class="count-badge">3</span>' in link
    # Seen on the notifications page, they are no longer counted.
    assert client.get("/en/notifications/").status_code == 200
    html = client.get(reverse("profile")).content.decode()
    assert "count-badge" not in html
    link = re.search(r'<a class="notifications-link"[^>]*>(.*?)</a>', html).group(1)
    assert re.sub(r"<[^>]+>", "", link).split() == ["Notifications"]
    assert Notification.objects.filter(recipient=other, read_at=None).count() == 1


def test_the_header_has_no_count_for_anonymous_visitors(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "notifications-link" not in html
    assert URL not in html


# --- Nobody sees another person's things ----------------------------------------------


def test_nobody_sees_another_persons_items(client, world):  # noqa: F811
    owner = world.requester
    make_exchange(world, ExchangeState.DRAFT, title="Owner's draft request")
    registration_of(
        make_event(title="Owner's event"), owner, RegistrationState.ACCEPTED
    )
    AffiliationFactory(user=owner, organisation__name="Owner's claimed city")
    notify(owner, 1, subject="Owner's notice")
    stranger = world.people.practitioner
    client.force_login(stranger)
    response = client.get(URL)
    html = response.content.decode()
    assert "Owner" not in html
    assert response.context["is_empty"]
    client.force_login(owner)
    html = client.get(URL).content.decode()
    for text in ("draft request", "Owner&#x27;s event", "claimed city", "notice"):
        assert text in html, text


# --- Query budget ---------------------------------------------------------------------


def _count(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_costs_the_same_with_one_or_many_items(
    client,
    world,  # noqa: F811
    django_assert_num_queries,
):
    """Every section reads its items in a fixed number of queries, so the page
    costs the same with one item per section as with several.

    The budget (25): session and user (2); the person's affiliations with their
    organisations and regions, the organisations' names, their themes and the
    active language (4); the latest notices (1); each recommended kind
    (practices, projects, events) with its view restrictions (6) and the site's
    root paths for their links (1); the person's events: registrations, the active
    language and the pages in it (3); peer exchanges: the person's roles and
    member cities (2), the cases and their cities' names (2), the candidacies and
    their cities' names (2); the header: the unread notices and messages,
    counted together (1; the main menu comes from the cache); the person's
    conversations with their unread counts (1; the people in them are one more
    once there are any).
    """
    pages = index_pages(event_index().get_parent().specific)
    user = world.requester
    user.expertise_clusters.set([world.iud])

    def add_items(number: int) -> None:
        registration_of(
            make_event(title=f"Applied {number}"), user, RegistrationState.ACCEPTED
        )
        make_event(title=f"Recommended {number}", cluster=world.iud)
        make_exchange(world, ExchangeState.DRAFT, title=f"Request {number}")
        other = make_exchange(world, ExchangeState.MATCHING, title=f"Case {number}")
        ExchangeCandidate.objects.create(
            exchange=other, user=user, state=CandidateState.INVITED
        )
        AffiliationFactory(user=user, organisation__name=f"Claimed {number}")
        notify(user, number)
        make_practice(
            pages["practices"], title=f"Practice {number}", field="urban-renewal"
        )
        make_project(
            pages["projects"],
            title=f"Project {number}",
            cities=[(world.amman, "expert")],
        )

    add_items(0)
    client.force_login(user)
    client.get(URL)
    one = _count(client)
    for number in range(1, 4):
        add_items(number)
    client.get(URL)  # the menu, cached again after the new content
    with django_assert_num_queries(one):
        response = client.get(URL)
    context = response.context
    assert len(context["sections"]) == 4
    assert {len(section.items) for section in context["sections"]} >= {4}
    assert len(context["recommended"]) == 3
    assert one == DASHBOARD_QUERIES


DASHBOARD_QUERIES = 25
