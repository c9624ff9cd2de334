"""Whole pages for anonymous visitors, from the cache.

An anonymous visitor's page is the same for everyone who asks for it, until what
it shows changes. ``AnonymousPageCacheMiddleware`` keeps the whole response of a
public ``GET`` under the request's address, with the two versions it was made
under, and serves it again without running the view while both are current:

- the content version of the knowledge base (``core.knowledge.versions``): new
  after every publication, unpublication, move or deletion of a page and every
  change to taxonomy, tags, organisations, their names and regions;
- the process version (``process_version``): new after every change to rows that
  pages show but editors do not publish, which their apps name with
  ``watch_process_rows`` (an event's registrations, for the places left; a
  person's affiliations and public profile, for a city's people), and whenever a
  moment passes at which a page reads differently: the apps name the next one
  with ``register_next_moment`` (an event starts, ends, opens or closes its call).

So nothing has to be found and deleted when something changes: the next request
finds an entry of older versions and makes it again, and entries nobody asks for
expire (``PAGE_CACHE_SECONDS``). The versions and the page are read in one call,
or not at all where the process holds a copy that Redis has not told it is old
(``core.page_copies``).

Only what is the same for everyone is kept. A request is served from the cache
only when it is a ``GET`` without a session, a messages cookie or credentials,
outside the admin, the account pages and the static and media files. A response
is kept only when it is a complete ``200`` that set no cookie (a form's CSRF token
sets one, so a page with a form is never shared) and does not say ``private`` or
``no-store``. (Every page varies on ``Cookie``, since its header asks who is
signed in; without a session cookie that is nobody.) Signed-in visitors always
get their own page.

For a proxy or CDN in front, responses that were kept say so in ``Cache-Control``
(``public`` with a short ``s-maxage``, ``PAGE_CACHE_PROXY_SECONDS``) and vary on
``Cookie``, so a shared cache never gives a signed-in visitor someone else's page
and holds an anonymous one for seconds, not until the next change; every other
response is marked ``private``.

The middleware comes first (``MIDDLEWARE``): a kept page is stored with every
header the middleware after it gave it (the security headers and policies, and
the compression, so the address's compressed and plain versions are two entries:
a browser's pages are compressed once, not at every request), and served without
running any of them. Its key names the scheme, so a plain ``http`` request never
gets a kept ``https`` page in place of its redirect. A kept page holds no secret
(a page with a CSRF token sets a cookie and is not kept), so one compressed copy
for everyone gives BREACH nothing to compare.
"""

import hashlib
import uuid
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_max_age,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.translation import get_language_from_request

from .knowledge.versions import CONTENT_VERSION_KEY, content_version
from .page_copies import PageCopies

PROCESS_VERSION_KEY = "pages:process-version"
NEXT_MOMENT_KEY = "pages:next-moment"
# What a kept page must have been made under, read with it in one call.
VERSION_KEYS = [CONTENT_VERSION_KEY, PROCESS_VERSION_KEY, NEXT_MOMENT_KEY]
# Requests under these paths are never served from the cache: they belong to one
# person (the admin, accounts) or change something.
PRIVATE_PATH_PARTS = ("/admin/", "/django-admin/", "/accounts/")
# Files, served by WhiteNoise (static) or the web server (media), with their own
# headers: never looked up.
FILE_PATHS = (settings.STATIC_URL, settings.MEDIA_URL)
# The cookies of a visitor who has something of their own: a session (signed in,
# or a form's data kept), and messages waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
HEADER = "X-Page-Cache"

_next_moments: list[Callable[[datetime], datetime | None]] = []


def register_next_moment(provider: Callable[[datetime], datetime | None]) -> None:
    """``provider(now)`` gives the next moment after ``now`` at which a page of its
    app reads differently (or ``None``); when it passes, the pages are new."""
    _next_moments.append(provider)


def _next_moment(now: datetime) -> float | None:
    moments = [moment for provider in _next_moments if (moment := provider(now))]
    return min(moments).timestamp() if moments else None


def process_version(held: dict | None = None) -> str:
    """The current process version; a new one once the next moment has passed.
    ``held`` may hold both keys already (the page cache reads them with the page)."""
    now = timezone.now()
    if held is None:
        held = cache.get_many([PROCESS_VERSION_KEY, NEXT_MOMENT_KEY])
    version, moment = held.get(PROCESS_VERSION_KEY), held.get(NEXT_MOMENT_KEY)
    if version is not None and moment is not None and moment > now.timestamp():
        return version
    if version is None:
        # ``add`` so that concurrent first requests agree on one token.
        cache.add(PROCESS_VERSION_KEY, uuid.uuid4().hex, None)
    elif moment is not None:
        # The moment passed. (Without one, a change has just made a new version
        # and forgotten the moment: it is only looked up again.)
        cache.set(PROCESS_VERSION_KEY, uuid.uuid4().hex, None)
    # "none ahead" is kept as 0 would be read as passed: keep it for a day.
    cache.set(NEXT_MOMENT_KEY, _next_moment(now) or now.timestamp() + 86400, None)
    return cache.get(PROCESS_VERSION_KEY) or ""


