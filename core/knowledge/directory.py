"""The network directory as the knowledge base sees it: organisations with their
names per language, regions, and the page that lists them.

Core sits below ``community`` (README, "Architecture notes"), so the listing engine
and the organisation links cannot import those models. The community app registers
them when it is ready (``CommunityConfig.ready``); core reads them at request time.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from .signals import watch_rows


@dataclass(frozen=True)
class Directory:
    """The models core needs from the directory.

    ``organisation``: ``slug``, ``name``, ``display_name`` (annotated here),
    ``has_location``, ``latitude``, ``longitude``; ``organisation_name``: a
    translated name (``organisation``, ``language``, ``name``); ``region``: a
    taxonomy row like ``Cluster``; ``index_page``: a page with
    ``organisation_url(request, slug)``.
    """

    organisation: type
    organisation_name: type
    region: type
    index_page: type


_registry: dict[str, Directory] = {}


def register_directory(**models: type) -> None:
    """Called once by the community app when it is ready. The listings label and
    place pages by these rows, so saving or deleting an organisation, its names or
    a region starts a new content version (``core.knowledge.signals``)."""
    registered = Directory(**models)
    _registry["directory"] = registered
    watch_rows(registered.organisation, registered.organisation_name, registered.region)


def directory() -> Directory:
    try:
        return _registry["directory"]
    except KeyError:
        raise ImproperlyConfigured(
            "No app has registered the network directory; the community app does "
            "so in its AppConfig.ready()."
        ) from None
