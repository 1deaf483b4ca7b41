"""Online story clustering: each article joins its best story or starts a new one.

With `cluster_regroup` (the default) the stream reaches the batch clusterer's
decision: the clusterer keeps batch's candidate graph over its window
(`graph.WindowGraph`), an arriving article joins the story its scored neighbours
favour (`regroup.joined`), and every `cluster_merge_every` articles (and at `settle`)
a pass re-runs batch average linkage on the graph components that changed and turns
the difference into split/merged events that keep story ids (`regroup`). Without it,
the centroid join below, with merge passes:

1. candidates: the active stories nearest by centroid cosine of the quick embedding
   (`StoryIndex`: exact, then an inverted file once the stream is long), plus stories
   that share several entity/place keys with it (so two languages whose embeddings
   disagree still meet);
2. each candidate is scored with the pair scorer against its representatives (first
   and most recent articles); the story score is their mean probability, which keeps
   one loose match from chaining two stories together;
3. the article joins the best story at or above `cluster_join_threshold`, or starts
   a story whose id is derived from the article's id (stable across runs).

Every `cluster_merge_every` articles, stories changed since the last pass are
compared with their nearest neighbours and merged when they have converged (the
older id survives). Stories leave the active set when they go quiet for
`cluster_window_hours` or when more than `cluster_max_active` are active.

Every change is a `StoryEvent`. The clusterer's state is a deterministic function of
its event log, and `replay` rebuilds it without scoring anything: a store that keeps
the log can resume after a crash exactly where a clean run would be.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import ConfigError
from ..settings import DEFAULT_SETTINGS, Settings
from .active import KeyPostings, LazyHeap
from .doc import ClusterDoc
from .events import PairScoreFn, StoryEvent, story_id_for
from .graph import WindowGraph
from .index import StoryIndex, one_thread
from .regroup import joined, regrouped

__all__ = ["OnlineClusterer", "PairScoreFn", "StoryEvent", "story_id_for"]

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


class OnlineClusterer:
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
        self._index = StoryIndex(self.dim, settings)
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

    # --- public ---
    @property
    def active_count(self) -> int:
        return len(self._active)

    def active_ids(self) -> list[str]:
        """Stories that can still take articles."""
        return list(self._active)

    def add(self, doc: ClusterDoc) -> list[StoryEvent]:
        return self.add_many([doc])

    def add_many(self, docs: Sequence[ClusterDoc]) -> list[StoryEvent]:
        """Cluster `docs` in order; the result does not depend on how a stream is batched."""
        if not docs:
            return []
        self._check_dim(docs[0])
        with one_thread():
            return self._add_all(docs)

    def _add_all(self, docs: Sequence[ClusterDoc]) -> list[StoryEvent]:
        events: list[StoryEvent] = []
        # Each article searches the index as it is when its turn comes, so the
        # decisions do not depend on how a stream is cut into batches.
        for doc in docs:
            if doc.id in self.assignment:
                continue
            self._advance(doc)
            if self._graph is not None:
                events.append(self._join(doc))
                self._apply_doc(events[-1], doc)
                events.extend(self._after_doc())
                continue
            scored = self._score_candidates(doc, self._candidates(doc))
            join = self.settings.cluster_join_threshold
            if scored:  # every story left reached the join threshold
                best, score = scored[0]
                events.append(StoryEvent("added", best, doc.id, score=round(score, 4)))
            else:
                events.append(StoryEvent("created", story_id_for(doc.id), doc.id))
            self._apply_doc(events[-1], doc)
            # An article that belongs to two stories is evidence they are one.
            events.extend(self._bridge(events[-1].story, [c for c, v in scored[1:] if v >= join]))
            events.extend(self._after_doc())
        return events

    def replay(self, log: Iterable[tuple[StoryEvent, ClusterDoc | None]]) -> None:
        """Rebuild the state a live run had after the logged events, scoring nothing.

        `log` pairs each event with its article's `ClusterDoc` (None for merges).
        """
        with one_thread():
            self._replay(log)

    def _replay(self, log: Iterable[tuple[StoryEvent, ClusterDoc | None]]) -> None:
        for event, doc in log:
            if doc is not None:
                self._check_dim(doc)
            if event.kind in ("created", "added") and doc is not None:
                self._advance(doc)
                if self._graph is not None:
                    self._graph.add(doc, score=False)  # its edges are scored when needed
                    self._graph.evict(self._now)
                self._apply_doc(event, doc)
                self._count += 1
            elif event.kind == "pass":
                self._dirty.clear()
                if self._graph is not None:
                    self._graph.touched.clear()
            elif event.kind == "merged" and event.other is not None:
                self._merge(event.story, event.other)
            elif event.kind == "split" and doc is not None and event.other is not None:
                self._move(doc, event.story, event.other)

    def settle(self) -> list[StoryEvent]:
        """Run a merge (or regroup) pass now (at the end of an ingest run)."""
        if not (self._graph.touched if self._graph is not None else self._dirty):
            return []
        with one_thread():
            return self._merge_pass()

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
        self._index = StoryIndex(size, self.settings)
        if self._graph is not None:
            self._graph = WindowGraph(size, self.settings, self.pair_score)

    # --- candidates and scoring ---
    def _candidates(self, doc: ClusterDoc) -> list[str]:
        s = self.settings
        slots, sims = self._index.search(doc.vector, s.cluster_candidates, doc.time)
        found = [
            sid
            for slot, sim in zip(slots.tolist(), sims.tolist(), strict=True)
            if sim >= s.cluster_min_cosine and (sid := self._index.slot_story[slot]) is not None
        ]
        shared = self._postings.shared(doc.keys, self._active, s.cluster_key_candidates)
        for sid, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            if (
                n >= s.cluster_key_candidates
                and sid not in found
                and self._index.in_window(self._active[sid].slot, doc.time)
            ):
                found.append(sid)
        return found

    def _score_candidates(self, doc: ClusterDoc, candidates: list[str]) -> list[tuple[str, float]]:
        """(story, mean probability against its representatives), best first.

        A candidate is dropped as soon as even perfect scores on its remaining
        representatives could not lift its mean to the join threshold: most
        candidates cost one pair score instead of `cluster_representatives`.
        """
        join = self.settings.cluster_join_threshold
        scored: list[tuple[str, float]] = []
        for sid in candidates:
            reps = self.representatives(sid)
            total = 0.0
            for n, rep in enumerate(reps, 1):
                total += self.pair_score(doc.id, rep)
                if (total + len(reps) - n) / len(reps) < join:
                    break
            else:
                scored.append((sid, total / len(reps)))
        return sorted(scored, key=lambda x: (-x[1], x[0]))

    def _join(self, doc: ClusterDoc) -> StoryEvent:
        """The story `doc`'s scored graph neighbours favour (`regroup.joined`), or a new one."""
        assert self._graph is not None
        self._graph.add(doc, score=True)
        self._graph.evict(self._now)

        def order(sid: str) -> int | None:
            story = self._active.get(sid)
            return None if story is None else story.order

        found = joined(self._graph, doc.id, self.assignment, order, self.settings)
        if found is not None:
            return StoryEvent("added", found[0], doc.id, score=round(found[1], 4))
        return StoryEvent("created", story_id_for(doc.id), doc.id)

    def _regroup_pass(self) -> list[StoryEvent]:
        """Batch average linkage again on the graph components that changed."""
        assert self._graph is not None
        events = [StoryEvent("pass", "")]
        self._dirty.clear()
        seeds, self._graph.touched = self._graph.touched, set()
        since = None if self._now is None else self._now - self.settings.cluster_window_hours * 3600
        n, changes = regrouped(
            self._graph, seeds, self.assignment, self.members, self.settings, since, self._fresh_id
        )
        self.regrouped += n
        for event in changes:
            if event.kind == "split" and event.article is not None and event.other is not None:
                self._move(self._graph.docs[event.article], event.story, event.other)
            elif event.kind == "merged" and event.other is not None:
                self._merge(event.story, event.other)
            events.append(event)
        return events

    def _fresh_id(self, first: str) -> str:
        sid, n = story_id_for(first), 1
        while sid in self._used:
            n += 1
            sid = f"{story_id_for(first)}-{n}"
        self._used.add(sid)
        return sid

    def _bridge(self, story: str, others: list[str]) -> list[StoryEvent]:
        events: list[StoryEvent] = []
        for other in others:
            if story not in self._active or other not in self._active:
                continue
            score = self._story_score(story, other)
            if score >= self.settings.cluster_merge_threshold:
                keep, gone = sorted((story, other), key=lambda x: self._active[x].order)
                self._merge(keep, gone)
                events.append(StoryEvent("merged", keep, other=gone, score=round(score, 4)))
                story = keep
        return events

    # --- state changes (shared by live runs and replay) ---
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

    def _after_doc(self) -> list[StoryEvent]:
        self._count += 1
        if self._count % self.settings.cluster_merge_every:
            return []
        return self._merge_pass()

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

    def _merge_pass(self) -> list[StoryEvent]:
        if self._graph is not None:
            return self._regroup_pass()
        s = self.settings
        events: list[StoryEvent] = [StoryEvent("pass", "")]
        dirty = sorted(self._dirty, key=lambda sid: self._active[sid].order)
        self._dirty.clear()
        if not dirty:
            return events
        # Each story searches the index as the earlier merges of this pass left it;
        # a replay applies the merges this produced, in order.
        for sid in dirty:
            story = self._active.get(sid)
            if story is None:
                continue
            slots, sims = self._index.search_from(story.slot, s.cluster_candidates + 1)
            for slot, sim in zip(slots.tolist(), sims.tolist(), strict=True):
                other = self._index.slot_story[slot]
                if other is None or other == sid or sim < s.cluster_merge_min_cosine:
                    continue
                if not self._index.spans_meet(story.slot, slot):
                    continue
                score = self._story_score(sid, other)
                if score >= s.cluster_merge_threshold:
                    keep, gone = sorted((sid, other), key=lambda x: self._active[x].order)
                    self._merge(keep, gone)
                    events.append(StoryEvent("merged", keep, other=gone, score=round(score, 4)))
                    break
        return events

    def _story_score(self, a: str, b: str) -> float:
        reps_a, reps_b = self.representatives(a)[:2], self.representatives(b)[:2]
        return float(np.mean([self.pair_score(x, y) for x in reps_a for y in reps_b]))

    # --- leaving the active set ---
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
