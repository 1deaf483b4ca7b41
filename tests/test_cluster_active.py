"""What the online clusterer keeps per story stays sized by the active set, not the stream."""

from __future__ import annotations

import heapq
import random

import numpy as np

from samestory.cluster import ClusterDoc, OnlineClusterer, StoryEvent
from samestory.cluster.active import KeyPostings, LazyHeap
from samestory.settings import Settings

DIM = 16


def test_lazy_heap_pops_what_a_plain_heap_pops_while_staying_small() -> None:
    rng = random.Random(3)
    current: dict[str, int] = {}  # story -> its latest priority (the only valid entry)
    lazy = LazyHeap[int](lambda e: current.get(e[1]) == e[0], slack=2, floor=8)
    plain: list[tuple[int, str]] = []
    popped = 0
    for step in range(3000):
        story = f"s{rng.randrange(20)}"
        if rng.random() < 0.8:
            current[story] = rng.randrange(1000)
            lazy.push(current[story], story)
            heapq.heappush(plain, (current[story], story))
        else:
            limit = rng.randrange(1000)
            got, want = lazy.pop_valid(below=limit), None
            while plain and plain[0][0] < limit:
                entry = heapq.heappop(plain)
                if current.get(entry[1]) == entry[0]:
                    want = entry
                    break
            assert got == want, step
            if got is not None:
                popped += 1
                del current[got[1]]
        assert len(lazy) <= 2 * 20 + 1, step  # 20 stories: stale entries do not pile up
    assert popped > 100 and len(plain) > 1000


def test_postings_forget_keys_whose_stories_all_left() -> None:
    p = KeyPostings(cap=3)
    for sid in ("a", "b", "c", "d"):
        p.post("common", sid)
    p.post("only-a", "a")
    p.post("a-and-b", "a")
    p.post("a-and-b", "b")
    assert p.shared(["common", "a-and-b"], {"b", "d"}) == {"b": 2, "d": 1}
    assert p.shared(["common", "a-and-b"], {"b", "d"}, at_least=2) == {"b": 2}
    p.forget(["only-a", "a-and-b", "common"], active={"b", "d"})
    assert len(p) == 2  # only-a went; a-and-b still lists b; common lists d
    p.forget(["a-and-b", "common"], active=set())
    assert len(p) == 0


def _doc(i: int, story: int, t: float) -> ClusterDoc:
    v = np.zeros(DIM, dtype=np.float32)
    v[story % DIM] = 1.0
    return ClusterDoc(f"d{i}", v, frozenset({f"k{story}", "shared"}), time=t)


def test_retired_stories_leave_only_their_members() -> None:
    docs = [_doc(i, story=i // 3, t=i * 3600.0) for i in range(60)]
    c = OnlineClusterer(lambda a, b: 1.0, Settings(cluster_max_active=2), dim=DIM)
    c.add_many(docs)
    assert len(c.stories()) == 20 and c.active_count <= 2
    retired = [sid for sid in c.stories() if sid not in c.active_ids()]
    assert all(isinstance(c.members[sid], tuple) for sid in retired)
    assert c.stories()["sd0"] == ["d0", "d1", "d2"]
    # the story-specific keys of retired stories are forgotten; "shared" stays
    assert len(c._postings) <= 2 * c.active_count + 1
    assert c.representatives("sd0") == ["d0", "d1", "d2"]


def test_merges_and_splits_still_reach_retired_stories() -> None:
    docs = [_doc(i, story=i // 3, t=i * 3600.0) for i in range(12)]
    c = OnlineClusterer(lambda a, b: 1.0, Settings(cluster_max_active=1), dim=DIM)
    c.add_many(docs)
    assert isinstance(c.members["sd0"], tuple) and isinstance(c.members["sd3"], tuple)
    by_id = {d.id: d for d in docs}
    c.replay(
        [
            (StoryEvent("split", "sd0", "d1", other="sd3"), by_id["d1"]),
            (StoryEvent("merged", "sd3", other="sd6"), None),
        ]
    )
    assert c.stories()["sd0"] == ["d0", "d2"]
    assert c.stories()["sd3"] == ["d3", "d4", "d5", "d1", "d6", "d7", "d8"]
    assert c.assignment["d1"] == c.assignment["d7"] == "sd3"
