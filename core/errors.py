"""The one base for errors that refuse a request on the domain's rules.

Services raise a subclass (``CommunityError``, ``EventError``, ``ExchangeError``,
``NotificationError``, ``StoryError``) with a message written for the person who
asked, already translated or lazily translatable; views show ``str(error)`` (or
``error.message``) as it is. Programming errors are not domain errors.
"""


class DomainError(Exception):
    """A request the rules do not allow; ``message`` is shown to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
