"""The online clusterer's state: stories, memberships, the indexes, and how they change.

`OnlineClusterer` decides (which story an article joins, what a pass merges or splits);
everything here applies a decision, the same way in a live run and in a replay of its
event log, which is why a replay rebuilds the very state a live run had.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..errors import ConfigError
from ..settings import DEFAULT_SETTINGS, Settings
from .active import KeyPostings, LazyHeap
from .doc import ClusterDoc
from .events import PairScoreFn, StoryEvent
from .graph import WindowGraph
from .index import StoryIndex

__all__ = ["StoryState"]

_POSTINGS_CAP = 64  # stories remembered per key: a key in every story is no evidence


@dataclass(slots=True)
class _Story:
    id: str
    order: int  # creation order: the older story survives a merge
    slot: int
    centroid: np.ndarray  # float64 sum of member vectors
    keys: Counter[str]
    last: float | None
    touched: int


class StoryState:
    def __init__(
        self, pair_score: PairScoreFn, settings: Settings = DEFAULT_SETTINGS, dim: int | None = None
    ) -> None:
        self.settings = settings
        self.pair_score = pair_score
        self.dim = dim or 0  # taken from the first article when not given
        self.assignment: dict[str, str] = {}
        # retired stories keep their members as tuples, which the cyclic GC skips
        self.members: dict[str, list[str] | tuple[str, ...]] = {}
        self._active: dict[str, _Story] = {}
        self._index = StoryIndex(self.dim, settings, invert=not settings.cluster_regroup)
        self._postings = KeyPostings(_POSTINGS_CAP)
        self._now: float | None = None
        self._count = 0
        self._created = 0
        self._dirty: set[str] = set()
        self._by_last = LazyHeap[float](lambda e: self._is_current(e[1], last=e[0]))
        self._by_touch = LazyHeap[int](lambda e: self._is_current(e[1], touched=e[0]))
        self._graph = (
            WindowGraph(self.dim, settings, pair_score) if settings.cluster_regroup else None
        )
        self._used: set[str] = set()  # every story id ever given out: a new one is fresh
        self.regrouped = 0  # articles re-clustered by regrouping passes (their cost)

    @property
    def active_count(self) -> int:
        return len(self._active)

    def active_ids(self) -> list[str]:
        """Stories that can still take articles."""
        return list(self._active)

    def stories(self) -> dict[str, list[str]]:
        return {sid: list(m) for sid, m in self.members.items()}

    def representatives(self, story: str) -> list[str]:
        members = self.members[story]
        r = self.settings.cluster_representatives
        first = r // 2
        picked = [*members[:first], *members[max(first, len(members) - (r - first)) :]]
        return list(dict.fromkeys(picked))

    def _check_dim(self, doc: ClusterDoc) -> None:
        size = int(doc.vector.shape[-1])
        if size == self.dim:
            return
        if self._created:
            raise ConfigError(
                f"article {doc.id} has a {size}-d embedding where the stories have "
                f"{self.dim}-d ones; the embedder changed (re-cluster with one embedder)"
            )
        self.dim = size
        self._index = StoryIndex(size, self.settings, invert=not self.settings.cluster_regroup)
        if self._graph is not None:
            self._graph = WindowGraph(size, self.settings, self.pair_score)

    def _apply_doc(self, event: StoryEvent, doc: ClusterDoc) -> None:
        time = doc.time if doc.time is not None else self._now
        if event.kind == "created":
            story = self._new_story(event.story, time)
        else:
            story = self._active[event.story]
        story.centroid += doc.vector
        for key in doc.keys:
            if story.keys[key] == 0:
                self._postings.post(key, story.id)
            story.keys[key] += 1
        self._open(story.id).append(doc.id)
        self.assignment[doc.id] = story.id
        self._touch(story, time)
        self._index.observe(doc.vector)

    def _new_story(self, sid: str, time: float | None) -> _Story:
        slot = self._index.allocate(sid)
        story = _Story(sid, self._created, slot, np.zeros(self.dim), Counter(), time, 0)
        self._used.add(sid)
        self._created += 1
        self._active[sid] = story
        if time is not None:  # _touch files only later times; a one-article story must retire too
            self._by_last.push(time, sid)
        self.members[sid] = []
        self._enforce_cap()
        return story

    def _touch(self, story: _Story, time: float | None, dirty: bool = True) -> None:
        if time is not None and (story.last is None or time > story.last):
            story.last = time
            self._by_last.push(time, story.id)
        self._index.widen(story.slot, time)
        story.touched = self._count
        self._by_touch.push(story.touched, story.id)
        self._index.set_centroid(story.slot, story.centroid)
        if dirty:  # merges do not schedule more merge passes
            self._dirty.add(story.id)

    def _merge(self, keep: str, gone: str) -> None:
        for doc_id in self.members.get(gone, []):
            self.assignment[doc_id] = keep
        self._open(keep).extend(self.members.pop(gone, ()))
        b = self._active.pop(gone, None)
        a = self._active.get(keep)
        gone_span = self._index.span[b.slot].copy() if b is not None else None
        if b is not None:
            self._release(b)
            self._dirty.discard(gone)
        if a is None or b is None:
            return  # a story outside the window: only its membership changes
        a.centroid += b.centroid
        for key, n in sorted(b.keys.items()):
            if a.keys[key] == 0:
                self._postings.post(key, a.id)
            a.keys[key] += n
        last = b.last if a.last is None or (b.last is not None and b.last > a.last) else a.last
        self._touch(a, last, dirty=False)
        if gone_span is not None:
            self._index.widen(a.slot, float(gone_span[0]), float(gone_span[1]))

    def _move(self, doc: ClusterDoc, source: str, target: str) -> None:
        """Move one article between stories (a batch re-clustering split it off)."""
        members = self._open(source) if source in self.members else []
        if doc.id in members:
            members.remove(doc.id)
        src = self._active.get(source)
        if src is not None:
            src.centroid -= doc.vector
            src.keys.subtract(doc.keys)
            src.keys = +src.keys
            self._index.set_centroid(src.slot, src.centroid)
        if not members:
            self.members.pop(source, None)
            if src is not None:
                del self._active[source]
                self._release(src)
        if target not in self.members:
            self._new_story(target, doc.time if doc.time is not None else self._now)
        if target in self._active:
            self._apply_doc(StoryEvent("added", target, doc.id), doc)
        else:
            self._open(target).append(doc.id)
            self.assignment[doc.id] = target

    def _advance(self, doc: ClusterDoc) -> None:
        if doc.time is None or (self._now is not None and doc.time <= self._now):
            return
        self._now = doc.time
        s = self.settings
        horizon = doc.time - max(s.cluster_retire_hours, s.cluster_window_hours) * 3600
        while (entry := self._by_last.pop_valid(below=horizon)) is not None:
            self._retire(self._active[entry[1]])

    def _enforce_cap(self) -> None:
        cap = self.settings.cluster_max_active
        while len(self._active) > cap and (entry := self._by_touch.pop_valid()) is not None:
            self._retire(self._active[entry[1]])

    def _retire(self, story: _Story) -> None:
        del self._active[story.id]
        self._dirty.discard(story.id)
        self._release(story)

    def _release(self, story: _Story) -> None:
        self._index.release(story.slot)
        self._postings.forget(story.keys, self._active)
        if story.id in self.members:
            self.members[story.id] = tuple(self.members[story.id])

    def _is_current(self, sid: str, last: float | None = None, touched: int | None = None) -> bool:
        s = self._active.get(sid)  # heap entries of earlier states are skipped
        return s is not None and (s.last == last if touched is None else s.touched == touched)

    def _open(self, sid: str) -> list[str]:
        members = self.members.get(sid)  # merges and splits reach retired stories too
        if not isinstance(members, list):
            members = self.members[sid] = list(members or ())
        return members
