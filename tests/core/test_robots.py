"""robots.txt: what crawlers may not index, and where the sitemap is."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_sitemap_on_the_public_address(client, site_pages):
    """Whichever allowed host was asked, the sitemap is named on PUBLIC_BASE_URL."""
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml", HTTP_HOST="localhost").status_code == 200
