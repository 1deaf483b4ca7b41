"""Bookkeeping of the online clusterer's active set, sized by it rather than by the stream.

A long stream retires far more stories than it keeps active (a million articles: about
200k stories, 50k active). Whatever is kept per retired story, or per article, makes every
article dearer as the stream grows, mostly through Python's cyclic garbage collector:
a full collection walks every tracked container, so its cost grows with what is held.
Here, both structures drop what can no longer matter:

- `KeyPostings` forgets a key once none of the stories filed under it is active;
- `LazyHeap` is rebuilt from the live entries once stale ones outnumber them.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from typing import Generic, TypeVar

__all__ = ["KeyPostings", "LazyHeap"]

P = TypeVar("P", int, float)


class KeyPostings:
    """Entity key -> ids of the most recent stories that have it (at most `cap`).

    Ids stay listed after their story leaves the active set (readers skip them), and a
    retired story never becomes active again, so a list that holds no active story can
    only ever contribute ids that are skipped: it is dropped (`forget`). That changes no
    candidate: later posts to the key would have pushed every id it held out of the
    last `cap` before any of them could count again.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        # tuples, not lists: the cyclic GC stops walking a tuple of strings once it has
        # seen it, and a post copies at most `cap` ids
        self._lists: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self._lists)

    def shared(
        self, keys: Iterable[str], active: Collection[str], at_least: int = 1
    ) -> Counter[str]:
        """Active story -> how many of `keys` it is listed under (if `at_least`)."""
        # Counted in C, all ids at once: a common key lists `cap` stories, most of
        # them listed under no other key of the article (or no longer active).
        counts: Counter[str] = Counter()
        for key in keys:
            counts.update(self._lists.get(key, ()))
        return Counter({sid: n for sid, n in counts.items() if n >= at_least and sid in active})

    def post(self, key: str, story: str) -> None:
        self._lists[key] = (*self._lists.get(key, ()), story)[-self.cap :]

    def forget(self, keys: Iterable[str], active: Collection[str]) -> None:
        """Drop the lists of `keys` (a story's keys, as it leaves) that hold no active id."""
        for key in keys:
            posting = self._lists.get(key)
            # newest first: an active id, if any, is most likely near the end
            if posting is not None and not any(sid in active for sid in reversed(posting)):
                del self._lists[key]


class LazyHeap(Generic[P]):
    """Min-heap of (priority, story id) whose outdated entries are skipped, not removed.

    Pushing a story again supersedes its earlier entries: `pop_valid` skips the entries
    that `valid` rejects. Those pile up (one push per article), so once
    the heap outgrows `slack` times what was valid at the last rebuild, it is rebuilt
    from its valid entries: pops then return the same valid entries in the same order
    (entries order totally), and the heap stays proportional to the active set.
    """

    def __init__(
        self, valid: Callable[[tuple[P, str]], bool], slack: int = 4, floor: int = 1024
    ) -> None:
        self._heap: list[tuple[P, str]] = []
        self._valid: Callable[[tuple[P, str]], bool] = valid
        self._limit = slack * floor
        self._slack = slack
        self._floor = floor

    def __len__(self) -> int:
        return len(self._heap)

    def push(self, priority: P, story: str) -> None:
        heapq.heappush(self._heap, (priority, story))
        if len(self._heap) > self._limit:
            self._heap = [e for e in dict.fromkeys(self._heap) if self._valid(e)]
            heapq.heapify(self._heap)
            self._limit = self._slack * max(self._floor, len(self._heap))

    def pop_valid(self, below: P | None = None) -> tuple[P, str] | None:
        """The least valid entry (with a priority below `below`, if given), popped."""
        while self._heap and (below is None or self._heap[0][0] < below):
            entry = heapq.heappop(self._heap)
            if self._valid(entry):
                return entry
        return None
