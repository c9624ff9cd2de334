"""Who may use the organisers' tools: every actor against every action.

Only people for whom ``events.permissions.can_manage_event`` is true see and act:
superusers, coordinators whose region covers the event's region and the event's
listed organisers. Outcomes, as in the rest of the admin
(``tests/community/test_admin_tools.py``):

- LOGIN: not signed in; Wagtail sends the person to the site's sign-in (302).
- NO_ACCESS: signed in without admin access: a page that says so (403), not the
  sign-in page (which sent a signed-in person back to the admin, in a loop).
- DENIED: admin access but not this event; Wagtail redirects to the admin home with
  a message (302 to /admin/); nothing changes.
- FULL: the page or file shows (200) with personal data (e-mail addresses, motivation).
- LIMITED: it shows (200) without personal data (coordinators who are not listed
  organisers; see ``events.admin``).
- ASKED: the confirmation before a bulk e-mail shows (200) with the number of
  recipients; nothing changes and nothing is queued until it is confirmed.
- DONE: the write happened and the view redirects back (302).
"""

from datetime import date

import pytest

from events.models import EventInvitation
from notifications.models import Notification
from tests.events import test_admin_tools
from tests.events.test_admin_tools import (
    bulk_url,
    check_in_action_url,
    content_of,
    detail_url,
    invitations_url,
    list_url,
    state_of,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

# The same event, people and applications as the tools' tests.
module_world = test_admin_tools.module_world
world = test_admin_tools.world

LOGIN_PREFIX = "/en/accounts/login/"
LOGIN, NO_ACCESS, DENIED = "login", "no_access", "denied"
FULL, LIMITED, DONE, ASKED = "full", "limited", "done", "asked"
STATUS = {
    LOGIN: 302,
    NO_ACCESS: 403,
    DENIED: 302,
    FULL: 200,
    LIMITED: 200,
    DONE: 302,
    ASKED: 200,
}


def _text(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxml"):
        return " ".join(str(cell) for row in xlsx_rows(response) for cell in row)
    return content_of(response)


MESSAGE = {"subject": "Your travel", "body": "Book your flights.", "message_key": "m"}
CANCEL = {"reason": "The venue is closed."}


def message_url(event) -> str:
    return f"/admin/events/outbox/{event.pk}/message/"


def cancel_url(event) -> str:
    return f"/admin/events/outbox/{event.pk}/cancel/"


# Each action: (request, whether its write happened, or None for a read).
ACTIONS = {
    "list": (lambda c, w: c.get(list_url(w["event"])), None),
    "detail": (lambda c, w: c.get(detail_url(w["event"], w["applicant"])), None),
    "bulk_accept_asks": (
        lambda c, w: c.post(
            bulk_url(w["event"]),
            {"registration": [w["applicant"].pk], "to_state": "accepted"},
        ),
        lambda w: state_of(w["applicant"]) == "accepted",
    ),
    "bulk_accept": (
        lambda c, w: c.post(
            bulk_url(w["event"]),
            {
                "registration": [w["applicant"].pk],
                "to_state": "accepted",
                "confirmed": "1",
            },
        ),
        lambda w: state_of(w["applicant"]) == "accepted",
    ),
    "export_csv": (lambda c, w: c.get(list_url(w["event"]) + "?export=csv"), None),
    "export_xlsx": (lambda c, w: c.get(list_url(w["event"]) + "?export=xlsx"), None),
    "check_in": (
        lambda c, w: c.post(check_in_action_url(w["event"], w["participant"])),
        lambda w: state_of(w["participant"]) == "attended",
    ),
    "invite": (
        lambda c, w: c.post(
            invitations_url(w["event"]), {"emails": "guest@amman.example"}
        ),
        lambda w: EventInvitation.objects.filter(email="guest@amman.example").exists(),
    ),
    "message_asks": (
        lambda c, w: c.post(message_url(w["event"]), MESSAGE),
        lambda w: Notification.objects.filter(kind="organiser_message").exists(),
    ),
    "message": (
        lambda c, w: c.post(message_url(w["event"]), {**MESSAGE, "confirmed": "1"}),
        lambda w: Notification.objects.filter(kind="organiser_message").exists(),
    ),
    "cancel_asks": (
        lambda c, w: c.post(cancel_url(w["event"]), CANCEL),
        lambda w: Notification.objects.filter(kind="event_cancelled").exists(),
    ),
    "cancel": (
        lambda c, w: c.post(cancel_url(w["event"]), {**CANCEL, "confirmed": "1"}),
        lambda w: Notification.objects.filter(kind="event_cancelled").exists(),
    ),
}
# What the confirmation says: the applicant chosen; the applicant and the
# participant, who are still taking part.
RECIPIENTS = {
    "bulk_accept_asks": "1 recipient<",
    "message_asks": "2 recipients<",
    "cancel_asks": "2 recipients<",
}
# Where a write sends the person back: the applicant list, or the outbox.
DONE_AT = {
    "message": "/admin/events/outbox/{pk}/",
    "cancel": "/admin/events/outbox/{pk}/",
}

NO_ADMIN = dict.fromkeys(ACTIONS, LOGIN)
SIGNED_IN_NO_ADMIN = dict.fromkeys(ACTIONS, NO_ACCESS)
NOT_THIS_EVENT = dict.fromkeys(ACTIONS, DENIED)
# Every manager of the event may e-mail its people, after confirming.
MAIL = {
    "bulk_accept_asks": ASKED,
    "message_asks": ASKED,
    "message": DONE,
    "cancel_asks": ASKED,
    "cancel": DONE,
}
EVERYTHING = {
    **MAIL,
    "list": FULL,
    "detail": FULL,
    "bulk_accept": DONE,
    "export_csv": FULL,
    "export_xlsx": FULL,
    "check_in": DONE,
    "invite": DONE,
}
MATRIX = {
    "anonymous": NO_ADMIN,
    "practitioner": SIGNED_IN_NO_ADMIN,
    "editor": NOT_THIS_EVENT,
    "coordinator": {
        **MAIL,
        "list": LIMITED,
        "detail": LIMITED,
        "bulk_accept": DONE,
        "export_csv": LIMITED,
        "export_xlsx": LIMITED,
        "check_in": DONE,
        "invite": DONE,
    },
    "outsider": NOT_THIS_EVENT,
    "organiser": EVERYTHING,
    "superuser": EVERYTHING,
}
CASES = [
    (actor, action, outcome)
    for actor, row in MATRIX.items()
    for action, outcome in row.items()
]


@pytest.mark.parametrize(("actor", "action", "outcome"), CASES)
def test_permission_matrix(client, world, actor, action, outcome):
    if world[actor] is not None:
        client.force_login(world[actor])
    request, write_happened = ACTIONS[action]

    response = request(client, world)

    assert response.status_code == STATUS[outcome]
    location = response.get("Location", "")
    if outcome == LOGIN:
        assert location.startswith(LOGIN_PREFIX)
    elif outcome == NO_ACCESS:
        assert "No access to the administration" in content_of(response)
    elif outcome == DENIED:
        assert location == "/admin/"
    elif outcome == DONE:
        done_at = DONE_AT.get(action, "/admin/events/applicants/{pk}/")
        assert location.startswith(done_at.format(pk=world["event"].pk))
    elif outcome == ASKED:
        assert RECIPIENTS[action] in content_of(response)
        assert not Notification.objects.exists()
    if write_happened is not None:
        assert write_happened(world) is (outcome == DONE)
    if outcome in (FULL, LIMITED):
        text = _text(response)
        assert "Rania Applicant" in text
        assert ("rania@amman.example" in text) is (outcome == FULL)
        if action != "list":  # the list shows no motivation to anybody
            assert ("Our land bank needs rules." in text) is (outcome == FULL)


def test_check_in_page_follows_the_same_rule(client, world):
    """The check-in list itself: managers only."""
    url = f"/admin/events/applicants/{world['event'].pk}/check-in/"
    for actor, status in [
        ("outsider", 302),
        ("editor", 302),
        ("coordinator", 200),
        ("organiser", 200),
    ]:
        client.force_login(world[actor])
        assert client.get(url).status_code == status, actor


def test_index_is_denied_to_people_who_manage_no_event(client, world):
    client.force_login(world["editor"])
    assert client.get("/admin/events/applicants/").status_code == 302
    client.force_login(world["outsider"])
    assert client.get("/admin/events/applicants/").status_code == 302
    client.force_login(world["organiser"])
    assert client.get("/admin/events/applicants/").status_code == 200


def test_an_expired_coordinator_role_gives_no_access(client, world):
    role = world["coordinator"].roles.get()
    role.valid_from, role.valid_until = date(2000, 1, 1), date(2000, 12, 31)
    role.save()
    client.force_login(world["coordinator"])

    assert client.get(list_url(world["event"])).status_code == 302
