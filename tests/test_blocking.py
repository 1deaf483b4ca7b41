"""Blocking for clustering at scale: pure functions, no Spark needed."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from samestory.cluster.batch import average_linkage, candidate_pairs
from samestory.cluster.blocking import (
    ANY_TIME,
    blocked_pairs,
    expand_any_time,
    hyperplanes,
    key_pairs,
    lsh_signatures,
    time_buckets,
    within_window,
)
from samestory.cluster.doc import ClusterDoc
from samestory.scale.stages import form_stories, order_key
from samestory.settings import Settings

S = Settings()
HOUR = 3600.0


def _docs(n_stories: int = 30, per: int = 5, dim: int = 64, seed: int = 1) -> list[ClusterDoc]:
    """Stories as noisy copies of a centre vector, spread over ten days."""
    rng = np.random.default_rng(seed)
    docs = []
    for s in range(n_stories):
        centre = rng.standard_normal(dim)
        t0 = s * 8 * HOUR
        for k in range(per):
            v = centre + 0.6 * rng.standard_normal(dim)
            keys = frozenset({f"e{s}", f"p{s}"}) if k % 2 == 0 else frozenset()
            docs.append(
                ClusterDoc(
                    id=f"{s:03d}-{k}",
                    vector=(v / np.linalg.norm(v)).astype(np.float32),
                    keys=keys,
                    time=t0 + k * HOUR,
                )
            )
    return docs


def test_articles_within_the_window_share_a_time_bucket() -> None:
    rng = np.random.default_rng(0)
    for _ in range(2000):
        a, b = rng.uniform(0, 1e7, 2)
        close = within_window(a, b, S.cluster_window_hours)
        shared = set(time_buckets(a, S.cluster_window_hours)) & set(
            time_buckets(b, S.cluster_window_hours)
        )
        if close:
            assert shared
    assert time_buckets(None, 96) == (ANY_TIME,)
    assert expand_any_time([f"v{ANY_TIME}:0:5", "v3:0:5"], [3, 4]) == ["v3:0:5", "v4:0:5", "v3:0:5"]


def test_lsh_is_deterministic_and_near_vectors_collide() -> None:
    planes = hyperplanes(64, 20, 6, seed=0)
    assert np.array_equal(planes, hyperplanes(64, 20, 6, seed=0))
    rng = np.random.default_rng(3)
    v = rng.standard_normal(64).astype(np.float32)
    near = v + 0.2 * rng.standard_normal(64).astype(np.float32)
    far = rng.standard_normal(64).astype(np.float32)
    same_near = sum(
        x == y for x, y in zip(lsh_signatures(v, planes), lsh_signatures(near, planes), strict=True)
    )
    same_far = sum(
        x == y for x, y in zip(lsh_signatures(v, planes), lsh_signatures(far, planes), strict=True)
    )
    assert same_near > same_far
    assert lsh_signatures(np.zeros(64, dtype=np.float32), planes) == []


def test_key_pairs_skip_ubiquitous_keys_and_the_window() -> None:
    docs = [ClusterDoc(f"d{i}", np.zeros(0), frozenset({"x"}), i * 50 * HOUR) for i in range(3)]
    assert key_pairs(docs, S) == [("d0", "d1"), ("d1", "d2")]  # d0-d2: 100 h apart
    crowd = [ClusterDoc(f"c{i}", np.zeros(0), frozenset({"x"}), 0.0) for i in range(41)]
    assert key_pairs(crowd, S) == []


def test_blocked_pairs_find_what_one_machine_candidates_find() -> None:
    docs = _docs()
    planes = hyperplanes(64, S.scale_lsh_tables, S.scale_lsh_bits, S.scale_lsh_seed)
    blocked = set(blocked_pairs(docs, S, planes))
    one = {(docs[i].id, docs[j].id) for i, j in candidate_pairs(docs, S)}
    one = {(min(p), max(p)) for p in one}
    same_story = {p for p in one if p[0][:3] == p[1][:3]}
    assert same_story, "the synthetic stories give candidate pairs"
    recall = len(same_story & blocked) / len(same_story)
    assert recall >= 0.97, recall
    assert len(blocked) <= 2 * len(one)  # blocking must not explode the work


def test_components_split_exactly_as_global_average_linkage() -> None:
    rng = np.random.default_rng(5)
    n = 40
    ids = [f"a{i:02d}" for i in range(n)]
    weights = {
        (i, j): float(rng.uniform(0.3, 1.0))
        for i, j in itertools.combinations(range(n), 2)
        if rng.uniform() < 0.12
    }
    threshold = 0.7
    global_labels = average_linkage(n, weights, threshold)
    # Components over pairs at or above the threshold, each clustered on its own.
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for (i, j), w in weights.items():
        if w >= threshold:
            parent[root(i)] = root(j)
    comps: dict[int, list[int]] = {}
    for i in range(n):
        comps.setdefault(root(i), []).append(i)
    got: dict[str, str] = {}
    for members in comps.values():
        inside = set(members)
        edges = [
            (ids[i], ids[j], w) for (i, j), w in weights.items() if i in inside and j in inside
        ]
        rows = form_stories(
            [(order_key(float(i), ids[i]), ids[i]) for i in members], edges, threshold
        )
        got.update({a: story for a, story, _, _ in rows})
    expected: dict[int, list[int]] = {}
    for i, label in enumerate(global_labels):
        expected.setdefault(label, []).append(i)
    want = {ids[i]: "s" + ids[min(g)] for g in expected.values() for i in g}
    assert got == want


def test_the_spark_candidate_steps_give_the_blocked_pairs() -> None:
    """graph's block -> links -> candidates steps, shuffles done with dicts here."""
    pytest.importorskip("pyspark")
    from samestory.scale import graph

    docs = _docs()
    docs.append(ClusterDoc("zz-untimed", docs[0].vector, docs[0].keys, None))
    planes = hyperplanes(64, S.scale_lsh_tables, S.scale_lsh_bits, S.scale_lsh_seed)
    known = sorted({b for d in docs for b in time_buckets(d.time, S.cluster_window_hours)})
    blocks: dict[str, list[ClusterDoc]] = {}
    for d in docs:
        for key, light in graph._blocks(d, planes, known, S):
            blocks.setdefault(key, []).append(light)
    links: dict[str, list[tuple[str, float | str]]] = {}
    for key, members in blocks.items():
        for a, link in graph._block_links(key, members[::-1], S):
            links.setdefault(a, []).append(link)
    got = {p for a, found in links.items() for p in graph._candidates_of(a, found, S)}
    want = set(blocked_pairs(docs, S, planes))
    assert any(a.startswith("zz") or b.startswith("zz") for a, b in want)
    assert got == want
