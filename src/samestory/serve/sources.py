"""The watcher's sources in the API (`/api/sources`) and the web UI (`/sources`).

Reading the source list and its status is open like every other read; adding and
removing a source needs the API token. A source added here is marked `origin="api"`:
it, and every redirect and linked page it leads to, obeys the refusal of loopback and
private addresses unless the operator set `watch_allow_private`.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response

from ..errors import InvalidValueError
from ..store.sources import SourceTable
from .service import ForbiddenError, Service

__all__ = ["register"]

_FIELDS = ("url", "every", "kind", "outlet", "country", "language", "fetch_pages")


def register(app: FastAPI, service: Service, writer: Any) -> None:
    """`writer`: the API's token dependency (serve/api.py)."""
    from .pages import render
    from .web import _html

    def status() -> list[dict[str, Any]]:
        return service.read(lambda s: SourceTable(s).status())

    @app.get("/api/sources", tags=["sources"])
    def list_sources() -> dict[str, Any]:
        """Every watched source with its status: last poll, last success, last error,
        articles added today and in all, next poll (`ok` is false while it fails)."""
        rows = status()
        return {"sources": rows, "failing": sum(not r["ok"] for r in rows)}

    @app.post("/api/sources", status_code=201, dependencies=[Depends(writer)], tags=["sources"])
    async def add_source(request: Request) -> dict[str, Any]:
        """Add a source: JSON `{"url": ..., "every": "10m", "kind": "auto", "outlet": ...,
        "country": "FR", "language": "fr", "fetch_pages": false}`; http(s) URLs of
        public hosts only (unless watch_allow_private)."""
        from ..watch import add_source as add

        if service.store.read_only:
            raise ForbiddenError("this server opened its store read-only (serve --read-only)")
        try:
            data = json.loads(await request.body())
        except (UnicodeDecodeError, ValueError) as exc:
            raise InvalidValueError(f"malformed JSON: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("url"), str):
            raise InvalidValueError('post {"url": "https://...", "every": "10m"}')
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise InvalidValueError(f"unknown fields {unknown}; use {list(_FIELDS)}")
        options = {k: data[k] for k in _FIELDS[1:] if data.get(k) is not None}
        source = service.read(
            lambda s: add(s, data["url"], service.settings, origin="api", **options)
        )
        return {"source": source.id, "url": source.url, "kind": source.kind}

    @app.delete("/api/sources/{source_id}", dependencies=[Depends(writer)], tags=["sources"])
    def remove_source(source_id: int) -> dict[str, Any]:
        """Stop following a source (its articles stay)."""
        source = service.read(lambda s: SourceTable(s).remove(source_id))
        return {"removed": source.id, "url": source.url}

    @app.get("/sources", include_in_schema=False)
    def sources_page() -> Response:
        rows = status()
        return _html(
            render("sources.html.j2", sources=rows, failing=sum(not r["ok"] for r in rows))
        )
