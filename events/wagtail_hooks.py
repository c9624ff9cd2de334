"""Wagtail admin of the events app. Each part registers its own hooks in its module:
organisers' tools for applicants in ``admin_registrations``, the outbox and messages
to participants in ``admin_notifications``, the peer-exchange queues in
``admin_exchanges``."""

from . import (  # noqa: F401
    admin_exchanges,
    admin_notifications,
    admin_registrations,
    site_hooks,
)
