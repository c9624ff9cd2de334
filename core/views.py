"""Views that are not pages: the health check used by load balancers and compose,
and the site-wide search."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from wagtail import hooks
from wagtail.models import Locale

import redis

from .forgiving import vocabulary_suggestion
from .knowledge.listing import cached
from .knowledge.versions import content_version
from .models import StandardPage
from .search import (
    SEARCH_GROUPS_HOOK,
    SearchGroup,
    SearchHit,
    clean_query,
    highlighted,
)


@never_cache
@require_GET
def healthz(request):
    """Report whether the database (and Redis, when configured) answer.

    200 when every configured service answers, 503 otherwise; the body says which.
    """
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means "down" here
        checks["database"] = f"error: {exc.__class__.__name__}"
    if settings.REDIS_URL:
        try:
            client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2)
            client.ping()
            checks["redis"] = "ok"
        except redis.RedisError as exc:
            checks["redis"] = f"error: {exc.__class__.__name__}"
    else:
        checks["redis"] = "not configured"
    healthy = all(value in ("ok", "not configured") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


# --- Site-wide search ----------------------------------------------------------------

# Results per group on the overview, and per page when one group is shown alone.
SEARCH_OVERVIEW_SIZE = 5
SEARCH_PAGE_SIZE = 20


def _standard_page_group(*, request, query, locale) -> SearchGroup:
    """Core's own group: standard pages such as "About us"."""
    language = locale.language_code

    def to_hits(pages) -> list[SearchHit]:
        marks = highlighted(
            StandardPage.objects.all(),
            [page.pk for page in pages],
            query,
            language,
            fields=("title", "intro"),
        )
        return [
            SearchHit(
                title=marks[page.pk]["title"],
                url=page.get_url(request),
                snippet=marks[page.pk]["intro"],
            )
            for page in pages
            if page.pk in marks
        ]

    results = (
        StandardPage.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .search(query)
    )
    return SearchGroup(
        key="pages",
        title=_("Pages"),
        results=results,
        to_hits=to_hits,
        order=90,
    )


def search_groups(*, request, query: str, locale) -> list[SearchGroup]:
    """Core's group and every group other apps register, in display order."""
    groups = [_standard_page_group(request=request, query=query, locale=locale)]
    for hook in hooks.get_hooks(SEARCH_GROUPS_HOOK):
        group = hook(request=request, query=query, locale=locale)
        if group is not None:
            groups.append(group)
    return sorted(groups, key=lambda group: (group.order, group.key))


def _counted_groups(*, request, query: str, locale) -> list[SearchGroup]:
    """The groups with their counts, which are computed once per content version
    for a query in a language: a count scans every match, most of a search's
    time, and reads the same for everyone (the groups search public, live
    content only)."""
    groups = search_groups(request=request, query=query, locale=locale)
    keys = tuple(group.key for group in groups)
    counts = cached(
        content_version(),
        ("search-counts", locale.language_code, query, keys),
        lambda: {group.key: group.results.count() for group in groups},
    )
    for group in groups:
        group.count = counts[group.key]
    return groups


def _other_languages(request, query: str) -> list[dict]:
    """How many results ``query`` has in each other language of the site, each
    searched with its own stemming, and the address of that search."""
    found = []
    current = Locale.get_active()
    for locale in Locale.objects.exclude(pk=current.pk).order_by("language_code"):
        code = locale.language_code
        with translation.override(code):
            groups = _counted_groups(request=request, query=query, locale=locale)
        count = sum(group.count for group in groups)
        if count:
            found.append(
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "count": count,
                    "url": translate_url(request.get_full_path(), code),
                }
            )
    return found


@require_GET
def site_search(request):
    """Search practices, projects, cities, events and pages at once.

    Results come grouped by kind with their counts, best match first, with the
    matched words highlighted; ``type`` shows one group alone, paginated. Queries
    are stemmed in the language of the URL (/en/ or /de/). Bad input (a huge
    query, an unknown type, a page out of range) gives a normal page that says
    what happened.

    A search that finds nothing forgives (``core.forgiving``): a typo is
    corrected from the titles and tags ("did you mean"), and its results are shown
    instead; the other languages say how many results they have.
    """
    query, problem = clean_query(request.GET.get("q"))
    messages = [problem] if problem else []
    locale = Locale.get_active()
    groups: list[SearchGroup] = []
    shown = []
    only = (request.GET.get("type") or "").strip()
    page_of_results = None
    searched = query
    elsewhere: list[dict] = []
    if query:
        groups = _counted_groups(request=request, query=query, locale=locale)
        if not any(group.count for group in groups):
            elsewhere = _other_languages(request, query)
            corrected = vocabulary_suggestion(query, locale=locale)
            if corrected:
                retry = _counted_groups(request=request, query=corrected, locale=locale)
                if any(group.count for group in retry):
                    groups, searched = retry, corrected
        keys = {group.key for group in groups}
        if only and only not in keys:
            messages.append(
                _("There is no kind of content “%(value)s”; showing all kinds.")
                % {"value": Truncator(only).chars(40)}
            )
            only = ""
        for group in groups:
            if only and group.key != only:
                continue
            if only:
                paginator = Paginator(group.results, SEARCH_PAGE_SIZE)
                page_of_results = paginator.get_page(request.GET.get("page"))
                if str(page_of_results.number) != (request.GET.get("page") or "1"):
                    messages.append(
                        _("There is no such page of results; showing page %(n)s.")
                        % {"n": page_of_results.number}
                    )
                rows = list(page_of_results.object_list)
            else:
                rows = list(group.results[:SEARCH_OVERVIEW_SIZE]) if group.count else []
            shown.append({"group": group, "hits": group.to_hits(rows) if rows else []})
    else:
        only = ""
    total = sum(group.count for group in groups)
    return render(
        request,
        "core/search.html",
        {
            "query": query,
            "searched": searched,
            "elsewhere": elsewhere,
            "messages_list": messages,
            "groups": groups,
            "shown": shown,
            "only": only,
            "total": total,
            "results": page_of_results,
            "filter_query": urlencode({"q": searched, "type": only}) if only else "",
            "overview_query": urlencode({"q": searched}),
        },
    )
