"""The online and batch clusterers on synthetic streams with a known truth."""

from __future__ import annotations

import random

import numpy as np
import pytest

from samestory.cluster import ClusterDoc, OnlineClusterer, StoryEvent, bcubed, pairwise
from samestory.cluster.batch import average_linkage, batch_cluster, reconcile
from samestory.cluster.index import StoryIndex
from samestory.settings import Settings

DIM = 32


def _stream(n_stories: int = 12, per_story: int = 6, seed: int = 0, hours: float = 1.0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_stories, DIM))
    docs, gold = [], []
    for s in range(n_stories):
        for k in range(per_story):
            v = centres[s] + rng.normal(scale=0.35, size=DIM)
            v /= np.linalg.norm(v)
            docs.append(
                ClusterDoc(
                    id=f"d{s:02d}-{k}",
                    vector=v.astype(np.float32),
                    keys=frozenset({f"story{s}", f"noise{rng.integers(100)}"}),
                    time=float(s * hours * 3600 + k * 60),
                )
            )
            gold.append(s)
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    return [docs[i] for i in order], [gold[i] for i in order]


# The inverted-file index takes over after 20 articles here (72 in a stream), with 4 cells.
# Only the centroid join searches it (the regrouping clusterer finds its candidates in
# its window graph and keeps the index exact, without a training sample).
INVERTED = {
    "cluster_index_train": 20,
    "cluster_index_cells": 4,
    "cluster_index_probe": 2,
    "cluster_regroup": False,
}
BOTH_INDEXES = pytest.mark.parametrize("index", [{}, INVERTED], ids=["exact", "inverted"])


def _scorer(docs):
    by_id = {d.id: d for d in docs}

    def score(a: str, b: str) -> float:
        cos = float(by_id[a].vector @ by_id[b].vector)
        return 1 / (1 + np.exp(-12 * (cos - 0.45)))

    return score


@BOTH_INDEXES
def test_online_finds_the_stories_and_ids_are_first_articles(index):
    docs, gold = _stream()
    c = OnlineClusterer(_scorer(docs), Settings(cluster_merge_every=10, **index), dim=DIM)
    c.add_many(docs)
    c.settle()
    assert c._index.inverted == bool(index)
    pred = [c.assignment[d.id] for d in docs]
    assert bcubed(gold, pred)["f1"] > 0.95
    for sid, members in c.stories().items():
        assert sid == f"s{members[0]}"  # the story is named after its first article


@BOTH_INDEXES
def test_batching_does_not_change_decisions(index):
    docs, _ = _stream(seed=3)
    s = Settings(cluster_merge_every=7, **index)
    one = OnlineClusterer(_scorer(docs), s, dim=DIM)
    for d in docs:
        one.add(d)
    many = OnlineClusterer(_scorer(docs), s, dim=DIM)
    for i in range(0, len(docs), 13):
        many.add_many(docs[i : i + 13])
    assert one.assignment == many.assignment


@BOTH_INDEXES
def test_replay_rebuilds_the_exact_state(index):
    docs, _ = _stream(seed=5)
    s = Settings(cluster_merge_every=9, **index)
    live = OnlineClusterer(_scorer(docs), s, dim=DIM)
    log = live.add_many(docs[:40])
    by_id = {d.id: d for d in docs}
    resumed = OnlineClusterer(_scorer(docs), s, dim=DIM)
    resumed.replay((e, by_id.get(e.article or "")) for e in log)
    assert resumed.assignment == live.assignment
    assert resumed._index.inverted == live._index.inverted == bool(index)
    live.add_many(docs[40:])
    resumed.add_many(docs[40:])
    assert resumed.assignment == live.assignment


def test_time_window_keeps_distant_stories_apart():
    rng = np.random.default_rng(1)
    v = rng.normal(size=DIM).astype(np.float32)
    v /= np.linalg.norm(v)
    docs = [ClusterDoc(f"a{i}", v, frozenset(), time=i * 30 * 24 * 3600.0) for i in range(3)]
    c = OnlineClusterer(lambda a, b: 1.0, Settings(cluster_window_hours=48), dim=DIM)
    c.add_many(docs)
    assert len(set(c.assignment.values())) == 3  # same vector, a month apart each
    c2 = OnlineClusterer(lambda a, b: 1.0, Settings(cluster_window_hours=48 * 30), dim=DIM)
    c2.add_many(docs)
    assert len(set(c2.assignment.values())) == 1


