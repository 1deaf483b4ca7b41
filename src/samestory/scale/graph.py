"""The distributed graph stages: candidate pairs by blocking, scoring, components, stories.

Candidate pairs are those of one-machine batch clustering: vector and name blocks
(`cluster.blocking`), and the headlines of one title frame (`batch.frame_pairs`).

`docs` is (id, (seq, ClusterDoc)) and `analysed` (id, (seq, article, encoded row)),
hash-partitioned by id (`job` analyses them that way). Joins against `analysed` ask for
its partitioner, so Spark leaves the heavy rows where they are and moves only the
other, lighter side; with any other partitioning the results are the same, only
dearer. `n` is the number of shuffle partitions of the light stages.

Weighted edges are (a, b, probability, seq of a, seq of b) with a < b.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
from pyspark import StorageLevel

from ..cluster import blocking
from ..cluster.doc import ClusterDoc
from ..settings import Settings
from . import stages
from .components import Labels, local_forest

__all__ = ["candidates", "components", "frame_candidates", "score", "stories"]

_KEEP = StorageLevel.MEMORY_AND_DISK
_NO_VECTOR = np.zeros(0, dtype=np.float32)

Edge = tuple[str, str, float, int, int]


def _blocks(doc: ClusterDoc, planes: np.ndarray, known: list[int], settings: Settings) -> list:
    """(block key, doc) for every block of the article, each doc as light as its block allows.

    Vector blocks compare vectors and times; name blocks only ids and times. The
    keys themselves (tens per article) stay home: each copy would carry all of them.
    """
    vector_keys, name_keys = blocking.block_keys(doc, planes, settings)
    near = ClusterDoc(doc.id, doc.vector, frozenset(), doc.time)
    bare = ClusterDoc(doc.id, _NO_VECTOR, frozenset(), doc.time)
    return [(k, near) for k in blocking.expand_any_time(vector_keys, known)] + [
        (k, bare) for k in blocking.expand_any_time(name_keys, known)
    ]


def _block_links(key: str, members: Iterable[ClusterDoc], settings: Settings) -> list:
    """(article, (other, cosine or shared name)) from one block, keyed by the list's owner.

    Vector blocks give each article's nearest neighbours (directed, as
    `neighbour_pairs` does); name blocks give pairs (smaller id first) and the key.
    """
    docs = blocking.distinct_docs(members)
    if key.startswith("v"):
        return [(a, (b, s)) for a, b, s in blocking.neighbour_pairs(docs, settings)]
    name = key.split(":", 1)[1]
    return [(a, (b, name)) for a, b in blocking.key_pairs(docs, settings)]


def _candidates_of(a: str, links: Iterable[tuple[str, float | str]], settings: Settings) -> list:
    """Candidate pairs (smaller id, larger id) that one article's links give.

    Its overall nearest neighbours (`top_neighbours` over all its vector blocks), and
    the articles sharing at least `cluster_key_candidates` distinct keys with it (a key
    counts once whichever time buckets it came through). A near pair may come from
    both of its articles; the caller drops the copy.
    """
    near: list[tuple[str, float]] = []
    names: dict[str, set[str]] = defaultdict(set)
    for b, value in links:
        if isinstance(value, str):
            names[b].add(value)
        else:
            near.append((b, value))
    out = {(min(a, b), max(a, b)) for b, _ in blocking.top_neighbours(near, settings)}
    out.update((a, b) for b, got in names.items() if len(got) >= settings.cluster_key_candidates)
    return sorted(out)


Holders = list[tuple[str, float | None]] | None  # a frame's (id, time)s; None: past the limit


def _capped(holders: Holders, limit: int) -> Holders:
    """The frame's holders while there are at most `limit` of them, else None for good."""
    return None if holders is None or len(holders) > limit else holders


def _add_holder(holders: Holders, item: tuple[str, float | None], limit: int) -> Holders:
    if holders is None:
        return None
    holders.append(item)  # Spark lets a combiner change its first argument
    return _capped(holders, limit)


def _merge_holders(a: Holders, b: Holders, limit: int) -> Holders:
    return None if a is None or b is None else _capped(a + b, limit)


def _frame_links(frame: str, holders: Holders, settings: Settings) -> list[tuple[str, str]]:
    """(larger id, smaller id) of the frame's pairs within the window (`blocking.frame_pairs`)."""
    if holders is None:
        return []
    docs = blocking.distinct_docs(
        ClusterDoc(a, _NO_VECTOR, frozenset(), t, frame=frame) for a, t in holders
    )
    return [(b, a) for a, b in blocking.frame_pairs(docs, settings)]


