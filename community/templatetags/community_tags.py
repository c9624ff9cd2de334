"""Template filters for community data shown on any page."""

from django import template
from django.utils.translation import get_language_info, gettext

from community.models import Language
from core.bidi import join_list

register = template.Library()


@register.filter
def language_names(codes) -> str:
    """Language codes ("en", "de") as names in the language being read
    ("Englisch, Deutsch"); a code nobody knows stays as it is."""
    labels = dict(Language.choices)
    names = []
    for code in codes or []:
        label = labels.get(code)
        if label is None:
            try:
                label = gettext(get_language_info(code)["name"])
            except KeyError:
                label = code
        names.append(str(label))
    return join_list(names)