def test_out_of_order_articles_still_meet_their_story():
    rng = np.random.default_rng(2)
    a, b = (rng.normal(size=DIM).astype(np.float32) for _ in range(2))
    a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
    day = 24 * 3600.0
    docs = [
        ClusterDoc("old1", a, frozenset(), time=0.0),
        ClusterDoc("new1", b, frozenset(), time=40 * day),
        ClusterDoc("old2", a, frozenset(), time=0.5 * day),  # late, but within old1's window
    ]
    score = _scorer(docs)
    c = OnlineClusterer(score, Settings(cluster_retire_hours=24 * 60), dim=DIM)
    c.add_many(docs)
    assert c.assignment["old2"] == c.assignment["old1"] != c.assignment["new1"]


def test_a_story_that_never_grew_retires_by_time():
    rng = np.random.default_rng(3)
    a, b = (rng.normal(size=DIM).astype(np.float32) for _ in range(2))
    day = 24 * 3600.0
    docs = [
        ClusterDoc("lone", a / np.linalg.norm(a), frozenset(), time=0.0),
        ClusterDoc("later", b / np.linalg.norm(b), frozenset(), time=30 * day),
    ]
    c = OnlineClusterer(_scorer(docs), Settings(cluster_retire_hours=24 * 10), dim=DIM)
    c.add_many(docs)
    assert c.active_ids() == [c.assignment["later"]]
    assert list(c.members[c.assignment["lone"]]) == ["lone"]  # retired, not lost


def test_active_set_is_capped():
    docs, _ = _stream(n_stories=30, per_story=2, seed=4)
    c = OnlineClusterer(_scorer(docs), Settings(cluster_max_active=5), dim=DIM)
    c.add_many(docs)
    assert c.active_count <= 5
    assert len(c.assignment) == len(docs)


def test_an_article_bridging_two_stories_merges_them():
    e = np.eye(DIM, dtype=np.float32)
    mid = (e[0] + e[1]) / np.linalg.norm(e[0] + e[1])
    docs = [
        ClusterDoc("x", e[0], frozenset(), None),
        ClusterDoc("y", e[1], frozenset(), None),
        ClusterDoc("z", mid, frozenset(), None),
    ]
    scores = {("x", "y"): 0.65, ("x", "z"): 0.9, ("y", "z"): 0.9}

    def score(a: str, b: str) -> float:
        return scores[tuple(sorted((a, b)))]  # type: ignore[index]

    c = OnlineClusterer(
        score,
        Settings(
            cluster_min_cosine=0.0,
            cluster_join_threshold=0.7,
            cluster_merge_threshold=0.6,
            cluster_regroup=False,  # the bridge is the centroid join's
        ),
        dim=DIM,
    )
    events = c.add_many(docs)
    assert [e.kind for e in events] == ["created", "created", "added", "merged"]
    assert set(c.assignment.values()) == {"sx"}  # the older story's id survives
    assert events[-1] == StoryEvent("merged", "sx", other="sy", score=0.775)  # mean of x-y and z-y


def test_average_linkage_resists_chaining():
    # a-b and b-c are strong, a-c absent: average linkage must not join all three
    # at a threshold above the average (0.9 + 0.9 + 0) / 3
    labels = average_linkage(3, {(0, 1): 0.9, (1, 2): 0.85}, threshold=0.7)
    assert labels[0] == labels[1] != labels[2]
    labels = average_linkage(3, {(0, 1): 0.9, (1, 2): 0.85, (0, 2): 0.8}, threshold=0.7)
    assert len(set(labels)) == 1


def test_batch_clustering_recovers_the_stories():
    docs, gold = _stream(seed=7)
    groups = batch_cluster(docs, _scorer(docs), Settings(cluster_batch_threshold=0.5))
    label = {a: sid for sid, members in groups.items() for a in members}
    assert bcubed(gold, [label[d.id] for d in docs])["f1"] > 0.95


