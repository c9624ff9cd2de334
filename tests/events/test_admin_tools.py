"""Organisers' tools in the Wagtail admin: the applicant list (filters, counts,
places, balance, bulk decisions, export), one application, check-in on the day and
invitations. Who may use them is in ``test_admin_permissions.py``."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from events.admin import menu
from events.admin.scope import events_managed_by
from events.models import EventInvitation, Registration, RegistrationLog
from events.permissions import can_manage_event
from notifications.models import Notification
from tests import knowledge_fixtures
from tests.events.fixtures import make_event
from tests.factories import (
    OrganisationFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def make_registration(event, *, state="applied", user=None, **fields) -> Registration:
    """An application as the services would have left it, without notifications."""
    values = {
        "role": "Urban planner",
        "motivation": "We want to learn how others plan undeveloped land.",
        "consent_data": True,
        "state": state,
    }
    if state == "waitlisted":
        values["waitlisted_at"] = timezone.now()
    values.update(fields)
    return Registration.objects.create(
        event=event, user=user or UserFactory(), **values
    )


def build_world() -> dict:
    """An invite-only selection event running today in the MENA region, with an
    applicant from Amman and a confirmed participant from Skopje, and one person per
    actor of the permission matrix.

    The listed organiser is an editor (the admin needs a group); the editor without
    a role proves that editing pages gives no access to applicants.
    """
    mena = RegionFactory(name="Middle East and North Africa", slug="test-mena")
    see = RegionFactory(name="South-East Europe and Caucasus", slug="test-see")
    now = timezone.now()
    event = make_event(
        title="Dialogue event on land management",
        region=mena,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=6),
        applications_open=now - timedelta(days=30),
        applications_close=now - timedelta(days=2),
        eligibility="invited",
        selection_mode="selection",
        capacity=25,
    )
    amman = OrganisationFactory(
        name="Greater Amman Municipality", country="JO", region=mena
    )
    skopje = OrganisationFactory(
        name="City of Skopje", country="MK", region=see, kind="municipal_company"
    )
    applicant = make_registration(
        event,
        user=UserFactory(
            first_name="Rania", last_name="Applicant", email="rania@amman.example"
        ),
        organisation=amman,
        gender="female",
        motivation="Our land bank needs rules.",
        brings="challenge",
        brings_title="Informal settlements at the edge",
    )
    participant = make_registration(
        event,
        state="confirmed",
        user=UserFactory(
            first_name="Petar", last_name="Participant", email="petar@skopje.example"
        ),
        organisation=skopje,
        brings="good_practice",
        dietary_needs="Vegetarian",
    )
    coordinators = Group.objects.get(name="Coordinators")
    editors = Group.objects.get(name="Editors")
    coordinator = UserFactory(first_name="Cora", last_name="Coordinator")
    RoleFactory(user=coordinator, region=mena)
    outsider = UserFactory(first_name="Otto", last_name="Outsider")
    RoleFactory(user=outsider, region=see)
    coordinators.user_set.add(coordinator, outsider)
    editor = UserFactory(first_name="Edda", last_name="Editor")
    organiser = UserFactory(first_name="Olga", last_name="Organiser")
    editors.user_set.add(editor, organiser)
    event.organisers.add(organiser)
    event.save()
    return {
        "mena": mena,
        "see": see,
        "event": event,
        "amman": amman,
        "skopje": skopje,
        "applicant": applicant,
        "participant": participant,
        "anonymous": None,
        "practitioner": UserFactory(first_name="Paula", last_name="Practitioner"),
        "editor": editor,
        "coordinator": coordinator,
        "outsider": outsider,
        "organiser": organiser,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


module_world, world = knowledge_fixtures.world_fixtures(build_world)


def list_url(event) -> str:
    return f"/admin/events/applicants/{event.pk}/"


def bulk_url(event) -> str:
    return f"/admin/events/applicants/{event.pk}/bulk/"


def detail_url(event, registration) -> str:
    return f"/admin/events/applicants/{event.pk}/{registration.pk}/"


def check_in_url(event) -> str:
    return f"/admin/events/applicants/{event.pk}/check-in/"


def check_in_action_url(event, registration) -> str:
    return f"/admin/events/applicants/{event.pk}/check-in/{registration.pk}/"


def no_show_url(event, registration) -> str:
    return f"/admin/events/applicants/{event.pk}/no-show/{registration.pk}/"


def invitations_url(event) -> str:
    return f"/admin/events/applicants/{event.pk}/invitations/"


def content_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def xlsx_rows(response) -> list[list]:
    data = b"".join(response.streaming_content) if response.streaming else b""
    data = data or response.getvalue()
    sheet = load_workbook(io.BytesIO(data)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def state_of(registration) -> str:
    registration.refresh_from_db()
    return registration.state


@pytest.fixture
def organiser_client(client, world):
    client.force_login(world["organiser"])
    return client


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world["coordinator"])
    return client


# --- Who manages which event


def test_managed_events_agree_with_can_manage_event(world):
    other = make_event(title="Study tour in Skopje", region=world["see"])
    country_coordinator = UserFactory()
    RoleFactory(user=country_coordinator, region=None, country="MK")
    make_registration(other)
    actors = [
        "practitioner",
        "editor",
        "coordinator",
        "outsider",
        "organiser",
        "superuser",
    ]
    events = [world["event"], other]
    for actor in [*(world[name] for name in actors), country_coordinator]:
        managed = set(events_managed_by(actor))
        assert managed == {e for e in events if can_manage_event(actor, e)}


def test_index_lists_managed_events_with_counts(coordinator_client, world):
    make_event(title="Study tour in Skopje", region=world["see"])
    make_registration(world["event"], state="waitlisted")

    response = coordinator_client.get("/admin/events/applicants/")

    html = content_of(response)
    assert response.status_code == 200
    assert "Dialogue event on land management" in html
    assert "Study tour in Skopje" not in html
    assert list(response.context["events"])[0].total == 3
    assert list(response.context["events"])[0].waitlisted == 1


def test_menu_and_page_buttons_only_for_managers(rf, world):
    event = world["event"]
    for actor, shown in [("coordinator", True), ("organiser", True), ("editor", False)]:
        request = rf.get("/admin/")
        request.user = world[actor]
        item = menu.events_menu.registered_menu_items[0]
        assert item.is_shown(request) is shown
        buttons = list(menu.page_listing_applicant_buttons(event, world[actor]))
        assert bool(buttons) is shown
        if shown:
            assert buttons[0].url == list_url(event)


def test_page_header_links_to_applicants(organiser_client, world):
    event = world["event"]

    response = organiser_client.get(f"/admin/pages/{event.pk}/edit/")

    assert response.status_code == 200
    assert list_url(event) in content_of(response)


# --- The applicant list


def test_list_shows_counts_places_and_balance(organiser_client, world):
    response = organiser_client.get(list_url(world["event"]))

    html = content_of(response)
    counts = {row["value"]: row["count"] for row in response.context["state_counts"]}
    assert counts["applied"] == 1
    assert counts["confirmed"] == 1
    assert response.context["places"].taken == 1
    countries = {row.label: row.total for row in response.context["country_balance"]}
    assert countries == {"Jordan": 1, "North Macedonia": 1}
    # Gender only where people gave it: Petar gave none.
    genders = [(row.label, row.total) for row in response.context["gender_balance"]]
    assert genders == [("Female", 1)]
    assert "<svg" in html
    assert "Rania Applicant" in html and "Petar Participant" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("state=confirmed", "Petar Participant", "Rania Applicant"),
        ("country=JO", "Rania Applicant", "Petar Participant"),
        ("kind=municipal_company", "Petar Participant", "Rania Applicant"),
        ("brings=challenge", "Rania Applicant", "Petar Participant"),
        ("q=skopje", "Petar Participant", "Rania Applicant"),
    ],
)
def test_list_filters(organiser_client, world, query, shown, hidden):
    response = organiser_client.get(list_url(world["event"]) + "?" + query)

    names = {str(r.user.get_full_name()) for r in response.context["registrations"]}
    assert shown in names
    assert hidden not in names


def test_unknown_filter_value_is_reported_and_ignored(organiser_client, world):
    response = organiser_client.get(list_url(world["event"]) + "?state=nonsense")

    assert response.status_code == 200
    assert len(response.context["registrations"]) == 2
    assert "Some filters were not understood" in " ".join(messages_of(response))


def test_list_query_count_does_not_grow_with_applicants(organiser_client, world):
    """The applicant list costs the same with 1 and with 200 applicants.

    Budget: session, user and the admin's own queries; the event and its
    permission check (coordinator roles, organisers, personal-data check); the
    counts per state, places, countries and genders (one aggregate each); the page
    of applicants with their user and organisation (one join) and the organisations'
    translated names (one prefetch); the paginator's count. None of these depends on
    the number of applicants; a new per-row query would fail this test.
    """
    event = world["event"]
    Registration.objects.filter(event=event).exclude(pk=world["applicant"].pk).delete()
    organiser_client.get(list_url(event))  # warm caches (content types, locales)

    with CaptureQueriesContext(connection) as one:
        assert organiser_client.get(list_url(event)).status_code == 200

    organisations = [OrganisationFactory(region=world["mena"]) for _ in range(5)]
    for number in range(199):
        make_registration(
            event,
            organisation=organisations[number % 5],
            gender=["female", "male", ""][number % 3],
        )
    with CaptureQueriesContext(connection) as many:
        response = organiser_client.get(list_url(event))
    assert response.status_code == 200
    assert len(response.context["registrations"]) == 100
    assert len(many) == len(one), [q["sql"] for q in many.captured_queries]


def test_list_offers_select_all_as_a_labelled_enhancement(organiser_client, world):
    """The "select all on this page" control is a real checkbox in a <label> that
    names it, in the bulk form; hidden until the site's own script (no inline
    code) shows it, so without JavaScript nobody meets a box that does nothing."""
    response = organiser_client.get(list_url(world["event"]))
    document = lxml_html.fromstring(response.content)

    (control,) = document.xpath("//input[@data-select-all]")
    assert control.get("type") == "checkbox"
    assert control.get("data-select-all") == "registration"
    assert not control.get("name"), "the control itself is never submitted"
    label = control.getparent()
    assert label.tag == "label"
    assert label.text_content().strip() == "Select all applicants on this page"
    assert label.get("hidden") is not None
    form = control.xpath("ancestor::form")[0]
    assert form.get("action").endswith(bulk_url(world["event"]))
    boxes = form.xpath(".//input[@type='checkbox'][@name='registration']")
    assert len(boxes) == 2 and all(box.get("aria-label") for box in boxes)
    scripts = document.xpath("//script[contains(@src, 'js/select-all.js')]")
    assert len(scripts) == 1 and scripts[0].get("defer") is not None
    assert not document.xpath("//script[contains(text(), 'selectAll')]")


# --- Bulk decisions


# --- Bulk decisions


def test_bulk_accept_changes_and_reports_refusals(organiser_client, world):
    event = world["event"]
    declined_then = make_registration(event, state="withdrawn")

    response = organiser_client.post(
        bulk_url(event),
        {
            "registration": [world["applicant"].pk, declined_then.pk],
            "to_state": "accepted",
            "reason": "Welcome to Amman.",
            "next": list_url(event) + "?state=applied",
            "confirmed": "1",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == list_url(event) + "?state=applied"
    assert state_of(world["applicant"]) == "accepted"
    assert state_of(declined_then) == "withdrawn"
    text = " ".join(messages_of(response))
    assert "1 applicant is now: Accepted" in text
    assert "Not changed:" in text and "Withdrawn" in text
    log = RegistrationLog.objects.get(
        registration=world["applicant"], to_state="accepted"
    )
    assert log.reason == "Welcome to Amman." and log.actor == world["organiser"]


def test_bulk_accept_refuses_when_full(organiser_client, world):
    event = world["event"]
    event.capacity = 1
    event.save()
    second = make_registration(event)

    response = organiser_client.post(
        bulk_url(event),
        {
            "registration": [world["applicant"].pk, second.pk],
            "to_state": "accepted",
            "confirmed": "1",
        },
    )

    assert state_of(world["applicant"]) == "applied"
    assert state_of(second) == "applied"
    assert "Not changed:" in " ".join(messages_of(response))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"to_state": "accepted"}, "Select at least one applicant"),
        ({"registration": "{applicant}", "to_state": "attended"}, "is not something"),
        ({"registration": "{applicant}", "to_state": ""}, "Choose what to do"),
        ({"registration": "{foreign}", "to_state": "accepted"}, "do not belong"),
        (
            {"registration": ["{applicant}", "{foreign}"], "to_state": "accepted"},
            "do not belong",
        ),
        ({"registration": "abc", "to_state": "accepted"}, "do not belong"),
    ],
)
def test_bad_bulk_input_changes_nothing(organiser_client, world, data, message):
    """Forged ids (another event's applications), unknown states and empty
    selections come back with a message; nothing changes."""
    event = world["event"]
    other = make_event(title="Another event", region=world["mena"])
    foreign = make_registration(other)
    ids = {"applicant": world["applicant"].pk, "foreign": foreign.pk}

    def fill(value):
        if isinstance(value, list):
            return [fill(v) for v in value]
        return value.format(**ids) if isinstance(value, str) else value

    response = organiser_client.post(
        bulk_url(event), {key: fill(value) for key, value in data.items()}
    )

    assert response.status_code == 302
    assert message in " ".join(messages_of(response))
    assert state_of(world["applicant"]) == "applied"
    assert state_of(foreign) == "applied"
    assert not RegistrationLog.objects.exists()


def test_bulk_ignores_a_next_url_elsewhere(organiser_client, world):
    event = world["event"]
    response = organiser_client.post(
        bulk_url(event),
        {"to_state": "accepted", "next": "https://evil.example/"},
    )
    assert response["Location"] == list_url(event)


# --- Export


def test_csv_export_for_an_organiser_has_personal_fields(organiser_client, world):
    response = organiser_client.get(list_url(world["event"]) + "?export=csv")

    text = content_of(response)
    assert response["Content-Type"].startswith("text/csv")
    assert "E-mail address" in text and "rania@amman.example" in text
    assert "Our land bank needs rules." in text
    assert "Vegetarian" in text


def test_xlsx_export_for_a_coordinator_has_no_personal_fields(
    coordinator_client, world
):
    response = coordinator_client.get(list_url(world["event"]) + "?export=xlsx")

    rows = xlsx_rows(response)
    cells = {str(cell) for row in rows for cell in row}
    assert "Rania Applicant" in cells and "Greater Amman Municipality" in cells
    assert "Jordan" in cells
    assert "E-mail address" not in rows[0]
    assert "rania@amman.example" not in cells
    assert "Our land bank needs rules." not in cells
    assert "Female" not in cells


def test_export_follows_the_filters(organiser_client, world):
    response = organiser_client.get(
        list_url(world["event"]) + "?export=xlsx&state=confirmed"
    )

    names = [row[0] for row in xlsx_rows(response)[1:]]
    assert names == ["Petar Participant"]


def test_csv_export_defuses_formulas(organiser_client, world):
    world["applicant"].role = '=HYPERLINK("https://evil.example")'
    world["applicant"].save()

    text = content_of(organiser_client.get(list_url(world["event"]) + "?export=csv"))

    assert "'=HYPERLINK" in text


# --- One application


def test_detail_shows_the_log_and_records_a_decision(organiser_client, world):
    event, applicant = world["event"], world["applicant"]

    response = organiser_client.post(
        detail_url(event, applicant),
        {"to_state": "waitlisted", "reason": "Many applicants from Jordan."},
    )
    assert response.status_code == 302
    assert state_of(applicant) == "waitlisted"

    response = organiser_client.get(detail_url(event, applicant))
    html = content_of(response)
    assert "Many applicants from Jordan." in html
    assert "Olga Organiser" in html
    assert "rania@amman.example" in html
    assert response.context["waitlist_position"] == 1


def test_detail_refusal_is_shown_and_changes_nothing(organiser_client, world):
    event, participant = world["event"], world["participant"]

    response = organiser_client.post(
        detail_url(event, participant), {"to_state": "declined", "reason": "Sorry."}
    )

    assert response.status_code == 200
    assert "cannot become" in content_of(response)
    assert state_of(participant) == "confirmed"


def test_detail_unknown_state_changes_nothing(organiser_client, world):
    event, applicant = world["event"], world["applicant"]
    response = organiser_client.post(
        detail_url(event, applicant), {"to_state": "attended"}
    )
    assert response.status_code == 200
    assert state_of(applicant) == "applied"


def test_detail_of_another_events_application_is_not_found(organiser_client, world):
    other = make_event(title="Another event", region=world["mena"])
    foreign = make_registration(other)

    assert organiser_client.get(detail_url(world["event"], foreign)).status_code == 404
    response = organiser_client.post(
        detail_url(world["event"], foreign), {"to_state": "accepted"}
    )
    assert response.status_code == 404
    assert state_of(foreign) == "applied"


def test_coordinator_sees_no_personal_fields_in_detail(coordinator_client, world):
    html = content_of(
        coordinator_client.get(detail_url(world["event"], world["applicant"]))
    )
    assert "Rania Applicant" in html
    assert "rania@amman.example" not in html
    assert "Our land bank needs rules." not in html


# --- Check-in


def test_check_in_list_and_button(organiser_client, world):
    event, participant = world["event"], world["participant"]
    accepted = make_registration(
        event, state="accepted", user=UserFactory(first_name="Ali", last_name="Late")
    )

    response = organiser_client.get(check_in_url(event))
    html = content_of(response)
    assert "Petar Participant" in html and "Ali Late" in html
    assert "Rania Applicant" not in html  # applied: no place, not on the list
    assert html.count('class="button events-checkin__button"') == 2

    response = organiser_client.post(
        check_in_action_url(event, participant),
        {"next": check_in_url(event) + "?q=pet"},
    )
    assert response["Location"] == check_in_url(event) + "?q=pet"
    participant.refresh_from_db()
    assert participant.state == "attended" and participant.checked_in_at

    html = content_of(organiser_client.get(check_in_url(event) + "?q=pet"))
    assert "Checked in at" in html
    assert "Ali Late" not in html
    assert state_of(accepted) == "accepted"


def test_no_show_after_the_start(organiser_client, world):
    event = world["event"]
    accepted = make_registration(event, state="accepted")

    organiser_client.post(no_show_url(event, accepted))

    assert state_of(accepted) == "no_show"
    # A late arrival corrects it.
    organiser_client.post(check_in_action_url(event, accepted))
    assert state_of(accepted) == "attended"


def test_check_in_before_the_day_is_refused(organiser_client, world):
    event = world["event"]
    event.starts_at = timezone.now() + timedelta(days=10)
    event.ends_at = event.starts_at + timedelta(days=1)
    event.save()

    html = content_of(organiser_client.get(check_in_url(event)))
    assert "Check-in opens on the first day" in html
    assert "Did not come" not in html

    response = organiser_client.post(check_in_action_url(event, world["participant"]))
    assert "only on the days of the event" in " ".join(messages_of(response))
    assert state_of(world["participant"]) == "confirmed"


def test_check_in_of_someone_without_a_place_is_refused(organiser_client, world):
    event = world["event"]
    response = organiser_client.post(check_in_action_url(event, world["applicant"]))
    assert response.status_code == 302
    assert "cannot become" in " ".join(messages_of(response))
    assert state_of(world["applicant"]) == "applied"


def test_check_in_of_another_events_application_is_not_found(organiser_client, world):
    other = make_event(title="Another event", region=world["mena"])
    foreign = make_registration(other, state="confirmed")
    response = organiser_client.post(check_in_action_url(world["event"], foreign))
    assert response.status_code == 404
    assert state_of(foreign) == "confirmed"


# --- Invitations


def test_invitations_are_added_once(organiser_client, world):
    event = world["event"]
    EventInvitation.objects.create(event=event, email="known@amman.example")

    response = organiser_client.post(
        invitations_url(event),
        {"emails": "new@amman.example\n\n  KNOWN@amman.example \nnew@amman.example\n"},
    )

    assert response.status_code == 302
    assert sorted(event.invitations.values_list("email", flat=True)) == [
        "known@amman.example",
        "new@amman.example",
    ]
    assert "1 address invited. 1 was already invited." in " ".join(
        messages_of(response)
    )
    assert "new@amman.example" in content_of(
        organiser_client.get(invitations_url(event))
    )
    # The event has started: nobody to e-mail about applying.
    assert "Nobody was e-mailed" in " ".join(messages_of(response))
    assert not Notification.objects.exists()


def taking_applications(event):
    """The world's event moved three weeks ahead, applications open for two."""
    now = timezone.now()
    event.starts_at = now + timedelta(days=21)
    event.ends_at = now + timedelta(days=22)
    event.applications_close = now + timedelta(days=14)
    event.save()
    return event


def test_inviting_mails_account_holders_and_names_the_others(organiser_client, world):
    event = taking_applications(world["event"])
    guest = UserFactory(email="guest@amman.example", preferred_language="de")

    response = organiser_client.post(
        invitations_url(event),
        {"emails": "Guest@amman.example\nnewcomer@amman.example\nlate@irbid.example"},
    )

    assert response.status_code == 302
    said = " ".join(messages_of(response))
    assert "3 addresses invited." in said
    assert "already invited" not in said
    assert "1 invitee has an account and was sent the invitation by e-mail" in said
    assert (
        "2 addresses have no account yet and got no e-mail: "
        "newcomer@amman.example, late@irbid.example" in said
    )
    assert event.get_full_url() in said
    [notice] = Notification.objects.all()
    assert (notice.kind, notice.recipient, notice.page_id) == (
        "event_invitation",
        guest,
        event.pk,
    )
    page = content_of(organiser_client.get(invitations_url(event)))
    assert page.count("No account yet") == 2
    assert f'href="{event.get_full_url()}"' in page

    # The same addresses again: nobody new, nobody mailed twice.
    response = organiser_client.post(
        invitations_url(event), {"emails": "guest@amman.example\nlate@irbid.example"}
    )
    said = " ".join(messages_of(response))
    assert "0 addresses invited. 2 were already invited." in said
    assert "e-mail" not in said
    assert Notification.objects.count() == 1


def test_invitations_page_in_few_queries(organiser_client, world):
    """The list annotates whether each address has an account in the same query:
    the count does not grow with the invitations."""
    event = world["event"]

    def page_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert organiser_client.get(invitations_url(event)).status_code == 200
        return len(queries)

    EventInvitation.objects.create(event=event, email="one@amman.example")
    page_queries()  # warm caches (content types, locales)
    one = page_queries()
    for n in range(20):
        UserFactory(email=f"guest{n}@amman.example")
        EventInvitation.objects.create(event=event, email=f"guest{n}@amman.example")
    assert page_queries() == one


@pytest.mark.parametrize(
    ("emails", "message"),
    [
        ("ok@amman.example\nnot an address", "not e-mail addresses: not an address"),
        ("   \n ", "Enter at least one e-mail address"),
    ],
)
def test_bad_invitations_invite_nobody(organiser_client, world, emails, message):
    response = organiser_client.post(
        invitations_url(world["event"]), {"emails": emails}
    )
    assert response.status_code == 200
    assert message in content_of(response)
    assert not EventInvitation.objects.exists()


def test_invitations_only_for_invite_only_events(organiser_client, world):
    event = world["event"]
    event.eligibility = "signed_in"
    event.save()

    response = organiser_client.post(
        invitations_url(event), {"emails": "someone@amman.example"}
    )

    assert "not invite-only" in " ".join(messages_of(response))
    assert not EventInvitation.objects.exists()


# --- After the event


def test_past_event_links_to_its_documentation(organiser_client, world):
    event = world["event"]
    edit = f"/admin/pages/{event.pk}/edit/"
    assert "Edit its documentation" not in content_of(
        organiser_client.get(list_url(event))
    )
    event.starts_at = timezone.now() - timedelta(days=3)
    event.ends_at = timezone.now() - timedelta(days=2)
    event.save()

    html = content_of(organiser_client.get(list_url(event)))

    assert "Edit its documentation" in html and edit in html
