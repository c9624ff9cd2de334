"""RSS and Atom feeds of good practices, per index and per thematic cluster.

The machinery (language, cluster, absolute addresses) is ``core.knowledge.feeds``.
"""

from django.utils.translation import gettext as _

from core.knowledge.feeds import AtomMixin, KnowledgeBaseFeed

from .models import GoodPracticeIndexPage, GoodPracticePage


class GoodPracticeFeed(KnowledgeBaseFeed):
    """RSS 2.0: the newest good practices."""

    page_model = GoodPracticePage
    index_model = GoodPracticeIndexPage

    def feed_title(self) -> str:
        return _("Good practices – Connective Cities")

    def feed_title_for_cluster(self, cluster_name: str) -> str:
        return _("Good practices: %(cluster)s – Connective Cities") % {
            "cluster": cluster_name
        }

    def feed_description(self) -> str:
        return _("What cities did about their problems, told so others can learn.")


class GoodPracticeAtomFeed(AtomMixin, GoodPracticeFeed):
    """Atom 1.0: the newest good practices."""
