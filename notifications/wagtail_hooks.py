"""Wagtail hooks of the outbox: "Download my data" and account deletion
(``personal_data``) and the latest notices on a person's dashboard
(``dashboard``). The organisers' outbox of an event is the events app's
(``events.admin.outbox``)."""

from . import dashboard, personal_data  # noqa: F401
