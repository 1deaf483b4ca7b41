"""REST API, in process: every endpoint, and bad input answered 4xx with a JSON error."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.serve.api import create_app
from samestory.serve.service import ForbiddenError, check_public_url
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.store.schema import MIGRATIONS
from samestory.stream import StoryIngest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
VALENCIA = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing"))


@pytest.fixture(scope="module")
def store(engine: Engine) -> SQLiteStore:
    store = SQLiteStore()
    StoryIngest(engine, store).ingest_sources([CORPUS])
    return store


@pytest.fixture(scope="module")
def client(engine: Engine, store: SQLiteStore) -> Iterator[TestClient]:
    app = create_app(engine.settings, store=store, engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _writer(engine: Engine, **settings: Any) -> TestClient:
    """A client on a fresh, empty store that accepts writes with TOKEN."""
    s = engine.settings.with_(api_token=TOKEN, **settings)
    return TestClient(
        create_app(s, store=SQLiteStore(), engine=engine), raise_server_exceptions=False
    )


def _is_error(r: Any, status: int) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == status and body["error"] and body["message"]


def test_health(client: TestClient, store: SQLiteStore) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["read_only"] is True
    assert body["counts"] == store.counts() and body["counts"]["articles"] == 37


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/compare",
        "/api/search",
        "/api/health",
    ):
        assert p in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/stories/{story_id}" in docs.text
    assert "cdn" not in docs.text.lower()


def test_stories_paging_and_filters(client: TestClient, store: SQLiteStore) -> None:
    all_rows = client.get("/api/stories").json()["stories"]
    assert [s["id"] for s in all_rows] == [s["id"] for s in store.stories()]
    assert len(all_rows) >= 2
    page2 = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()["stories"]
    assert [s["id"] for s in page2] == [all_rows[1]["id"]]
    fr = client.get("/api/stories", params={"language": "fr"}).json()["stories"]
    assert fr and all("fr" in s["languages"] for s in fr)
    assert client.get("/api/stories", params={"language": "xx"}).json()["stories"] == []
    outlet = all_rows[0]["outlets"][0]
    by_outlet = client.get("/api/stories", params={"outlet": outlet}).json()["stories"]
    assert all_rows[0]["id"] in [s["id"] for s in by_outlet]
    valencia = client.get("/api/stories", params={"entity": "Valencia"}).json()["stories"]
    assert valencia and len(valencia) < len(all_rows)
    assert client.get("/api/stories", params={"since": "2099-01-01"}).json()["stories"] == []
    assert client.get("/api/stories", params={"until": "1990-01-01"}).json()["stories"] == []


def test_story_with_report(client: TestClient, store: SQLiteStore) -> None:
    sid = store.stories()[0]["id"]
    r = client.get(f"/api/stories/{sid}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == sid and len(body["articles"]) == body["size"]
    report = body["report"]
    assert set(report) >= {"facts", "summary", "timeline", "lineage"}
    assert report["facts"] and {f["status"] for f in report["facts"]} <= {
        "consensus",
        "unique",
        "conflict",
    }
    assert client.get(f"/api/stories/{sid}").json() == body  # cached: identical
    # Each article says when and where its event happened, and how much text it had.
    ident = report["articles"][0]["identity"]
    assert set(ident) == {"event_date", "place", "evidence"}
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200 and "When (event)" in page.text


def test_articles_list_and_one(client: TestClient, store: SQLiteStore) -> None:
    rows = client.get("/api/articles", params={"limit": 5}).json()["articles"]
    assert len(rows) == 5 and all(r["story"] for r in rows)
    one = client.get(f"/api/articles/{rows[0]['id']}").json()
    assert one["article"]["id"] == rows[0]["id"] and one["story"] == rows[0]["story"]
    assert one["sentences"] and one["mentions"]


def test_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "inundaciones valencia"}).json()["results"]
    assert hits and all(h["story"] for h in hits)
    accents = client.get("/api/search", params={"q": "generalitat algemesi"}).json()["results"]
    assert accents  # "Algemesí" matched without its accent
    by_entity = client.get("/api/search", params={"entity": "Valencia"}).json()["results"]
    assert by_entity
    both = client.get("/api/search", params={"q": "muertos", "entity": "Valencia"}).json()
    assert {h["id"] for h in both["results"]} <= {h["id"] for h in by_entity}
    nothing = client.get("/api/search", params={"q": "zzqxnonexistentword"}).json()
    assert nothing["results"] == []


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "a* NEAR(", "title:x", "-", "😀 ' ;"])
def test_search_syntax_never_breaks(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code in (200, 400), r.text


def test_compare_json_and_multipart(client: TestClient) -> None:
    a = {"title": VALENCIA["title"], "text": VALENCIA["text"], "language": "es"}
    b = "Floods in Valencia\n\nAt least seven people died in floods in the Ribera Alta, Valencia."
    r = client.post("/api/compare", json={"a": a, "b": b})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body["scores"]) == {
        "overall",
        "geography",
        "entities",
        "time",
        "narrative",
        "style",
        "tone",
    }
    assert 0 <= body["same_story"] <= 1 and body["articles"]["b"]["title"] == "Floods in Valencia"
    # The identity evidence that decided (issue 15), beside the existing fields.
    identity = body["identity"]
    assert {"evidence", "event_dates", "places"} <= set(identity)
    assert identity["evidence"] == {"a": "full text", "b": "title and lede"}
    files = {
        "a": ("a.txt", b.encode(), "text/plain"),
        "b": ("b.json", json.dumps(a), "application/json"),
    }
    r2 = client.post("/api/compare", files=files)
    assert r2.status_code == 200, r2.text
    assert r2.json()["scores"]["overall"] == pytest.approx(
        client.post("/api/compare", json={"a": b, "b": a}).json()["scores"]["overall"]
    )


def test_compare_missing_side_is_refused_before_the_other_is_read(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import samestory.serve.service as service_module

    read: list[str] = []
    real = service_module.parse_article
    monkeypatch.setattr(
        service_module,
        "parse_article",
        lambda data, **kw: read.append(kw["name"]) or real(data, **kw),
    )
    page = ("a.html", b"<html><body><p>" + b"Floods in Valencia. " * 40 + b"</p></body></html>")
    r = client.post("/api/compare", files={"a": page})
    _is_error(r, 400)
    assert "'b' is missing" in r.json()["message"] and read == []


def test_unknown_ids_are_404(client: TestClient) -> None:
    _is_error(client.get("/api/stories/s-nope"), 404)
    _is_error(client.get("/api/articles/nope"), 404)
    _is_error(client.get("/api/nothing-here"), 404)


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status"),
    [
        ("get", "/api/stories", {"params": {"limit": "abc"}}, 422),
        ("get", "/api/stories", {"params": {"limit": 0}}, 422),
        ("get", "/api/stories", {"params": {"offset": -1}}, 422),
        ("get", "/api/stories", {"params": {"since": "yesterday"}}, 400),
        ("get", "/api/search", {}, 400),
        (
            "post",
            "/api/compare",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
        ),
        (
            "post",
            "/api/compare",
            {"content": b"\xff\xfe\x00", "headers": {"content-type": "application/json"}},
            400,
        ),
        ("post", "/api/compare", {"json": {"a": "only one side"}}, 400),
        ("post", "/api/compare", {"json": [1, 2]}, 400),
        ("post", "/api/compare", {"json": {"a": 1, "b": 2}}, 400),
        ("post", "/api/compare", {"json": {"a": "", "b": "x"}}, 400),
        ("post", "/api/compare", {"content": b"a", "headers": {"content-type": "image/png"}}, 415),
        (
            "post",
            "/api/compare",
            {
                "content": b"--x\r\nbroken",
                "headers": {"content-type": "multipart/form-data; boundary=x"},
            },
            400,
        ),
        ("delete", "/api/stories", {}, 405),
        ("post", "/api/articles", {"json": {"title": "t", "text": "x"}}, 403),
    ],
)
def test_bad_input_is_a_json_4xx(
    client: TestClient, method: str, url: str, kwargs: dict[str, Any], status: int
) -> None:
    _is_error(client.request(method.upper(), url, **kwargs), status)


def test_oversize_body_is_413(engine: Engine) -> None:
    c = _writer(engine, max_body_bytes=1000)
    big = b'{"title": "t", "text": "' + b"x" * 2000 + b'"}'
    _is_error(
        c.post("/api/articles", content=big, headers={**AUTH, "content-type": "application/json"}),
        413,
    )
    # No Content-Length (chunked): counted as it streams.
    chunks = iter([big[:600], big[600:]])
    _is_error(
        c.post("/api/compare", content=chunks, headers={"content-type": "application/json"}), 413
    )


def test_writes_need_the_token(engine: Engine) -> None:
    c = _writer(engine)
    doc = {"title": "t", "text": "A short article in Paris."}
    _is_error(c.post("/api/articles", json=doc), 401)
    assert c.post("/api/articles", json=doc).headers["www-authenticate"] == "Bearer"
    _is_error(c.post("/api/articles", json=doc, headers={"Authorization": "Bearer wrong"}), 403)
    _is_error(c.post("/api/articles", json=doc, headers={"X-API-Token": "wrong"}), 403)
    assert c.get("/api/health").json()["counts"]["articles"] == 0


def test_ingest_formats_and_batches(engine: Engine) -> None:
    c = _writer(engine)
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    one = json.loads(lines[0])
    r = c.post("/api/articles", json=one, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["report"]["stored"] == 1 and r.json()["articles"][0]["story"]
    batch = [json.loads(x) for x in lines[1:4]]
    r = c.post("/api/articles", json={"articles": batch}, headers=AUTH)
    assert r.json()["report"]["stored"] == 3
    again = c.post("/api/articles", json=batch, headers=AUTH).json()
    assert again["report"]["stored"] == 0 and again["report"]["duplicates"] == 3
    text = "Un titre de test\n\nUn article sur une manifestation à Lyon mardi, avec 300 personnes."
    r = c.post(
        "/api/articles", content=text.encode(), headers={**AUTH, "content-type": "text/plain"}
    )
    assert r.status_code == 201 and r.json()["articles"][0]["title"] == "Un titre de test"
    html = (
        "<html><head><title>Storm hits Oslo</title></head><body><article><h1>Storm hits Oslo"
        "</h1><p>A heavy storm hit Oslo on Monday, cutting power to 20,000 homes across the "
        "city, the utility said. Crews worked through the night to restore it.</p></article>"
        "</body></html>"
    )
    r = c.post(
        "/api/articles", content=html.encode(), headers={**AUTH, "content-type": "text/html"}
    )
    assert r.status_code == 201, r.text
    files = {"f": ("x.txt", "Upload title\n\nAn uploaded article about Berlin and 12 trains.")}
    r = c.post("/api/articles", files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    health = c.get("/api/health").json()["counts"]
    assert health["articles"] == 7
    assert c.get("/api/search", params={"q": "Lyon manifestation"}).json()["results"]
    assert c.get("/api/search", params={"q": "Oslo"}).json()["results"]
    stories = c.get("/api/stories").json()["stories"]
    assert sum(s["size"] for s in stories) == 7


@pytest.mark.parametrize(
    ("body", "ctype", "status"),
    [
        (b"{broken", "application/json", 400),
        (b"[]", "application/json", 422),
        (b'{"title": "t"}', "application/json", 422),
        (b"", "text/plain", 400),
        (b"\x00\x01\x02binary", "text/plain", 400),
        (b"x", "application/pdf", 415),
        (b"x", "", 415),
        (b'{"urls": "http://x"}', "application/json", 400),
    ],
)
def test_bad_ingest_is_a_json_4xx(engine: Engine, body: bytes, ctype: str, status: int) -> None:
    c = _writer(engine)
    headers = {**AUTH, **({"content-type": ctype} if ctype else {})}
    r = c.post("/api/articles", content=body, headers=headers)
    assert 400 <= r.status_code < 500, r.text
    _is_error(r, status)


def test_url_fetch_is_off_by_default_and_never_internal(engine: Engine) -> None:
    off = _writer(engine)
    r = off.post("/api/articles", json={"urls": ["https://example.com/a"]}, headers=AUTH)
    _is_error(r, 403)
    on = _writer(engine, allow_url_fetch=True)
    for url in (
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://10.1.2.3/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://0.0.0.0/",
    ):
        _is_error(on.post("/api/articles", json={"urls": [url]}, headers=AUTH), 403)
    _is_error(on.post("/api/articles", json={"urls": ["file:///etc/passwd"]}, headers=AUTH), 400)


@pytest.mark.parametrize(
    "url", ["http://192.168.1.1", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/"]
)
def test_check_public_url_refuses_internal(url: str) -> None:
    with pytest.raises(ForbiddenError):
        check_public_url(url)


def test_migration_1_to_2_keeps_and_indexes_old_rows(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)")
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1)")
    conn.execute(
        "INSERT INTO articles (id, seq, title, lede, body, ingested_at)"
        " VALUES ('a1', 1, 'Vieux titre', '', 'Un séisme a frappé Chiclayo hier.', 'now')"
    )
    conn.commit()
    conn.close()
    store = SQLiteStore(db)
    versions = [v for (v,) in store.conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))  # 2 and every later one
    assert store.article("a1").title == "Vieux titre"
    assert [r["id"] for r in store.search("seisme chiclayo")] == ["a1"]
    store.conn.execute(
        "INSERT INTO articles (id, seq, title, lede, body, ingested_at)"
        " VALUES ('a2', 2, 'Nouveau', '', 'Un autre séisme à Lima.', 'now')"
    )
    store.conn.commit()
    assert {r["id"] for r in store.search("séisme")} == {"a1", "a2"}  # indexed lazily
    store.close()
    reopened = SQLiteStore(db)  # a second open runs no migration again
    assert {r["id"] for r in reopened.search("lima")} == {"a2"}
