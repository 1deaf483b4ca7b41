"""Blocking for clustering at scale: which pairs of articles are worth scoring.

Batch clustering on one machine compares every article's quick embedding with every
other one (`batch.candidate_pairs`). Over millions of articles that is out of reach,
so a distributed run first puts each article into *blocks* and only compares
articles that share one:

- time: the axis is cut into buckets of `cluster_window_hours`; an article lies in
  its own bucket and the next one, so any two articles within the window share a
  bucket (their buckets differ by at most one);
- vectors: random-hyperplane LSH (SimHash) of the quick embedding, `tables`
  independent signatures of `bits` bits each; two vectors at cosine c agree on one
  bit with probability 1 - arccos(c)/pi, so near neighbours share a table's bucket
  with high probability while unrelated articles rarely do;
- names: every linked entity/place key, per time bucket (the cross-lingual safety net
  of the batch clusterer: pairs sharing `cluster_key_candidates` keys are scored);
- title frames: every headline of one frame (`ClusterDoc.frame`) with every other
  within the window, over the whole collection as `batch.frame_pairs` does, while the
  frame is held by at most `cluster_frame_limit` articles (`frame_pairs`).

Inside a vector block each article keeps its nearest neighbours by cosine (at least
`cluster_min_cosine`); the caller merges the lists of all its blocks and keeps the
overall `cluster_batch_neighbours` best, as `candidate_pairs` does globally.

Everything here is pure numpy over `ClusterDoc`s, so the same functions run inside
executors of a distributed engine and in tests; `blocked_pairs` runs the whole
scheme in memory for comparison with `candidate_pairs`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from ..settings import Settings
from .doc import ClusterDoc

__all__ = [
    "ANY_TIME",
    "block_keys",
    "blocked_pairs",
    "distinct_docs",
    "expand_any_time",
    "frame_pairs",
    "hyperplanes",
    "key_pairs",
    "lsh_signatures",
    "neighbour_pairs",
    "time_buckets",
    "top_neighbours",
    "within_window",
]

# Articles with no publication time may pair with any other (as in batch clustering);
# the caller expands this marker into every time bucket present in the data.
ANY_TIME = -(2**62)


def time_buckets(time: float | None, window_hours: float) -> tuple[int, ...]:
    """The time buckets an article belongs to: its own and the next one."""
    if time is None:
        return (ANY_TIME,)
    width = max(window_hours, 1e-9) * 3600.0
    b = math.floor(time / width)
    return (b, b + 1)


def within_window(a: float | None, b: float | None, window_hours: float) -> bool:
    return a is None or b is None or abs(a - b) <= window_hours * 3600.0


def hyperplanes(dim: int, tables: int, bits: int, seed: int = 0) -> np.ndarray:
    """(tables, bits, dim) Gaussian hyperplanes; a fixed seed makes every executor agree."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal((tables, bits, dim)).astype(np.float32)


def lsh_signatures(vector: np.ndarray, planes: np.ndarray) -> list[int]:
    """One SimHash bucket number per table; [] for a zero vector (no embedding)."""
    v = np.asarray(vector, dtype=np.float32)
    if v.shape[-1] != planes.shape[-1] or not np.any(v):
        return []
    signs = (planes @ v) >= 0  # (tables, bits)
    weights = 1 << np.arange(planes.shape[1], dtype=np.int64)
    return [int(x) for x in (signs.astype(np.int64) * weights).sum(axis=1)]


def block_keys(
    doc: ClusterDoc, planes: np.ndarray, settings: Settings
) -> tuple[list[str], list[str]]:
    """(vector block keys, name block keys) of one article.

    Name blocks exclude nothing here; ubiquitous keys are dropped by `key_pairs`
    once the size of the block is known.
    """
    buckets = time_buckets(doc.time, settings.cluster_window_hours)
    sigs = lsh_signatures(doc.vector, planes)
    vector = [f"v{b}:{t}:{s}" for b in buckets for t, s in enumerate(sigs)]
    names = [f"k{b}:{k}" for b in buckets for k in sorted(doc.keys)]
    return vector, names


def neighbour_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> list[tuple[str, str, float]]:
    """(id, neighbour id, cosine) for each article's nearest neighbours inside one block.

    Directed: each article lists its own best `cluster_batch_neighbours` of the
    block at cosine >= `cluster_min_cosine`. Neighbours outside the time window keep
    their rank but come as -cosine - 2 (`top_neighbours` ranks, then drops them): the
    order batch clustering applies the two rules in.
    """
    n = len(docs)
    if n < 2:
        return []
    k = min(settings.cluster_batch_neighbours, n - 1)
    vectors = np.stack([d.vector for d in docs]).astype(np.float32)
    times = np.array([np.nan if d.time is None else d.time for d in docs], dtype=np.float64)
    window = settings.cluster_window_hours * 3600.0
    out: list[tuple[str, str, float]] = []
    for start in range(0, n, 1024):  # blocks keep the similarity matrix small
        stop = min(n, start + 1024)
        sims = vectors[start:stop] @ vectors.T
        far = np.abs(times[start:stop, None] - times[None, :]) > window  # NaN: never far
        for row, i in enumerate(range(start, stop)):
            sims[row, i] = -np.inf
            top = np.argpartition(-sims[row], k - 1)[:k]
            for j in top.tolist():
                s = float(sims[row, j])
                if s >= settings.cluster_min_cosine:
                    # Out of the window: kept (negated) so that it still takes its
                    # place in the ranking, as in batch clustering, then dropped.
                    out.append((docs[i].id, docs[j].id, -s - 2.0 if far[row, j] else s))
    return out


