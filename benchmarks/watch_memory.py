"""What a watcher's memory holds, round by round: bench_watch's stream, in-process.

bench_watch.py judges "memory flat" on a 15-minute run of `samestory watch` in a
subprocess, where RSS is all one can see (and on a busy machine it is noisy). This
harness drives the same watcher (`Watcher.run_once`, loopback feeds of the same
`Timeline`, hashing embedder, reports rebuilt) in this process, with a simulated clock
that moves one poll interval per round, so a round is every feed polled once and one
new item per feed. After each round it reports RSS (after a GC and `malloc_trim`, as
the watcher trims after each round), the bytes tracemalloc traces (`--trace`), and the
sizes of every cache and window structure it can name; with `--trace` it diffs the
tracemalloc snapshots of two rounds (`--diff A B`) by allocation site.

    python benchmarks/watch_memory.py [--feeds 200] [--rounds 15] [--trace] [--diff 5 14]
    python benchmarks/watch_memory.py --window STORE.db   # clusterer bytes per article

Decisions only: its RSS is this process's (the loopback servers run here too), so it
is compared between rounds and between code versions, never with bench_watch's.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

os.environ.setdefault("SAMESTORY_EMBEDDER", "hashing")
os.environ.setdefault("SAMESTORY_SCORER_EMBEDDER", "hashing")
os.environ.setdefault("SAMESTORY_WATCH_IDLE_S", "1")

from _report import ROOT
from _watch_feeds import Timeline, seed_store, start_servers
from _watch_measure import rss_kb


class SimClock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def _rss_mib() -> float:
    kb = rss_kb(os.getpid())
    return (kb or 0) / 1024


def _lru_sizes() -> dict[str, int]:
    """currsize of every functools cache of the samestory modules."""
    out: dict[str, int] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("samestory") or module is None:
            continue
        for attr, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and isinstance(value, functools._lru_cache_wrapper):
                size = info().currsize
                if size:
                    out[f"{name.removeprefix('samestory.')}.{attr}"] = size
    return out


def _article_caches() -> dict[str, int]:
    from samestory.match import cache

    out: dict[str, int] = {}
    for i, c in enumerate(cache._ALL):
        out[f"article_cache[{i}]"] = len(c)
    return out


def _structures(watcher: Any) -> dict[str, int]:
    ingest = watcher.ingest
    clusterer = ingest.clusterer
    scorer = ingest.scorer
    out = {
        "scores": len(scorer._scores),
        "pair_calls": scorer.calls,
        "analyses": len(scorer._analyses),
        "assignment": len(clusterer.assignment),
        "members": len(clusterer.members),
        "active": len(clusterer._active),
        "used_ids": len(clusterer._used),
        "by_last_heap": len(clusterer._by_last._heap)
        if hasattr(clusterer._by_last, "_heap")
        else -1,
        "by_touch_heap": len(clusterer._by_touch._heap)
        if hasattr(clusterer._by_touch, "_heap")
        else -1,
    }
    graph = clusterer._graph
    if graph is not None:
        out |= {
            "graph_docs": len(graph.docs),
            "graph_edges": sum(len(v) for v in graph.adj.values()) // 2,
            "graph_postings": len(graph._postings),
            "graph_by_time": len(graph._by_time),
            "graph_matrix_rows": len(graph._matrix),
        }
    return out


def _stagger(store: Any, timeline: Any) -> None:
    """Each feed first polled just after its first item appears: the polls of a long
    run are spread over the interval (each began one interval after the last)."""
    from samestory.store.sources import SourceTable

    table = SourceTable(store)
    for i, source in enumerate(sorted(table.all(), key=lambda s: s.id)):
        state = table.poll_state(source.id)
        state.next_poll = timeline.published(i, 0) + 0.5
        table.save_poll(source.id, state)


def _window_bytes(db: Path) -> dict[str, Any]:
    """Bytes per article the online clusterer keeps for a store's stream: its event log
    replayed into a fresh clusterer under tracemalloc (no scoring: each pending edge is
    then given a float of its own, as a live run's score is). Keys are interned as
    `doc_from_analysis` interns them in a live run."""
    import dataclasses

    from samestory.cluster import OnlineClusterer
    from samestory.settings import Settings
    from samestory.store import SQLiteStore

    def refuse(a: str, b: str) -> float:
        raise AssertionError("a replay scores nothing")

    store = SQLiteStore(db)
    articles = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    gc.collect()
    tracemalloc.start()  # before the docs are read: their vectors count where kept
    base = tracemalloc.get_traced_memory()[0]
    clusterer = OnlineClusterer(refuse, Settings.from_env())
    clusterer.replay(
        (e, None if d is None else dataclasses.replace(d, keys=frozenset(map(sys.intern, d.keys))))
        for e, d in store.replay_log()
    )
    store.close()
    graph = clusterer._graph
    if graph is not None:
        for a, edges in graph.adj.items():
            for b in edges:
                if a < b:
                    edges[b] = graph.adj[b][a] = float(len(a) + len(b)) / 1e3
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - base
    top = tracemalloc.take_snapshot().statistics("lineno")[:12]
    tracemalloc.stop()
    return {
        "articles": articles,
        "graph_articles": len(graph) if graph is not None else 0,
        "edges": sum(len(v) for v in graph.adj.values()) // 2 if graph is not None else 0,
        "bytes_per_article": round(kept / max(articles, 1)),
        "top": [str(t) for t in top],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--every", type=int, default=60)
    ap.add_argument("--stories", type=int, default=150)
    ap.add_argument("--trace", action="store_true", help="tracemalloc (slower)")
    ap.add_argument(
        "--step",
        type=int,
        default=0,
        help="seconds of simulated time between two watcher rounds, the feeds' polls "
        "spread over the interval as in a long run (bench_watch: many small rounds, "
        "each settled and its reports rebuilt); 0: one round of every feed a minute",
    )
    ap.add_argument("--trace-from", type=int, default=1, help="first traced round")
    ap.add_argument("--diff", type=int, nargs=2, default=(5, 14), metavar=("A", "B"))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--frames", type=int, default=1, help="tracemalloc frames (more: slower)")
    ap.add_argument(
        "--gc",
        action="store_true",
        help="a full gc.collect() before each measurement (the watcher itself does only "
        "what its release_memory does: run it without to see what the watcher holds)",
    )
    ap.add_argument(
        "--src", type=Path, default=ROOT / "src", help="the samestory sources to run (A/B)"
    )
    ap.add_argument("--json", type=Path, help="write the per-round figures here")
    ap.add_argument(
        "--window",
        type=Path,
        metavar="DB",
        help="only measure the bytes per article the online clusterer keeps for the "
        "stream of this store (e.g. a copy of bench_watch's clean.db), and exit",
    )
    args = ap.parse_args()
    sys.path.insert(0, str(args.src))
    if args.window is not None:
        print(json.dumps(_window_bytes(args.window), indent=1))
        return 0

    import samestory
    from samestory.engine import Engine
    from samestory.settings import Settings
    from samestory.store import SQLiteStore
    from samestory.watch import Watcher
    from samestory.watch.watcher import release_memory

    clock = SimClock(float(int(time.time())))
    timeline = Timeline(args.feeds, args.rounds * args.every / 60, args.every, args.stories)
    timeline.clock = clock
    timeline.start = clock.now + 1
    servers = start_servers()
    snaps: dict[int, tracemalloc.Snapshot] = {}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="watch-memory-") as tmp:
        db = Path(tmp) / "w.db"
        seed_store(db, servers, timeline, args.every)
        settings = Settings.from_env()
        store = SQLiteStore(db)
        watcher = Watcher(Engine(settings), store, settings, clock=clock)
        print(json.dumps({"samestory": samestory.__file__}), flush=True)
        try:
            ticks = max(1, args.every // args.step) if args.step else 1
            if args.step:
                _stagger(store, timeline)
            for r in range(args.rounds + 2):  # two more: the last items, then nothing new
                if args.trace and r == args.trace_from:  # the models load untraced (slow)
                    tracemalloc.start(args.frames)
                took, polls = 0.0, []
                for k in range(ticks):
                    clock.now = timeline.start + r * args.every + (k + 1) * args.every / ticks - 1
                    t0 = time.perf_counter()
                    got = watcher.run_once(threading.Event())
                    took += time.perf_counter() - t0
                    polls += got
                    if args.step and any(p.stored for p in got):
                        release_memory()  # as Watcher.run after a round that stored
                for s in servers:
                    s.hits.clear()
                if args.gc:
                    gc.collect()
                if not args.step:
                    release_memory()  # what Watcher.run does after a round that stored
                row: dict[str, Any] = {
                    "round": r,
                    "seconds": round(took, 1),
                    "stored": sum(p.stored for p in polls),
                    "rss_mib": round(_rss_mib(), 1),
                    "objects": len(gc.get_objects()),
                }
                if tracemalloc.is_tracing():
                    row["traced_mib"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
                    if r in args.diff:
                        snaps[r] = tracemalloc.take_snapshot()
                row |= _structures(watcher)
                row["lru"] = _lru_sizes()
                row["article_caches"] = _article_caches()
                rows.append(row)
                print(json.dumps(row), flush=True)
            # The stories, as a digest of the partition: two code versions (or
            # settings) that bound memory differently must end with the same one.
            groups: dict[str, list[str]] = {}
            for url, sid in store.conn.execute(
                "SELECT a.url, m.story_id FROM memberships m JOIN articles a ON a.id = m.article_id"
            ):
                groups.setdefault(sid, []).append(url)
            parts = sorted(json.dumps(sorted(g)) for g in groups.values())
            digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
            print(json.dumps({"stories": len(parts), "partition": digest}), flush=True)
        finally:
            watcher.close()
            store.close()
            for s in servers:
                s.stop()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    a, b = args.diff
    if a in snaps and b in snaps:
        filters = [tracemalloc.Filter(False, tracemalloc.__file__)]
        new, old = snaps[b].filter_traces(filters), snaps[a].filter_traces(filters)
        print(f"\n--- tracemalloc: round {b} vs round {a}, by line ---")
        for stat in new.compare_to(old, "lineno")[: args.top]:
            print(stat)
        print(f"\n--- tracemalloc: round {b} vs round {a}, by traceback (top 10) ---")
        for stat in new.compare_to(old, "traceback")[:10]:
            print(f"{stat.size_diff / 1024:+.0f} KiB in {stat.count_diff:+d} blocks")
            for line in stat.traceback.format()[-8:]:
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
