"""Fuzzing the write/compare API routes (POST /api/articles, POST /api/compare): the
requests made around a fuzzed body (fuzzing.py makes the bodies) and an in-process
client for them.

The client calls the app through httpx's ASGI transport on an event loop of its own:
no socket, no server thread, no TestClient portal (a thread hop per request), so an
input costs what the route does with it. An answer of 500, or an exception out of the
app, is a failure; 4xx is a refusal.
"""

from __future__ import annotations

import asyncio
import random
import time
import traceback
from typing import Any

import httpx

from fuzzing import Stats

__all__ = ["TOKEN", "RouteClient", "api_request", "run_route"]

TOKEN = "fuzz-token"


def api_request(rng: random.Random, body: bytes) -> tuple[str, dict[str, Any]]:
    """A write or compare request around `body`: raw with a random content type, wrapped
    in JSON, or as multipart files; sometimes with no or a wrong token."""
    auth = rng.choice([{"Authorization": f"Bearer {TOKEN}"}] * 6 + [{}, {"X-Api-Token": "no"}])
    kind = rng.randrange(4)
    if kind == 0:
        ctype = rng.choice(
            [
                "application/json",
                "application/x-ndjson",
                "text/plain",
                "text/html",
                "application/xml",
                "",
                "multipart/form-data",
            ]
        )
        return "raw", {"content": body, "headers": {**auth, "Content-Type": ctype}}
    if kind == 1:
        text = body.decode("utf-8", "replace")
        payload = rng.choice(
            [
                {"articles": [text]},
                {"a": text, "b": text[::-1]},
                {"urls": [text]},
                {"a": {"text": text}, "b": "x"},
                [text],
            ]
        )
        return "json", {"json": payload, "headers": auth}
    names = ["a.html", "b.json", "c.txt", "d.warc", "e", "f.rss", "g.jsonl"]
    files = [
        (rng.choice(["a", "b", "file", "files"]), (rng.choice(names), body[:: rng.choice([1, -1])]))
        for _ in range(rng.randint(1, 3))
    ]
    return "multipart", {"files": files, "headers": auth}


def run_route(
    target: str, data: list[tuple[str, bytes]], stats: Stats, client: Any, rng: random.Random
) -> None:
    path = "/api/articles" if target == "api-articles" else "/api/compare"
    for kind, body in data:
        shape, kwargs = api_request(rng, body)
        start, cpu = time.perf_counter(), time.process_time()
        outcome, detail = "accepted", ""
        try:
            r = client.post(path, **kwargs)
            if r.status_code >= 500:
                outcome, detail = "500", r.text[:500]
            elif r.status_code >= 400:
                outcome = "refused"
        except Exception:
            outcome, detail = "traceback", traceback.format_exc(limit=-8)
        stats.add(
            time.perf_counter() - start,
            outcome,
            f"{target} {kind} {shape} {len(body)} B",
            detail + repr(body[:200]),
            time.process_time() - cpu,
        )


class RouteClient:
    """The app on a fresh in-memory store (writes accepted with TOKEN), called in process
    through httpx.ASGITransport; `post` is synchronous, like TestClient's. One per
    worker process, replaced every few thousand inputs by the caller (a growing store
    slows ingest)."""

    def __init__(self, engine: Any) -> None:
        from samestory.serve.api import create_app
        from samestory.store import SQLiteStore

        settings = engine.settings.with_(api_token=TOKEN)
        self.app = create_app(settings, store=SQLiteStore(), engine=engine)
        self.loop = asyncio.new_event_loop()
        # raise_app_exceptions=False: an exception out of the app answers 500 (counted).
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        self.client = httpx.AsyncClient(transport=transport, base_url="http://fuzz")

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.post(path, **kwargs))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.app.state.service.close()
        self.loop.close()

    def __enter__(self) -> RouteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
