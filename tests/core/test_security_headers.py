"""Content-Security-Policy and Permissions-Policy: strict on the site, relaxed only
as far as the Wagtail admin needs, and templates that keep to the strict policy."""

import re
from pathlib import Path

from django.template.loader import render_to_string

import pytest
from lxml import html

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_strict(policy: dict[str, list[str]]) -> None:
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    "url", ["/en/", "/de/", "/en/accounts/login/", "/en/no-such-page/"]
)
def test_public_pages_have_the_strict_policy(client, site_pages, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert_strict(directives(response["Content-Security-Policy"]))
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_admin_pages_have_the_admin_policy(client, site_pages):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/pages/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    # What the admin needs: its inline scripts and styles, its own previews framed.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # And no more: no foreign scripts, no plug-ins, forms post only here.
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_the_admins_no_access_page_and_sign_in_redirect_have_a_policy(client):
    assert "Content-Security-Policy" in client.get("/admin/")
    client.force_login(UserFactory())
    assert "Content-Security-Policy" in client.get("/admin/")


def public_templates() -> list[Path]:
    """Templates the site renders under the strict policy: everything except the
    admin's and the mails' (a mail client, not the site, shows those)."""
    return sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        if "admin" not in path.relative_to(TEMPLATES).parts
        and "mail" not in path.relative_to(TEMPLATES).parts
    )


def test_public_templates_have_no_inline_scripts_styles_or_handlers():
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)")
    found = []
    for path in public_templates():
        text = path.read_text(encoding="utf-8")
        if inline_script.search(text):
            found.append(f"{path}: inline <script>")
        if re.search(r"\sstyle=|<style\b", text):
            found.append(f"{path}: inline style")
        if re.search(r"\son[a-z]+=[\"']", text):
            found.append(f"{path}: inline event handler")
    assert public_templates()
    assert found == []


def test_the_server_error_page_uses_a_stylesheet():
    page = html.fromstring(render_to_string("500.html"))
    assert not page.xpath("//*[@style]")
    assert page.xpath("//link[@rel='stylesheet']/@href")[0].endswith("error.css")
