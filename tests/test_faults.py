"""Faults (issue #18, item 4): a full disk, a damaged or foreign store file, SIGTERM
during ingest and serve, `samestory check` and `samestory backup`.

The full disk is a real one (a 500 KB tmpfs) where this process may mount one, and
an injected sqlite3 "database or disk is full" error everywhere, so CI without root
covers the same path.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from samestory.cli.app import main
from samestory.engine import Engine
from samestory.errors import StoreError
from samestory.settings import Settings
from samestory.store import SCHEMA_VERSION, SQLiteStore
from samestory.store.maintenance import backup, check
from samestory.stream import StoryIngest

ENV = {"SAMESTORY_EMBEDDER": "hashing", "SAMESTORY_INGEST_BATCH_SIZE": "4"}
TOWNS = ("Portmere", "Lindholm", "Talbote", "Valbonne", "Kirkwall", "Ostmark")


def _doc(i: int) -> dict[str, str]:
    town = TOWNS[i % len(TOWNS)]
    text = (
        f"The council of {town} voted on Tuesday to add {i + 2} ferry crossings a day from "
        "April, after complaints about queues at the harbour in the summer. "
    )
    return {
        "title": f"{town} council approves new ferry timetable {i}",
        "text": text * 3,
        "outlet": f"Outlet {i}",
        "url": f"https://news{i}.example/ferry",
    }


def _corpus(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps(_doc(i)) + "\n" for i in range(n)), encoding="utf-8")
    return path


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- foreign and damaged files -------------------------------------------------------


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a samestory store"):
        SQLiteStore(path)
    code, _, err = cli("stories", "--db", str(path))
    assert code == 1 and "photos" in _one_line(err)
    assert path.read_bytes() == before  # no table added, no WAL mode switched on
    assert not check(str(path)).ok


def _damaged_store(path: Path) -> None:
    """A store whose `stories` table pages are garbage (the file header is fine)."""
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='stories'").fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xde\xad\xbe\xef" * (page // 4))


def test_a_damaged_store_is_a_one_line_error(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "damaged.db"
    _damaged_store(path)
    code, _, err = cli("stories", "--db", str(path))
    assert code == 1
    assert "damaged" in _one_line(err) and "samestory check" in err
    code, out, _ = cli("check", "--db", str(path), "--json")
    assert code == 1 and json.loads(out)["ok"] is False
    (tmp_path / "text.db").write_text("not a database at all\n")
    code, _, err = cli("stories", "--db", str(tmp_path / "text.db"))
    assert code == 1 and "not a samestory database" in _one_line(err)


def test_check_and_backup(tmp_path: Path, cli: Any) -> None:
    path = tmp_path / "store.db"
    SQLiteStore(path).close()
    code, out, _ = cli("check", "--db", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["ok"] is True and result["schema"] == SCHEMA_VERSION
    out_db = tmp_path / "copy.db"
    code, _, err = cli("backup", str(out_db), "--db", str(path))
    assert code == 0, err
    assert check(str(out_db)).ok
    code, _, err = cli("backup", str(out_db), "--db", str(path))  # never overwrites
    assert code == 1 and "already exists" in _one_line(err)
    code, _, err = cli("check", "--db", str(tmp_path / "nope.db"))
    assert code == 1 and "no such store" in _one_line(err)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing"))


def test_backup_while_an_ingest_writes_is_a_consistent_snapshot(
    tmp_path: Path, engine: Engine
) -> None:
    path = tmp_path / "live.db"
    writer = StoryIngest(engine, SQLiteStore(path), batch_size=2)
    reader = SQLiteStore(path, read_only=True)  # a server reading at the same time
    docs = _corpus(tmp_path / "docs.jsonl", 8)
    done = threading.Event()

    def ingest() -> None:
        try:
            writer.ingest_sources([docs])
        finally:
            done.set()

    thread = threading.Thread(target=ingest)
    thread.start()
    copies = []
    while not done.is_set() or not copies:
        out = tmp_path / f"copy{len(copies)}.db"
        backup(str(path), out)
        reader.counts()
        copies.append(out)
        time.sleep(0.2)
    thread.join()
    for out in copies:
        result = check(str(out))
        assert result.ok, result.problems
        conn = sqlite3.connect(out)
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        members = conn.execute("SELECT COUNT(*) FROM memberships").fetchone()[0]
        conn.close()
        assert articles == members and articles % 2 == 0  # whole batches only
    assert _count(copies[-1]) <= _count(path) == 8


# --- a full disk ---------------------------------------------------------------------


def test_full_disk_injected_then_rerun_completes(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _corpus(tmp_path / "docs.jsonl", 10)
    db = tmp_path / "store.db"
    real = SQLiteStore.write_batch
    calls = {"n": 0}

    def full_after_one(self: SQLiteStore, *args: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] > 1:
            raise sqlite3.OperationalError("database or disk is full")
        real(self, *args, **kwargs)

    monkeypatch.setattr(SQLiteStore, "write_batch", full_after_one)
    code, _, err = cli("ingest", str(docs), "--db", str(db), "--quiet", "--no-reports")
    assert code == 1
    assert "disk is full" in _one_line(err) and "re-run" in err
    assert check(str(db)).ok and _count(db) == 4  # the one committed batch
    monkeypatch.setattr(SQLiteStore, "write_batch", real)
    code, out, err = cli("ingest", str(docs), "--db", str(db), "--quiet", "--no-reports", "--json")
    assert code == 0, err
    assert json.loads(out)["duplicates"] == 4 and _count(db) == 10


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (the injected test covers the path)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=900k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        gc.collect()  # the in-process CLI's store connections
        # Lazy: detached even while a file on it is still open.
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_tmpfs_then_rerun_completes(tmp_path: Path, small_disk: Path, cli: Any) -> None:
    docs = _corpus(tmp_path / "docs.jsonl", 16)
    db = small_disk / "store.db"
    code, _, err = cli("ingest", str(docs), "--db", str(db), "--quiet", "--no-reports")
    assert code == 1
    assert "disk is full" in _one_line(err)
    result = check(str(db))
    assert result.ok, result.problems
    stored = _count(db)
    assert 0 < stored < 16
    subprocess.run(["mount", "-o", "remount,size=8m", "tmpfs", str(small_disk)], check=True)
    code, out, err = cli("ingest", str(docs), "--db", str(db), "--quiet", "--no-reports", "--json")
    assert code == 0, err
    assert json.loads(out)["duplicates"] == stored and _count(db) == 16


# --- SIGTERM -------------------------------------------------------------------------


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "samestory", *args],
        cwd=ROOT,
        env={**os.environ, **ENV, "SAMESTORY_API_TOKEN": "t0ken"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigterm_during_ingest_commits_the_batch_and_exits_cleanly(tmp_path: Path) -> None:
    docs = _corpus(tmp_path / "docs.jsonl", 40)
    db = tmp_path / "store.db"
    proc = _spawn("ingest", str(docs), "--db", str(db), "--quiet", "--no-reports")
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and _safe_count(db) > 0:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    stored = _count(db)
    assert 0 < stored < 40 and stored % 4 == 0  # whole batches, the one in hand included
    assert check(str(db)).ok


def _safe_count(db: Path) -> int:
    try:
        return _count(db)
    except sqlite3.Error:
        return 0


def test_sigterm_during_serve_finishes_the_request_in_flight(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    proc = _spawn("serve", "--db", str(db), "--new", "--port", "0")
    assert proc.stderr is not None
    line = proc.stderr.readline()  # "samestory: serving DB on http://127.0.0.1:PORT"
    assert "serving" in line, line + proc.stderr.read()
    url = line.split()[-1]
    for _ in range(100):  # up once the health check answers
        try:
            urllib.request.urlopen(url + "/api/health", timeout=2).read()
            break
        except OSError:
            time.sleep(0.1)
    answer: dict[str, Any] = {}

    def post() -> None:
        request = urllib.request.Request(
            url + "/api/articles",
            data=json.dumps([_doc(i) for i in range(4)]).encode(),
            headers={"Content-Type": "application/json", "Authorization": "Bearer t0ken"},
        )
        with urllib.request.urlopen(request, timeout=240) as r:
            answer.update(status=r.status, body=json.loads(r.read()))

    thread = threading.Thread(target=post)
    thread.start()
    time.sleep(1.0)  # the request is in flight: the engine is still loading
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=240)
    thread.join(timeout=10)
    assert proc.returncode == 0, err
    assert "stopped by SIGTERM" in err and "Traceback" not in err
    assert answer.get("status") == 201 and answer["body"]["report"]["stored"] == 4
    assert _count(db) == 4