def frame_candidates(docs: Any, settings: Settings, n: int) -> Any:
    """(larger id, smaller id) of every pair of headlines in one title frame.

    One shuffle of (frame, (id, time)). The frame limit counts the whole collection, as
    in batch; the combiner drops a frame's holders once they pass it, so a frame that
    every article of a year holds never gathers in one task.
    """
    limit = settings.cluster_frame_limit
    return (
        docs.flatMap(
            lambda kv: [(kv[1][1].frame, (kv[0], kv[1][1].time))] if kv[1][1].frame else []
        )
        .combineByKey(
            lambda item: _capped([item], limit),
            lambda acc, item: _add_holder(acc, item, limit),
            lambda a, b: _merge_holders(a, b, limit),
            n,
        )
        .flatMap(lambda kv: _frame_links(kv[0], kv[1], settings))
    )


def candidates(sc: Any, docs: Any, settings: Settings, n: int) -> Any:
    """(larger id, smaller id) of every candidate pair, each possibly twice.

    Two shuffles: blocks (vector and name blocks together), then each article's links;
    and one for the title frames (`frame_candidates`).
    """
    dim = int(docs.map(lambda kv: kv[1][1].vector.shape[-1]).max())
    planes = sc.broadcast(
        blocking.hyperplanes(
            dim, settings.scale_lsh_tables, settings.scale_lsh_bits, settings.scale_lsh_seed
        )
    )
    window = settings.cluster_window_hours
    known = sc.broadcast(
        sorted(
            docs.flatMap(lambda kv: blocking.time_buckets(kv[1][1].time, window))
            .filter(lambda b: b != blocking.ANY_TIME)
            .distinct()
            .collect()
        )
    )
    return (
        docs.flatMap(lambda kv: _blocks(kv[1][1], planes.value, known.value, settings))
        .groupByKey(n)
        .flatMap(lambda kv: _block_links(kv[0], kv[1], settings))
        .groupByKey(n)
        .flatMap(lambda kv: [(b, a) for a, b in _candidates_of(kv[0], kv[1], settings)])
        .union(frame_candidates(docs, settings, n))
    )


def score(sc: Any, docs: Any, analysed: Any, settings: Settings, n: int) -> Any:
    """Every candidate pair scored once: (a, b, probability, seq a, seq b), a < b.

    Each pair fetches its larger article's row, then meets its smaller article's row,
    which is decoded once for all its pairs. Only the fetched rows travel: `analysed`
    stays put when it is partitioned as the joins ask (see the module doc). Each
    Python worker keeps the analyses it decoded for the tasks it runs next.
    """
    if docs.isEmpty():
        return sc.emptyRDD()
    parts = analysed.getNumPartitions()
    run = uuid.uuid4().hex
    fetched = (
        candidates(sc, docs, settings, n)
        .partitionBy(parts)
        .cogroup(analysed, parts)
        .flatMap(lambda kv: _fetch(kv[0], kv[1][0], kv[1][1]))
    )
    return (
        fetched.partitionBy(parts)
        .cogroup(analysed, parts)
        .mapPartitions(lambda it: stages.score_groups(it, settings, run))
    )


def _fetch(b: str, smaller: Iterable[str], rows: Iterable[Any]) -> list:
    """(a, (b, b's row)) once for each distinct a that pairs with b."""
    return [(a, (b, row)) for row in rows for a in sorted(set(smaller))]


def components(sc: Any, weights: Any, threshold: float) -> tuple[Any, int, int]:
    """(broadcast `Labels`, articles with a label, union-find rounds on the driver).

    One pass, no shuffle: union-find compresses every partition's strong pairs into
    a forest (one edge per article at most), the driver joins the forests.
    """
    forests = (
        weights.filter(lambda e: e[2] >= threshold)
        .map(lambda e: (e[3], e[4]))
        .mapPartitions(local_forest)
        .collect()
    )
    labels, rounds = Labels.from_forests(forests)
    return sc.broadcast(labels), len(labels), rounds


def stories(docs: Any, weights: Any, labels: Any, threshold: float, n: int) -> Any:
    """(article id, story id, score, story size) for every analysed article.

    Articles in no strong pair are stories of one, formed where they lie; the others
    meet their component's pairs in one shuffle, keyed by the broadcast label.
    """

    def member(kv: tuple[str, tuple[int, ClusterDoc]]) -> tuple[int | None, stages.Member]:
        a, (seq, doc) = kv
        return labels.value.get(seq), (stages.order_key(doc.time, a), a)

    def inside(e: Edge) -> list[tuple[int, tuple[str, str, float]]]:
        la = labels.value.get(e[3])
        return [(la, (e[0], e[1], e[2]))] if la is not None and la == labels.value.get(e[4]) else []

    members = docs.map(member)
    alone = members.filter(lambda t: t[0] is None).flatMap(
        lambda t: stages.form_stories([t[1]], (), threshold)
    )
    linked = (
        members.filter(lambda t: t[0] is not None)
        .cogroup(weights.flatMap(inside), n)
        .flatMap(lambda t: stages.form_stories(list(t[1][0]), list(t[1][1]), threshold))
    )
    return alone.union(linked)
