"""kill -9 in the middle of `samestory ingest`, re-run: nothing lost, nothing doubled.

The full-size version (5,000 real articles, >= 5 kills) is benchmarks/bench_crash.py;
this one uses 60 variants of the example corpus and the hashing embedder (no scorer
embedder) to stay fast.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import EXAMPLES, ROOT

# No scorer embedder either: e5 cost each of the five ingests ~5 s CPU (of ~20), and the
# clean and the crashed store are built alike, which is all this test compares.
ENV = {
    **os.environ,
    "SAMESTORY_EMBEDDER": "hashing",
    "SAMESTORY_SCORER_EMBEDDER": "none",
    "SAMESTORY_INGEST_BATCH_SIZE": "4",
}


def _corpus(path: Path, n: int) -> None:
    lines = [json.loads(x) for x in (EXAMPLES / "corpus.jsonl").read_text().splitlines()]
    rng = random.Random(1)
    with path.open("w") as fh:
        for i in range(n):
            d = dict(lines[i % len(lines)])
            copy = i // len(lines)
            if copy:
                paragraphs = d["text"].split("\n\n")
                if len(paragraphs) > 2:
                    del paragraphs[rng.randrange(1, len(paragraphs))]
                d["text"] = "\n\n".join(paragraphs)
                d["url"] = f"https://copy{copy}.example/{i}"
                d["outlet"] = f"Copy {copy}"
            fh.write(json.dumps(d) + "\n")


def _ingest(src: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "samestory", "ingest", str(src), "--db", str(db), "--quiet"],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _state(db: Path) -> tuple[int, dict[str, str]]:
    if not db.exists():
        return 0, {}
    conn = sqlite3.connect(db)
    try:
        n = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return int(n), dict(conn.execute("SELECT article_id, story_id FROM memberships"))
    except sqlite3.OperationalError:
        return 0, {}
    finally:
        conn.close()


def test_killed_ingest_resumes_to_the_clean_result(tmp_path: Path) -> None:
    src = tmp_path / "articles.jsonl"
    _corpus(src, 60)
    clean = tmp_path / "clean.db"
    assert _ingest(src, clean).wait(timeout=600) == 0
    crashed = tmp_path / "crashed.db"
    kills = 0
    for target in (12, 28, 44):
        proc = _ingest(src, crashed)
        deadline = time.time() + 300
        while proc.poll() is None and _state(crashed)[0] < target and time.time() < deadline:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
    assert kills >= 2  # the kills really interrupted runs
    assert _ingest(src, crashed).wait(timeout=600) == 0
    assert _state(crashed) == _state(clean)
    assert _state(clean)[0] >= 50  # variants with nothing to drop are duplicates
