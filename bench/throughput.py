"""Requests per second through gunicorn, as ratios to a bare Django view.

Run on demand (``.venv/bin/python bench/throughput.py``), not as a test. It needs
wrk (Debian's package: ``apt-get install -y wrk``) and, for the proxy row, nginx
(``make test-deps``).

The site runs as deployed: production settings, gunicorn with ``--workers 2``
(sync workers, one per core of this machine), PostgreSQL with persistent
connections, the cache in Redis. Its database (``DATABASE_URL``, by default
postgres://postgres@127.0.0.1:5432/cc_bench_throughput) holds the demo site topped
up to ``--count`` generated practices (10,000; ``bench/knowledge_base.py`` makes
them); Redis database 10 holds its cache.

Three servers, each gunicorn with the same settings:

* the ceiling: ``bench/ceiling.py``, one view answering ``HttpResponse("ok")``
  without middleware or database; on the same server the floor of a page cache
  (``/floor/``: one ``MGET`` of four keys from Redis, the kept home page's size in
  bytes answered), the rate no page cache that checks its versions in Redis at
  every request can pass;
* the site with its page cache (anonymous pages kept whole, ``core.page_cache``,
  each worker serving its copies without asking Redis, ``core.page_copies``):
  home, the practice index, a practice, an event, a city profile;
* the site with the page cache off (``PAGE_CACHE_SECONDS=0``): every request runs
  the view, the listing's own caches (facet counts, result cards) warm as after
  the first visitors; the filtered index, the index searched, the site search,
  and for comparison the home page and a practice rendered afresh.

wrk drives each URL with 8 connections for ``--seconds`` (10), in ``--rounds`` (3)
interleaved rounds; the table gives the median over the rounds of requests per
second, of the median latency, and the ratio to the ceiling's median. Every
request must answer 200 (wrk counts the others; they fail the run). The last row
sends the cached home page through the deployment's nginx (deploy/nginx.conf),
which keeps shared pages for ``PAGE_CACHE_PROXY_SECONDS``.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BENCH_DIR))

os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cc_bench_throughput"
)
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/10")
# The cache too (the settings put it in database 1 of the same server otherwise).
os.environ.setdefault("REDIS_CACHE_URL", os.environ["REDIS_URL"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "k3y" * 20)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "bench-static"))
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

import knowledge_base  # noqa: E402 - bench/ on the path, environment set first

WORKERS = 2
CONNECTIONS = 8


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"the server for {url} stopped: {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


def gunicorn(app: str, port: int, *, chdir: Path, **environment) -> subprocess.Popen:
    command = [
        str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
        app,
        "--chdir",
        str(chdir),
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--no-control-socket",
    ]
    return subprocess.Popen(command, env={**os.environ, **environment})


def nginx(upstream: int, port: int, directory: Path) -> subprocess.Popen | None:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        return None
    config = (BASE_DIR / "deploy" / "nginx.conf").read_text()
    config = config.replace("${WEB_UPSTREAM}", f"127.0.0.1:{upstream}")
    config = config.replace("${PROXY_PORT}", f"127.0.0.1:{port}")
    config = config.replace("/tmp/", f"{directory}/")  # noqa: S108 - moved
    config = config.replace("access_log /dev/stdout;", "access_log off;")
    if os.geteuid() == 0:
        config = config.replace(
            "worker_processes auto;", "user root;\nworker_processes auto;"
        )
    (directory / "nginx.conf").write_text(config)
    return subprocess.Popen(
        [binary, "-c", str(directory / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )


def wrk(url: str, seconds: int) -> tuple[float, float]:
    """Requests per second and median latency (ms) of one wrk run."""
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{seconds}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"{url} did not answer every request with 200:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", output).groups()
    median = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rate, median


def check(url: str, cache_state: str | None, header: str = "X-Page-Cache") -> None:
    """The URL answers 200, and from the cache when it should (the first request
    keeps the page)."""
    states = []
    for _ in range(3):
        with urllib.request.urlopen(url, timeout=60) as response:
            assert response.status == 200, url
            states.append(response.headers.get(header))
        if states[-1] == cache_state:
            return
    raise SystemExit(f"{url}: {header} said {states}, expected {cache_state}")


def prepare(count: int) -> dict[str, str]:
    """Database, demo site, practices, static files; the pages to request."""
    knowledge_base.create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from community.models import Organisation
    from demo.management.commands.seed_demo import SEEDS
    from events.models import EventPage
    from practices.models import GoodPracticeIndexPage, GoodPracticePage

    call_command("migrate", verbosity=0, interactive=False)
    if not GoodPracticePage.objects.exists():
        print("seeding the demo site (a few minutes, once)…", flush=True)
        for group in SEEDS:
            with transaction.atomic():
                for seed in group:
                    seed(log=lambda message: None)
    index = GoodPracticeIndexPage.objects.get(locale__language_code="en")
    knowledge_base.make_practices(index, count)
    call_command("collectstatic", verbosity=0, interactive=False)

    english = {"locale__language_code": "en"}
    pair = knowledge_base.busiest_pair(index)
    word = knowledge_base.WORDS[pair["cluster__slug"]].split()[0]
    filtered = f"{index.url}?cluster={pair['cluster__slug']}&country={pair['country']}"
    practice = GoodPracticePage.objects.live().filter(**english).order_by("pk")
    event = EventPage.objects.live().filter(**english).order_by("-starts_at")
    city = Organisation.objects.get(slug="greater-amman-municipality")
    return {
        "home": "/en/",
        "index": index.url,
        "practice": practice.first().url,
        "event": event.first().url,
        "city": f"/en/network/{city.slug}/",
        "filtered": filtered,
        "searched": f"{filtered}&q={word}",
        "search": "/en/search/?q=waste+recycling",
        "total": str(GoodPracticePage.objects.live().count()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    print(f"database: {os.environ['DATABASE_URL']}", flush=True)
    pages = prepare(options.count)
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()

    ports = {name: free_port() for name in ("ceiling", "kept", "rendered", "proxy")}
    servers = [
        gunicorn("config.wsgi:application", ports["kept"], chdir=BASE_DIR),
        gunicorn(
            "config.wsgi:application",
            ports["rendered"],
            chdir=BASE_DIR,
            PAGE_CACHE_SECONDS="0",
        ),
    ]
    work = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    try:
        for name, process in zip(("kept", "rendered"), servers, strict=True):
            wait_for(f"http://127.0.0.1:{ports[name]}/healthz", process)

        def url(server: str, page: str) -> str:
            return f"http://127.0.0.1:{ports[server]}{pages[page]}"

        # The floor answers with as many bytes as the kept home page (as wrk asks
        # for it: not compressed).
        with urllib.request.urlopen(url("kept", "home"), timeout=60) as response:
            page_bytes = len(response.read())
        servers.append(
            gunicorn(
                "ceiling:application",
                ports["ceiling"],
                chdir=BENCH_DIR,
                FLOOR_PAGE_BYTES=str(page_bytes),
            )
        )
        wait_for(f"http://127.0.0.1:{ports['ceiling']}/", servers[-1])
        proxy = nginx(ports["kept"], ports["proxy"], work)
        if proxy is not None:
            servers.append(proxy)
            time.sleep(0.5)

        ceiling_url = f"http://127.0.0.1:{ports['ceiling']}/"
        scenarios = [
            ("bare Django view (the ceiling)", ceiling_url, None, None),
            ("the same + one Redis read (floor)", f"{ceiling_url}floor/", None, None),
        ]
        for page in ("home", "index", "practice", "event", "city"):
            scenarios.append((f"{page}, page cache", url("kept", page), "hit", 0.5))
        for label, page in (
            ("filtered index, not cached", "filtered"),
            ("filtered index + search, not cached", "searched"),
            ("site search, not cached", "search"),
            ("home, not cached", "home"),
            ("practice, not cached", "practice"),
        ):
            scenarios.append((label, url("rendered", page), None, 0.1))
        if proxy is not None:
            scenarios.append(("home through nginx", url("proxy", "home"), "HIT", None))
        for label, address, state, _target in scenarios[1:]:
            proxied = label.endswith("nginx")
            check(address, state, "X-Proxy-Cache" if proxied else "X-Page-Cache")

        results = {label: [] for label, *_ in scenarios}
        print(
            f"{pages['total']} live practices; gunicorn --workers {WORKERS} (sync); "
            f"wrk {CONNECTIONS} connections, {options.seconds} s, "
            f"{options.rounds} rounds; load average "
            f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
            flush=True,
        )
        for round_number in range(options.rounds):
            for label, address, _state, _target in scenarios:
                results[label].append(wrk(address, options.seconds))
            print(f"round {round_number + 1} done", flush=True)
        ceiling = statistics.median(rate for rate, _ in results[scenarios[0][0]])
        print(f"\n{'page':40} {'req/s':>9} {'p50':>9} {'of ceiling':>11} {'target':>7}")
        for label, _address, _state, target in scenarios:
            rate = statistics.median(rate for rate, _ in results[label])
            latency = statistics.median(median for _, median in results[label])
            share = rate / ceiling
            verdict = "" if target is None else ("met" if share >= target else "MISSED")
            print(f"{label:40} {rate:9.1f} {latency:7.2f}ms {share:10.1%} {verdict:>7}")
        floor = statistics.median(rate for rate, _ in results[scenarios[1][0]])
        kept = [
            statistics.median(rate for rate, _ in results[label])
            for label, *_ in scenarios
            if label.endswith("page cache")
        ]
        print(
            f"kept pages (from each worker's copies): {min(kept) / floor:.1%}–"
            f"{max(kept) / floor:.1%} of the floor ({page_bytes:,} bytes after one "
            "MGET of four keys per request)"
        )
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        for process in servers:
            process.terminate()
        for process in servers:
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
