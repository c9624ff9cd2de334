"""RSS and Atom feeds of supported projects, per index and per thematic cluster.

The same feeds as for good practices (see ``core.knowledge.feeds``).
"""

from django.utils.translation import gettext as _

from core.knowledge.feeds import AtomMixin, KnowledgeBaseFeed

from .models import ProjectIndexPage, SupportedProjectPage


class SupportedProjectFeed(KnowledgeBaseFeed):
    """RSS 2.0: the newest supported project stories."""

    page_model = SupportedProjectPage
    index_model = ProjectIndexPage

    def feed_title(self) -> str:
        return _("Supported projects – Connective Cities")

    def feed_title_for_cluster(self, cluster_name: str) -> str:
        return _("Supported projects: %(cluster)s – Connective Cities") % {
            "cluster": cluster_name
        }

    def feed_description(self) -> str:
        return _("How ideas from our dialogue events became projects in cities.")


class SupportedProjectAtomFeed(AtomMixin, SupportedProjectFeed):
    """Atom 1.0: the newest supported project stories."""
