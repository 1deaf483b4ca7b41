"""Batch clustering of a whole collection, and reconciling its result with story ids.

Where the online clusterer must decide as articles arrive, a batch run sees them all:
average-linkage agglomeration over a sparse candidate graph (nearest neighbours by
the quick embedding, articles sharing entity keys, headlines sharing a title frame,
within the time window), each
edge weighted by the pair scorer. Missing edges count as probability 0, so chaining
through one loose pair is as hard as in dense average linkage.

`reconcile` maps the new clusters onto existing story ids (each old story keeps its
id where most of it went) and writes the difference as merged/split events.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from ..settings import DEFAULT_SETTINGS, Settings
from .doc import ClusterDoc
from .events import PairScoreFn, StoryEvent, story_id_for

__all__ = ["average_linkage", "batch_cluster", "candidate_pairs", "frame_pairs", "reconcile"]

_PREFETCH = 256  # pairs scored per batch: bounded memory for their analyses and features


def candidate_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> list[tuple[int, int]]:
    """Index pairs worth scoring: vector neighbours and shared keys, inside the window."""
    n = len(docs)
    if n < 2:
        return []
    k = min(settings.cluster_batch_neighbours, n - 1)
    vectors = np.stack([d.vector for d in docs]).astype(np.float32)
    window = settings.cluster_window_hours * 3600
    times = np.array([np.nan if d.time is None else d.time for d in docs])
    pairs: set[tuple[int, int]] = set()
    for start in range(0, n, 1024):  # blocks keep the similarity matrix small
        sims = vectors[start : start + 1024] @ vectors.T
        # Neighbours are sought within the time window (as the blocks of a distributed
        # run are): a long story's articles then find each other, not older look-alikes.
        with np.errstate(invalid="ignore"):
            sims[np.abs(times[start : start + 1024, None] - times[None, :]) > window] = -np.inf
        for row, i in enumerate(range(start, min(n, start + 1024))):
            sims[row, i] = -np.inf
            top = np.argpartition(-sims[row], k - 1)[:k]
            for j in top.tolist():
                if sims[row, j] >= settings.cluster_min_cosine:
                    pairs.add((min(i, j), max(i, j)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for key in d.keys:
            postings[key].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) <= settings.cluster_batch_neighbours * 4:  # ubiquitous keys say little
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    shared[(members[x], members[y])] += 1
    pairs.update(p for p, c in shared.items() if c >= settings.cluster_key_candidates)
    pairs.update(frame_pairs(docs, settings))
    return sorted(p for p in pairs if _within(docs[p[0]].time, docs[p[1]].time, window))


def frame_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> set[tuple[int, int]]:
    """Index pairs of headlines in one title frame (`ClusterDoc.frame`), for frames held
    by at most `cluster_frame_limit` articles: a series is scored whole, where nearest
    neighbours alone leave average linkage too few of its pairs to join it."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        if d.frame:
            postings[d.frame].append(i)
    return {
        (m[x], m[y])
        for m in postings.values()
        if len(m) <= settings.cluster_frame_limit
        for x in range(len(m))
        for y in range(x + 1, len(m))
    }


def _within(a: float | None, b: float | None, window: float) -> bool:
    return a is None or b is None or abs(a - b) <= window


def average_linkage(
    n: int, weights: Mapping[tuple[int, int], float], threshold: float
) -> list[int]:
    """Cluster labels by average linkage on a sparse graph (absent edges weigh 0)."""
    size = [1] * n
    links: list[dict[int, float]] = [{} for _ in range(n)]  # summed weights between clusters
    for (i, j), w in weights.items():
        links[i][j] = links[i].get(j, 0.0) + w
        links[j][i] = links[j].get(i, 0.0) + w
    alive = [True] * n
    heap = [(-w, i, j) for (i, j), w in weights.items() if w >= threshold]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]):
            continue
        avg = links[i].get(j, 0.0) / (size[i] * size[j])
        if abs(avg + neg) > 1e-12:  # stale entry: re-queue with the current average
            if avg >= threshold:
                heapq.heappush(heap, (-avg, i, j))
            continue
        # merge j into i
        alive[j] = False
        parent[j] = i
        size[i] += size[j]
        for other, w in links[j].items():
            if other == i or not alive[other]:
                continue
            links[i][other] = links[i].get(other, 0.0) + w
            links[other][i] = links[i][other]
            links[other].pop(j, None)
        links[i].pop(j, None)
        links[j] = {}
        for other, w in links[i].items():
            a = w / (size[i] * size[other])
            if a >= threshold:
                heapq.heappush(heap, (-a, min(i, other), max(i, other)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return [root(i) for i in range(n)]


def batch_cluster(
    docs: Sequence[ClusterDoc], pair_score: PairScoreFn, settings: Settings = DEFAULT_SETTINGS
) -> dict[str, list[str]]:
    """story id -> member article ids (in input order) for a whole collection."""
    pairs = candidate_pairs(docs, settings)
    prefetch = getattr(pair_score, "prefetch", None)
    weights: dict[tuple[int, int], float] = {}
    for at in range(0, len(pairs), _PREFETCH):
        chunk = pairs[at : at + _PREFETCH]
        if prefetch is not None:  # a chunk at a time through the models (AnalysisPairScorer)
            prefetch([(docs[i].id, docs[j].id) for i, j in chunk])
        weights.update(((i, j), pair_score(docs[i].id, docs[j].id)) for i, j in chunk)
    labels = average_linkage(len(docs), weights, settings.cluster_batch_threshold)
    groups: dict[int, list[str]] = defaultdict(list)
    for doc, label in zip(docs, labels, strict=True):
        groups[label].append(doc.id)
    return {story_id_for(m[0]): m for m in groups.values()}


def reconcile(
    old: Mapping[str, str], new: Mapping[str, list[str]]
) -> tuple[dict[str, str], list[StoryEvent]]:
    """Give new clusters the ids of the old stories they continue; events for the rest.

    Returns (article -> final story id, events). An old story keeps its id on the
    new cluster holding most of its articles (ties: the earlier cluster); articles that
    left it are `split` off, and an old story that kept no cluster is `merged` into
    the one holding most of it.
    """
    overlap: dict[str, Counter[str]] = defaultdict(Counter)  # old id -> new key -> count
    for key, members in new.items():
        for a in members:
            if a in old:
                overlap[old[a]][key] += 1
    claims: dict[str, str] = {}  # new key -> old id
    for old_id in sorted(overlap, key=lambda o: (-sum(overlap[o].values()), o)):
        for key, _ in sorted(overlap[old_id].items(), key=lambda kv: (-kv[1], kv[0])):
            if key not in claims:
                claims[key] = old_id
                break
    final = {key: claims.get(key, key) for key in new}
    assignment = {a: final[key] for key, members in new.items() for a in members}
    events: list[StoryEvent] = []
    kept = set(final.values())
    for old_id in sorted(overlap):
        moved = sorted(a for a, o in old.items() if o == old_id and assignment.get(a, o) != o)
        if old_id in kept:
            events.extend(StoryEvent("split", old_id, a, other=assignment[a]) for a in moved)
            continue
        target = Counter(assignment[a] for a in moved).most_common(1)[0][0]
        events.extend(
            StoryEvent("split", old_id, a, other=assignment[a])
            for a in moved
            if assignment[a] != target
        )
        events.append(StoryEvent("merged", target, other=old_id))
    return assignment, events
