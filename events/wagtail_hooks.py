"""Wagtail admin of the events app. Each part registers its own hooks in its module:
the organisers' tools in ``events.admin`` (URLs in ``admin.urls``, menu and buttons
in ``admin.menu``, the dashboard's "My queue" section in ``admin.my_queue``),
"Download my data" and account deletion in ``personal_data``, the person's events on
their dashboard in ``dashboard``."""

from . import dashboard, personal_data, site_hooks  # noqa: F401
from .admin import menu, my_queue, urls  # noqa: F401
