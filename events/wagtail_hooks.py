"""Wagtail admin of the events app. Each part registers its own hooks in its module:
organisers' tools for applicants in ``admin_registrations``, the outbox and messages
to participants in ``admin_notifications``, "Download my data" and account deletion
in ``personal_data``."""

from . import (  # noqa: F401
    admin_notifications,
    admin_registrations,
    personal_data,
    site_hooks,
)
