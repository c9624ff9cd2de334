"""Admin for the taxonomy: clusters and their fields of action, in every language;
and the "My queue" panel on the dashboard."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SDG, Cluster, FieldOfAction
from .my_queue import MyQueuePanel


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    menu_label = _("Thematic clusters")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class FieldOfActionViewSet(SnippetViewSet):
    model = FieldOfAction
    icon = "folder-inverse"
    menu_label = _("Fields of action")
    list_display = ["name", "cluster", "slug"]
    list_filter = ["cluster"]
    search_fields = ["name"]


class SDGViewSet(SnippetViewSet):
    model = SDG
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ClusterViewSet, FieldOfActionViewSet, SDGViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_my_queue_panel(request, panels):
    """What waits for the signed-in person, from every app (``core.my_queue``)."""
    panels.append(MyQueuePanel(request))
