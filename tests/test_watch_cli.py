"""Sources and their status in the CLI, the REST API and the web UI; `samestory watch`
as a process (JSON log line per poll, SIGTERM stops it cleanly). Loopback HTTP only."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cli_calls import call
from conftest import ROOT
from loopback import Loopback, rss
from samestory.engine import Engine
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.sources import SourceTable

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _item(i: int) -> dict[str, str]:
    return {
        "title": f"Council approves budget number {i}",
        "link": f"https://news.example/budget/{i}",
        "description": f"The council of Porto approved a budget of {i} million euros on "
        "Monday after a long debate, the mayor told reporters.",
    }


@pytest.fixture
def server() -> Iterator[Loopback]:
    s = Loopback().start()
    s.routes["/feed"] = lambda hit: (200, {}, rss("Porto News", [_item(1), _item(2)]))
    s.routes["/down"] = lambda hit: (500, {}, b"down")
    yield s
    s.stop()


def test_sources_add_list_show_remove(tmp_path: Path, capsys, server) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = call(
        capsys, "sources", "add", server.url("/feed"), "--every", "10m", "--outlet", "Porto News",
        "--country", "pt", "--language", "pt", "--db", db,
    )  # fmt: skip
    assert code == 0 and "source 1" in out and "every 10m" in out
    code, _, err = call(capsys, "sources", "add", server.url("/feed"), "--db", db)
    assert code == 1 and "already a source" in err and "Traceback" not in err
    code, _, err = call(capsys, "sources", "add", server.url("/x"), "--every", "1s", "--db", db)
    assert code == 1 and "watch_min_every_s" in err
    code, _, err = call(capsys, "sources", "add", str(tmp_path / "nope"), "--db", db)
    assert code == 1 and "no such folder" in err
    code, out, _ = call(capsys, "sources", "list", "--json", "--db", db)
    (row,) = json.loads(out)
    assert row["every_s"] == 600 and row["country"] == "PT" and row["next_poll"] is None
    assert row["articles_total"] == 0 and row["last_poll"] is None
    code, out, _ = call(capsys, "sources", "show", "1", "--json", "--db", db)
    assert json.loads(out)["url"] == server.url("/feed")
    code, out, _ = call(capsys, "sources", "list", "--db", db)
    assert code == 0 and "Porto News" in out and "not polled yet" in out
    code, out, _ = call(capsys, "sources", "remove", server.url("/feed"), "--db", db)
    assert code == 0 and "removed source 1" in out
    code, _, err = call(capsys, "sources", "show", "1", "--db", db)
    assert code == 1 and "not found" in err


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing", scorer_embedder="hashing"))


def test_status_in_the_api_and_the_sources_page(engine, server) -> None:
    from samestory.watch import Watcher, add_source

    store = SQLiteStore()
    settings = engine.settings.with_(api_token=TOKEN, watch_retries=0, watch_host_interval_s=0.0)
    add_source(store, server.url("/feed"), settings, outlet="Porto News")
    add_source(store, server.url("/down"), settings)
    Watcher(engine, store, settings, reports=False).run_once()
    client = TestClient(create_app(settings, store=store, engine=engine))
    body = client.get("/api/sources").json()
    assert body["failing"] == 1
    by_url = {r["url"]: r for r in body["sources"]}
    assert by_url[server.url("/feed")]["articles_total"] == 2
    assert by_url[server.url("/feed")]["articles_today"] == 2
    assert by_url[server.url("/down")]["ok"] is False
    assert "HTTP 500" in by_url[server.url("/down")]["last_error"]
    page = client.get("/sources")
    assert page.status_code == 200 and 'href="/sources"' in page.text
    assert "1 failing" in page.text and "source-error" in page.text and "HTTP 500" in page.text
    # Adding through the API: token needed, loopback refused, public hosts only.
    r = client.post("/api/sources", json={"url": "https://news.example/feed"})
    assert r.status_code == 401
    r = client.post("/api/sources", json={"url": server.url("/other")}, headers=AUTH)
    assert r.status_code == 403 and "non-public" in r.json()["message"]
    r = client.post("/api/sources", json={"url": "/etc"}, headers=AUTH)
    assert r.status_code == 400
    r = client.delete("/api/sources/2", headers=AUTH)
    assert r.status_code == 200 and client.get("/api/sources").json()["failing"] == 0


def test_api_added_source_is_marked_and_its_linked_pages_checked(
    engine, server, monkeypatch
) -> None:
    """fetch_pages: linked pages of an API source obey the refusal too."""
    from samestory.serve import service
    from samestory.watch import Watcher

    real = service.check_public_url
    monkeypatch.setattr(
        service, "check_public_url", lambda url: None if "//localhost:" in url else real(url)
    )
    page_url = server.url("/page/1")
    items = [{**_item(1), "link": page_url}]
    server.routes["/summaries"] = lambda hit: (200, {}, rss("Porto News", items))
    server.routes["/page/1"] = lambda hit: (200, {"Content-Type": "text/html"}, b"<html></html>")
    settings = engine.settings.with_(api_token=TOKEN, watch_retries=0, watch_host_interval_s=0.0)
    store = SQLiteStore()
    client = TestClient(create_app(settings, store=store, engine=engine))
    url = server.url("/summaries", host="localhost")
    r = client.post("/api/sources", json={"url": url, "fetch_pages": True}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert SourceTable(store).get(url).origin == "api"
    (p,) = Watcher(engine, store, settings, reports=False).run_once()
    assert p.status == "200" and p.stored == 1 and p.skipped == 1
    assert server.count("/page/1") == 0  # the 127.0.0.1 page was refused, its summary kept


def test_watch_process_logs_json_and_stops_on_sigterm(tmp_path: Path, server) -> None:
    db = tmp_path / "w.db"
    store = SQLiteStore(db)
    SourceTable(store).add(server.url("/feed"), every_s=600)
    store.close()
    env = {
        **os.environ,
        "SAMESTORY_EMBEDDER": "hashing",
        "SAMESTORY_SCORER_EMBEDDER": "hashing",
        "PYTHONPATH": str(ROOT / "src"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "samestory", "watch", "--db", str(db), "--no-reports"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line: dict[str, Any] = {}
    deadline = time.time() + 120
    while time.time() < deadline:
        raw = proc.stderr.readline()
        if raw.startswith("{"):
            line = json.loads(raw)
            if line["event"] == "poll":
                break
    assert line["event"] == "poll" and line["status"] == "200" and line["stored"] == 2
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert "stopped" in rest and "Traceback" not in rest
    state = SourceTable(SQLiteStore(db)).poll_state(1)
    assert state.polls == 1 and state.last_success is not None


def test_serve_watch_runs_the_watcher_beside_the_api(engine, server, tmp_path: Path) -> None:
    from samestory.watch.background import start_watcher

    db = tmp_path / "serve.db"
    store = SQLiteStore(db)
    SourceTable(store).add(server.url("/feed"), every_s=600)
    settings = engine.settings.with_(db=str(db), watch_idle_s=0.2)
    app = create_app(settings, store=store, engine=engine)
    stop = start_watcher(app.state.service)
    try:
        client = TestClient(app)
        deadline = time.time() + 60
        while time.time() < deadline:
            (row,) = client.get("/api/sources").json()["sources"]
            if row["last_poll"]:
                break
            time.sleep(0.2)
        assert row["ok"] and row["articles_total"] == 2
        assert client.get("/api/health").json()["counts"]["articles"] == 2
    finally:
        stop()
