"""What every change log of the platform has in common: who, when, from what to
what, and why (STYLE.md: "every state change is logged").

Registrations, peer exchanges, memberships and affiliations each keep their own log
table with a link to what changed; they inherit the shared columns from
``TransitionLog`` and write rows with ``record()``. Where a log predates this and
its column differs (a name, a verbose name, ``auto_now_add``), the log keeps its
own field definition, so that no table changes.
"""

from typing import Self

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def actor_field(**options) -> models.ForeignKey:
    """The person who made the change; empty when the platform did it."""
    defaults = {
        "verbose_name": _("by"),
        "null": True,
        "blank": True,
        "on_delete": models.SET_NULL,
        "related_name": "+",
    }
    return models.ForeignKey(settings.AUTH_USER_MODEL, **(defaults | options))


def state_fields(choices) -> tuple[models.CharField, models.CharField]:
    """The ``from`` and ``to`` columns of a log over ``choices``; ``from`` is empty
    for the first entry."""
    return (
        models.CharField(_("from"), max_length=20, choices=choices, blank=True),
        models.CharField(_("to"), max_length=20, choices=choices),
    )


class TransitionLog(models.Model):
    """One change: who (``actor``), when (``created_at``), why (``reason``).

    Subclasses add a link to what changed and what happened to it, usually
    ``from_state, to_state = state_fields(TheirState.choices)`` and/or an
    ``action``.
    """

    actor = actor_field()
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    @classmethod
    def record(cls, *, actor=None, reason: str = "", **fields) -> Self:
        """Write one row. An anonymous or missing ``actor`` is stored as the
        platform (empty); ``reason`` is cut to what the column holds, so that a
        long reason never stops the change it explains."""
        limit = cls._meta.get_field("reason").max_length
        return cls.objects.create(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            reason=(reason or "")[:limit],
            **fields,
        )
