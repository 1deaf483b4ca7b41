"""Persisted story reports: migration, build ahead, serve from the table, staleness,
the cap on big stories ("N of M"), and a server whose store is read-only."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.ingest import iter_read
from samestory.serve.api import create_app
from samestory.serve.pages import PAGE_KEY
from samestory.serve.refresh import refresh_reports
from samestory.serve.reports import choose_subset, fingerprint
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.reports import ReadOnlyStoreError, ReportTable
from samestory.store.schema import SCHEMA_VERSION, migrate
from samestory.stream import IngestReport, StoryIngest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
# The second French measles article: its story already has a French one, and with the
# hashing embedder these tests use only same-language evidence is meaningful.
HELD = 33
TOKEN = "t0ken"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing"))


@pytest.fixture(scope="module")
def built(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file store of the example corpus but one article (HELD), with no report yet."""
    path = tmp_path_factory.mktemp("reports") / "s.db"
    articles = list(iter_read(CORPUS, engine.settings))
    StoryIngest(engine, SQLiteStore(path)).ingest_articles(articles[:HELD] + articles[HELD + 1 :])
    return path


def _copy(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def _client(store: SQLiteStore, settings: Settings) -> TestClient:
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


def _biggest(store: SQLiteStore) -> dict[str, object]:
    return max(store.stories(), key=lambda s: s["size"])


def test_migration_3_adds_reports_to_an_old_store(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    conn = sqlite3.connect(db)
    migrate(conn, to=2)
    conn.execute(
        "INSERT INTO articles (id, seq, title, lede, body, ingested_at)"
        " VALUES ('a1', 1, 'Old', '', 'Kept across the upgrade.', 'now')"
    )
    conn.commit()
    conn.close()
    ro = SQLiteStore(db, read_only=True)  # no migration on a read-only open
    assert not ReportTable(ro).available and ReportTable(ro).get("s1") is None
    ro.close()
    store = SQLiteStore(db)
    versions = [v for (v,) in store.conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    assert ReportTable(store).available and ReportTable(store).count() == 0
    assert store.article("a1").title == "Old"


def test_subset_keeps_the_start_every_language_and_outlet_and_the_newest() -> None:
    articles = [
        {"id": f"a{i}", "outlet": "Big", "language": "en", "published": f"2025-03-{i + 1:02d}"}
        for i in range(30)
    ]
    articles[20] = {**articles[20], "language": "sl", "outlet": "Delo"}
    articles[21] = {**articles[21], "outlet": "Small"}
    chosen = choose_subset(articles, 8)
    assert len(chosen) == 8 and chosen == sorted(chosen)
    assert {0, 1} <= set(chosen)  # earliest quarter
    assert {20, 21} <= set(chosen)  # the only Slovenian article, the only Small one
    assert {29, 28} <= set(chosen)  # then the newest
    assert choose_subset(articles[:5], 8) == [0, 1, 2, 3, 4]


def test_report_is_built_ahead_and_served_from_the_table(
    built: Path, engine: Engine, tmp_path: Path
) -> None:
    store = SQLiteStore(_copy(built, tmp_path / "s.db"))
    result = refresh_reports(store, engine.settings)
    live = store.stories()
    assert result.built == sum(1 for s in live if s["size"] >= 2) and result.built > 0
    assert refresh_reports(store, engine.settings).built == 0  # all fresh now
    story = _biggest(store)
    sid = str(story["id"])
    # Mark the stored row: if the server rebuilt instead of reading it, the marks are lost.
    row = store.conn.execute("SELECT data, public, page FROM reports WHERE story_id = ?", (sid,))
    data, public, page = (json.loads(x) if i < 2 else x for i, x in enumerate(row.fetchone()))
    assert page and "<html" in page and public["coverage"]["of"] == story["size"]
    data["summary"] = [{"text": "FROM THE DATA", "status": "unique", "sources": []}]
    public["summary"] = [{"text": "FROM THE TABLE", "status": "unique", "sources": []}]
    with store.conn:
        store.conn.execute(
            "UPDATE reports SET data = ?, public = ?, page = ? WHERE story_id = ?",
            (json.dumps(data), json.dumps(public), "<p>STORED PAGE</p>", sid),
        )
    with _client(store, engine.settings) as client:
        body = client.get(f"/api/stories/{sid}").json()
        assert body["report"]["summary"][0]["text"] == "FROM THE TABLE"
        assert body["report"]["coverage"] == {
            "articles": story["size"],
            "of": story["size"],
            "complete": True,
            "selection": None,
        }
        assert body["id"] == sid and len(body["articles"]) == story["size"]
        assert client.get(f"/stories/{sid}").text == "<p>STORED PAGE</p>"
    # A page rendered by other templates is re-rendered from the stored report, and kept.
    with store.conn:
        store.conn.execute("UPDATE reports SET page_key = 'old' WHERE story_id = ?", (sid,))
    with _client(store, engine.settings) as client:
        assert "FROM THE DATA" in client.get(f"/stories/{sid}").text
    (key,) = store.conn.execute(
        "SELECT page_key FROM reports WHERE story_id = ?", (sid,)
    ).fetchone()
    assert key == PAGE_KEY


def test_stale_report_is_rebuilt_after_a_new_article_joins(
    built: Path, engine: Engine, tmp_path: Path
) -> None:
    store = SQLiteStore(_copy(built, tmp_path / "s.db"))
    refresh_reports(store, engine.settings)
    before = ReportTable(store).fingerprints()
    last = list(iter_read(CORPUS, engine.settings))[HELD]
    report = IngestReport()
    StoryIngest(engine, store).ingest_articles([last], report=report)
    sid = store.story_of(last.id)
    assert sid is not None and sid in before and sid in report.stories  # joined a story
    story = store.story(sid)
    ids = [a["id"] for a in story["articles"]]
    fp = fingerprint(ids, engine.settings.report_max_articles)
    assert before[sid] != fp and ReportTable(store).get(sid, fp) is None  # stale now
    with _client(store, engine.settings) as client:
        # At once: the last report built, marked stale; the rebuild runs meanwhile.
        body = client.get(f"/api/stories/{sid}").json()
        state = body["report_state"]
        assert state["fresh"] is False and state["fingerprint"] == before[sid]
        assert state["story_articles"] == len(ids) == state["articles"] + 1
        assert state["rebuilding"] is True and state["age_seconds"] >= 0
        assert last.id not in {a["id"] for a in body["report"]["articles"]}
        assert last.id in {a["id"] for a in body["articles"]}  # the story itself is current
        deadline = time.monotonic() + 60
        while not body["report_state"]["fresh"]:
            assert time.monotonic() < deadline, "the stale report was never rebuilt"
            time.sleep(0.1)
            body = client.get(f"/api/stories/{sid}").json()
    served = body["report"]
    assert body["report_state"]["fingerprint"] == fp and "rebuilding" not in body["report_state"]
    assert last.id in {a["id"] for a in served["articles"]}
    assert served["coverage"]["of"] == len(ids)
    stored = ReportTable(store).get(sid, fp)  # the server stored the rebuilt one
    assert stored is not None and stored.articles == len(ids)
    # `samestory ingest` rebuilds just the changed stories at the end of its run:
    assert refresh_reports(store, engine.settings, report.stories).built == 0  # fresh


def test_capped_report_says_n_of_m(built: Path, engine: Engine, tmp_path: Path) -> None:
    store = SQLiteStore(_copy(built, tmp_path / "s.db"))
    settings = engine.settings.with_(report_max_articles=4)
    # The largest example story has 5 articles (gold); the cap must cut into it.
    story = _biggest(store)
    assert int(str(story["size"])) > 4
    refresh_reports(store, settings)
    stored = ReportTable(store).get(str(story["id"]))
    assert stored is not None and (stored.covered, stored.articles) == (4, story["size"])
    with _client(store, settings) as client:
        body = client.get(f"/api/stories/{story['id']}").json()
        cov = body["report"]["coverage"]
        assert (cov["articles"], cov["of"], cov["complete"]) == (4, story["size"], False)
        assert len(body["report"]["articles"]) == 4 and len(body["articles"]) == story["size"]
        page = client.get(f"/stories/{story['id']}").text
    assert f"covers 4 of {story['size']} articles" in page


def test_read_only_store_still_serves(built: Path, engine: Engine, tmp_path: Path) -> None:
    path = _copy(built, tmp_path / "s.db")
    store = SQLiteStore(path, read_only=True)
    settings = engine.settings.with_(api_token=TOKEN)
    sid = str(_biggest(store)["id"])
    with pytest.raises(ReadOnlyStoreError):
        refresh_reports(store, settings)  # nothing can be stored here
    with _client(store, settings) as client:
        r = client.get(f"/api/stories/{sid}")
        assert r.status_code == 200 and r.json()["report"]["facts"]
        assert client.get(f"/stories/{sid}").status_code == 200
        assert client.get("/api/health").json()["read_only"] is True
        posted = client.post(
            "/api/articles",
            headers={"Authorization": f"Bearer {TOKEN}"},
            json={"title": "A title", "text": "Some text about something.", "outlet": "X"},
        )
        assert posted.status_code == 403
    assert ReportTable(SQLiteStore(path)).count() == 0  # kept in memory only
