"""Events: the announcement and documentation (pages), and the process around them
(applications, waitlist, attendance). The notification outbox is its own app
(``notifications``).

Content editors write lives in ``pages``; process data lives in plain models that only
``events.services`` writes.
"""

from .choices import AttendanceMode, Eligibility, EventFormat, SelectionMode
from .index import EventIndexPage
from .pages import EventPage
from .registrations import (
    Brings,
    EventInvitation,
    Gender,
    Registration,
    RegistrationLog,
    RegistrationState,
)

__all__ = [
    "AttendanceMode",
    "Brings",
    "Eligibility",
    "EventFormat",
    "EventIndexPage",
    "EventInvitation",
    "EventPage",
    "Gender",
    "Registration",
    "RegistrationLog",
    "RegistrationState",
    "SelectionMode",
]
