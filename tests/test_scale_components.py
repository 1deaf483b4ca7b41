"""Connected components for the Spark job: union-find per partition, then on the driver."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

import numpy as np

from samestory.scale.components import Labels, local_forest, min_labels


def _reference(pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Smallest member of each article's component, by search over the adjacency."""
    adjacent: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        adjacent[a].add(b)
        adjacent[b].add(a)
    label: dict[int, int] = {}
    for start in sorted(adjacent):
        if start in label:
            continue
        label[start] = start
        stack = [start]
        while stack:
            for y in adjacent[stack.pop()]:
                if y not in label:
                    label[y] = start
                    stack.append(y)
    return label


def _graph(seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    pairs = [(rng.randrange(3000), rng.randrange(3000)) for _ in range(2500)]
    chain = list(range(10_000, 14_000))  # one long chain: 3,999 rounds of label propagation
    rng.shuffle(chain)
    pairs += list(itertools.pairwise(chain))
    pairs = [(a, b) for a, b in pairs if a != b]
    rng.shuffle(pairs)
    return pairs


def _labels(pairs: list[tuple[int, int]], partitions: int) -> tuple[Labels, int]:
    forests = [f for i in range(partitions) for f in local_forest(pairs[i::partitions])]
    return Labels.from_forests(forests)


def test_labels_are_the_smallest_article_of_each_component() -> None:
    pairs = _graph(1)
    want = _reference(pairs)
    labels, rounds = _labels(pairs, 7)
    assert len(labels) == len(want)
    assert {a: labels.get(a) for a in want} == want
    assert labels.get(10_000) == 10_000 and labels.get(13_999) == 10_000
    assert rounds < 40  # hook-and-jump: logarithmic, not the chain's length
    assert labels.get(5_000) is None and labels.get(-1) is None  # in no pair: no label


def test_labels_do_not_depend_on_partitioning_or_order() -> None:
    pairs = _graph(2)
    one, _ = _labels(pairs, 1)
    for partitions in (2, 5, 64):
        shuffled = pairs[::-1]
        got, _ = _labels(shuffled, partitions)
        assert np.array_equal(got.nodes, one.nodes)
        assert np.array_equal(got.labels, one.labels)


def test_a_partition_forest_keeps_one_edge_per_article_and_its_connections() -> None:
    pairs = [(5, 9), (9, 7), (7, 5), (5, 7), (2, 3), (3, 8), (8, 2), (9, 1)]
    (forest,) = local_forest(pairs)
    # Seven articles in two components: 7 - 2 edges, each to its component's smallest.
    assert sorted(map(tuple, forest.tolist())) == [(3, 2), (5, 1), (7, 1), (8, 2), (9, 1)]
    assert list(local_forest([])) == []
    nodes, labels, rounds = min_labels(np.zeros((0, 2), dtype=np.int64))
    assert len(nodes) == len(labels) == rounds == 0


def test_analysis_partitions_grow_with_the_input_not_only_the_cores() -> None:
    from samestory.scale.stages import analysis_partitions
    from samestory.settings import Settings

    default = Settings()
    assert analysis_partitions(3_000, 2, default) == 8  # 4 per core: small inputs
    # 100k articles on 2 cores: 8 partitions held 12.5k analysed articles (~300 MB)
    # each and overflowed a 4 GB local-mode heap; the size cap spreads them.
    assert analysis_partitions(100_000, 2, default) == 100
    assert analysis_partitions(100_001, 2, default) == 101
    assert analysis_partitions(0, 2, default) == 8
    assert analysis_partitions(100_000, 2, default.with_(scale_partitions=6)) == 6
    assert analysis_partitions(5_000, 2, default.with_(scale_partition_articles=500)) == 10
    assert analysis_partitions(100_000, 2, default.with_(scale_partition_articles=0)) == 8
