"""Wagtail admin of the events app. Each part registers its own hooks in its module:
organisers' tools for applicants in ``admin_registrations``, an event's outbox and
messages to participants in ``admin_outbox``, "Download my data" and account deletion
in ``personal_data``."""

from . import (  # noqa: F401
    admin_outbox,
    admin_registrations,
    personal_data,
    site_hooks,
)
