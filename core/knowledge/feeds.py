"""RSS and Atom feeds of the knowledge base, per index and per thematic cluster.

A feed lists the 20 newest live pages in the language of its URL (/en/ or /de/).
Every address in it (links, RSS guids, Atom ids, the feed's own address) is absolute
on ``PUBLIC_BASE_URL`` whichever host the reader asked, since a feed reader keeps
them; the network is the feed's author. ``KnowledgeBaseFeed`` is generic: the
practices and projects apps subclass it for their pages.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from core.links import page_public_url, public_url
from core.models import Cluster
from core.params import has_control_characters

FEED_LENGTH = 20


@dataclass
class FeedScope:
    """What one request's feed covers: the language, the index and maybe a cluster."""

    request: HttpRequest
    locale: Locale
    index: Page | None
    cluster: Cluster | None
    cluster_names: dict
    cluster_in_query: bool = False


class KnowledgeBaseFeed(Feed):
    """The newest live pages of one page type, optionally of one cluster.

    Subclasses set ``page_model``, ``index_model`` and the titles. The cluster comes
    from the URL (``feed/<cluster-slug>/rss/``) or ``?cluster=<slug>``; an unknown
    cluster is a 404.
    """

    page_model: type[Page]
    index_model: type[Page]
    feed_type = Rss201rev2Feed

    def feed_title(self) -> str:
        raise NotImplementedError

    def feed_title_for_cluster(self, cluster_name: str) -> str:
        raise NotImplementedError

    def feed_description(self) -> str:
        raise NotImplementedError

    def get_object(self, request, cluster: str | None = None):
        locale = Locale.get_active()
        slug = cluster or request.GET.get("cluster", "").strip()
        # Pages point at the default-language clusters; the slug is the same in
        # every language, the name shown is the one of the feed's language.
        clusters = {
            row.translation_key: row.name
            for row in Cluster.objects.filter(locale=locale)
        }
        chosen = None
        if slug:
            chosen = (
                None
                if has_control_characters(slug)
                else Cluster.objects.filter(
                    slug=slug[:120], locale=Locale.get_default()
                ).first()
            )
            if chosen is None:
                raise Http404(_("There is no cluster with this name."))
        index = (
            self.index_model.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("path")
            .first()
        )
        return FeedScope(
            request=request,
            locale=locale,
            index=index,
            cluster=chosen,
            cluster_names=clusters,
            cluster_in_query=chosen is not None and not cluster,
        )

    def title(self, obj: FeedScope) -> str:
        if obj.cluster:
            name = obj.cluster_names.get(obj.cluster.translation_key, obj.cluster.name)
            return self.feed_title_for_cluster(name)
        return self.feed_title()

    def link(self, obj: FeedScope) -> str:
        if obj.index is not None:
            url = page_public_url(obj.index, obj.request)
            if url:
                return url
        return public_url(f"/{obj.locale.language_code}/")

    def feed_url(self, obj: FeedScope) -> str:
        """The feed's own address (RSS ``atom:link rel=self``, Atom ``link``)."""
        query = ""
        if obj.cluster_in_query:
            query = "?" + urlencode({"cluster": obj.cluster.slug})
        return public_url(obj.request.path + query)

    def feed_guid(self, obj: FeedScope) -> str:
        # Atom's feed id: each feed (language, format, cluster) has its own.
        return self.feed_url(obj)

    def author_name(self, obj: FeedScope) -> str:
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, obj: FeedScope) -> str:
        return public_url(f"/{obj.locale.language_code}/")

    def description(self, obj: FeedScope) -> str:
        intro = getattr(obj.index, "intro", "")
        return intro or self.feed_description()

    def items(self, obj: FeedScope) -> list[Page]:
        pages = (
            self.page_model.objects.live()
            .public()
            .filter(locale=obj.locale)
            .defer_streamfields()
            .select_related("cluster")
            .order_by("-first_published_at", "-pk")
        )
        if obj.cluster is not None:
            pages = pages.filter(cluster=obj.cluster)
        pages = list(pages[:FEED_LENGTH])
        for page in pages:
            page.feed_url = page_public_url(page, obj.request)
            page.feed_categories = (
                [obj.cluster_names[page.cluster.translation_key]]
                if page.cluster_id and page.cluster.translation_key in obj.cluster_names
                else []
            )
        return pages

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        return getattr(item, "teaser", "") or item.search_description

    def item_link(self, item: Page) -> str:
        return item.feed_url

    def item_guid(self, item: Page) -> str:
        # The page's address is its identity and can be opened (isPermaLink).
        return item.feed_url

    item_guid_is_permalink = True

    def item_author_name(self, item: Page) -> str:
        return settings.WAGTAIL_SITE_NAME

    def item_pubdate(self, item: Page):
        return item.first_published_at

    def item_updateddate(self, item: Page):
        return item.last_published_at

    def item_categories(self, item: Page) -> list[str]:
        return item.feed_categories


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj: FeedScope) -> str:
        return self.description(obj)
