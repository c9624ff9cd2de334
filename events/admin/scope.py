"""The events a person manages, as querysets for the admin's listings and menu.

The rule is ``events.permissions.managed_events_condition``; this module only
applies it to the event pages, which the rules themselves do not import (the event
page renders through them).
"""

from django.db.models import QuerySet

from wagtail.models import Locale

from .. import permissions
from ..models import EventPage


def events_managed_by(user) -> QuerySet[EventPage]:
    """The default-language event pages the user manages, in one query (after the
    user's coordinator roles, which ``community.permissions`` caches)."""
    events = EventPage.objects.filter(locale=Locale.get_default())
    condition = permissions.managed_events_condition(user)
    if condition is None:
        return events.none()
    if not condition:
        return events
    return events.filter(pk__in=EventPage.objects.filter(condition).values("pk"))


def managed_event_keys(user) -> set:
    """Translation keys of the events the user manages (any language's page
    counts), worked out once per request and kept on the user object."""
    cache = user.__dict__.setdefault("_cc_events", {})
    if "managed_keys" not in cache:
        cache["managed_keys"] = set(
            events_managed_by(user).values_list("translation_key", flat=True)
        )
    return cache["managed_keys"]
