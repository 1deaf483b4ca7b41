"""Watches and coverage over HTTP and the CLI: the API's watch routes (token, SSRF
refusal of private webhooks), a story's `spread` with first-seen times and blind
spots, the outlet API and page, `samestory watches`, and a store without a source
list."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cli_calls import call
from samestory.engine import Engine
from samestory.ingest import read_bytes
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.spread import outlet_summary, story_spread
from samestory.stream import StoryIngest
from sources_table import make_sources_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
IDS = ["measles-fr-echo", "measles-fr-horizon", "measles-en-cp", "measles-de-abendpost"]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing", api_token=TOKEN))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Path:
    path = tmp_path_factory.mktemp("w") / "store.db"
    store = SQLiteStore(path)
    make_sources_table(store)
    lines = {json.loads(x)["id"]: x for x in CORPUS.read_text(encoding="utf-8").splitlines()}
    data = "\n".join(lines[i] for i in IDS).encode()
    StoryIngest(engine, store).ingest_articles(read_bytes(data, name="m.jsonl"))
    store.close()
    return path


@pytest.fixture(scope="module")
def client(engine: Engine, db: Path) -> Iterator[TestClient]:
    app = create_app(engine.settings, store=SQLiteStore(db), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _story(client: TestClient) -> dict[str, Any]:
    stories = client.get("/api/stories").json()["stories"]
    return next(s for s in stories if s["size"] == len(IDS))


def test_story_json_has_its_spread_and_blind_spots(client: TestClient) -> None:
    story = _story(client)
    body = client.get(f"/api/stories/{story['id']}").json()
    assert body["id"] == story["id"] and "report" in body  # the stored JSON is intact
    spread = body["spread"]
    outlets = [o["name"] for o in spread["outlets"]]
    assert outlets == ["L'Écho du Rhône", "L'Horizon", "Continental Press", "Rheinische Abendpost"]
    assert spread["outlets"][0]["first_seen"] == "2025-04-08T18:00:00+02:00"
    assert [c["name"] for c in spread["countries"]] == ["FR", "GB", "DE"]
    assert [c["articles"] for c in spread["countries"]] == [2, 1, 1]
    assert [x["name"] for x in spread["languages"]] == ["fr", "en", "de"]
    blind = {b["outlet"] for b in spread["blind_spots"]}
    assert blind == {
        "Le Sprint",
        "Deportes Total",
        "El Diario Global",
        "Sport-Echo",
        "Il Messaggero dell'Isonzo",
    }
    assert spread["sources"] == 9


def test_story_page_shows_coverage_and_the_watch_form(client: TestClient) -> None:
    story = _story(client)
    html = client.get(f"/stories/{story['id']}").text
    assert 'id="blind-spots"' in html and "Il Messaggero dell&#39;Isonzo" in html
    assert 'action="/watches"' in html and f'value="{story["id"]}"' in html
    assert '<a href="/outlets/Continental%20Press">' in html
    # First-seen times as everywhere else on the site: UTC, the zone written (#18).
    panel = html[html.index('id="spread"') :]
    firsts = re.findall(r'<td class="cite">first ([^<]*)</td>', panel)
    assert firsts and all(re.fullmatch(r"\d{4}-\d\d-\d\d( \d\d:\d\d UTC)?", f) for f in firsts)


def test_without_a_source_list_there_are_no_blind_spots(engine: Engine) -> None:
    store = SQLiteStore()
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:2]
    StoryIngest(engine, store).ingest_articles(
        read_bytes("\n".join(lines).encode(), name="x.jsonl")
    )
    sid = store.stories()[0]["id"]
    spread = story_spread(store, sid)
    assert spread["blind_spots"] == [] and spread["countries"] == [] and spread["sources"] == 0
    assert spread["outlets"]


def test_watch_routes(client: TestClient) -> None:
    story = _story(client)
    spec = {"name": "measles", "story": story["id"], "events": ["grown"], "grow_to": 6}
    assert client.post("/api/watches", json=spec).status_code == 401
    assert (
        client.post("/api/watches", json=spec, headers={"Authorization": "Bearer no"}).status_code
        == 403
    )
    bad = client.post("/api/watches", json={**spec, "events": ["nope"]}, headers=AUTH)
    assert bad.status_code == 400 and "events" in bad.json()["message"]
    private = {**spec, "webhook": "http://127.0.0.1:9/hook", "secret": "s"}
    assert client.post("/api/watches", json=private, headers=AUTH).status_code == 403
    r = client.post("/api/watches", json=spec, headers=AUTH)
    assert r.status_code == 201, r.text
    wid = r.json()["id"]
    assert r.json()["grow_to"] == 6 and "secret" not in r.json()
    listed = client.get("/api/watches").json()["watches"]
    assert [w["id"] for w in listed] == [wid]
    got = client.get(f"/api/watches/{wid}").json()
    assert got["recent"] == []  # what the story was when the watch was made is no event
    feed = client.get(f"/watches/{wid}.atom")
    assert feed.status_code == 200 and b"<feed" in feed.content
    assert client.get("/watches/999.atom").status_code == 404
    assert client.get(f"/watches/{wid}").status_code == 200
    assert client.delete(f"/api/watches/{wid}").status_code == 401
    assert client.delete(f"/api/watches/{wid}", headers=AUTH).json() == {"removed": wid}
    assert client.get(f"/api/watches/{wid}").status_code == 404


def test_web_form_needs_the_token(client: TestClient) -> None:
    form = {"name": "x", "entity": "Lyon", "events": "new", "token": "wrong"}
    assert client.post("/watches", data=form, follow_redirects=False).status_code == 403
    r = client.post("/watches", data={**form, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/watches/")


def test_outlet_api_and_page(client: TestClient, db: Path) -> None:
    body = client.get("/api/outlets/L'Écho du Rhône").json()
    assert body["stories"] == 1 and body["first"] == 1
    cp = client.get("/api/outlets/Continental Press").json()
    assert cp["stories"] == 1 and cp["first"] == 0
    assert client.get("/api/outlets/Nobody").status_code == 404
    page = client.get("/outlets/Continental Press")
    assert page.status_code == 200 and 'id="outlet-stories"' in page.text
    summary = outlet_summary(SQLiteStore(db, read_only=True), "Continental Press")
    assert summary["listed"][0]["articles"] == 1


def test_cli_watches(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> tuple[int, str]:
        code, out, err = call(capsys, *args, "--db", str(db))
        return code, out + err

    code, out = run(
        "watches", "add", "Lyon", "--entity", "Lyon", "--events", "new,language", "--json"
    )
    assert code == 0
    wid = json.loads(out)["id"]
    code, out = run("watches", "list")
    assert code == 0 and "Lyon" in out
    code, out = run("watches", "add", "bad", "--events", "grown")
    assert code == 1 and "grow_to" in out and "Traceback" not in out
    code, out = run("watches", "check", "--json")
    assert code == 0 and json.loads(out) == {"fired": 0, "sent": 0, "failed": 0}
    assert run("watches", "remove", str(wid))[0] == 0
    code, out = run("watches", "remove", str(wid))
    assert code == 1 and "not found" in out


def test_search_and_entity_pages_offer_a_watch(client: TestClient) -> None:
    search = client.get("/search", params={"q": "rougeole Lyon"}).text
    assert 'id="watch-form"' in search and 'name="words" value="rougeole Lyon"' in search
    listed = client.get("/", params={"entity": "Lyon"}).text
    assert 'id="watch-form"' in listed and 'name="entity" value="Lyon"' in listed
    assert 'id="watch-form"' not in client.get("/").text
