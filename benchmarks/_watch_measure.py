"""bench_watch's measures: what a run left in its store, and the watcher's memory figures."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
from collections import Counter
from pathlib import Path
from typing import Any


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def read_stored(db: Path) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """url -> (article id, ingested_at); article id -> story id."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT url, id, ingested_at FROM articles").fetchall()
        members = dict(conn.execute("SELECT article_id, story_id FROM memberships").fetchall())
    except sqlite3.OperationalError:
        return {}, {}
    finally:
        conn.close()
    return {r[0]: (r[1], r[2]) for r in rows}, members


def read_events(db: Path, ids: dict[str, str], members: dict[str, str]) -> dict[str, Any]:
    """The alert events (baseline excluded), each taken to the story it ended in.

    An event names the story id it fired on; a story later absorbed by another is
    followed along `merged_into` to the story that holds its articles at the end, and
    that story is named by its final set of item URLs (ids are named after a story's
    first article, which is timing). What an event says of a story in between (a story
    that reached 3 and was later split to 2, one that was absorbed) depends on how the
    stream was cut into batches -- two clean runs with other batch sizes differ there
    too, so those "passing" events are counted, not compared. Compared: the events on
    the stories the run ends with, whose condition still holds there. `complete`: every
    final story has its "new" event and, at 3 articles or more, its "grown" event."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT w.spec, e.kind, e.story_id FROM watch_events e"
            " JOIN watches w ON w.id = e.watch_id WHERE e.baseline = 0"
        ).fetchall()
        merged = dict(conn.execute("SELECT id, merged_into FROM stories").fetchall())
    finally:
        conn.close()
    story_urls: dict[str, frozenset[str]] = {}
    for aid, sid in members.items():
        story_urls[sid] = story_urls.get(sid, frozenset()) | {ids[aid]}

    def final(sid: str) -> str:
        seen: set[str] = set()
        while merged.get(sid) and sid not in seen:
            seen.add(sid)
            sid = merged[sid]
        return sid

    kept: set[tuple[str, str, frozenset[str]]] = set()
    passing: Counter[str] = Counter()
    for spec, kind, sid in rows:
        watch = json.loads(spec)
        urls = story_urls.get(final(sid))
        if urls is None:
            passing["story gone"] += 1
        elif kind == "grown" and len(urls) < int(watch["grow_to"]):
            passing["story shrank"] += 1
        else:
            kept.add((watch["name"], kind, urls))
    expected = {("every new story", "new", u) for u in story_urls.values()}
    expected |= {("grown to 3", "grown", u) for u in story_urls.values() if len(u) >= 3}
    return {"final": kept, "passing": passing, "total": len(rows), "complete": kept == expected}


def read_polls(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    row = conn.execute(
        "SELECT SUM(polls), SUM(not_modified), SUM(bytes), SUM(saved) FROM source_polls"
    ).fetchone()
    conn.close()
    names = ("polls", "not_modified", "bytes", "saved")
    return dict(zip(names, (int(x or 0) for x in row), strict=True))


def partition(members: dict[str, str], ids: dict[str, str]) -> set[frozenset[str]]:
    """Stories as sets of item URLs (ids: article id -> url)."""
    groups: dict[str, set[str]] = {}
    for aid, sid in members.items():
        groups.setdefault(sid, set()).add(ids[aid])
    return {frozenset(g) for g in groups.values()}


# "Memory flat", fixed before the runs that it judges: after warm-up (models loaded,
# 30 s after the first article), the last third's median RSS at most FLAT_THIRDS % above
# the middle third's, and the least-squares line over the last half rising by at most
# FLAT_RISE % of that half's median across it. The first third is left out: the
# per-article caches (analyses, text profiles) fill toward their bounds there.
FLAT_THIRDS = 5.0
FLAT_RISE = 2.0


def flat(samples: list[tuple[float, int]]) -> dict[str, Any]:
    """The memory figures of `samples` ((epoch s, RSS KiB)) and whether they are flat."""
    mib = [(t, kb / 1024) for t, kb in samples]
    n = len(mib)
    out: dict[str, Any] = {"n": n, "first": 0.0, "middle": 0.0, "last": 0.0}
    out |= {"last_vs_middle": 0.0, "slope": 0.0, "rise": 0.0, "flat": False}
    if n < 6:
        return out  # too short to judge: not flat
    third = n // 3
    values = [v for _, v in mib]
    out["first"] = statistics.median(values[:third])
    out["middle"] = statistics.median(values[third : n - third])
    out["last"] = statistics.median(values[n - third :])
    out["last_vs_middle"] = (out["last"] - out["middle"]) / out["middle"] * 100
    half = mib[n // 2 :]
    ts = [t for t, _ in half]
    fit = statistics.linear_regression(ts, [v for _, v in half])
    level = statistics.median(v for _, v in half)
    out["slope"] = fit.slope * 60
    out["rise"] = fit.slope * (ts[-1] - ts[0]) / level * 100
    out["flat"] = out["last_vs_middle"] <= FLAT_THIRDS and out["rise"] <= FLAT_RISE
    out["span"] = (ts[0], ts[-1])
    return out


def per_article(mem: dict[str, Any], stored_at: list[float]) -> str:
    """The last half's RSS rise per article stored meanwhile (the fitted line's)."""
    if "span" not in mem:
        return "n/a"
    t0, t1 = mem["span"]
    n = sum(t0 <= t <= t1 for t in stored_at)
    if not n:
        return "n/a (no article stored in the last half)"
    rise = mem["slope"] / 60 * (t1 - t0) * 2**20
    return f"{rise / n / 1024:+.1f} KiB per article stored in that half ({n})"


def passing(events: dict[str, Any]) -> str:
    counts = events["passing"]
    return ", ".join(f"{n} {why}" for why, n in sorted(counts.items())) or "0"


def epoch(iso: str) -> float:
    return dt.datetime.fromisoformat(iso).timestamp()
