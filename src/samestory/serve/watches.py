"""Watches over HTTP (issue 19): the API, each watch's Atom feed and pages, the outlet
page, and a story's coverage (who covered it, who did not) on its page and its JSON.

A story's page and JSON are stored per membership (serve/reports.py); the coverage
also depends on the source list, so it is read on each request (a few indexed
queries) and spliced in: into the page at its marker, into the JSON as `spread`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response

from ..alerts import Watch
from ..errors import InvalidValueError, NotFoundError
from ..store.spread import outlet_summary, story_spread
from ..store.watches import WatchTable
from .service import ForbiddenError, Service, check_public_url

__all__ = ["create_watch", "register", "table_read", "with_spread_json", "with_story_panel"]

T = TypeVar("T")

MARKER = "<!--samestory:panel-->"
_STORY_EVENTS = ["grown", "language", "country", "conflict"]


def watch_id_of(text: str) -> int:
    if not text.isdigit():
        raise NotFoundError(f"watch {text!r} not found")
    return int(text)


def create_watch(service: Service, data: dict[str, Any], *, via_api: bool) -> int:
    """Validate and store a watch posted by a client (API or web form)."""
    webhook = data.pop("webhook", None) or None
    secret = data.pop("secret", None) or None
    if webhook is not None:
        if not isinstance(webhook, str):
            raise InvalidValueError("webhook must be a URL")
        if via_api and not service.settings.allow_private_webhooks:
            check_public_url(webhook)
        elif not webhook.startswith(("http://", "https://")):
            raise InvalidValueError(f"{webhook!r}: a webhook is an http(s) URL")
    watch = Watch.from_dict(data)
    if service.store.read_only:
        raise ForbiddenError("this server opened its store read-only")
    return service.read(lambda s: WatchTable(s).add(watch, webhook=webhook, secret=secret))


def check_token(service: Service, given: str) -> None:
    import hmac

    token = service.settings.api_token
    if not token:
        raise ForbiddenError("this server is read-only (no api_token configured)")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ForbiddenError("wrong api token")


def _spread(service: Service, story_id: str) -> dict[str, Any]:
    """A story's spread, cached until the stories or the source list change (sources
    are added and removed, not edited: their count and last id tell a change)."""
    stamp = service.sources_stamp()
    key = ("spread", service.version(), story_id, stamp)
    return service.memo(key, lambda: service.query(lambda s: story_spread(s, story_id)))


def with_story_panel(service: Service, story_id: str, page: str, render: Callable[..., str]) -> str:
    """The stored story page with its coverage and the watch form at the marker."""
    story = service.story(story_id)
    spread = _spread(service, story["id"])
    preset = {
        "story": story["id"],
        "name": story["title"][:80],
        "events": _STORY_EVENTS,
        "grow_to": story["size"] * 2,
    }
    return page.replace(MARKER, render("story_panel.html.j2", spread=spread, preset=preset), 1)


def with_spread_json(service: Service, story_id: str, body: bytes) -> bytes:
    """GET /api/stories/{id} with `spread` (outlets, languages, countries with their
    first-seen times, and the blind spots) spliced in before the stored JSON."""
    sid = str(service.story(story_id)["id"])  # a merged id leads to where it went
    key = ("spread-json", service.version(), sid, service.sources_stamp())
    # Encoded once per version, not per request (on the event loop: it showed in the
    # loop's stall samples, bench_concurrency --probe).
    head: bytes = service.memo(
        key,
        lambda: json.dumps(
            {"spread": _spread(service, sid)}, ensure_ascii=False, default=str
        ).encode("utf-8"),
    )
    return head[:-1] + b", " + body[1:]


def table_read(service: Service, fn: Callable[[WatchTable], T]) -> T:
    return service.read(lambda s: fn(WatchTable(s)))


def register(app: FastAPI, service: Service, writer: Any) -> None:
    def table_read(fn: Callable[[WatchTable], T]) -> T:
        return service.read(lambda s: fn(WatchTable(s)))

    @app.get("/api/watches", tags=["watches"])
    def list_watches() -> dict[str, Any]:
        """Saved watches (secrets are never shown)."""
        return {"watches": [WatchTable.public(w) for w in table_read(lambda t: t.all())]}

    @app.post("/api/watches", status_code=201, dependencies=[Depends(writer)], tags=["watches"])
    async def post_watch(request: Request) -> dict[str, Any]:
        """Save a watch: `name`, filters (`story`, `entity`, `words`, `language`,
        `outlet`, `country`, `min_size`), `events` (new, grown, language, country,
        conflict), `grow_to`, and an optional `webhook` with its HMAC `secret`."""
        try:
            data = json.loads(await request.body())
        except ValueError as exc:
            raise InvalidValueError(f"malformed JSON: {exc}") from None
        if not isinstance(data, dict):
            raise InvalidValueError("post a JSON object")
        wid = create_watch(service, data, via_api=True)
        return WatchTable.public(table_read(lambda t: t.get(wid)))

    @app.get("/api/watches/{watch_id}", tags=["watches"])
    def get_watch(watch_id: str, limit: int = 50) -> dict[str, Any]:
        """A watch and its recent events, newest first."""
        wid = watch_id_of(watch_id)
        row = table_read(lambda t: t.get(wid))
        events = table_read(lambda t: t.events(wid, limit=max(1, min(limit, 500))))
        return {**WatchTable.public(row), "recent": events}

    @app.delete("/api/watches/{watch_id}", dependencies=[Depends(writer)], tags=["watches"])
    def delete_watch(watch_id: str) -> dict[str, Any]:
        """Remove a watch and its events."""
        wid = watch_id_of(watch_id)
        table_read(lambda t: t.remove(wid))
        return {"removed": wid}

    @app.get("/api/outlets/{name}", tags=["stories"])
    def get_outlet(name: str) -> dict[str, Any]:
        """An outlet's stories, how often it was first, and its copies and translations."""
        summary = service.read(lambda s: outlet_summary(s, name))
        if not summary["stories"]:
            raise NotFoundError(f"outlet {name!r} has no stored story")
        return summary

    @app.get("/watches/{watch_id}.atom", include_in_schema=False)
    def watch_feed(watch_id: str, request: Request) -> Response:
        from ..alerts.feed import atom_feed

        wid = watch_id_of(watch_id)
        row = table_read(lambda t: t.get(wid))
        events = table_read(lambda t: t.events(wid, limit=service.settings.watch_feed_entries))
        body = atom_feed(row, events, str(request.base_url))
        return Response(body, media_type="application/atom+xml")
