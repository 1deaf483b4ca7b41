"""The batch clusterer's candidate graph over the online clusterer's window, kept current.

`batch.candidate_pairs` links each article to its `cluster_batch_neighbours` nearest
articles within the time window by the quick embedding (cosine at least
`cluster_min_cosine`) and to the
articles it shares `cluster_key_candidates` entity keys with (keys held by more than
four times that many articles say little), inside the time window. `WindowGraph`
holds the same graph for the articles of the window as they arrive:

- an arriving article scans every article of the graph once: its own nearest
  neighbours, and the articles whose nearest neighbours it now enters (pushing their
  farthest one out, which may remove an edge);
- a key reaching the ubiquity limit stops linking anything, as in batch;
- headlines sharing a title frame are linked while the frame is held by at most
  `cluster_frame_limit` articles (`batch.frame_pairs`).

Whenever no article has left, the edges are exactly those `candidate_pairs` gives
for the same articles (up to ties in cosine), so average linkage over a component of
this graph is what the batch clusterer decides for it. Articles leave oldest first,
past `cluster_retire_hours` or `cluster_graph_articles`; their neighbours' lists are
not refilled (a batch run over only the remaining articles could differ there).

Edge weights are pair scores. A live run scores a new edge when it appears; a replay
(rebuilding the state from the event log) leaves it pending, and `weight` scores it
when it is first needed: the scores are deterministic, so both end up identical.
"""

from __future__ import annotations

import heapq
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from ..settings import Settings
from .blocking import within_window
from .doc import ClusterDoc
from .events import PairScoreFn

__all__ = ["WindowGraph"]

# What `docs` files in place of each article's vector: the vector's one copy is its
# row of `_matrix` (`doc` gives the article back whole).
_NO_VECTOR = np.zeros(0, dtype=np.float32)


