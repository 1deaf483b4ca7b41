"""The distributed graph stages: candidate pairs by blocking, scoring, components, stories.

`n` is the number of shuffle partitions every stage keeps (unions would otherwise
add their inputs' partitions up, round after round of label propagation).
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np
from pyspark import StorageLevel

from ..cluster import blocking
from ..cluster.doc import ClusterDoc
from ..settings import Settings
from . import stages

__all__ = ["components", "light", "score", "stories"]

_KEEP = StorageLevel.MEMORY_AND_DISK
_MAX_ROUNDS = 64  # label propagation rounds; components wider than this are a data smell


def light(doc: ClusterDoc) -> ClusterDoc:
    """The doc without its vector: name blocks need only id, keys and time."""
    return ClusterDoc(doc.id, np.zeros(0, dtype=np.float32), doc.keys, doc.time)


def score(sc: Any, docs: Any, items: Any, settings: Settings, n: int) -> Any:
    """((a, b), probability) for every candidate pair the blocks give."""
    if docs.isEmpty():
        return sc.emptyRDD()
    dim = int(docs.map(lambda kv: kv[1].vector.shape[-1]).max())
    planes = sc.broadcast(
        blocking.hyperplanes(
            dim, settings.scale_lsh_tables, settings.scale_lsh_bits, settings.scale_lsh_seed
        )
    )
    window = settings.cluster_window_hours
    known = sc.broadcast(
        sorted(
            docs.flatMap(lambda kv: blocking.time_buckets(kv[1].time, window))
            .filter(lambda b: b != blocking.ANY_TIME)
            .distinct()
            .collect()
        )
    )

    def vector_blocks(doc: ClusterDoc) -> list[tuple[str, ClusterDoc]]:
        keys = blocking.block_keys(doc, planes.value, settings)[0]
        return [(k, doc) for k in blocking.expand_any_time(keys, known.value)]

    def name_blocks(doc: ClusterDoc) -> list[tuple[str, ClusterDoc]]:
        keys = blocking.block_keys(doc, planes.value, settings)[1]
        bare = light(doc)
        return [(k, bare) for k in blocking.expand_any_time(keys, known.value)]

    near = (
        docs.values()
        .flatMap(vector_blocks)
        .groupByKey(n)
        .flatMap(lambda kv: blocking.neighbour_pairs(blocking.distinct_docs(kv[1]), settings))
        .map(lambda t: (t[0], (t[1], t[2])))
        .groupByKey(n)
        .flatMap(
            lambda kv: [
                (min(kv[0], b), max(kv[0], b)) for b, _ in blocking.top_neighbours(kv[1], settings)
            ]
        )
    )
    shared = (
        docs.values()
        .flatMap(name_blocks)
        .groupByKey(n)
        .flatMap(
            lambda kv: [
                (p, kv[0].split(":", 1)[1])
                for p in blocking.key_pairs(blocking.distinct_docs(kv[1]), settings)
            ]
        )
        .distinct(n)  # a key counts once per pair, whichever time buckets it came through
        .map(lambda t: (t[0], 1))
        .reduceByKey(operator.add, n)
        .filter(lambda t: t[1] >= settings.cluster_key_candidates)
        .keys()
    )
    candidates = near.union(shared).distinct(n)
    return (
        candidates.join(items, n)
        .map(lambda t: (t[1][0], (t[0], t[1][1])))
        .join(items, n)
        .map(lambda t: (t[1][0][0], t[0], t[1][0][1], t[1][1]))
        .mapPartitions(lambda it: stages.score_partition(it, settings))
    )


def components(weights: Any, threshold: float, n: int) -> tuple[Any, int]:
    """(article id, component label: its smallest id) for articles with a strong pair.

    Min-label propagation: each round, every article takes the smallest label among
    itself and its strong neighbours; it stops when no label changes.
    """
    strong = (
        weights.filter(lambda t: t[1] >= threshold)
        .keys()
        .flatMap(lambda p: [(p[0], p[1]), (p[1], p[0])])
        .persist(_KEEP)
    )
    labels = strong.keys().distinct(n).map(lambda a: (a, a)).persist(_KEEP)
    rounds = 0
    while rounds < _MAX_ROUNDS:
        rounds += 1
        new = (
            strong.join(labels, n)
            .map(lambda t: (t[1][0], t[1][1]))
            .union(labels)
            .reduceByKey(min, n)
            .persist(_KEEP)
        )
        changed = new.join(labels, n).filter(lambda t: t[1][0] != t[1][1]).count()
        labels.unpersist()
        labels = new
        if rounds % 8 == 0:
            labels.localCheckpoint()  # keeps the lineage short on long chains
        if not changed:
            break
    strong.unpersist()
    return labels, rounds


def stories(docs: Any, weights: Any, labels: Any, threshold: float, n: int) -> Any:
    """(article id, story id, score, story size) for every analysed article."""
    members = docs.leftOuterJoin(labels, n).map(
        lambda t: (t[1][1] or t[0], (stages.order_key(t[1][0].time, t[0]), t[0]))
    )
    edges = (
        weights.map(lambda t: (t[0][0], (t[0][1], t[1])))
        .join(labels, n)
        .map(lambda t: (t[1][0][0], (t[0], t[1][0][1], t[1][1])))
        .join(labels, n)
        .filter(lambda t: t[1][0][2] == t[1][1])
        .map(lambda t: (t[1][1], (t[1][0][0], t[0], t[1][0][1])))
    )
    return members.cogroup(edges, n).flatMap(
        lambda t: stages.form_stories(list(t[1][0]), list(t[1][1]), threshold)
    )
