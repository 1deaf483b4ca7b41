"""Online story clustering: each article joins its best story or starts a new one.

For every incoming article:

1. candidates: the active stories nearest by centroid cosine of the quick embedding
   (an exact search over a slot matrix, batched), plus stories that share several
   entity/place keys with it (so two languages whose embeddings disagree still meet);
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

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ..errors import ConfigError
from ..settings import DEFAULT_SETTINGS, Settings
from .doc import ClusterDoc

__all__ = ["OnlineClusterer", "PairScoreFn", "StoryEvent", "story_id_for"]

EventKind = Literal["created", "added", "merged", "split", "pass"]
PairScoreFn = Callable[[str, str], float]  # same-story probability of two article ids

_POSTINGS_CAP = 64  # stories remembered per key: a key in every story is no evidence


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One change to the stories: why an article is where it is.

    created/added: `article` started or joined `story`; merged: `other` was absorbed
    into `story`; split: `article` moved from `story` to `other` (batch re-clustering);
    pass: a merge pass ran here (bookkeeping that lets a replay reproduce the state).
    """

    kind: EventKind
    story: str
    article: str | None = None
    other: str | None = None
    score: float | None = None


def story_id_for(article_id: str) -> str:
    return f"s{article_id}"


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
        self.members: dict[str, list[str]] = {}
        self._active: dict[str, _Story] = {}
        self._matrix = np.zeros((64, self.dim), dtype=np.float32)  # normalised centroids by slot
        self._slot_story: list[str | None] = []
        self._live = np.zeros(64, dtype=bool)
        self._span = np.full((64, 2), np.nan)  # first/last publication time by slot
        self._free: list[int] = []
        self._postings: dict[str, list[str]] = {}
        self._now: float | None = None
        self._count = 0
        self._created = 0
        self._dirty: set[str] = set()
        self._changed: set[int] = set()  # slots whose centroid moved in this batch
        self._died: set[int] = set()  # slots released in this batch
        self._by_last: list[tuple[float, str]] = []
        self._by_touch: list[tuple[int, str]] = []

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
        events: list[StoryEvent] = []
        if not docs:
            return events
        self._check_dim(docs[0])
        k = self.settings.cluster_candidates
        width = len(self._slot_story)
        queries = np.stack([d.vector for d in docs]).astype(np.float32)
        # One matrix product and one partial sort for the whole batch. Slots that
        # change during the batch are re-scored exactly, and the shortlist falls back
        # to a full scan when it runs dry, so batching never changes a decision.
        pre = queries @ self._matrix[:width].T if width else np.zeros((len(docs), 0))
        pre[~self._valid(docs, width)] = -np.inf
        short = min(width, 4 * k)
        top = (
            np.argpartition(-pre, short - 1, axis=1)[:, :short]
            if 0 < short < width
            else np.tile(np.arange(width), (len(docs), 1))
        )
        self._changed, self._died = set(), set()
        for i, doc in enumerate(docs):
            if doc.id in self.assignment:
                continue
            self._advance(doc)
            sims = self._nearest(doc, pre[i], top[i], short < width)
            scored = self._score_candidates(doc, sims)
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
        for event, doc in log:
            if doc is not None:
                self._check_dim(doc)
            if event.kind in ("created", "added") and doc is not None:
                self._advance(doc)
                self._apply_doc(event, doc)
                self._count += 1
            elif event.kind == "pass":
                self._dirty.clear()
            elif event.kind == "merged" and event.other is not None:
                self._merge(event.story, event.other)
            elif event.kind == "split" and doc is not None and event.other is not None:
                self._move(doc, event.story, event.other)

    def settle(self) -> list[StoryEvent]:
        """Run a merge pass now (at the end of an ingest run)."""
        return self._merge_pass() if self._dirty else []

    def stories(self) -> dict[str, list[str]]:
        return {sid: list(m) for sid, m in self.members.items()}

    def representatives(self, story: str) -> list[str]:
        members = self.members[story]
        r = self.settings.cluster_representatives
        first = r // 2
        picked = members[:first] + members[max(first, len(members) - (r - first)) :]
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
        self._matrix = np.zeros((64, size), dtype=np.float32)

    # --- candidates and scoring ---
    def _valid(self, docs: Sequence[ClusterDoc], width: int) -> np.ndarray:
        """(docs x slots): live stories within each article's time window."""
        valid = np.broadcast_to(self._live[:width], (len(docs), width)).copy()
        times = np.array([np.nan if d.time is None else d.time for d in docs])
        if width and not np.isnan(times).all():
            # Only stories whose time span is within the window of the article's own
            # time: a stream that arrives out of order still meets the right stories.
            window = self.settings.cluster_window_hours * 3600
            first, last = self._span[:width, 0], self._span[:width, 1]
            with np.errstate(invalid="ignore"):
                outside = (times[:, None] < first - window) | (times[:, None] > last + window)
            valid &= ~outside
        return valid

    def _in_window(self, slot: int, time: float | None) -> bool:
        first, last = self._span[slot]
        if time is None or np.isnan(first):
            return True
        window = self.settings.cluster_window_hours * 3600
        return bool(first - window <= time <= last + window)

    def _nearest(
        self, doc: ClusterDoc, pre: np.ndarray, top: np.ndarray, partial: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """(slots, centroid cosines) of the candidate stories, exact at this moment."""
        skip = np.fromiter(self._changed | self._died, dtype=np.int64)
        slots = top[pre[top] > -np.inf]
        slots = slots[~np.isin(slots, skip)]
        if partial and len(slots) < self.settings.cluster_candidates:
            # The batch's shortlist ran dry (stories died or changed): scan everything.
            slots = np.flatnonzero(pre > -np.inf)
            slots = slots[~np.isin(slots, skip)]
        sims = pre[slots]
        if self._changed:
            moved = np.fromiter(sorted(self._changed), dtype=np.int64)
            moved = moved[self._live[moved]]
            if doc.time is not None:
                window = self.settings.cluster_window_hours * 3600
                first, last = self._span[moved, 0], self._span[moved, 1]
                with np.errstate(invalid="ignore"):
                    outside = (doc.time < first - window) | (doc.time > last + window)
                moved = moved[~outside]
            slots = np.concatenate([slots, moved])
            sims = np.concatenate([sims, self._matrix[moved] @ doc.vector])
        return slots, sims

    def _candidates(self, doc: ClusterDoc, near: tuple[np.ndarray, np.ndarray]) -> list[str]:
        s = self.settings
        slots, sims = near
        order = np.lexsort((slots, -sims))[: s.cluster_candidates]
        found = [
            sid
            for slot, sim in zip(slots[order].tolist(), sims[order].tolist(), strict=True)
            if sim >= s.cluster_min_cosine and (sid := self._slot_story[slot]) is not None
        ]
        shared: Counter[str] = Counter()
        for key in sorted(doc.keys):
            for sid in self._postings.get(key, ()):
                if sid in self._active:
                    shared[sid] += 1
        for sid, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            if (
                n >= s.cluster_key_candidates
                and sid not in found
                and self._in_window(self._active[sid].slot, doc.time)
            ):
                found.append(sid)
        return found

    def _score_candidates(
        self, doc: ClusterDoc, sims: tuple[np.ndarray, np.ndarray]
    ) -> list[tuple[str, float]]:
        """(story, mean probability against its representatives), best first.

        A candidate is dropped as soon as even perfect scores on its remaining
        representatives could not lift its mean to the join threshold: most
        candidates cost one pair score instead of `cluster_representatives`.
        """
        join = self.settings.cluster_join_threshold
        scored: list[tuple[str, float]] = []
        for sid in self._candidates(doc, sims):
            reps = self.representatives(sid)
            total = 0.0
            for n, rep in enumerate(reps, 1):
                total += self.pair_score(doc.id, rep)
                if (total + len(reps) - n) / len(reps) < join:
                    break
            else:
                scored.append((sid, total / len(reps)))
        return sorted(scored, key=lambda x: (-x[1], x[0]))

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
                self._post(key, story.id)
            story.keys[key] += 1
        self.members[story.id].append(doc.id)
        self.assignment[doc.id] = story.id
        self._touch(story, time)

    def _after_doc(self) -> list[StoryEvent]:
        self._count += 1
        if self._count % self.settings.cluster_merge_every:
            return []
        return self._merge_pass()

    def _new_story(self, sid: str, time: float | None) -> _Story:
        slot = self._free.pop() if self._free else len(self._slot_story)
        if slot == len(self._slot_story):
            self._slot_story.append(None)
            if slot >= len(self._matrix):
                grown = np.zeros((len(self._matrix) * 2, self.dim), dtype=np.float32)
                grown[: len(self._matrix)] = self._matrix
                self._matrix = grown
                self._live = np.concatenate([self._live, np.zeros(len(self._live), bool)])
                self._span = np.concatenate([self._span, np.full(self._span.shape, np.nan)])
        self._slot_story[slot] = sid
        self._live[slot] = True
        self._span[slot] = np.nan
        story = _Story(sid, self._created, slot, np.zeros(self.dim), Counter(), time, 0)
        self._created += 1
        self._active[sid] = story
        self.members[sid] = []
        self._enforce_cap()
        return story

    def _touch(self, story: _Story, time: float | None, dirty: bool = True) -> None:
        if time is not None and (story.last is None or time > story.last):
            story.last = time
            heapq.heappush(self._by_last, (time, story.id))
        if time is not None:
            span = self._span[story.slot]
            span[0] = time if np.isnan(span[0]) else min(span[0], time)
            span[1] = time if np.isnan(span[1]) else max(span[1], time)
        story.touched = self._count
        heapq.heappush(self._by_touch, (story.touched, story.id))
        norm = float(np.linalg.norm(story.centroid))
        self._matrix[story.slot] = story.centroid / norm if norm > 0 else 0.0
        self._changed.add(story.slot)
        if dirty:  # merges do not schedule more merge passes
            self._dirty.add(story.id)

    def _post(self, key: str, sid: str) -> None:
        posting = self._postings.setdefault(key, [])
        posting.append(sid)
        if len(posting) > _POSTINGS_CAP:
            del posting[: len(posting) - _POSTINGS_CAP]

    def _merge(self, keep: str, gone: str) -> None:
        for doc_id in self.members.get(gone, []):
            self.assignment[doc_id] = keep
        self.members.setdefault(keep, []).extend(self.members.pop(gone, []))
        b = self._active.pop(gone, None)
        a = self._active.get(keep)
        gone_span = self._span[b.slot].copy() if b is not None else None
        if b is not None:
            self._release(b)
            self._dirty.discard(gone)
        if a is None or b is None:
            return  # a story outside the window: only its membership changes
        a.centroid += b.centroid
        for key, n in sorted(b.keys.items()):
            if a.keys[key] == 0:
                self._post(key, a.id)
            a.keys[key] += n
        last = b.last if a.last is None or (b.last is not None and b.last > a.last) else a.last
        self._touch(a, last, dirty=False)
        if gone_span is not None:
            span = self._span[a.slot]
            self._span[a.slot] = [np.fmin(span[0], gone_span[0]), np.fmax(span[1], gone_span[1])]

    def _move(self, doc: ClusterDoc, source: str, target: str) -> None:
        """Move one article between stories (a batch re-clustering split it off)."""
        members = self.members.get(source, [])
        if doc.id in members:
            members.remove(doc.id)
        src = self._active.get(source)
        if src is not None:
            src.centroid -= doc.vector
            src.keys.subtract(doc.keys)
            src.keys = +src.keys
            norm = float(np.linalg.norm(src.centroid))
            self._matrix[src.slot] = src.centroid / norm if norm > 0 else 0.0
            self._changed.add(src.slot)
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
            self.members[target].append(doc.id)
            self.assignment[doc.id] = target

    def _merge_pass(self) -> list[StoryEvent]:
        s = self.settings
        events: list[StoryEvent] = [StoryEvent("pass", "")]
        dirty = sorted(self._dirty, key=lambda sid: self._active[sid].order)
        self._dirty.clear()
        width = len(self._slot_story)
        if not dirty or width < 2:
            return events
        # Neighbours of every dirty story in one product, taken at the pass's start
        # (deterministic: a replay applies the merges this produced, in order).
        rows = np.array([self._active[sid].slot for sid in dirty])
        sims = self._matrix[rows] @ self._matrix[:width].T
        sims[:, ~self._live[:width]] = -np.inf
        k = min(width, s.cluster_candidates + 1)
        tops = np.argpartition(-sims, k - 1, axis=1)[:, :k] if k < width else None
        for n, sid in enumerate(dirty):
            story = self._active.get(sid)
            if story is None:
                continue
            row = sims[n]
            near = tops[n] if tops is not None else np.arange(width)
            for slot in sorted(near.tolist(), key=lambda j: (-float(row[j]), j)):
                other = self._slot_story[slot]
                if other is None or other == sid or row[slot] < s.cluster_merge_min_cosine:
                    continue
                if not self._spans_meet(story.slot, slot):
                    continue
                score = self._story_score(sid, other)
                if score >= s.cluster_merge_threshold:
                    keep, gone = sorted((sid, other), key=lambda x: self._active[x].order)
                    self._merge(keep, gone)
                    events.append(StoryEvent("merged", keep, other=gone, score=round(score, 4)))
                    break
        return events

    def _spans_meet(self, x: int, y: int) -> bool:
        (f1, l1), (f2, l2) = self._span[x], self._span[y]
        if np.isnan(f1) or np.isnan(f2):
            return True
        window = self.settings.cluster_window_hours * 3600
        return bool(f1 - window <= l2 and f2 - window <= l1)

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
        while self._by_last and self._by_last[0][0] < horizon:
            last, sid = heapq.heappop(self._by_last)
            story = self._active.get(sid)
            if story is not None and story.last == last:
                self._retire(story)

    def _enforce_cap(self) -> None:
        while len(self._active) > self.settings.cluster_max_active and self._by_touch:
            touched, sid = heapq.heappop(self._by_touch)
            story = self._active.get(sid)
            if story is not None and story.touched == touched:
                self._retire(story)

    def _retire(self, story: _Story) -> None:
        del self._active[story.id]
        self._dirty.discard(story.id)
        self._release(story)

    def _release(self, story: _Story) -> None:
        self._slot_story[story.slot] = None
        self._died.add(story.slot)
        self._live[story.slot] = False
        self._matrix[story.slot] = 0.0
        self._free.append(story.slot)