class WindowGraph:
    def __init__(self, dim: int, settings: Settings, pair_score: PairScoreFn) -> None:
        self.settings = settings
        self.pair_score = pair_score
        self.k = settings.cluster_batch_neighbours
        self.key_limit = settings.cluster_batch_neighbours * 4  # as batch.candidate_pairs
        self.docs: dict[str, ClusterDoc] = {}  # without their vectors: see `doc`
        self.adj: dict[str, dict[str, float | None]] = {}  # None: not scored yet
        self.touched: set[str] = set()  # articles whose edges changed since the last pass
        self._dim = dim
        self._matrix = np.zeros((64, dim), dtype=np.float32)
        self._slot: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._free: list[int] = []
        self._near: dict[str, dict[str, float]] = {}  # article -> its nearest, by cosine
        self._held: dict[str, set[str]] = {}  # article -> the articles whose lists hold it
        self._used = np.zeros(64, dtype=bool)
        self._times = np.full(64, np.nan)  # publication time by slot (nan: unknown)
        self._kth = np.full(64, -np.inf, dtype=np.float32)  # worst cosine a full list holds
        self._postings: dict[str, list[str]] = {}
        self._ubiquitous: Counter[str] = Counter()  # keys past the limit: articles holding them
        self._frames: dict[str, list[str]] = {}  # title frame -> its articles
        self._frames_past: Counter[str] = Counter()  # frames past cluster_frame_limit
        self._arrivals: deque[str] = deque()
        self._by_time: list[tuple[float, str]] = []

    def __len__(self) -> int:
        return len(self.docs)

    def __contains__(self, article: object) -> bool:
        return article in self.docs

    def doc(self, article: str) -> ClusterDoc:
        """The article as it was filed, its vector read back from its matrix row (the
        same float32 values: the graph keeps one copy of each vector, not two)."""
        vector = self._matrix[self._slot[article]].copy()
        return replace(self.docs[article], vector=vector)

    # --- arrivals ---
    def add(self, doc: ClusterDoc, score: bool = True) -> None:
        """File `doc`, link it as batch would, and score its new edges (if `score`)."""
        if doc.id in self.docs:
            return
        slot = self._allocate(doc)
        self._used[slot] = False
        live = np.flatnonzero(self._used[: len(self._ids)])
        self._used[slot] = True
        changed: set[tuple[str, str]] = set()
        if len(live):
            sims = self._matrix[live] @ self._matrix[slot]
            if doc.time is not None:  # neighbours within the window, as batch seeks them
                window = self.settings.cluster_window_hours * 3600
                with np.errstate(invalid="ignore"):
                    sims[np.abs(self._times[live] - doc.time) > window] = -np.inf
            self._nearest(doc.id, live, sims)
            changed.update((doc.id, x) for x in self._near[doc.id])
            changed.update(self._enter_lists(doc.id, live, sims))
        else:
            self._near[doc.id] = {}
        changed.update(self._file_keys(doc))
        changed.update(self._file_frame(doc))
        todo = sorted(changed)
        prefetch = getattr(self.pair_score, "prefetch", None) if score else None
        if prefetch is not None:
            # The edges `_update` is about to add, scored in one batch (`_update` of
            # one pair changes no other pair's link).
            prefetch([(a, b) for a, b in todo if self._adds(a, b)])
        for a, b in todo:
            self._update(a, b, score)
        self.touched.add(doc.id)

    def _allocate(self, doc: ClusterDoc) -> int:
        slot = self._free.pop() if self._free else len(self._ids)
        if slot == len(self._ids):
            self._ids.append(None)
            if slot >= len(self._matrix):
                grown = np.zeros((2 * len(self._matrix), self._dim), dtype=np.float32)
                grown[: len(self._matrix)] = self._matrix
                self._matrix = grown
                kth = np.full(len(grown), -np.inf, dtype=np.float32)
                kth[: len(self._kth)] = self._kth
                self._kth = kth
                self._used = np.concatenate([self._used, np.zeros(len(self._used), bool)])
                self._times = np.concatenate([self._times, np.full(len(self._times), np.nan)])
        self._ids[slot] = doc.id
        self._slot[doc.id] = slot
        self._matrix[slot] = doc.vector
        self._kth[slot] = -np.inf
        self._used[slot] = True
        self._times[slot] = np.nan if doc.time is None else doc.time
        self._held[doc.id] = set()
        self.docs[doc.id] = replace(doc, vector=_NO_VECTOR)
        self.adj[doc.id] = {}
        self._arrivals.append(doc.id)
        if doc.time is not None:
            heapq.heappush(self._by_time, (doc.time, doc.id))
        return slot

    def _nearest(self, article: str, live: np.ndarray, sims: np.ndarray) -> None:
        k = min(self.k, len(live))
        top = np.argpartition(-sims, k - 1)[:k] if k < len(live) else np.arange(len(live))
        near = {self._id(int(live[t])): float(sims[t]) for t in top.tolist() if sims[t] > -np.inf}
        self._near[article] = near
        for other in near:
            self._held[other].add(article)
        if len(near) >= self.k:
            self._kth[self._slot[article]] = min(near.values())

    def _enter_lists(
        self, article: str, live: np.ndarray, sims: np.ndarray
    ) -> Iterator[tuple[str, str]]:
        """Put `article` on the lists of the articles it is now among the nearest of."""
        for t in np.flatnonzero(sims > self._kth[live]).tolist():
            other = self._id(int(live[t]))
            near = self._near[other]
            near[article] = float(sims[t])
            self._held[article].add(other)
            yield other, article
            if len(near) > self.k:
                out = min(near, key=lambda x: (near[x], x))
                del near[out]
                self._held[out].discard(other)
                yield other, out
            if len(near) >= self.k:
                self._kth[live[t]] = min(near.values())

    def _file_keys(self, doc: ClusterDoc) -> Iterator[tuple[str, str]]:
        counts: Counter[str] = Counter()
        for key in sorted(doc.keys):
            if key in self._ubiquitous:
                self._ubiquitous[key] += 1
                continue
            posting = self._postings.setdefault(key, [])
            if len(posting) + 1 > self.key_limit:
                # the key is now ubiquitous: the pairs it linked may lose their edge
                del self._postings[key]
                self._ubiquitous[key] = len(posting) + 1
                yield from (
                    (a, b)
                    for i, a in enumerate(posting)
                    for b in posting[i + 1 :]
                    if b in self.adj[a]
                )
                continue
            counts.update(posting)
            posting.append(doc.id)
        need = self.settings.cluster_key_candidates
        yield from ((doc.id, other) for other, n in counts.items() if n >= need)

    def _file_frame(self, doc: ClusterDoc) -> Iterator[tuple[str, str]]:
        if not doc.frame:
            return
        if doc.frame in self._frames_past:
            self._frames_past[doc.frame] += 1
            return
        posting = self._frames.setdefault(doc.frame, [])
        if len(posting) + 1 > self.settings.cluster_frame_limit:
            # past the limit: the pairs the frame linked may lose their edge, as in batch
            del self._frames[doc.frame]
            self._frames_past[doc.frame] = len(posting) + 1
            yield from ((a, b) for i, a in enumerate(posting) for b in posting[i + 1 :])
            return
        yield from ((doc.id, other) for other in posting)
        posting.append(doc.id)

    def _same_frame(self, a: str, b: str) -> bool:
        frame = self.docs[a].frame
        return bool(frame) and frame == self.docs[b].frame and frame in self._frames

    # --- edges ---
    def _shared_keys(self, a: str, b: str) -> int:
        shared = self.docs[a].keys & self.docs[b].keys
        return sum(1 for key in shared if key not in self._ubiquitous)

    def _linked(self, a: str, b: str) -> bool:
        s = self.settings
        da, db = self.docs[a], self.docs[b]
        if not within_window(da.time, db.time, s.cluster_window_hours):
            return False
        near = (b in self._near[a] and self._near[a][b] >= s.cluster_min_cosine) or (
            a in self._near[b] and self._near[b][a] >= s.cluster_min_cosine
        )
        return near or self._shared_keys(a, b) >= s.cluster_key_candidates or self._same_frame(a, b)

    def _adds(self, a: str, b: str) -> bool:
        return (
            a != b and a in self.docs and b in self.docs
            and b not in self.adj[a] and self._linked(a, b)
        )  # fmt: skip

    def _update(self, a: str, b: str, score: bool) -> None:
        if a == b or a not in self.docs or b not in self.docs:
            return
        linked, present = self._linked(a, b), b in self.adj[a]
        if linked == present:
            return
        if linked:
            w = self.pair_score(a, b) if score else None
            self.adj[a][b] = self.adj[b][a] = w
        else:
            del self.adj[a][b], self.adj[b][a]
        self.touched.update((a, b))

    def weight(self, a: str, b: str) -> float:
        """The pair score of an edge, scored now if a replay left it pending."""
        w = self.adj[a][b]
        if w is None:
            w = self.adj[a][b] = self.adj[b][a] = self.pair_score(a, b)
        return w

    # --- departures ---
    def evict(self, now: float | None) -> None:
        """Drop the articles past the retirement horizon of `now`, then beyond the cap."""
        s = self.settings
        if now is not None:
            horizon = now - max(s.cluster_retire_hours, s.cluster_window_hours) * 3600
            while self._by_time and self._by_time[0][0] < horizon:
                self._remove(heapq.heappop(self._by_time)[1])
        while len(self.docs) > s.cluster_graph_articles and self._arrivals:
            self._remove(self._arrivals.popleft())

    def _remove(self, article: str) -> None:
        doc = self.docs.pop(article, None)
        if doc is None:
            return  # left already (by the cap or by time)
        for other in self.adj.pop(article):
            del self.adj[other][article]
        for other in self._held.pop(article):
            del self._near[other][article]  # not refilled: see the module docstring
            self._kth[self._slot[other]] = -np.inf  # the list has room again
        for other in self._near.pop(article):
            self._held[other].discard(article)
        for key in doc.keys:
            if key in self._ubiquitous:
                self._ubiquitous[key] -= 1
                if self._ubiquitous[key] <= 0:
                    del self._ubiquitous[key]
            elif (posting := self._postings.get(key)) is not None:
                posting.remove(article)
                if not posting:
                    del self._postings[key]
        if doc.frame in self._frames_past:
            self._frames_past[doc.frame] -= 1
            if self._frames_past[doc.frame] <= 0:
                del self._frames_past[doc.frame]
        elif (members := self._frames.get(doc.frame)) is not None:
            members.remove(article)
            if not members:
                del self._frames[doc.frame]
        slot = self._slot.pop(article)
        self._ids[slot] = None
        self._used[slot] = False
        self._kth[slot] = -np.inf
        self._free.append(slot)
        self.touched.discard(article)
        forget = getattr(self.pair_score, "forget", None)
        if forget is not None:  # no edge to it can appear again: its analysis can go
            forget(article)

    def _id(self, slot: int) -> str:
        article = self._ids[slot]
        assert article is not None
        return article
