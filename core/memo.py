"""A small cache in the process's memory for values that many calls in a row ask
for (a fan-out renders thousands of mails about one page): no round trip to a
cache server, and short-lived, so a change is seen soon without any signal."""

import time
from collections.abc import Callable, Hashable
from typing import Any


class ExpiringMemo:
    """Values by key for ``seconds``; forgets everything once it holds more than
    ``size`` keys, so it stays small however many keys a process meets. Put what
    makes a value stale (a publication time, say) into its key."""

    def __init__(self, *, seconds: float, size: int = 500):
        self.seconds, self.size = seconds, size
        self._values: dict[Hashable, tuple[float, Any]] = {}

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        cached = self._values.get(key)
        if cached is None or cached[0] < time.monotonic():
            if len(self._values) > self.size:
                self._values.clear()
            cached = (time.monotonic() + self.seconds, compute())
            self._values[key] = cached
        return cached[1]
