"""Setup shared by the notification tests: an event with participants."""

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


def event_with(states, **fields):
    event = make_event(**fields)
    return event, [participant(event, state) for state in states]
