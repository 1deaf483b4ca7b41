"""The REST API (`/api/...`) and the app factory that also mounts the web UI.

Every error answer is JSON from the SameStoryError tree (`err.to_dict()`, its HTTP
status): bad input is 4xx, never a 500. Writes need the configured token; with none
configured the server is read-only.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import (
    FileTooLargeError,
    InvalidValueError,
    SameStoryError,
    UnsupportedFormatError,
)
from ..models import Article
from ..settings import Settings
from ..store import SCHEMA_VERSION, SQLiteStore
from .batch import post_batch
from .guard import SecurityHeaders, check_sides, form_limits, parse_json
from .service import ForbiddenError, Service, UnauthorizedError, side_article
from .watches import with_spread_json

__all__ = ["create_app"]

_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"type": "object"},
                "example": {"title": "…", "text": "…", "outlet": "…", "published": "2025-03-01"},
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            "multipart/form-data": {"schema": {"type": "object"}},
        },
    }
}


Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
MinSize = Annotated[int, Query(ge=1)]


def _error(status: int, name: str, message: str, **extra: Any) -> JSONResponse:
    body = {"error": name, "message": message, "status": status, **extra}
    return JSONResponse(body, status_code=status)


class BodyLimit:
    """Answers 413 (JSON) for a body over `limit` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        seen = 0
        messages: list[Message] = []
        while True:  # buffered (bodies are small) so an over-long stream is refused whole
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.limit:
                await self._refuse(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        err = FileTooLargeError(f"request body over the {self.limit}-byte limit (max_body_bytes)")
        response: Response = JSONResponse(err.to_dict(), status_code=err.status)
        if _html_path(scope["path"]):  # a browser's form post gets a page, not JSON
            from .web import error_page

            response = error_page(Request(scope), err.status, err.message)
        await response(scope, receive, send)


def create_app(
    settings: Settings | None = None,
    *,
    store: SQLiteStore | None = None,
    engine: Any = None,
) -> FastAPI:
    settings = settings or Settings.from_env()
    service = Service(settings, store or SQLiteStore(settings.db), engine)
    app = FastAPI(
        title="samestory",
        version=__version__,
        description="Which news articles report the same story, across languages, and how "
        "their accounts differ. Writes need `Authorization: Bearer <api_token>`.",
        docs_url=None,  # /docs is a local page (web.py): Swagger UI would load from a CDN
        redoc_url=None,
    )
    app.state.service = service
    app.router.on_shutdown.append(service.close)  # the analysis worker, if started
    _handlers(app)
    _routes(app, service)
    __import__("samestory.serve.watches", fromlist=["x"]).register(app, service, _token(settings))
    __import__("samestory.serve.watch_pages", fromlist=["x"]).register(app, service)
    from .web import mount

    mount(app, service)
    from .sources import register as register_sources  # the watcher's sources (#19)

    register_sources(app, service, _token(settings))
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_html(request: Request) -> bool:
    return _html_path(request.url.path)


def _html_path(path: str) -> bool:
    return not (path.startswith("/api/") or path == "/openapi.json")


def _handlers(app: FastAPI) -> None:
    from .web import error_page

    @app.exception_handler(SameStoryError)
    async def _samestory(request: Request, exc: SameStoryError) -> Response:
        if _wants_html(request):
            return error_page(request, exc.status, exc.message)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.to_dict(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        if _wants_html(request):
            return error_page(request, 422, message)
        return _error(422, "ValidationError", message, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_html(request):
            return error_page(request, exc.status_code, str(exc.detail))
        return _error(exc.status_code, "HTTPError", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        message = f"internal error: {type(exc).__name__}"
        if _wants_html(request):
            return error_page(request, 500, message)
        return _error(500, "InternalError", message)


def _token(settings: Settings) -> Any:
    def require_token(request: Request) -> None:
        if not settings.api_token:
            raise ForbiddenError("this server is read-only (no api_token configured)")
        header = request.headers.get("authorization", "")
        given = header[7:].strip() if header.lower().startswith("bearer ") else ""
        given = given or request.headers.get("x-api-token", "")
        if not given:
            raise UnauthorizedError("this endpoint needs Authorization: Bearer <api_token>")
        if not hmac.compare_digest(given.encode(), settings.api_token.encode()):
            raise ForbiddenError("wrong api token")

    return require_token


def _date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidValueError(f"{name} {value!r} is not a date (YYYY-MM-DD or ISO)") from None


def _routes(app: FastAPI, service: Service) -> None:
    writer = Depends(_token(service.settings))

    # The hot reads answer from the cache on the event loop (keyed on the store's
    # version, so never older than the store); only a miss goes to a thread.
    @app.get("/api/health", tags=["meta"])
    async def health() -> Response:
        """Liveness, version and what the store holds."""
        key = ("health", service.version())

        def build() -> bytes:
            return _dumps(
                {
                    "status": "ok",
                    "version": __version__,
                    "schema": SCHEMA_VERSION,
                    "read_only": not service.settings.api_token or service.store.read_only,
                    "counts": service.query(lambda s: s.counts()),
                }
            )

        return _raw_json(service.peek(key) or await service.cached(key, build))

    @app.post(
        "/api/articles",
        status_code=201,
        dependencies=[writer],
        tags=["articles"],
        openapi_extra=_BODY_DOC,
    )
    async def post_articles(request: Request) -> Any:
        """Ingest one article or a batch: JSON (an object, a list, `{"articles": [...]}`,
        or `{"urls": [...]}` when URL fetching is enabled), JSON Lines, text, HTML, or
        multipart files. Answers what was stored and the story of each article, and in
        `items` what became of each item (201; 207 when some were skipped)."""
        return await post_batch(request, service)

    @app.get("/api/articles", tags=["articles"])
    async def list_articles(limit: Limit = 50, offset: Offset = 0) -> Response:
        """Stored articles, newest first."""
        key = ("articles-json", service.version(), limit, offset)

        def build() -> bytes:
            rows = service.query(lambda s: s.articles(limit=limit, offset=offset))
            return _dumps({"articles": rows, "limit": limit, "offset": offset})

        return _raw_json(service.peek(key) or await service.cached(key, build))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        """An article with its analysis (sentences, entities, places, dates, numbers)."""
        analysis, story = service.article(article_id)
        return {**analysis.to_dict(), "story": story}

    @app.get("/api/stories", tags=["stories"])
    async def list_stories(
        limit: Limit = 50,
        offset: Offset = 0,
        language: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        min_size: MinSize = 1,
    ) -> Response:
        """Stories, most recently active first; filters combine."""
        filters = {
            "limit": limit,
            "offset": offset,
            "language": language or None,
            "outlet": outlet or None,
            "since": _date(since, "since"),
            "until": _date(until, "until"),
            "entity": entity or None,
            "min_size": min_size,
        }
        key = ("stories-json", service.version(), tuple(filters.items()))
        hit = service.peek(key)
        if hit is None:
            hit = await service.cached(
                key,
                lambda: _dumps(
                    {"stories": service.stories(**filters), "limit": limit, "offset": offset}
                ),
            )
        return _raw_json(hit)

    @app.get("/api/stories/{story_id}", tags=["stories"])
    async def get_story(story_id: str) -> Response:
        """A story with its articles, events and report (facts, summary, timeline, lineage;
        `report.coverage` says how many of the story's articles it was built on;
        `report_state` whether it is fresh or, while a newer one is built, the last one
        built: when, and for how many articles)."""
        # On the event loop when cached or stored; a report to build goes to a thread.
        reports = service.reports
        body = reports.story_json(story_id, stored_only=True)
        if body is None:  # no report built yet: built once, for every reader meanwhile
            body = await service.once(
                ("story-json", story_id),
                lambda: reports.story_json(story_id, stored_only=False),
                report=True,
            )
        assert body is not None  # built when not stored
        return _raw_json(with_spread_json(service, story_id, body))

    @app.post("/api/compare", tags=["compare"])
    async def compare(request: Request) -> Any:
        """Two articles (JSON `{"a": ..., "b": ...}`, each text or an article object, or
        multipart fields/files `a` and `b`) -> the seven scores and the reasons."""
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        settings = service.settings
        if ctype == "multipart/form-data":
            form = await request.form(**form_limits(settings))
            # Both sides present before either is read: a page's extraction is wasted
            # on a request refused for its missing other side.
            for name in ("a", "b"):
                if form.get(name) is None:
                    raise InvalidValueError(f"form field {name!r} is missing")
            sides = []
            for name in ("a", "b"):
                value = form[name]
                if isinstance(value, str):
                    sides.append(side_article(value, name, settings))
                else:
                    data = await value.read()
                    sides.append(_one(data, value.filename or name, settings))
        elif ctype == "application/json":
            data = parse_json(await request.body(), settings)
            if not isinstance(data, dict) or "a" not in data or "b" not in data:
                raise InvalidValueError('post {"a": ..., "b": ...}')
            sides = [side_article(data["a"], "a", settings), side_article(data["b"], "b", settings)]
        else:
            raise UnsupportedFormatError("post JSON or multipart/form-data")
        score = await run_in_threadpool(service.compare, *check_sides(sides, settings))
        out = score.to_dict()
        out["articles"] = {
            k: {"id": a.id, "title": a.title, "outlet": a.outlet}
            for k, a in zip(("a", "b"), sides, strict=True)
        }
        return out

    @app.get("/api/search", tags=["articles"])
    async def search(
        q: str = "", entity: str | None = None, limit: Limit = 20, offset: Offset = 0
    ) -> Response:
        """Articles holding every word of `q` (best first) and/or mentioning `entity`."""
        if not q.strip() and not entity:
            raise InvalidValueError("give q (words) or entity")
        key = ("search", service.version(), q, entity, limit, offset)
        body = service.peek(("search-json", key))  # encoded once, not on every hit
        if body is None:
            rows = service.peek(key)
            if rows is None:
                rows = await service.once(
                    key, lambda: service.search(q, key, entity=entity, limit=limit, offset=offset)
                )
            body = _dumps(
                {"results": rows, "q": q, "entity": entity, "limit": limit, "offset": offset}
            )
            if service.peek(key) is rows:  # cached: complete (Service.search)
                service.memo(("search-json", key), lambda: body)
        return _raw_json(body)


def _dumps(data: Any) -> bytes:
    """Serialised once and cached: big reports are slow to re-encode on every request."""
    return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")


def _raw_json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _one(data: bytes, name: str, settings: Settings) -> Article:
    from .service import parse_article

    return parse_article(data, name=name, fmt=None, settings=settings)
