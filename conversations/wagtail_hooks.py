"""Wagtail hooks of conversations: "Download my data" and account deletion
(``personal_data``) and the latest conversations on a person's dashboard
(``dashboard``)."""

from . import dashboard, organisation, personal_data  # noqa: F401
