"""Each thematic cluster has one colour, the same in every language and in every
place it is shown: the stylesheet's ``.cluster--<colour>`` classes and the values the
server draws with (``CLUSTER_HEX``) agree, and text in them stays readable."""

import re
from pathlib import Path

from django.conf import settings

import pytest
from lxml import html as lxml_html

from core.models import CLUSTER_HEX, Cluster, ClusterColour
from tests.knowledge_fixtures import cluster, module_world

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def _luminance(hex_colour: str) -> float:
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted([_luminance(one), _luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_stylesheet_and_the_server_use_the_same_colours():
    css = STYLESHEET.read_text()
    declared = {
        name: (colour, tint)
        for name, colour, tint in re.findall(
            r"\.cluster--(\w+) \{ --cluster: (#[0-9a-f]{6}); "
            r"--cluster-tint: (#[0-9a-f]{6}); \}",
            css,
        )
    }
    assert declared == {str(key): value for key, value in CLUSTER_HEX.items()}
    assert set(declared) == set(ClusterColour.values)


@pytest.mark.parametrize("colour", ClusterColour.values)
def test_every_colour_is_readable_as_text_on_white_and_on_its_tint(colour):
    ink, tint = CLUSTER_HEX[colour]
    assert contrast(ink, "#ffffff") >= 4.5
    assert contrast(ink, tint) >= 4.5
    assert contrast("#1b2430", tint) >= 4.5  # body text on a tinted chip


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


@pytest.mark.django_db
def test_a_colour_chosen_in_one_language_holds_in_every_language(world):
    english = cluster("good-urban-governance")
    german = Cluster.objects.get(
        translation_key=english.translation_key, locale__language_code="de"
    )
    german.colour = ClusterColour.RED
    german.save()
    assert set(
        Cluster.objects.filter(translation_key=english.translation_key).values_list(
            "colour", flat=True
        )
    ) == {"red"}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/good-practices/", "/de/good-practices/"])
def test_cards_wear_their_cluster_colour(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    cards = tree.xpath("//li[contains(@class, 'knowledge-card')]")
    assert len(cards) == (4 if path.startswith("/en/") else 2)  # two translated
    for card in cards:
        chip = card.xpath(".//span[@class='cluster-chip']")[0].text_content()
        expected = {
            "Good Urban Governance": "cluster--blue",
            "Local Economic Development": "cluster--ochre",
            "Lokale Wirtschaftsentwicklung": "cluster--ochre",
            "Municipal Services": "cluster--plum",
            "Kommunale Dienstleistungen": "cluster--plum",
        }[chip.strip()]
        assert expected in card.get("class").split()


@pytest.mark.django_db
def test_the_home_page_shows_each_cluster_in_its_colour(client, world):
    tree = lxml_html.fromstring(client.get("/en/").content)
    cards = tree.xpath("//li[contains(@class, 'cluster-card')]")
    colours = {
        card.xpath(".//h3")[0].text_content(): card.get("class").split()[-1]
        for card in cards
    }
    assert colours == {
        "Good Urban Governance": "cluster--blue",
        "Local Economic Development": "cluster--ochre",
        "Integrated Urban Development": "cluster--green",
        "Municipal Services": "cluster--plum",
    }
