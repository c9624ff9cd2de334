"""The "My queue" panel on the admin dashboard: what waits for the signed-in
person (claims, applications awaiting a decision, peer exchanges needing action),
only within their scope, the most urgent first, in a fixed number of queries.

It lives with the peer exchanges' tests because only this world has a city, a
coordinator and a case in each of two regions; the panel itself is core's and
each app adds its section (``core.my_queue``)."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from lxml import html as lxml_html

from community.models import User
from core.my_queue import MyQueuePanel
from exchanges.models import ExchangeState
from tests.events.fixtures import make_event
from tests.events.test_admin_tools import make_registration
from tests.factories import AffiliationFactory, UserFactory

from .conftest import make_exchange, staff

S = ExchangeState
pytestmark = pytest.mark.django_db


def render_panel(user) -> str:
    """The panel as the dashboard renders it, for a freshly loaded user (nothing
    cached on the object from an earlier request)."""
    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(pk=user.pk)
    return MyQueuePanel(request).render_html({"request": request})


def rows_of(html: str) -> dict[str, list[tuple[str, str]]]:
    """Each section's rows as (link text, link target), in their order."""
    document = lxml_html.fromstring(html)
    return {
        section.get("aria-labelledby").removeprefix("my-queue-kind-"): [
            (" ".join(link.text_content().split()), link.get("href"))
            for link in section.xpath(".//tbody//a")
        ]
        for section in document.xpath(
            "//section[starts-with(@aria-labelledby, 'my-queue-kind-')]"
        )
    }


def titles(html: str) -> dict[str, list[str]]:
    return {key: [title for title, _url in rows] for key, rows in rows_of(html).items()}


@pytest.fixture
def work(world):
    """One piece of each kind of work in each region, and work the panel leaves
    out: a case waiting for its city, a closed case, an event that is over and an
    event whose applicants are all decided."""
    now = timezone.now()
    munich_claimant = UserFactory(first_name="Max", last_name="Claimant")
    AffiliationFactory(user=munich_claimant, organisation=world.munich)
    amman_event = make_event(title="Amman dialogue", region=world.mena)
    make_registration(amman_event)
    munich_event = make_event(title="Munich study tour", region=world.germany)
    make_registration(munich_event)
    over = make_event(
        title="Amman dialogue last year",
        region=world.mena,
        starts_at=now - timedelta(days=400),
        ends_at=now - timedelta(days=398),
    )
    make_registration(over)
    decided = make_event(title="Amman workshop", region=world.mena)
    make_registration(decided, state="accepted")
    amman_case = make_exchange(world, S.SUBMITTED, title="Amman land use")
    make_exchange(world, S.NEEDS_REVISION, title="Amman revising")
    make_exchange(world, S.CLOSED, title="Amman closed")
    make_exchange(
        world,
        S.SUBMITTED,
        title="Munich housing",
        organisation=world.munich,
        cluster=world.services,
        field_of_action=None,
    )
    return {"amman_event": amman_event, "amman_case": amman_case}


def test_a_coordinator_sees_the_work_of_their_region_only(client, world, work):
    client.force_login(world.people.mena_coordinator)

    response = client.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="my-queue-section"' in html
    rows = rows_of(html)
    (claim,) = rows["claims"]
    assert claim[0].startswith("Unverified ")
    assert claim[0].endswith(" works for Greater Amman Municipality?")
    assert claim[1].startswith("/admin/community/claims/#claim-")
    assert rows["applications"] == [
        (
            "Amman dialogue",
            f"/admin/events/applicants/{work['amman_event'].pk}/?state=applied",
        )
    ]
    assert rows["exchanges"] == [
        ("Amman land use", f"/admin/exchanges/{work['amman_case'].pk}/")
    ]
    assert "Munich" not in html and "Max Claimant" not in html


def test_the_superuser_sees_everything(world, work):
    found = titles(render_panel(world.people.superuser))

    assert len(found["claims"]) == 2
    assert found["applications"] == ["Amman dialogue", "Munich study tour"]
    assert found["exchanges"] == ["Amman land use", "Munich housing"]


def test_the_germany_coordinator_sees_munich(world, work):
    found = titles(render_panel(world.people.germany_coordinator))

    assert found["claims"] == ["Max Claimant works for Munich?"]
    assert found["applications"] == ["Munich study tour"]
    assert found["exchanges"] == ["Munich housing"]


def test_a_plain_editor_gets_no_panel(client, world, work):
    editor = UserFactory(first_name="Edda")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert 'id="my-queue-section"' not in response.content.decode()
    assert render_panel(editor) == ""


def test_a_coordinator_with_nothing_waiting_is_told_so(world):
    world.amman.affiliations.update(status="rejected")

    html = render_panel(world.people.mena_coordinator)

    assert 'id="my-queue-section"' in html
    assert "Nothing is waiting for you" in html
    assert rows_of(html) == {}


def test_rows_are_sorted_by_urgency(world):
    """Claims and cases: the longest waiting first. Events: the one starting
    soonest first, whatever the age of its applications."""
    now = timezone.now()
    world.amman.affiliations.update(status="rejected")
    for days, name in [(2, "Recent"), (20, "Oldest"), (9, "Middle")]:
        claimant = staff(world.munich, first_name=name, last_name="Claimant")
        claimant.affiliations.update(
            status="claimed", claimed_at=now - timedelta(days=days)
        )
    for days, title in [(60, "Later event"), (10, "Sooner event")]:
        event = make_event(
            title=title,
            region=world.germany,
            starts_at=now + timedelta(days=days),
            ends_at=now + timedelta(days=days + 1),
        )
        make_registration(event)
    for days, title in [(3, "Newer case"), (30, "Older case")]:
        make_exchange(
            world,
            S.MATCHING,
            title=title,
            organisation=world.munich,
            cluster=world.services,
            field_of_action=None,
            state_changed_at=now - timedelta(days=days),
        )

    found = titles(render_panel(world.people.germany_coordinator))

    assert found["claims"] == [
        f"{name} Claimant works for Munich?" for name in ("Oldest", "Middle", "Recent")
    ]
    assert found["applications"] == ["Sooner event", "Later event"]
    assert found["exchanges"] == ["Older case", "Newer case"]


def test_the_panel_costs_the_same_with_one_and_with_many_items(
    world, work, django_assert_num_queries
):
    """Per section: the person's scope (roles, once per request, or the managed
    events), the count and the most urgent rows with what they show in one join,
    plus one prefetch of the cities' names for claims and cases. Nothing per row:
    a new query per item would fail here."""
    coordinator = world.people.mena_coordinator
    with CaptureQueriesContext(connection) as one:
        render_panel(coordinator)
    for number in range(5):
        AffiliationFactory(
            user=UserFactory(first_name=f"Claimant {number}"), organisation=world.amman
        )
        event = make_event(title=f"Amman event {number}", region=world.mena)
        make_registration(event)
        make_registration(event)
        make_exchange(world, S.MATCHING, title=f"Amman case {number}")
    with django_assert_num_queries(len(one)):
        html = render_panel(coordinator)
    found = titles(html)
    assert len(found["claims"]) == 5
    assert len(found["applications"]) == 5
    assert len(found["exchanges"]) == 5
    assert "See all 6" in html