def test_reconcile_keeps_ids_and_explains_changes():
    old = {"a": "S1", "b": "S1", "c": "S1", "d": "S2", "e": "S3"}
    new = {"k1": ["a", "b"], "k2": ["c", "d", "e"]}
    assignment, events = reconcile(old, new)
    assert assignment["a"] == assignment["b"] == "S1"
    # S2 and S3 lost their ids: k2 takes the id of the old story holding most of it
    assert assignment["c"] == assignment["d"] == assignment["e"]
    kinds = sorted(e.kind for e in events)
    assert kinds.count("split") >= 1 and kinds.count("merged") >= 1


@pytest.mark.parametrize(
    ("gold", "pred", "f1"),
    [([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0), ([1, 1, 2, 2], ["a", "b", "c", "d"], 2 / 3)],
)
def test_bcubed_known_values(gold, pred, f1):
    assert bcubed(gold, pred)["f1"] == pytest.approx(f1)


def test_pairwise_all_in_one():
    r = pairwise([1, 1, 2, 2], ["a"] * 4)
    assert r["recall"] == 1.0 and r["precision"] == pytest.approx(2 / 6)


@BOTH_INDEXES
@pytest.mark.parametrize(("cap", "window"), [(6, 96.0), (1000, 0.5)])
def test_batching_is_exact_with_retirement_and_windows(cap: int, window: float, index) -> None:
    docs, _ = _stream(n_stories=20, per_story=5, seed=11, hours=0.3)
    docs.sort(key=lambda d: d.time or 0.0)
    s = Settings(
        cluster_merge_every=11,
        cluster_max_active=cap,
        cluster_window_hours=window,
        cluster_candidates=2,
        **index,
    )
    one = OnlineClusterer(_scorer(docs), s, dim=DIM)
    for d in docs:
        one.add(d)
    many = OnlineClusterer(_scorer(docs), s, dim=DIM)
    for i in range(0, len(docs), 17):
        many.add_many(docs[i : i + 17])
    assert one.assignment == many.assignment


def test_inverted_index_search_finds_what_an_exact_scan_finds():
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(40, DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    s = Settings(cluster_index_train=40, cluster_index_cells=8, cluster_index_probe=8)
    index = StoryIndex(DIM, s)
    for n, c in enumerate(centres):
        index.set_centroid(index.allocate(f"s{n}"), c)
        index.observe(c)
    assert index.inverted
    index.release(3)  # a retired story is never found again
    for n, c in enumerate(centres):
        if n != 3:  # probing every cell makes the inverted file exact
            slots, sims = index.search(c, 1)
            assert slots.tolist() == [n] and sims[0] == pytest.approx(1.0, abs=1e-5)
    assert 3 not in index.search(centres[3], 5)[0].tolist()


def test_search_from_a_story_probes_what_a_search_with_its_centroid_probes():
    rng = np.random.default_rng(11)

    def unit(n: int) -> np.ndarray:
        v = rng.normal(size=(n, DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    # 3 of 16 cells probed: approximate, so reusing the wrong cells would show
    s = Settings(cluster_index_train=100, cluster_index_cells=16, cluster_index_probe=3)
    index = StoryIndex(DIM, s)
    for n, c in enumerate(unit(150)):
        index.set_centroid(index.allocate(f"s{n}"), c)
        index.observe(c)
    assert index.inverted
    for slot, c in zip(rng.choice(150, 60, replace=False).tolist(), unit(60), strict=True):
        index.set_centroid(slot, c)  # moved: filed under (and probing) other cells
    for slot in range(0, 150, 7):
        index.release(slot)
    for n, c in enumerate(unit(10)):  # reuse released slots
        index.set_centroid(index.allocate(f"new{n}"), c)
    for slot in np.flatnonzero(index.live[: index.width]).tolist():
        want = index.search(index.matrix[slot].copy(), 6)
        got = index.search_from(slot, 6)
        assert got[0].tolist() == want[0].tolist() and np.array_equal(got[1], want[1])
