"""Where an uncached page's server time goes: routing, the view's own work, the
template.

Run on demand (``.venv/bin/python bench/render_split.py``), not as a test, after
``bench/throughput.py`` has prepared its database (the demo site and 10,000
generated practices; this script prepares it the same way when it is missing).

Pages of ``bench/throughput.py`` (the filtered index, the same searched, the site
search, the home page, a practice, a city profile) are requested ``--requests``
times each through the site's WSGI application in this process (production
settings, ``PAGE_CACHE_SECONDS=0``, the listing's own caches and the fragments
kept per version warm after the first request, as in that benchmark). Each
request's time is split into Wagtail's routing (``Page.route_for_request``: the
site, the page and its ancestors by their slugs), the rendering of templates (the
Django backend's ``Template.render``, includes inside) and the rest (middleware,
the view's queries and Python), with the queries made and how many of them ran
while a template rendered (a lazy relation, a menu). These are where the time
goes, not what removing a part would save: routing loads the site's root page,
which the menu reads again when routing did not. The medians are what a request
costs before anything of it is shared between requests: what a page cache skips.
"""

import argparse
import io
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
os.environ["PAGE_CACHE_SECONDS"] = "0"

import throughput  # noqa: E402 - sets the environment of the benchmark's site

PAGES = ("filtered", "searched", "search", "home", "practice", "city")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100)
    options = parser.parse_args()
    pages = throughput.prepare(options.count)

    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.template.backends.django import Template

    from wagtail.models import Page

    application = get_wsgi_application()
    spent: dict[str, float] = defaultdict(float)
    running: set[str] = set()

    def timed(part: str, function):
        """``function``, its time added to ``part`` (once when it calls itself:
        a template tag may render another template)."""

        def wrapper(*args, **kwargs):
            if part in running:
                return function(*args, **kwargs)
            running.add(part)
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - started
                running.discard(part)

        return wrapper

    def count_query(execute, sql, params, many, context):
        spent["queries"] += 1
        if "templates" in running:
            spent["in templates"] += 1
        return execute(sql, params, many, context)

    route = Page.route_for_request
    Page.route_for_request = staticmethod(timed("routing", route))
    # Every template a view renders, whether through a TemplateResponse or
    # render(): the Django backend's templates (their includes run inside).
    render = Template.render
    Template.render = timed("templates", render)

    def request(address: str) -> None:
        path, _, query = address.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "SERVER_PROTOCOL": "HTTP/1.1",
        }
        status = []
        body = application(environ, lambda code, headers, *_: status.append(code))
        b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{address} answered {status[0]}")

    print(
        f"{pages['total']} live practices; {options.requests} requests per page, "
        f"medians in ms; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    print(
        f"\n{'page':12} {'whole':>7} {'routing':>8} {'templates':>10} "
        f"{'the rest':>9} {'queries':>8} {'in templates':>13}"
    )
    try:
        with connection.execute_wrapper(count_query):
            for page in PAGES:
                for _ in range(3):
                    request(pages[page])
                parts = defaultdict(list)
                for _ in range(options.requests):
                    spent.clear()
                    started = time.perf_counter()
                    request(pages[page])
                    whole = time.perf_counter() - started
                    parts["whole"].append(whole * 1000)
                    parts["routing"].append(spent["routing"] * 1000)
                    parts["templates"].append(spent["templates"] * 1000)
                    parts["rest"].append(
                        parts["whole"][-1]
                        - parts["routing"][-1]
                        - parts["templates"][-1]
                    )
                    parts["queries"].append(spent["queries"])
                    parts["in templates"].append(spent["in templates"])
                median = {
                    part: statistics.median(values) for part, values in parts.items()
                }
                print(
                    f"{page:12} {median['whole']:7.2f} {median['routing']:8.2f} "
                    f"{median['templates']:10.2f} {median['rest']:9.2f} "
                    f"{median['queries']:8.0f} {median['in templates']:13.0f}"
                )
    finally:
        Page.route_for_request = staticmethod(route)
        Template.render = render


if __name__ == "__main__":
    main()
