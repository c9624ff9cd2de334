"""Pictures that work everywhere: responsive renditions (two formats, several
widths, sizes set so nothing jumps while loading), lazy on cards, and a text
alternative that editors cannot leave out."""

from django.core.exceptions import ValidationError

import pytest
from lxml import html as lxml_html

from events.models import EventPage
from practices.models import GoodPracticePage
from projects.models import SupportedProjectPage
from tests.knowledge_fixtures import image, module_world

pytestmark = pytest.mark.django_db

PAGE_MODELS = [GoodPracticePage, SupportedProjectPage, EventPage]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker)


@pytest.mark.parametrize("model", PAGE_MODELS)
def test_an_image_without_its_text_alternative_is_refused(world, model):
    page = model(title="A page", slug="a-page", hero_image=image())
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth"])
    assert raised.value.message_dict["hero_alt"] == [
        "Say what the image shows: people who cannot see it rely on this text."
    ]
    page.hero_alt = "   "
    with pytest.raises(ValidationError):
        page.full_clean(exclude=["path", "depth"])


@pytest.fixture
def pictured(world):
    practice = type(world.p1).objects.get(pk=world.p1.pk)
    practice.hero_image = image("gardens.png")
    practice.hero_alt = "Raised beds between apartment blocks"
    practice.hero_credit = "Photo: Greater Amman Municipality"
    practice.save_revision().publish()
    return practice


def test_a_card_shows_webp_with_a_jpeg_fallback_in_two_widths(client, pictured):
    tree = lxml_html.fromstring(client.get("/en/good-practices/").content)
    card = next(
        card
        for card in tree.xpath("//li[contains(@class, 'knowledge-card')]")
        if card.xpath(f".//a[text()='{pictured.title}']")
    )
    picture = card.xpath(".//picture")[0]
    webp = picture.xpath(".//source[@type='image/webp']")[0]
    assert len(webp.get("srcset").split(",")) == 2
    assert webp.get("sizes")
    img = picture.xpath(".//img")[0]  # lxml nests it in <source>
    assert img.get("alt") == ""  # the card's title says what it is
    assert img.get("loading") == "lazy"
    assert img.get("width") and img.get("height")
    assert len(img.get("srcset").split(",")) == 2
    assert all(".jpg" in part for part in img.get("srcset").split(","))


def test_a_page_shows_its_hero_with_alternative_and_credit(client, pictured):
    tree = lxml_html.fromstring(client.get(pictured.url).content)
    figure = tree.xpath("//figure[contains(@class, 'knowledge-hero')]")[0]
    img = figure.xpath(".//picture//img")[0]
    assert img.get("alt") == "Raised beds between apartment blocks"
    assert img.get("width") and img.get("height")
    assert figure.xpath(".//source[@type='image/webp']")
    assert "Photo: Greater Amman Municipality" in figure.text_content()


def test_a_city_profile_shows_its_picture(client, world):
    amman = type(world.cities["amman"]).objects.get(slug="amman")  # as stored
    amman.hero_image = image("amman.png")
    amman.hero_alt = "The citadel hill above downtown Amman"
    amman.hero_credit = "Photo: Greater Amman Municipality"
    amman.full_clean()
    amman.save()
    tree = lxml_html.fromstring(client.get("/en/network/amman/").content)
    figure = tree.xpath("//figure[contains(@class, 'knowledge-hero')]")[0]
    img = figure.xpath(".//picture//img")[0]
    assert img.get("alt") == "The citadel hill above downtown Amman"
    assert "Photo: Greater Amman Municipality" in figure.text_content()


def test_a_city_picture_needs_its_text_alternative(world):
    amman = type(world.cities["amman"]).objects.get(slug="amman")  # as stored
    amman.hero_image = image("amman.png")
    with pytest.raises(ValidationError) as raised:
        amman.full_clean()
    assert "hero_alt" in raised.value.message_dict
