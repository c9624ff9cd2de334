"""The deployment's nginx (deploy/nginx.conf) in front of the live site: it keeps
the pages the site marks as shared, never answers a visitor with a session from
its cache, never keeps a personal page, compresses, and passes the client's
address on for the rate limits.

nginx runs as it does in docker-compose.yml, with the upstream and port filled in;
``make test-deps`` installs Debian's nginx.
"""

import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from django.conf import settings

import pytest

CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy(site, tmp_path, settings):
    """nginx on a free port in front of the live server, with the page cache on."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing: make test-deps installs it")
    settings.PAGE_CACHE_SECONDS = 600
    upstream = site.url.removeprefix("http://")
    port = _free_port()
    config = CONFIG.read_text()
    config = config.replace("${WEB_UPSTREAM}", upstream)
    config = config.replace("${PROXY_PORT}", f"127.0.0.1:{port}")
    config = config.replace("/tmp/", f"{tmp_path}/")  # noqa: S108 - moved out of /tmp
    if os.geteuid() == 0:
        # Its workers would otherwise drop to "nobody", who may not write here.
        config = config.replace(
            "worker_processes auto;", "user root;\nworker_processes 1;"
        )
    (tmp_path / "nginx.conf").write_text(config)
    process = subprocess.Popen(
        [nginx, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            time.sleep(0.05)
    yield base, upstream
    process.terminate()
    process.wait(timeout=10)
    process.stderr.close()


def _get(proxy, path: str, **headers):
    base, host = proxy
    request = urllib.request.Request(base + path, headers={"Host": host, **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_keeps_shared_pages_and_only_those(proxy):
    status, headers, body = _get(proxy, "/en/")
    assert status == 200
    assert headers["X-Proxy-Cache"] == "MISS"
    assert "s-maxage=10" in headers["Cache-Control"]
    status, headers, again = _get(proxy, "/en/")
    assert headers["X-Proxy-Cache"] == "HIT"
    assert again == body

    # A visitor with a session is never answered from the cache.
    _status, headers, _body = _get(proxy, "/en/", Cookie="sessionid=abc")
    assert headers["X-Proxy-Cache"] == "BYPASS"

    # A page with a form sets a CSRF cookie: private, never kept.
    for _ in range(2):
        status, headers, _body = _get(proxy, "/en/accounts/login/")
        assert status == 200
        assert headers["X-Proxy-Cache"] == "MISS"
        assert "private" in headers["Cache-Control"]


def test_nginx_passes_compressed_pages_and_compresses_static_files(proxy):
    _status, headers, body = _get(proxy, "/en/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(body)
    _status, _headers, page = _get(proxy, "/en/")
    stylesheet = page.decode().split('rel="stylesheet" href="', 1)[1].split('"')[0]
    status, headers, css = _get(proxy, stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert b"--step-0" in gzip.decompress(css)
    _status, headers, _css = _get(proxy, stylesheet)
    assert headers["X-Proxy-Cache"] in ("HIT", "MISS")


def test_the_site_sees_the_client_behind_nginx_not_nginx(proxy, settings):
    """nginx appends the client's address; the site trusts one proxy, so a
    forged X-Forwarded-For cannot pose as another client."""
    from django.test import RequestFactory

    from community.adapters import AccountAdapter

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="127.0.0.1"
    )
    assert AccountAdapter().get_client_ip(request) == "203.0.113.9"
    assert "$proxy_add_x_forwarded_for" in CONFIG.read_text()
