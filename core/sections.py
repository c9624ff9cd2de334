"""Sections that apps add to another app's page through a hook, kept as rendered.

The home page shows the latest practices, projects and events, a city's profile
its practices, projects and events: each app contributes its section through a
hook (``HOME_SECTIONS_HOOK``, ``ORGANISATION_SECTIONS_HOOK``), a function that
returns a dict with a ``template`` and what it needs, or None.

A section that is the same for every reader is kept: the page's template keeps
it as rendered for the current ``sections_version`` (the content and process
versions of ``core.page_cache``, which change with every publication, taxonomy
or organisation change, registration and passing moment), and ``Section.data``
runs the hook, and its queries, only when that copy is missing
(``templates/includes/kept_section.html``). A section that depends on who reads
it (whom the reader may write to) is made at every request.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Model

from wagtail import hooks

from .knowledge.versions import content_version
from .page_cache import process_version


@dataclass
class Section:
    """One hook's section of one page; ``data`` is the hook's dict (or None),
    made when it is first read. ``key`` names the hook and the objects it was
    asked about (the page, the organisation), what a kept copy is kept under."""

    key: str
    make: Callable[[], dict | None]
    kept: bool

    @cached_property
    def data(self) -> dict | None:
        return self.make()


def for_everyone(hook: Callable) -> Callable:
    """Marks a section hook whose section reads the same for everyone, so that it
    is kept as rendered (see the module)."""
    hook.for_everyone = True
    return hook


def page_sections(hook_name: str, *, everyone: bool = False, **kwargs) -> list:
    """The sections of the functions registered for ``hook_name``, each called
    with ``kwargs`` when its section is shown; kept when the function is marked
    ``for_everyone`` (or ``everyone`` says all of them are)."""
    about = [str(value.pk) for value in kwargs.values() if isinstance(value, Model)]
    return [
        Section(
            key=":".join([f"{hook.__module__}.{hook.__qualname__}", *about]),
            make=lambda hook=hook: hook(**kwargs),
            kept=everyone or getattr(hook, "for_everyone", False),
        )
        for hook in hooks.get_hooks(hook_name)
    ]


def sections_version() -> str:
    """What a kept section is kept under: the content and process versions."""
    return f"{content_version()}.{process_version()}"
