"""The one base for errors that refuse a request on the domain's rules.

Services raise a subclass (``CommunityError``, ``EventError``, ``ExchangeError``,
``NotificationError``, ``StoryError``) with a message written for the person who
asked, already translated or lazily translatable; views show ``str(error)`` (or
``error.message``) as it is. Programming errors are not domain errors.
"""

from django.utils.translation import gettext as _


class DomainError(Exception):
    """A request the rules do not allow; ``message`` is shown to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)

    @classmethod
    def clean_text(
        cls, value, *, limit: int, label: str, required: bool = False
    ) -> str:
        """``value`` stripped (anything but a string counts as empty), or this
        error when it is longer than ``limit`` characters or empty though
        ``required``; ``label`` names the field in the message."""
        value = value.strip() if isinstance(value, str) else ""
        if len(value) > limit:
            raise cls(
                _("%(field)s is too long: %(length)d characters, at most %(limit)d.")
                % {"field": label, "length": len(value), "limit": limit}
            )
        if required and not value:
            raise cls(_("Please fill in: %(field)s.") % {"field": label})
        return value
