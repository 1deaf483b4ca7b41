"""A server on a file store under concurrent use (issue 18, item 3): readers never wait
for the shared connection, a busy search index, or the GIL of the write path's analysis
(which runs in a worker process)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from samestory.analyse.pipeline import Pipeline
from samestory.engine import Engine
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "t"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SETTINGS = Settings(embedder="hashing", scorer_embedder="hashing", api_token=TOKEN)
CORPUS = [json.loads(x) for x in (ROOT / "examples" / "corpus.jsonl").read_text().splitlines()]


def _record(i: int) -> dict[str, Any]:
    base = CORPUS[i % len(CORPUS)]
    return {
        "title": f"{base['title']} ({i})",
        "text": f"Item {i}, token{i}z. {base['text'][:600]}",
        "outlet": "test",
        "url": f"https://readers.example/{i}",
    }


def _ingest(store: SQLiteStore, folder: Path, *items: int) -> None:
    """What a command-line ingest writes (another process's connection)."""
    engine = Engine(SETTINGS)
    articles = []
    for i in items:
        path = folder / f"{i}.json"
        path.write_text(json.dumps(_record(i)), encoding="utf-8")
        articles.append(engine.read_one(path))
    StoryIngest(engine, store).ingest_articles(articles)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readers")
    store = SQLiteStore(folder / "store.db")
    _ingest(store, folder, 0, 1, 2)
    store.close()
    return folder / "store.db"


def _copy(db: Path, tmp: Path) -> Path:
    out = tmp / "copy.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(out)
    src.backup(dst)
    src.close()
    dst.close()
    return out


def _within(seconds: float, fn: Callable[[], Any]) -> Any:
    """fn()'s result, or None when it took longer than `seconds` (a reader that
    waited for a lock holder until it let go)."""
    started = time.monotonic()
    got = fn()
    return got if time.monotonic() - started < seconds else None


def test_reads_do_not_wait_for_the_shared_connection(seeded: Path) -> None:
    app = create_app(SETTINGS, store=SQLiteStore(seeded), engine=Engine(SETTINGS))
    service = app.state.service
    held, release = threading.Event(), threading.Event()

    def hold() -> None:  # a write on the side (a watch being saved) holding it long
        with service._read_lock:
            held.set()
            release.wait(20)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    held.wait(5)
    try:
        with TestClient(app) as client:
            # (A story page or report built on demand is stored through that connection:
            # its first view may wait, within PERSIST_WAIT_MS; these only read.)
            for path in ("/api/health", "/api/articles?limit=5", "/api/stories", "/"):
                r = _within(10, lambda p=path: client.get(p))  # type: ignore[misc]
                assert r is not None, f"{path} waited for the shared connection"
                assert r.status_code == 200
    finally:
        release.set()
        holder.join()


def test_search_does_not_wait_for_a_busy_index_and_catches_up(seeded: Path, tmp_path: Path) -> None:
    db = _copy(seeded, tmp_path)
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=Engine(SETTINGS))
    with TestClient(app) as client:
        assert client.get("/api/search?q=Item").json()["results"]  # indexed now
        other = SQLiteStore(db)  # another process's batch, written then holding the lock
        _ingest(other, tmp_path, 40)
        other.conn.execute("BEGIN IMMEDIATE")
        try:
            app.state.service._version_at = -1e9  # the new version at once, not in 0.25 s
            r = _within(5, lambda: client.get("/api/search?q=token40z"))
            assert r is not None and r.status_code == 200, "search waited for the writer"
            assert r.json()["results"] == []  # as indexed: not yet
        finally:
            other.conn.rollback()
            other.close()
        # Not cached while incomplete: the next search indexes and finds it.
        found = client.get("/api/search?q=token40z").json()["results"]
        assert [x["url"] for x in found] == ["https://readers.example/40"]


