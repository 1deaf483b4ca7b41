"""A reader never waits for a story's report to be rebuilt (serve/story_reports.py):
after a write, the last report built is served at once, marked stale with its
fingerprint, build time and article count, while one rebuild runs in the background;
readers then see the fresh one. A story with no report yet is built once."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.ingest import iter_read
from samestory.serve import story_reports
from samestory.serve.api import create_app
from samestory.serve.refresh import refresh_reports
from samestory.serve.reports import fingerprint
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.reports import ReportTable
from samestory.stream import StoryIngest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
HELD = 33  # joins a story of French articles (see test_reports.py)
SETTINGS = Settings(embedder="hashing", scorer_embedder="hashing")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(SETTINGS)


@pytest.fixture(scope="module")
def stale_db(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A store whose reports are all built, then one more article joins a story (as a
    command-line ingest would write it): that story's report is stale.
    Returns the path, the story id and the fingerprint of its stored report."""
    path = tmp_path_factory.mktemp("stale") / "s.db"
    articles = list(iter_read(CORPUS, engine.settings))
    store = SQLiteStore(path)
    StoryIngest(engine, store).ingest_articles(articles[:HELD] + articles[HELD + 1 :])
    refresh_reports(store, engine.settings)
    before = ReportTable(store).fingerprints()
    StoryIngest(engine, store).ingest_articles([articles[HELD]])
    sid = store.story_of(articles[HELD].id)
    assert sid is not None and sid in before
    store.close()
    return path, sid, before[sid]


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _slow_builds(
    monkeypatch: pytest.MonkeyPatch, seconds: float, gate: threading.Event | None = None
) -> list[str]:
    """Every report build takes `seconds` longer, or with `gate` waits until the test
    opens it (so "the reader did not wait" is a fact, not a timing); returns the names
    of the threads that built."""
    built: list[str] = []
    real = story_reports.build_capped

    def slow(analyses: Any, total: int, settings: Settings) -> Any:
        if gate is not None:
            gate.wait(60)
        else:
            time.sleep(seconds)
        built.append(threading.current_thread().name)
        return real(analyses, total, settings)

    monkeypatch.setattr(story_reports, "build_capped", slow)
    return built


def _until_fresh(client: TestClient, path: str, seconds: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        body: dict[str, Any] = client.get(path).json()
        if body["report_state"]["fresh"]:
            return body
        assert time.monotonic() < deadline, "the stale report was never rebuilt"
        time.sleep(0.1)


def test_a_stale_report_is_served_at_once_and_rebuilt_in_the_background(
    stale_db: tuple[Path, str, str], engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, sid, old_fp = stale_db
    db = _copy(src, tmp_path / "s.db")
    gate = threading.Event()
    built = _slow_builds(monkeypatch, 0.0, gate)
    # An injected engine: no write worker, so the rebuild runs on this process's thread.
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=engine)
    with TestClient(app) as client:
        r = client.get(f"/api/stories/{sid}")
        assert r.status_code == 200 and built == []  # answered while the build is held
        body = r.json()
        state = body["report_state"]
        assert state["fresh"] is False and state["rebuilding"] is True
        assert state["fingerprint"] == old_fp
        assert state["story_articles"] == len(body["articles"]) == state["articles"] + 1
        assert body["report"]["coverage"]["of"] == state["articles"]  # the old report's own
        page = client.get(f"/stories/{sid}").text
        assert 'id="report-stale"' in page
        assert f"when the story had {state['articles']} of its {len(body['articles'])}" in page
        # Many readers meanwhile: one rebuild, on the rebuild thread.
        for _ in range(5):
            assert client.get(f"/api/stories/{sid}").json()["report_state"]["fresh"] is False
        assert built == []
        gate.set()
        fresh = _until_fresh(client, f"/api/stories/{sid}")
        ids = [a["id"] for a in fresh["articles"]]
        fp = fingerprint(ids, SETTINGS.report_max_articles)
        assert fresh["report_state"]["fingerprint"] == fp
        assert fresh["report_state"]["articles"] == len(ids)
        assert {a["id"] for a in fresh["report"]["articles"]} == set(ids)
        assert built == ["report-rebuild"]
        assert 'id="report-stale"' not in client.get(f"/stories/{sid}").text
    stored = ReportTable(SQLiteStore(db, read_only=True)).get(sid, fp)
    assert stored is not None and stored.articles == len(ids)  # kept for the next process


def test_a_story_never_built_is_built_once_for_its_readers(
    stale_db: tuple[Path, str, str], engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, sid, _ = stale_db
    db = _copy(src, tmp_path / "s.db")
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM reports")
    built = _slow_builds(monkeypatch, 0.5)
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=engine)
    with TestClient(app) as client:
        answers: list[dict[str, Any]] = []

        def read() -> None:
            answers.append(client.get(f"/api/stories/{sid}").json())

        readers = [threading.Thread(target=read) for _ in range(4)]
        for t in readers:
            t.start()
        for t in readers:
            t.join(60)
    assert len(answers) == 4 and all(a["report_state"]["fresh"] for a in answers)
    assert len(built) == 1  # once, for all four readers


def test_a_page_from_a_stale_report_without_a_stored_page_is_rendered_not_built(
    stale_db: tuple[Path, str, str], engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored pages rendered by other templates (an upgrade): the stale report itself
    is rendered for the reader, while the rebuild runs."""
    src, sid, _ = stale_db
    db = _copy(src, tmp_path / "s.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE reports SET page_key = 'old'")
    gate = threading.Event()
    built = _slow_builds(monkeypatch, 0.0, gate)
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=engine)
    with TestClient(app) as client:
        page = client.get(f"/stories/{sid}").text
        assert built == [] and 'id="report-stale"' in page  # rendered while the build is held
        gate.set()
        _until_fresh(client, f"/api/stories/{sid}")
        assert 'id="report-stale"' not in client.get(f"/stories/{sid}").text


def test_a_reader_told_fresh_by_the_json_gets_the_fresh_page_too(
    stale_db: tuple[Path, str, str], engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rebuilt report is published to readers only once it is stored and held: a
    slow store write (a busy database) must not open a window where the JSON says
    fresh while the page is still the stale one (a CI failure, session 15)."""
    src, sid, _ = stale_db
    db = _copy(src, tmp_path / "s.db")
    _slow_builds(monkeypatch, 0.5)
    real = story_reports.StoryReports._persist

    def slow_persist(self: story_reports.StoryReports, write: Any, story_id: str) -> None:
        time.sleep(1.5)
        real(self, write, story_id)

    monkeypatch.setattr(story_reports.StoryReports, "_persist", slow_persist)
    app = create_app(SETTINGS, store=SQLiteStore(db), engine=engine)
    with TestClient(app) as client:
        assert client.get(f"/api/stories/{sid}").json()["report_state"]["fresh"] is False
        _until_fresh(client, f"/api/stories/{sid}")
        assert 'id="report-stale"' not in client.get(f"/stories/{sid}").text
