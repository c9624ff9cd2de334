"""The content version of the knowledge-base listings.

Cached facet counts and labels live under a token (``content_version``); every
change that can alter what a listing counts or labels starts a new token
(``content_changed``, called by ``core.knowledge.signals``), so nothing stale is
read after a change and nothing has to be deleted.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "kb:content-version"


def content_version() -> str:
    """The current content version: any token, new after every change that can
    alter a listing's counts or labels."""
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        # ``add`` so that concurrent first requests agree on one token.
        cache.add(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(CONTENT_VERSION_KEY) or ""
    return version


def content_changed() -> None:
    """Start a new content version, now and again when the transaction commits
    (a request between the two would otherwise cache the old rows under the new
    version)."""

    def bump() -> None:
        cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)
