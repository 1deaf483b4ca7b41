"""Crash test: kill -9 `samestory ingest` at random moments, re-run, compare with a clean run.

5,000 real-text articles (see _corpus.py). A clean run ingests them into one store;
another store gets runs that are killed with SIGKILL at random moments (>= 5 times, each
after the previous run stored more), then one run to completion. Pass: the same number
of articles and exactly the same article -> story memberships as the clean run.

    python benchmarks/bench_crash.py [--n 5000] [--kills 5] [--embedder use]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import real_articles
from _report import ROOT, write_section


def _ingest(source: Path, db: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "samestory", "ingest", str(source), "--db", str(db), "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _state(db: Path) -> tuple[int, dict[str, str]]:
    conn = sqlite3.connect(db)
    try:
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        members = dict(conn.execute("SELECT article_id, story_id FROM memberships"))
    except sqlite3.OperationalError:
        return 0, {}
    finally:
        conn.close()
    return int(n), members


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--embedder", default="use")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    source = real_articles(args.n)
    if source is None:
        print("skipping: ../shared/data is not available")
        return 0
    env = {**os.environ, "SAMESTORY_EMBEDDER": args.embedder}
    work = Path(tempfile.mkdtemp())
    clean, crashed = work / "clean.db", work / "crashed.db"
    started = time.perf_counter()
    if _ingest(source, clean, env).wait() != 0:
        print("clean run failed")
        return 1
    clean_s = time.perf_counter() - started
    rng = random.Random(args.seed)
    kills: list[int] = []
    while len(kills) < args.kills:
        before = _state(crashed)[0]
        proc = _ingest(source, crashed, env)
        # kill somewhere after the models loaded and some articles went in
        target = before + rng.randint(1, max(2, (args.n - before) // (args.kills - len(kills) + 1)))
        while proc.poll() is None and _state(crashed)[0] < target:
            time.sleep(rng.uniform(0.05, 0.5))
        if proc.poll() is not None:
            break  # it finished before we could kill it
        time.sleep(rng.uniform(0.0, 1.0))  # land anywhere inside a batch
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(_state(crashed)[0])
        print(f"killed with {kills[-1]} articles stored", flush=True)
    final = _ingest(source, crashed, env).wait()
    n_clean, m_clean = _state(clean)
    n_crash, m_crash = _state(crashed)
    same = final == 0 and n_clean == n_crash and m_clean == m_crash
    differ = sum(1 for a in m_clean if m_clean[a] != m_crash.get(a))
    body = f"""## Crash test (kill -9 during ingest)

{args.n:,} real-text articles, embedder `{args.embedder}`. Clean run: {n_clean:,} articles in
{clean_s:.0f} s. Crashed store: SIGKILL {len(kills)} times at random moments (after
{", ".join(f"{k:,}" for k in kills)} stored articles), then one run to completion.

- Articles: clean {n_clean:,}, crashed + resumed {n_crash:,}.
- Memberships differing from the clean run: {differ} of {len(m_clean):,}.
- Result: **{"identical" if same else "DIFFERENT"}**.
"""
    print(body)
    write_section("crash", body)
    return 0 if same and len(kills) >= args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
