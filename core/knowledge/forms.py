"""The filter form of the knowledge-base listings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.search import MAX_QUERY_LENGTH


class KnowledgeFilterForm(forms.Form):
    """Search, filters and sort of a knowledge-base listing: a plain GET form that
    works without JavaScript.

    Built from a ``core.knowledge.listing.Listing``: one select per facet, each option
    with the number of results it would give. The listing has already checked every
    parameter, so the form is never bound and never shows errors; it only shows the
    current choices (``initial``). A facet without options is left out.
    """

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *, listing, **kwargs):
        initial = {**listing.params, "sort": listing.sort}
        super().__init__(initial=initial, **kwargs)
        for facet in listing.facets:
            if not facet.options:
                continue
            self.fields[facet.name] = forms.ChoiceField(
                label=facet.label, required=False, choices=facet.choices
            )
        self.fields["sort"] = forms.ChoiceField(
            label=_("Sort by"), required=False, choices=listing.sort_choices
        )
