"""Admin for the network's reference data: world regions."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    menu_order = 210
    list_display = ["name", "slug", "is_focus", "sort_order"]
    search_fields = ["name"]


register_snippet(RegionViewSet)
