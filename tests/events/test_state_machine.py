"""Every change of a registration's state, allowed and forbidden.

The expected table is written out here on its own, not read from
``events.services.TRANSITIONS``, so that a change to the rules has to be made in two
places on purpose.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from events import services
from events.models import Registration, RegistrationState
from events.models.registrations import ACTIVE_STATES, CONFIRMABLE_STATES
from events.services import TRANSITIONS, EventError
from notifications.models import Notification
from tests.events.fixtures import make_event
from tests.factories import UserFactory

STATES = [state.value for state in RegistrationState]

# The people's and organisers' steps: action → the states it may start from.
ALLOWED_FROM = {
    "accept": {"applied", "waitlisted", "declined"},
    "waitlist": {"applied", "declined"},
    "decline": {"applied", "waitlisted", "accepted"},
    "confirm": {"accepted", "offered"},
    "withdraw": {"applied", "waitlisted", "offered", "accepted", "confirmed"},
    "check_in": {"accepted", "confirmed", "no_show"},
    "no_show": {"accepted", "confirmed"},
}
TARGET = {
    "accept": "accepted",
    "waitlist": "waitlisted",
    "decline": "declined",
    "confirm": "confirmed",
    "withdraw": "withdrawn",
    "check_in": "attended",
    "no_show": "no_show",
}
PARTICIPANT_ACTIONS = {"confirm", "withdraw"}
# Steps only the platform takes (tested in test_services): promotion, offers and
# their expiry.
PLATFORM_STEPS = {
    ("waitlisted", "accepted"),
    ("waitlisted", "offered"),
    ("offered", "declined"),
}


def test_the_table_in_the_services_is_the_documented_one():
    expected = {("", "applied"), ("", "accepted"), ("", "waitlisted")}
    for action, sources in ALLOWED_FROM.items():
        expected |= {(source, TARGET[action]) for source in sources}
    expected |= PLATFORM_STEPS
    assert set(TRANSITIONS) == expected
    participant = {
        key for key, who in TRANSITIONS.items() if services.PARTICIPANT in who
    }
    assert participant == {
        ("", "applied"),
        ("", "accepted"),
        ("", "waitlisted"),
        *(
            (source, TARGET[action])
            for action in PARTICIPANT_ACTIONS
            for source in ALLOWED_FROM[action]
        ),
    }
    platform = {key for key, who in TRANSITIONS.items() if services.PLATFORM in who}
    assert platform == PLATFORM_STEPS
    # The pages offer "Withdraw" and "Confirm" in the states the table allows.
    assert set(ACTIVE_STATES) == ALLOWED_FROM["withdraw"]
    assert set(CONFIRMABLE_STATES) == ALLOWED_FROM["confirm"]


def registration_in(state: str, event, user=None) -> Registration:
    """A registration put straight into ``state`` (as earlier steps would leave it)."""
    now = timezone.now()
    return Registration.objects.create(
        event=event,
        user=user or UserFactory(),
        role="Urban planner",
        motivation="To learn.",
        consent_data=True,
        state=state,
        waitlisted_at=now if state == "waitlisted" else None,
        offer_expires_at=now + timedelta(days=1) if state == "offered" else None,
    )


def run(action: str, registration: Registration, organiser) -> Registration:
    person = registration.user
    calls = {
        "accept": lambda: services.registration_accept(
            registration=registration, actor=organiser
        ),
        "waitlist": lambda: services.registration_waitlist(
            registration=registration, actor=organiser
        ),
        "decline": lambda: services.registration_decline(
            registration=registration, actor=organiser, reason="Outside the brief."
        ),
        "confirm": lambda: services.registration_confirm(
            registration=registration, user=person
        ),
        "withdraw": lambda: services.registration_withdraw(
            registration=registration, user=person
        ),
        "check_in": lambda: services.registration_check_in(
            registration=registration, actor=organiser
        ),
        "no_show": lambda: services.registration_mark_no_show(
            registration=registration, actor=organiser
        ),
    }
    return calls[action]()


def event_for(action: str):
    """Attendance is recorded during the event; everything else happens before."""
    if action in ("check_in", "no_show"):
        now = timezone.now()
        return make_event(
            starts_at=now - timedelta(hours=2),
            ends_at=now + timedelta(days=1),
            applications_close=now - timedelta(days=3),
            applications_open=now - timedelta(days=10),
        )
    return make_event()


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", list(ALLOWED_FROM))
def test_transition(action, state):
    event = event_for(action)
    organiser = UserFactory(is_superuser=True)
    registration = registration_in(state, event)
    if state in ALLOWED_FROM[action]:
        changed = run(action, registration, organiser)
        assert changed.state == TARGET[action]
        changed.refresh_from_db()
        assert changed.state == TARGET[action]
        log = changed.log.get()
        assert (log.from_state, log.to_state) == (state, TARGET[action])
        actor = registration.user if action in PARTICIPANT_ACTIONS else organiser
        assert log.actor == actor
    else:
        with pytest.raises(EventError) as excinfo:
            run(action, registration, organiser)
        assert "cannot become" in excinfo.value.message
        registration.refresh_from_db()
        assert registration.state == state
        assert not registration.log.exists()
        assert not Notification.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("state", sorted(ALLOWED_FROM["withdraw"]))
def test_no_withdrawal_once_the_event_has_started(state):
    event = event_for("check_in")
    registration = registration_in(state, event)
    with pytest.raises(EventError, match="already started"):
        services.registration_withdraw(
            registration=registration, user=registration.user
        )
    registration.refresh_from_db()
    assert registration.state == state


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["check_in", "no_show"])
def test_no_attendance_before_the_event(action):
    event = make_event(starts_at=timezone.now() + timedelta(days=2))
    registration = registration_in("confirmed", event)
    with pytest.raises(EventError):
        run(action, registration, UserFactory(is_superuser=True))
    registration.refresh_from_db()
    assert registration.state == "confirmed"


@pytest.mark.django_db
def test_no_check_in_days_after_the_event():
    now = timezone.now()
    event = make_event(
        starts_at=now - timedelta(days=5),
        ends_at=now - timedelta(days=3),
        applications_open=now - timedelta(days=20),
        applications_close=now - timedelta(days=10),
    )
    registration = registration_in("confirmed", event)
    organiser = UserFactory(is_superuser=True)
    with pytest.raises(EventError, match="days of the event"):
        services.registration_check_in(registration=registration, actor=organiser)
    # Absence can still be recorded afterwards.
    assert (
        services.registration_mark_no_show(
            registration=registration, actor=organiser
        ).state
        == "no_show"
    )


@pytest.mark.django_db
def test_check_in_window_runs_from_the_first_midnight_to_the_day_after_the_end():
    amman = ZoneInfo("Asia/Amman")
    starts = datetime(2031, 3, 10, 10, 0, tzinfo=amman)
    event = make_event(
        starts_at=starts, ends_at=datetime(2031, 3, 11, 16, 0, tzinfo=amman)
    )
    assert services.check_in_window(event) == (
        datetime(2031, 3, 10, 0, 0, tzinfo=amman),
        datetime(2031, 3, 13, 0, 0, tzinfo=amman),
    )
    event.ends_at = None
    assert services.check_in_window(event)[1] == datetime(2031, 3, 12, tzinfo=amman)
    event.starts_at = None
    assert services.check_in_window(event) is None


@pytest.mark.django_db
def test_check_in_records_the_time():
    event = event_for("check_in")
    registration = registration_in("confirmed", event)
    before = timezone.now()
    attended = services.registration_check_in(
        registration=registration, actor=UserFactory(is_superuser=True)
    )
    assert attended.checked_in_at >= before


@pytest.mark.django_db
def test_no_confirmation_once_the_event_has_started():
    event = event_for("check_in")
    registration = registration_in("accepted", event)
    with pytest.raises(EventError, match="already started"):
        services.registration_confirm(registration=registration, user=registration.user)