def process_changed() -> None:
    """A new process version, now and when the transaction commits (a request in
    between would otherwise keep the old page under the new version); the next
    moment is looked up again."""

    def bump() -> None:
        cache.delete(NEXT_MOMENT_KEY)
        cache.set(PROCESS_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def watch_process_rows(*models: type[Model], ignore: frozenset = frozenset()) -> None:
    """A new process version whenever a row of ``models`` is saved or deleted,
    except for a save of only the fields in ``ignore`` (a user's ``last_login``
    changes no page)."""

    def saved(sender, update_fields=None, **kwargs) -> None:
        if not (update_fields and set(update_fields) <= ignore):
            process_changed()

    def deleted(sender, **kwargs) -> None:
        process_changed()

    for model in models:
        label = model._meta.label
        # The receivers are closures: held strongly, or they would be collected.
        post_save.connect(
            saved, sender=model, weak=False, dispatch_uid=f"pages_saved_{label}"
        )
        post_delete.connect(
            deleted, sender=model, weak=False, dispatch_uid=f"pages_deleted_{label}"
        )


def request_is_cacheable(request) -> bool:
    """A ``GET`` of a public address by a visitor with nothing of their own."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(part in request.path for part in PRIVATE_PATH_PARTS)
        and not request.path.startswith(FILE_PATHS)
    )


def response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part
    }
    if directives & {"private", "no-store", "no-cache"}:
        return False
    return get_max_age(response) != 0


def cache_key(request) -> str:
    """The page's key: the scheme, the host, the language the request is read in,
    whether it is sent compressed and its whole address (hashed: addresses may be
    long). The entry holds the versions it was made under; it is served only while
    they are current."""
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = get_language_from_request(request, check_path=True)
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    encoding = "gzip" if re_accepts_gzip.search(accepted) else "plain"
    host = request.get_host()
    return ":".join(("page", request.scheme, host, language, encoding, address))


def current_versions(held: dict) -> tuple[str, str]:
    """The content and process versions, from what ``held`` read already where it
    can (a first request, or a passed moment, asks again)."""
    content = held.get(CONTENT_VERSION_KEY) or content_version()
    return content, process_version(held)


def _moment_held(held: dict, versions: tuple[str, str]) -> float | None:
    """The next moment as read with ``versions``, when both were current as read
    (otherwise they have just been written: the next request reads them)."""
    moment = held.get(NEXT_MOMENT_KEY)
    read = (held.get(CONTENT_VERSION_KEY), held.get(PROCESS_VERSION_KEY))
    if read != versions or moment is None or moment <= timezone.now().timestamp():
        return None
    return moment


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors' pages from the cache (see the module).

    At most one cache call per kept page: the versions and the page are read
    together, and the page is kept as its status, headers and bytes (a response
    object costs more to rebuild from the cache than to make anew from these).
    None where the process has a copy of the page (``core.page_copies``)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.copies = PageCopies.for_default_cache(VERSION_KEYS)

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            return self._private(response)
        key = cache_key(request)
        copies, generation = self.copies, None
        if copies is not None:
            kept = copies.get(key, timezone.now().timestamp())
            if kept is not None:
                return self._kept(kept)
            generation = copies.listen()  # None when it cannot listen
        held = cache.get_many([*VERSION_KEYS, key])
        versions = current_versions(held)
        copying = generation is not None
        if copying:
            copies.remember(versions, _moment_held(held, versions), generation)
        kept = held.get(key)
        if kept is not None and kept[0] == versions:
            if copying:
                copies.keep(key, kept, generation)
            return self._kept(kept)
        response = self.get_response(request)
        if not response_is_cacheable(response):
            return self._private(response)
        patch_vary_headers(response, ("Cookie",))
        if "Cache-Control" not in response:
            # A view's own policy (a locator map kept for a year) stands.
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PAGE_CACHE_PROXY_SECONDS,
            )
        if hasattr(response, "render") and callable(response.render):
            response.render()
        headers = dict(response.items())
        entry = (versions, response.status_code, headers, response.content)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        if copying:
            copies.keep(key, entry, generation)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _kept(entry):
        status, headers, content = entry[1:]
        response = HttpResponse(content, status=status, headers=headers)
        response[HEADER] = "hit"
        return response

    @staticmethod
    def _private(response):
        """A response that was not kept: no shared cache may keep it either."""
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True)
        return response