def top_neighbours(
    candidates: Iterable[tuple[str, float]], settings: Settings
) -> list[tuple[str, float]]:
    """An article's overall nearest neighbours (in the window) from all its blocks' lists."""
    best: dict[str, float] = {}
    for other, sim in candidates:
        best[other] = max(_cosine(sim), best.get(other, -math.inf))
    far = {other for other, sim in candidates if sim < -1.5}
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    return [kv for kv in ranked[: settings.cluster_batch_neighbours] if kv[0] not in far]


def _cosine(value: float) -> float:
    """The cosine behind a `neighbour_pairs` value (out-of-window ones are encoded)."""
    return -value - 2.0 if value < -1.5 else value


def key_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> list[tuple[str, str]]:
    """Pairs (smaller id, larger id) inside one name block, within the time window.

    A key shared by more than 4 x `cluster_batch_neighbours` articles of the block
    says little (a country in every article of the day) and gives no pairs, as in
    batch clustering. The caller counts distinct shared keys per pair.
    """
    if len(docs) < 2 or len(docs) > settings.cluster_batch_neighbours * 4:
        return []
    return _window_pairs(docs, settings)


def frame_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> list[tuple[str, str]]:
    """Pairs (smaller id, larger id) of the articles holding one title frame, in the window.

    `docs` are all the articles of the collection that hold the frame, each once
    (`distinct_docs`): past `cluster_frame_limit` of them the frame links nothing, as in
    batch clustering, so the count is over the whole collection, not a time bucket.
    """
    if len(docs) < 2 or len(docs) > settings.cluster_frame_limit:
        return []
    return _window_pairs(docs, settings)


def _window_pairs(docs: Sequence[ClusterDoc], settings: Settings) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for x in range(len(docs)):
        for y in range(x + 1, len(docs)):
            a, b = docs[x], docs[y]
            if a.id != b.id and within_window(a.time, b.time, settings.cluster_window_hours):
                out.append((a.id, b.id) if a.id < b.id else (b.id, a.id))
    return out


def blocked_pairs(
    docs: Sequence[ClusterDoc], settings: Settings, planes: np.ndarray
) -> list[tuple[str, str]]:
    """The whole blocking scheme in memory: sorted candidate id pairs.

    The distributed job does the same steps with shuffles between them.
    """
    known = sorted({b for d in docs for b in time_buckets(d.time, settings.cluster_window_hours)})
    vblocks: dict[str, list[ClusterDoc]] = defaultdict(list)
    kblocks: dict[tuple[str, str], list[ClusterDoc]] = defaultdict(list)
    for d in docs:
        vkeys, nkeys = block_keys(d, planes, settings)
        for key in expand_any_time(vkeys, known):
            vblocks[key].append(d)
        for key in expand_any_time(nkeys, known):
            kblocks[(key, key.split(":", 1)[1])].append(d)
    lists: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for members in vblocks.values():
        for a, b, s in neighbour_pairs(distinct_docs(members), settings):
            lists[a].append((b, s))
    pairs: set[tuple[str, str]] = set()
    for a, cands in lists.items():
        for b, _ in top_neighbours(cands, settings):
            pairs.add((a, b) if a < b else (b, a))
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (_, name), members in kblocks.items():
        for p in key_pairs(distinct_docs(members), settings):
            shared[p].add(name)
    pairs.update(p for p, names in shared.items() if len(names) >= settings.cluster_key_candidates)
    frames: dict[str, list[ClusterDoc]] = defaultdict(list)
    for d in docs:
        if d.frame:
            frames[d.frame].append(d)
    for members in frames.values():
        pairs.update(frame_pairs(distinct_docs(members), settings))
    return sorted(pairs)


def expand_any_time(keys: Iterable[str], buckets: Sequence[int]) -> list[str]:
    """Block keys with the `ANY_TIME` bucket replaced by every known bucket."""
    marker = f"{ANY_TIME}:"
    out: list[str] = []
    for key in keys:
        kind, rest = key[0], key[1:]
        if rest.startswith(marker):
            tail = rest[len(marker) :]
            out.extend(f"{kind}{b}:{tail}" for b in buckets if b != ANY_TIME)
            if not any(b != ANY_TIME for b in buckets):
                out.append(key)
        else:
            out.append(key)
    return out


def distinct_docs(docs: Iterable[ClusterDoc]) -> list[ClusterDoc]:
    """Each article once, in a fixed order (by id), whatever order the shuffle gave."""
    seen: dict[str, ClusterDoc] = {}
    for d in docs:
        seen.setdefault(d.id, d)
    return [seen[k] for k in sorted(seen)]
