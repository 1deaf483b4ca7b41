"""The web pages of watches and outlets (issue 19): the list, one watch's recent
events, the form that saves a watch (from a story, an entity or a search; it asks for
the API token, as every write does), and an outlet's stories and lineage."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import NotFoundError
from ..store.spread import outlet_summary
from ..store.watches import WatchTable
from .pages import render
from .service import Service
from .watches import check_token, create_watch, table_read, watch_id_of
from .web import _html

__all__ = ["register"]


def register(app: FastAPI, service: Service) -> None:
    @app.get("/watches", include_in_schema=False)
    def watches_page() -> Response:
        rows = [
            {**WatchTable.public(w), "follows": w["watch"].describe()}
            for w in table_read(service, lambda t: t.all())
        ]
        return _html(render("watches.html.j2", watches=rows))

    @app.post("/watches", include_in_schema=False)
    async def watch_form(request: Request) -> Response:
        form = await request.form()
        check_token(service, str(form.get("token") or ""))
        fields = ("name", "story", "entity", "words", "language", "outlet", "country")
        data: dict[str, Any] = {k: str(form.get(k) or "").strip() for k in fields}
        data.update({k: str(form.get(k) or "").strip() for k in ("min_size", "grow_to")})
        data["events"] = [str(e) for e in form.getlist("events")] or ["new"]
        wid = create_watch(service, data, via_api=False)
        return RedirectResponse(f"/watches/{wid}", status_code=303)

    @app.get("/watches/{watch_id}", include_in_schema=False)
    def watch_page(watch_id: str) -> Response:
        wid = watch_id_of(watch_id)
        row = table_read(service, lambda t: t.get(wid))
        shown = service.settings.watch_feed_entries
        events = table_read(service, lambda t: t.events(wid, limit=shown))
        return _html(
            render(
                "watch.html.j2",
                w=WatchTable.public(row),
                follows=row["watch"].describe(),
                events=events,
            )
        )

    @app.get("/outlets/{name}", include_in_schema=False)
    def outlet_page(name: str) -> Response:
        summary = service.read(lambda s: outlet_summary(s, name))
        if not summary["stories"]:
            raise NotFoundError(f"outlet {name!r} has no stored story")
        return _html(render("outlet.html.j2", o=summary))
