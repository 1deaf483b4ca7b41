"""Several writers on one SQLite file at once: two API servers (each its own connection,
as two processes would have) and a command-line ingest, plus readers. No "database is
locked", no 500, and every article stored exactly once, including the ones two writers
send at the same time."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.stream import StoryIngest

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "t"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SETTINGS = Settings(embedder="hashing", scorer_embedder="hashing", api_token=TOKEN)
BASE = [json.loads(line) for line in (ROOT / "examples" / "corpus.jsonl").read_text().splitlines()]


def _record(writer: int, i: int) -> dict[str, Any]:
    base = BASE[(writer * 7 + i) % len(BASE)]
    return {
        "title": f"{base['title']} (writer {writer}, item {i})",
        "text": f"Report {writer}-{i}. {base['text'][:700]}",
        "outlet": f"outlet-{writer}",
        "url": f"https://outlet-{writer}.example/{i}",
    }


def test_concurrent_writers_store_each_article_once(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    SQLiteStore(db).close()
    shared = [_record(9, i) for i in range(2)]  # sent by every writer at the same time
    errors: list[str] = []
    stored: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(3)

    def api_writer(w: int) -> None:
        app = create_app(SETTINGS, store=SQLiteStore(db), engine=Engine(SETTINGS))
        with TestClient(app, raise_server_exceptions=False) as client:
            start.wait()
            for i in range(3):
                for batch in ([_record(w, i)], shared[i % 2 : i % 2 + 1]):
                    r = client.post("/api/articles", json=batch, headers=AUTH)
                    if r.status_code >= 300 or "locked" in r.text:
                        with lock:
                            errors.append(f"{r.status_code} {r.text[:200]}")
                    else:
                        with lock:
                            stored.extend(a["id"] for a in r.json()["articles"])
                assert client.get("/api/stories").status_code == 200

    def cli_writer() -> None:
        store = SQLiteStore(db)
        start.wait()
        try:
            path = tmp_path / "cli.jsonl"
            path.write_text("\n".join(json.dumps(_record(0, i)) for i in range(4)))
            StoryIngest(Engine(SETTINGS), store, batch_size=2).ingest_sources([path])
        except Exception as e:  # recorded: the assertion below names it
            errors.append(f"cli: {type(e).__name__}: {e}")
        finally:
            store.close()

    threads = [threading.Thread(target=api_writer, args=(w,)) for w in (1, 2)]
    threads.append(threading.Thread(target=cli_writer))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    urls = [r[0] for r in conn.execute("SELECT canonical_url FROM articles")]
    seqs = [r[0] for r in conn.execute("SELECT seq FROM articles")]
    assert len(ids) == len(set(ids)) == len(set(urls)) == len(set(seqs))
    # 2 API writers x 3 own + 2 shared + 4 from the command line, each once.
    assert len(ids) == 2 * 3 + 2 + 4
    assert set(stored) <= set(ids)
    memberships = conn.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM memberships")
    assert memberships.fetchone() == (len(ids), len(ids))
