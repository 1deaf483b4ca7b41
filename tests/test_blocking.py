"""Blocking for clustering at scale: pure functions, no Spark needed."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from samestory.cluster.batch import average_linkage, batch_cluster, candidate_pairs
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


SERIES, CROWD = "<N> météo du <#> à <N>", "<N> : suivez <N> en direct"
FRAMED = S.with_(cluster_frame_limit=13)


def _framed_docs() -> list[ClusterDoc]:
    """`_docs()` with a bulletin series ('La météo du <date> à <town>': 12 headlines in
    11 hours, one more 200 h later) and a frame held by 15 (past FRAMED's limit of 13).

    Their vectors are distinct basis vectors (cosine 0 to one another), and they hold
    no keys: only their frame can pair them.
    """
    eye = np.eye(64, dtype=np.float32)
    series = [
        ClusterDoc(f"met-{k:02d}", eye[k], frozenset(), 3 * HOUR + k * HOUR, frame=SERIES)
        for k in range(12)
    ]
    series.append(ClusterDoc("met-late", eye[12], frozenset(), 203 * HOUR, frame=SERIES))
    crowd = [
        ClusterDoc(f"live-{k:02d}", eye[13 + k], frozenset(), 5 * HOUR + k * HOUR, frame=CROWD)
        for k in range(15)
    ]
    return _docs() + series + crowd


def _spark_like_stories(
    docs: list[ClusterDoc], pairs: set[tuple[str, str]], score: dict[tuple[str, str], float]
) -> dict[str, str]:
    """What the Spark job does with its candidate pairs: components of the strong pairs,
    `form_stories` (average linkage) inside each."""
    threshold = S.cluster_batch_threshold
    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        if score[(a, b)] >= threshold:
            parent[root(a)] = root(b)
    comps: dict[str, list[ClusterDoc]] = {}
    for d in docs:
        comps.setdefault(root(d.id), []).append(d)
    got: dict[str, str] = {}
    for members in comps.values():
        inside = {d.id for d in members}
        edges = [(a, b, score[(a, b)]) for a, b in pairs if a in inside and b in inside]
        rows = form_stories([(order_key(d.time, d.id), d.id) for d in members], edges, threshold)
        got.update({a: story for a, story, _, _ in rows})
    return got


def _story_score(a: str, b: str) -> float:
    """Same synthetic story, or two bulletins of the series, are one story."""
    return 0.9 if a[:3] == b[:3] else 0.1


def test_blocked_pairs_hold_the_title_frame_pairs_of_batch() -> None:
    docs = _framed_docs()
    planes = hyperplanes(64, S.scale_lsh_tables, S.scale_lsh_bits, S.scale_lsh_seed)
    blocked = set(blocked_pairs(docs, FRAMED, planes))
    one = {
        (min(docs[i].id, docs[j].id), max(docs[i].id, docs[j].id))
        for i, j in candidate_pairs(docs, FRAMED)
    }

    def among(pairs: set[tuple[str, str]], prefix: str) -> set[tuple[str, str]]:
        return {p for p in pairs if p[0].startswith(prefix) and p[1].startswith(prefix)}

    # The 12 bulletins within the window pair with one another; the late one with none.
    assert len(among(one, "met-")) == 66  # 12 x 11 / 2: none with the late one
    assert among(blocked, "met-") == among(one, "met-")
    assert not among(one, "live-") and not among(blocked, "live-")  # past the limit
    # A limit of 12 leaves the series' 13 holders (the late one counts) unlinked.
    tight = S.with_(cluster_frame_limit=12)
    assert not among(set(blocked_pairs(docs, tight, planes)), "met-")
    # Then the stories: the series is one story in batch and on the Spark path.
    score = {p: _story_score(*p) for p in blocked | one}
    ordered = sorted(docs, key=lambda d: order_key(d.time, d.id))
    batch = {a: sid for sid, m in batch_cluster(ordered, _story_score, FRAMED).items() for a in m}
    assert len({batch[f"met-{k:02d}"] for k in range(12)}) == 1
    spark_like = _spark_like_stories(docs, blocked, score)
    for k in range(12):
        assert spark_like[f"met-{k:02d}"] == batch[f"met-{k:02d}"]
    assert spark_like["met-late"] == batch["met-late"] == "smet-late"


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

    docs = _framed_docs()
    framed = S.with_(cluster_frame_limit=14)  # the series and the untimed one: 14
    docs.append(ClusterDoc("zz-untimed", docs[0].vector, docs[0].keys, None, frame=SERIES))
    planes = hyperplanes(64, S.scale_lsh_tables, S.scale_lsh_bits, S.scale_lsh_seed)
    known = sorted({b for d in docs for b in time_buckets(d.time, S.cluster_window_hours)})
    blocks: dict[str, list[ClusterDoc]] = {}
    for d in docs:
        for key, light in graph._blocks(d, planes, known, framed):
            blocks.setdefault(key, []).append(light)
    links: dict[str, list[tuple[str, float | str]]] = {}
    for key, members in blocks.items():
        for a, link in graph._block_links(key, members[::-1], framed):
            links.setdefault(a, []).append(link)
    got = {p for a, found in links.items() for p in graph._candidates_of(a, found, framed)}
    # The frame shuffle: holders combined in two "partitions", then merged.
    limit = framed.cluster_frame_limit
    parts: list[dict[str, graph.Holders]] = [{}, {}]
    for i, d in enumerate(docs):
        if d.frame:
            part, item = parts[i % 2], (d.id, d.time)
            had = part.get(d.frame, [])
            part[d.frame] = (
                graph._add_holder(had, item, limit)
                if d.frame in part
                else graph._capped([item], limit)
            )
    merged = dict(parts[0])
    for frame, holders in parts[1].items():
        merged[frame] = (
            graph._merge_holders(merged[frame], holders, limit) if frame in merged else holders
        )
    assert merged[CROWD] is None  # 15 holders: dropped as soon as they passed 14
    got |= {(a, b) for f, h in merged.items() for b, a in graph._frame_links(f, h, framed)}
    want = set(blocked_pairs(docs, framed, planes))
    assert any(a.startswith("zz") or b.startswith("zz") for a, b in want)
    assert ("met-late", "zz-untimed") in want  # no time: within any window
    assert got == want
