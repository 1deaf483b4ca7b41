"""The server's security review (issue 18, item 5; docs/security.md): constant-time token
check, URL fetches that never reach an internal address (every redirect hop, and the
address actually connected to after DNS), limits on what a request may carry, and the
security headers on every answer."""

from __future__ import annotations

import json
import re
import socket
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from samestory.engine import Engine
from samestory.ingest import fetch
from samestory.ingest.fetch import BlockedAddressError
from samestory.serve import api
from samestory.serve.api import create_app
from samestory.serve.guard import SECURITY_HEADERS
from samestory.settings import Settings
from samestory.store import SQLiteStore

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGE = (
    "<html><head><title>Harbour lanes reopen</title></head><body><article>"
    + ("<p>The harbour reopened its shipping lanes on Monday after a week of storms.</p>" * 5)
    + "</article></body></html>"
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(embedder="hashing", scorer_embedder="hashing"))


def _client(engine: Engine, **settings: Any) -> TestClient:
    s = engine.settings.with_(api_token=TOKEN, **settings)
    return TestClient(
        create_app(s, store=SQLiteStore(), engine=engine), raise_server_exceptions=False
    )


# --- token ---
def test_token_is_compared_in_constant_time(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = api.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.hmac, "compare_digest", spy)
    c = _client(engine)
    assert (
        c.post(
            "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer nope"}
        ).status_code
        == 403
    )
    assert calls == [(b"nope", TOKEN.encode())]
    assert c.post("/api/articles", content=b"", headers={"X-Api-Token": "n"}).status_code == 403
    assert c.post("/api/articles", json={}).status_code == 401


# --- URL fetches ---
def _resolve_to(monkeypatch: pytest.MonkeyPatch, table: dict[str, str]) -> None:
    def getaddrinfo(host: str, port: Any, *args: Any, **kw: Any) -> list[Any]:
        if host not in table:
            raise socket.gaierror("not found")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[host], port or 443))]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", getaddrinfo)


def test_a_redirect_to_an_internal_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _resolve_to(monkeypatch, {"news.example": "93.184.216.34", "intranet.example": "10.0.0.7"})
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})
        return httpx.Response(200, text=PAGE, headers={"Content-Type": "text/html"})

    monkeypatch.setattr(fetch, "_TRANSPORT", httpx.MockTransport(handler))
    with pytest.raises(BlockedAddressError, match=re.escape("10.0.0.7")):
        fetch.fetch("https://news.example/a", Settings(), public_only=True)
    assert seen == ["https://news.example/a"]  # the internal host was never asked
    # Bulk ingest (the user's own URLs) follows it: only the server's mode refuses.
    got = fetch.fetch("https://news.example/a", Settings())
    assert got.url == "http://intranet.example/admin"


class _Stream:
    def __init__(self, address: str) -> None:
        self.address = address

    def get_extra_info(self, name: str) -> Any:
        return (self.address, 443) if name == "server_addr" else None


def test_the_connected_address_is_checked_after_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the check's lookup said public, the connection reached loopback."""
    _resolve_to(monkeypatch, {"news.example": "93.184.216.34"})
    body_read: list[bool] = []

    def handler(request: httpx.Request) -> httpx.Response:
        def stream() -> Any:
            body_read.append(True)
            yield PAGE.encode()

        return httpx.Response(
            200, content=stream(), extensions={"network_stream": _Stream("127.0.0.1")}
        )

    monkeypatch.setattr(fetch, "_TRANSPORT", httpx.MockTransport(handler))
    with pytest.raises(BlockedAddressError, match=re.escape("127.0.0.1")):
        fetch.fetch("https://news.example/a", Settings(), public_only=True)
    assert not body_read


def test_api_url_fetch_refuses_a_redirect_inward(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve_to(monkeypatch, {"news.example": "93.184.216.34", "meta.example": "169.254.169.254"})

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example" and request.url.path == "/ok":
            return httpx.Response(200, text=PAGE, headers={"Content-Type": "text/html"})
        return httpx.Response(301, headers={"Location": "http://meta.example/latest"})

    monkeypatch.setattr(fetch, "_TRANSPORT", httpx.MockTransport(handler))
    c = _client(engine, allow_url_fetch=True)
    r = c.post("/api/articles", json={"urls": ["https://news.example/moved"]}, headers=AUTH)
    assert r.status_code == 403 and "169.254.169.254" in r.json()["message"]
    r = c.post("/api/articles", json={"urls": ["https://news.example/ok"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    r = c.post("/api/articles", json={"urls": ["https://news.example/ok"] * 21}, headers=AUTH)
    assert r.status_code == 413 and "api_max_urls" in r.json()["message"]


# --- limits ---
def test_request_limits(engine: Engine) -> None:
    c = _client(engine, api_max_batch=3, api_max_uploads=2, max_json_depth=8)
    record = {"title": "Harbour lanes reopen", "text": "The harbour reopened its lanes. " * 5}
    many = [{**record, "title": f"{record['title']} {i}"} for i in range(4)]
    r = c.post("/api/articles", json=many, headers=AUTH)
    assert r.status_code == 413 and "api_max_batch" in r.json()["message"]
    deep = json.dumps({"a": {"text": "x"}, "b": [[[[[[[[[["x"]]]]]]]]]]})
    r = c.post("/api/compare", content=deep, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "max_json_depth" in r.json()["message"]
    r = c.post(
        "/api/articles",
        content=b"[" * 100_000,
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert r.status_code == 400
    files = [
        ("files", (f"{i}.txt", b"Harbour lanes reopen\n\n" + b"words " * 20)) for i in range(3)
    ]
    r = c.post("/api/articles", files=files, headers=AUTH)
    assert r.status_code == 400 and "Too many files" in r.json()["message"]
    c = _client(engine, compare_max_chars=500)
    r = c.post(
        "/api/compare",
        json={"a": "A title\n\n" + "word " * 200, "b": "B title\n\n" + "other words " * 10},
    )
    assert r.status_code == 413 and "compare_max_chars" in r.json()["message"]
    c = _client(engine, max_body_bytes=1000)
    r = c.post("/api/articles", content=b"x" * 2000, headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 413


# --- headers ---
@pytest.mark.parametrize(
    "path", ["/api/health", "/api/stories/nope", "/", "/static/app.css", "/nope"]
)
def test_security_headers_on_every_answer(engine: Engine, path: str) -> None:
    r = _client(engine).get(path)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers[name] == value, (path, name)
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    if r.headers["content-type"].startswith("application/json"):
        assert csp.startswith("default-src 'none'")
