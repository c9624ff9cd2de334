"""Wagtail hooks of the outbox: "Download my data" and account deletion
(``personal_data``). The organisers' outbox of an event is the events app's
(``events.admin.outbox``)."""

from . import personal_data  # noqa: F401
