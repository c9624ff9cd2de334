"""Setup shared by the tests of notices about events: an event with participants,
and the details the services store with each kind of notice."""

from django.utils import timezone

from events.models import Registration, RegistrationLog
from tests.events.fixtures import make_event
from tests.factories import UserFactory


def participant(event, state="accepted", **user_fields):
    """A registration in ``state`` with its log entry, written directly (the
    services have their own tests)."""
    user = UserFactory(**user_fields)
    registration = Registration.objects.create(
        event=event, user=user, role="Planner", motivation="Learn", state=state
    )
    RegistrationLog.objects.create(
        registration=registration, from_state="applied", to_state=state
    )
    return registration


def registration_of(event, user, state, **fields) -> Registration:
    """``user``'s registration for ``event`` in ``state``, written directly."""
    return Registration.objects.create(
        event=event,
        user=user,
        role="Planner",
        motivation="To learn",
        consent_data=True,
        state=state,
        waitlisted_at=timezone.now() if state == "waitlisted" else None,
        **fields,
    )


def event_with(states, **fields):
    event = make_event(**fields)
    return event, [participant(event, state) for state in states]


# What the services store with a notice of each kind about a registration.
KINDS = {
    "application_received": {},
    "registration_accepted": {},
    "registration_waitlisted": {"position": 3},
    "registration_promoted": {},
    "registration_offered": {"expires": "2030-01-02T10:00:00+00:00"},
    "registration_declined": {"reason": "Full with cities from your region"},
    "registration_confirmed": {},
    "registration_withdrawn": {},
    "confirm_reminder": {},
    "event_reminder": {"days": 7},
    "event_cancelled": {"reason": "The venue is closed"},
    "documentation_published": {},
    "event_changed": {
        "changes": [{"field": "venue", "old": "Old hall", "new": "New hall"}]
    },
    "organiser_message": {
        "message_subject": "Visa",
        "message_body": "Bring <your> passport",
        "sender": "Lina",
    },
}
