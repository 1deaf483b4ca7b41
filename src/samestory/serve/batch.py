"""POST /api/articles item by item: partial success, and a report on every item.

Every item of a batch (a record of a JSON list or `{"articles": [...]}`, a JSON Lines
line, an uploaded file or an article in it, a URL) ends `stored`, `already-there` or
`skipped` with a reason and a message, listed in `items` with its `index` (and its
`line`, `file` or `url`). The answer is 201 when every item was stored or already
there, 207 (Multi-Status) when some were skipped; the skips are also counted in
`report.skipped` as a CLI ingest counts them. A batch in which no item is usable is
refused as a whole (422, the items listed); a request of one item (an object, a text,
a page) is refused with that item's own error, as before.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..errors import (
    InputError,
    InvalidValueError,
    NoMainTextError,
    SameStoryError,
    UnsupportedFormatError,
)
from ..ingest import read_bytes
from ..ingest.items import Item, jsonl_items, record_items, upload_items
from ..ingest.skips import FETCH_ERROR, TOO_LARGE, UNSUPPORTED, Skip, Skips, reason_of
from ..models import Article
from ..store.maintenance import store_error
from .guard import check_batch, check_urls, form_limits, parse_json
from .service import ForbiddenError, Service

__all__ = ["post_batch"]

FORMATS = {
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/plain": "txt",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
_STATUS = {TOO_LARGE: 413, UNSUPPORTED: 415}  # a lone upload refused: its error's status


async def post_batch(request: Request, service: Service) -> JSONResponse:
    """Read the posted items, ingest the usable ones, answer item by item."""
    items = await _items(request, service)
    articles = check_batch([it.article for it in items if it.article is not None], service.settings)
    if not articles:
        raise _nothing_usable(items)
    skips = Skips()
    for it in items:
        if it.skip is not None:
            skips.add(it.skip.source, it.skip.reason, it.skip.message)
    known = service.query(lambda s: [s.is_known(a) for a in articles])
    try:
        result = await run_in_threadpool(service.ingest, articles, skips)
    except sqlite3.Error as exc:  # a full disk: the batch is not stored, the store intact
        raise store_error(exc) from None
    stories = {row["id"]: row["story"] for row in result["articles"]}
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    fresh = iter(known)
    for it in items:
        row = it.to_dict()
        if it.article is not None:
            a = it.article
            there = next(fresh) or a.id in seen
            seen.add(a.id)
            story = stories.get(a.id)
            status = "already-there" if there else "stored" if story else "skipped"
            row.update(status=status, id=a.id, title=a.title, story=story)
            if status == "skipped":
                row.update(reason="analysis-failed", message=f"{a.id}: could not be analysed")
        rows.append(row)
    partial = any(r["status"] == "skipped" for r in rows)
    return JSONResponse({**result, "items": rows}, status_code=207 if partial else 201)


def _nothing_usable(items: list[Item]) -> SameStoryError:
    if not items:
        return NoMainTextError("the request holds no article")
    if len(items) == 1:
        it = items[0]
        if it.error is not None:
            return it.error
        assert it.skip is not None
        return _ItemsError(it.skip.message, _STATUS.get(it.skip.reason, 422), items)
    first = next(it.skip.message for it in items if it.skip is not None)
    return _ItemsError(f"none of the {len(items)} items is usable; first: {first}", 422, items)


class _ItemsError(InputError):
    """A batch refused as a whole, with the report on each item."""

    def __init__(self, message: str, status: int, items: list[Item]) -> None:
        super().__init__(message)
        self.status = status
        self.items = [it.to_dict() for it in items]

    def to_dict(self) -> dict[str, object]:
        # Named by its public base: this class is how the route carries the items.
        return {**super().to_dict(), "error": "InputError", "items": self.items}


async def _items(request: Request, service: Service) -> list[Item]:
    settings = service.settings
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        form = await request.form(**form_limits(settings))
        items: list[Item] = []
        for key, value in form.multi_items():
            if isinstance(value, str):
                data, name = value.encode(), key
            else:
                data, name = await value.read(), value.filename or key
            items += upload_items(data, name=name, settings=settings, first=len(items))
        if not items:
            raise InvalidValueError("the form holds no article file or text")
        return items
    raw = await request.body()
    fmt = FORMATS.get(ctype)
    if fmt is None:
        raise UnsupportedFormatError(
            f"content type {ctype or 'none'!r}; post JSON, text, HTML or multipart files"
        )
    if fmt == "jsonl":
        return jsonl_items(raw, source="request.jsonl", settings=settings)
    if fmt != "json":
        return [Item({"index": 0}, article=a) for a in _strict(raw, fmt, service)]
    data = parse_json(raw, settings)
    if isinstance(data, dict) and "urls" in data:
        return await run_in_threadpool(_url_items, data["urls"], service)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        return record_items(data, source="request.json", settings=settings)
    return [Item({"index": 0}, article=a) for a in _strict(raw, fmt, service)]


def _strict(raw: bytes, fmt: str, service: Service) -> list[Article]:
    """One posted article (an object, a text, a page): refused whole when bad."""
    return read_bytes(raw, name=f"request.{fmt}", fmt=fmt, settings=service.settings)


def _url_items(urls: Any, service: Service) -> list[Item]:
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise InvalidValueError("'urls' must be a list of URLs")
    check_urls(urls, service.settings)
    if not service.settings.allow_url_fetch:
        raise ForbiddenError("this server does not fetch URLs (setting allow_url_fetch)")
    items: list[Item] = []
    for i, url in enumerate(urls):
        where: dict[str, int | str] = {"index": i, "url": url}
        try:
            items += [Item(where, article=a) for a in service.fetch(url)]
        except SameStoryError as e:
            reason = reason_of(e) if isinstance(e, InputError) else FETCH_ERROR
            items.append(Item(where, skip=Skip(url, reason, str(e)), error=e))
        except httpx.HTTPError as e:
            error = InputError(f"{url}: cannot be fetched ({type(e).__name__})")
            items.append(Item(where, skip=Skip(url, FETCH_ERROR, str(error)), error=error))
    return items
