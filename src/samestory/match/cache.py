"""Bounded per-article caches of the pair features (text profiles, word sets, vectors).

The clusterer scores each arriving article against a dozen neighbours, and later
arrivals against it again, so what the features derive from one article alone is
kept while the article is among the recently scored. Those derivations weigh more
than the analysis itself (a 1,200-character text's lexical profile ~60 KB), so every
such cache is bounded by one setting, `match_profile_cache` (articles), which
`configure` applies to all of them: a long-running watcher's memory then stops
growing once the bound is reached, instead of growing with the articles it has seen.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["ArticleCache", "clear_all", "configure"]

V = TypeVar("V")

_ALL: list[ArticleCache[object]] = []


class ArticleCache(Generic[V]):
    """Least recently used values by key, thread-safe; `make` runs outside the lock
    (two threads may both compute a missing value: it is a pure function of the key)."""

    def __init__(self, maxsize: int = DEFAULT_SETTINGS.match_profile_cache) -> None:
        self.maxsize = max(0, maxsize)
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        _ALL.append(self)  # type: ignore[arg-type]  # configured together

    def __len__(self) -> int:
        return len(self._data)

    def get(
        self, key: Hashable, make: Callable[[], V], valid: Callable[[V], bool] | None = None
    ) -> V:
        """The cached value of `key` (if `valid` accepts it), else `make()`, kept."""
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and (valid is None or valid(hit)):
                self._data.move_to_end(key)
                self.hits += 1
                return hit
            self.misses += 1
        value = make()
        self.put(key, value)
        return value

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            self._trim()

    def resize(self, maxsize: int) -> None:
        if maxsize != self.maxsize:
            with self._lock:
                self.maxsize = max(0, maxsize)
                self._trim()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def _trim(self) -> None:
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)


def configure(settings: Settings) -> None:
    """Bound every per-article cache by `settings.match_profile_cache` (cheap when unchanged)."""
    for cache in _ALL:
        cache.resize(settings.match_profile_cache)


def clear_all() -> None:
    for cache in _ALL:
        cache.clear()
