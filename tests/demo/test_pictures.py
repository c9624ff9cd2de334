"""Every card and every page of the demo has a picture, without a single upload:
its photo, or a locator map drawn from the shipped country shapes.

Walks the English index pages (every page of results) and the home page, then every
English practice, project and event page and every organisation profile, and asks
for each distinct map once: it must be an SVG image with a title.
"""

from django.core.cache import cache

import pytest
from lxml import etree
from lxml import html as lxml_html

from community.pages import NetworkIndexPage
from events.models import EventIndexPage, EventPage
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from projects.models import ProjectIndexPage, SupportedProjectPage

pytestmark = pytest.mark.django_db

SVG_TITLE = "{http://www.w3.org/2000/svg}title"


def _english(model):
    return model.objects.live().filter(locale__language_code="en")


def _document(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content)


def _index_pages(client, index) -> list:
    """Every page of an index's results."""
    documents = [_document(client, index.url)]
    while next_link := documents[-1].xpath('//a[@rel="next"]/@href'):
        documents.append(_document(client, index.url + next_link[0]))
    return documents


def _check_maps(client, urls: set[str]) -> None:
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/svg+xml"
        title = etree.fromstring(response.content).find(SVG_TITLE)
        assert title is not None and title.text, url


def test_every_card_has_a_photo_or_a_locator_map(seeded, client):
    cache.clear()
    documents = [_document(client, "/en/")]
    for model in (GoodPracticeIndexPage, ProjectIndexPage, EventIndexPage):
        documents += _index_pages(client, _english(model).get())
    maps, cards = set(), 0
    for document in documents:
        for card in document.xpath('//li[contains(@class, "knowledge-card")]'):
            cards += 1
            images = card.xpath(".//img")
            title = card.xpath(".//h3")[0].text_content()
            assert len(images) == 1, title
            if "locator-map" in images[0].get("class"):
                maps.add(images[0].get("src"))
    assert cards > 60
    _check_maps(client, maps)


def test_every_page_shows_where_it_is(seeded, client):
    cache.clear()
    urls = [
        page.url
        for model in (GoodPracticePage, SupportedProjectPage, EventPage)
        for page in _english(model)
    ]
    network = _english(NetworkIndexPage).get()
    urls += [
        network.url + network.reverse_subpage("organisation", kwargs={"slug": slug})
        for slug in network.get_organisations().values_list("slug", flat=True)
    ]
    maps = set()
    for url in urls:
        images = _document(client, url).xpath('//img[contains(@class, "locator-map")]')
        assert len(images) == 1, url
        assert images[0].get("alt"), url
        maps.add(images[0].get("src"))
    _check_maps(client, maps)
