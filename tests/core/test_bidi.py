"""Names inside sentences of the other direction are isolated, and lists are
separated as the language separates them (``core.bidi``)."""

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from community.templatetags.community_tags import language_names
from core.bidi import FIRST_STRONG_ISOLATE as FSI
from core.bidi import POP_DIRECTIONAL_ISOLATE as PDI
from core.bidi import bdi, isolate, join_list


def test_bdi_isolates_escaped_html():
    assert bdi("Tom's <b>") == "<bdi>Tom&#x27;s &lt;b&gt;</bdi>"
    assert bdi("") == "" and bdi(None) == ""


def test_isolate_only_where_directions_may_mix():
    with translation.override("en"):
        # English text about Latin names stays byte for byte as it was.
        assert isolate("Solar street lighting") == "Solar street lighting"
        # An Arabic name in an English sentence is isolated.
        assert isolate("عمّان") == f"{FSI}عمّان{PDI}"
    with translation.override("ar"):
        assert isolate("Greater Amman (Jordan)") == f"{FSI}Greater Amman (Jordan){PDI}"
        safe = isolate(mark_safe("<b>x</b>"))  # noqa: S308 - a test value
        assert isinstance(safe, SafeString)
    assert isolate(None) == ""


def test_a_title_in_an_arabic_sentence_keeps_its_brackets_in_place():
    template = Template(
        "{% load i18n core_tags %}"
        "{% blocktranslate with title=title|bdi %}Apply for “{{ title }}”"
        "{% endblocktranslate %}"
    )
    with translation.override("ar"):
        html = template.render(Context({"title": "Land (2027) & <more>"}))
    assert "<bdi>Land (2027) &amp; &lt;more&gt;</bdi>" in html


def test_lists_use_the_languages_separator():
    with translation.override("en"):
        assert join_list([7, 11]) == "7, 11"
    with translation.override("ar"):
        assert join_list([7, 11]) == "7، 11"
        assert language_names(["en", "ar"]) == "الإنجليزية، العربية"
        rendered = Template("{% load core_tags %}{{ names|join_list }}").render(
            Context({"names": ["a<b", "c"]})
        )
        assert rendered == "a&lt;b، c"