def _refuse_in_process(monkeypatch: pytest.MonkeyPatch, *, cluster: bool = False) -> None:
    """Analysis (and with `cluster`, clustering) in this process fails: a worker
    process (spawned: it imports its own, unpatched code) is the only place an
    article can be analysed and clustered."""

    def refuse(self: Pipeline, articles: Any) -> Any:
        raise AssertionError("analysed in the server process")

    def refuse_cluster(self: StoryIngest, analyses: Any) -> Any:
        raise AssertionError("clustered in the server process")

    monkeypatch.setattr(Pipeline, "attempt", refuse)
    if cluster:
        monkeypatch.setattr(StoryIngest, "_cluster", refuse_cluster)


def test_posted_articles_are_analysed_and_clustered_in_a_worker_process(
    seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole write path (analysis, pair scoring, clustering, commit) runs in the
    worker; afterwards the worker stores the reports of the stories it changed, so
    no reader builds them on the server's GIL."""
    from samestory.serve.reports import fingerprint
    from samestory.store.reports import ReportTable

    db = _copy(seeded, tmp_path)
    _refuse_in_process(monkeypatch, cluster=True)
    app = create_app(SETTINGS, store=SQLiteStore(db))  # its own engine: the worker's
    with TestClient(app) as client:
        # 37 repeats record 0's text: it joins record 0's story (a report to store).
        r = client.post("/api/articles", json=[_record(37), _record(51)], headers=AUTH)
        assert r.status_code == 201, r.text
        assert [x["status"] for x in r.json()["items"]] == ["stored", "stored"]
        check = SQLiteStore(db, read_only=True)
        story = check.story(r.json()["articles"][0]["story"])
        ids = [a["id"] for a in story["articles"]]
        assert len(ids) >= 2
        fp = fingerprint(ids, SETTINGS.report_max_articles)
        deadline = time.monotonic() + 120
        while ReportTable(check).data(story["id"], fp) is None:
            assert time.monotonic() < deadline, "the worker did not store the report"
            time.sleep(0.2)
        assert app.state.service.reports._reports.items == {}  # none built in the server
        pid = app.state.service.writer().worker_pid()
        assert pid != os.getpid()
        # The worker killed: that request fails whole (nothing of it stored), the
        # next one starts a new worker.
        os.kill(pid, signal.SIGKILL)
        r = client.post("/api/articles", json=[_record(52)], headers=AUTH)
        assert r.status_code == 503, r.text
        r = client.post("/api/articles", json=[_record(53)], headers=AUTH)
        assert r.status_code == 201, r.text
    conn = sqlite3.connect(db)
    urls = [u for (u,) in conn.execute("SELECT url FROM articles WHERE url LIKE '%/5_'")]
    assert sorted(urls) == [f"https://readers.example/{i}" for i in (51, 53)]


def test_analysis_in_process_when_turned_off(
    seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: with serve_analysis_process off, the refusal above is hit."""
    db = _copy(seeded, tmp_path)
    _refuse_in_process(monkeypatch)
    app = create_app(SETTINGS.with_(serve_analysis_process=False), store=SQLiteStore(db))
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/api/articles", json=[_record(60)], headers=AUTH)
        assert r.status_code == 500


def test_serve_shortens_the_gil_switch_interval(
    seeded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`samestory serve` runs with serve_switch_interval_ms (the event loop's wait for
    the GIL after each socket write); uvicorn itself is stubbed out."""
    import sys

    import uvicorn

    from samestory.cli.app import main

    seen: list[float] = []
    monkeypatch.setattr(
        uvicorn.Server, "run", lambda self, sockets=None: seen.append(sys.getswitchinterval())
    )
    before = sys.getswitchinterval()
    monkeypatch.setenv("SAMESTORY_SERVE_SWITCH_INTERVAL_MS", "2")
    try:
        main(["serve", "--db", str(seeded), "--port", "0"])
    finally:
        sys.setswitchinterval(before)
    assert seen == [pytest.approx(0.002)]


def test_warm_builds_one_report_per_language_before_serving(seeded: Path, tmp_path: Path) -> None:
    """`samestory serve` builds a few reports before it listens (serve/warm.py): the
    data report building loads on first use is loaded then, not under load."""
    from samestory.serve.warm import warm

    db = _copy(seeded, tmp_path)
    _ingest(SQLiteStore(db), tmp_path, 37, 38)  # stories of 2 articles (0+37, 1+38)
    off = create_app(SETTINGS.with_(serve_warm_seconds=0), store=SQLiteStore(db))
    assert warm(off.state.service) == 0 and off.state.service.reports._reports.items == {}
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=Engine(SETTINGS))
    service = app.state.service
    languages = {lang for s in service.store.stories(min_size=2) for lang in s["languages"]}
    assert languages  # the seeded stories of two articles
    built = warm(service)
    assert 1 <= built <= len(languages)
    assert len(service.reports._reports.items) == built


def test_a_miss_is_built_once_for_everyone_who_asks_meanwhile() -> None:
    """cache.Flights: readers who miss the same key while it is built await that one
    build (its result or its error); one who hangs up does not cancel it for the rest."""
    import asyncio

    from samestory.serve.cache import Flights

    builds: list[str] = []

    async def build(key: str) -> str:
        builds.append(key)
        await asyncio.sleep(0.05)
        if key == "bad":
            raise ValueError("no such thing")
        return f"answer {key}"

    async def main() -> None:
        flights = Flights()
        quitter = asyncio.ensure_future(flights.run("k", lambda: build("k")))
        await asyncio.sleep(0)
        got = asyncio.gather(*(flights.run("k", lambda: build("k")) for _ in range(9)))
        quitter.cancel()
        assert await got == ["answer k"] * 9
        assert builds == ["k"]
        errors = await asyncio.gather(
            *(flights.run("bad", lambda: build("bad")) for _ in range(3)),
            return_exceptions=True,
        )
        assert [str(e) for e in errors] == ["no such thing"] * 3 and builds == ["k", "bad"]
        assert await flights.run("k", lambda: build("k")) == "answer k"  # landed: built anew
        assert builds == ["k", "bad", "k"]

    asyncio.run(main())


def test_serve_freezes_what_warm_up_loaded(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """serve_gc_freeze: `samestory serve` moves what is alive after warm-up out of the
    collector's reach (a full collection then scans only what requests made); off,
    nothing is frozen. uvicorn itself is stubbed out."""
    import gc
    import sys

    import uvicorn

    from samestory.cli.app import main

    frozen: list[int] = []
    monkeypatch.setattr(
        uvicorn.Server, "run", lambda self, sockets=None: frozen.append(gc.get_freeze_count())
    )
    before = sys.getswitchinterval()
    try:
        for freeze in ("1", "0"):
            monkeypatch.setenv("SAMESTORY_SERVE_GC_FREEZE", freeze)
            monkeypatch.setenv("SAMESTORY_SERVE_WARM_SECONDS", "0")
            gc.unfreeze()
            main(["serve", "--db", str(seeded), "--port", "0"])
    finally:
        gc.unfreeze()
        sys.setswitchinterval(before)
    assert frozen[0] > 1000 and frozen[1] == 0


def test_report_builds_do_not_hold_the_gate_of_the_lists(seeded: Path) -> None:
    """A story's report (seconds of pure Python on a big story) passes a gate of its
    own: while report builds are stuck, a story list or a search is still built, and a
    second report waits for the first (REPORT_BUILDS = 1)."""
    import asyncio

    from samestory.serve.service import COLD_BUILDS, REPORT_BUILDS, Service

    assert REPORT_BUILDS == 1
    service = Service(SETTINGS, SQLiteStore(seeded, read_only=True))
    release = threading.Event()
    running: list[str] = []

    def stuck(name: str) -> str:
        running.append(name)
        release.wait(10)
        return name

    async def main() -> None:
        reports = [
            asyncio.ensure_future(service.once(("r", i), lambda i=i: stuck(f"r{i}"), report=True))
            for i in range(COLD_BUILDS + 1)
        ]
        await asyncio.sleep(0.2)
        assert running == ["r0"]  # one report at a time
        listed = await asyncio.wait_for(service.cached(("list", 1), lambda: "rows"), 5)
        assert listed == "rows"  # not queued behind the stuck reports
        release.set()
        assert await asyncio.gather(*reports) == [f"r{i}" for i in range(COLD_BUILDS + 1)]

    try:
        asyncio.run(main())
    finally:
        release.set()
        service.store.close()
