"""POST /api/articles reports every item: JSON lists, JSON Lines and multipart uploads
alike, partial success answered 207 with the skips listed (issue #18, item 1)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.serve.api import create_app
from samestory.settings import Settings
from samestory.store import SQLiteStore

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _doc(i: int) -> dict[str, str]:
    towns = ("Portmere", "Lindholm", "Talbote", "Valbonne", "Kirkwall", "Ostmark")
    town = towns[i % len(towns)]
    return {
        "title": f"{town} council approves new ferry timetable {i}",
        "text": f"The council of {town} voted on Tuesday to add {i + 2} ferry crossings a day "
        "from April, after complaints about queues at the harbour in the summer.",
        "outlet": f"Outlet {i}",
        "url": f"https://news{i}.example/ferry",
    }


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(embedder="hashing", api_token=TOKEN)
    engine = Engine(settings)
    app = create_app(settings, store=SQLiteStore(), engine=engine)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _skipped(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [it for it in body["items"] if it["status"] == "skipped"]


def test_jsonl_with_broken_lines_is_a_partial_success(client: TestClient) -> None:
    lines = [json.dumps(_doc(0)), "{broken", json.dumps(_doc(1)), '{"nope": 1}', ""]
    r = client.post(
        "/api/articles",
        content="\n".join(lines).encode(),
        headers={**AUTH, "content-type": "application/x-ndjson"},
    )
    assert r.status_code == 207, r.text
    body = r.json()
    assert body["report"]["stored"] == 2
    assert body["report"]["skipped"]["total"] == 2
    assert [(it["line"], it["reason"]) for it in _skipped(body)] == [
        (2, "bad-record"),
        (4, "no-text"),
    ]
    assert [it["status"] for it in body["items"]] == ["stored", "skipped", "stored", "skipped"]
    assert all(it["story"] for it in body["items"] if it["status"] == "stored")


def test_json_batch_lists_each_item_by_index(client: TestClient) -> None:
    batch = {"articles": [_doc(2), {"text": ""}, {"nope": 1}, _doc(0)]}
    r = client.post("/api/articles", json=batch, headers=AUTH)
    assert r.status_code == 207, r.text
    body = r.json()
    assert [(it["index"], it["status"]) for it in body["items"]] == [
        (0, "stored"),
        (1, "skipped"),
        (2, "skipped"),
        (3, "already-there"),  # posted by the JSON Lines test
    ]
    assert body["report"]["skipped"]["total"] == 2
    assert all(it["message"] for it in _skipped(body))


def test_multipart_with_a_bad_file_stores_the_others(client: TestClient) -> None:
    files = [
        ("files", ("good.json", json.dumps(_doc(3)), "application/json")),
        ("files", ("empty.txt", "", "text/plain")),
        ("files", ("binary.html", b"\x00\x01\x02\x03" * 40, "text/html")),
        ("files", ("two.jsonl", json.dumps(_doc(4)) + "\n{cut", "application/x-ndjson")),
    ]
    r = client.post("/api/articles", files=files, headers=AUTH)
    assert r.status_code == 207, r.text
    body = r.json()
    got = sorted((it["file"], it["status"]) for it in body["items"])
    assert got == [
        ("binary.html", "skipped"),
        ("empty.txt", "skipped"),
        ("good.json", "stored"),
        ("two.jsonl", "skipped"),
        ("two.jsonl", "stored"),
    ]
    assert body["report"]["stored"] == 2 and body["report"]["skipped"]["total"] == 3


def test_a_clean_batch_is_201_and_a_repeat_is_already_there(client: TestClient) -> None:
    batch = [_doc(5), _doc(6)]
    first = client.post("/api/articles", json=batch, headers=AUTH)
    assert first.status_code == 201, first.text
    assert [it["status"] for it in first.json()["items"]] == ["stored", "stored"]
    again = client.post("/api/articles", json=batch, headers=AUTH)
    assert again.status_code == 201
    assert [it["status"] for it in again.json()["items"]] == ["already-there"] * 2


def test_a_batch_with_no_usable_item_is_refused_with_the_items(client: TestClient) -> None:
    r = client.post("/api/articles", json=[{"text": ""}, {"title": "t"}], headers=AUTH)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "InputError"  # a public error name, not the route's own class
    assert "none of the 2 items" in body["message"]
    assert [it["index"] for it in body["items"]] == [0, 1]


def test_a_full_disk_is_a_507_and_nothing_half_stored(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    before = client.get("/api/health").json()["counts"]["articles"]
    monkeypatch.setattr(SQLiteStore, "write_batch", full)
    r = client.post("/api/articles", json=[_doc(7), _doc(8)], headers=AUTH)
    assert r.status_code == 507, r.text
    assert "disk is full" in r.json()["message"] and "re-run" in r.json()["message"]
    monkeypatch.undo()
    assert client.get("/api/health").json()["counts"]["articles"] == before
    again = client.post("/api/articles", json=[_doc(7), _doc(8)], headers=AUTH)
    assert again.status_code == 201, again.text


def test_an_article_over_max_text_chars_is_a_counted_skip_not_a_stall() -> None:
    # Fuzzing posted megabyte bodies that the analysis then chewed on for seconds each;
    # such a record is no news article and is refused before the analysis.
    settings = Settings(embedder="hashing", api_token=TOKEN, max_text_chars=2_000)
    app = create_app(settings, store=SQLiteStore(), engine=Engine(settings))
    huge = {**_doc(3), "text": "The harbour queue grew again. " * 200}
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/articles", json={"articles": [_doc(4), huge]}, headers=AUTH)
    assert r.status_code == 207, r.text
    body = r.json()
    assert [(it["index"], it["status"]) for it in body["items"]] == [(0, "stored"), (1, "skipped")]
    assert _skipped(body)[0]["reason"] == "too-large"
    assert "max_text_chars" in _skipped(body)[0]["message"]
