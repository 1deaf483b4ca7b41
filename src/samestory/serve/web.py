"""The web UI: server-rendered pages over the same Service as the REST API.

All text reaches the page through Jinja2's autoescaping (highlights are built as
(text, kind) segments, never as markup strings), and every page is served with a
Content-Security-Policy that allows only this server's own script and style files,
so markup inside an article stays inert even if an escape were ever missed.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from ..errors import InvalidValueError, SameStoryError
from ..match.identity import identity_lines
from ..models import Analysis
from .pages import PAGE_KEY, compile_templates, render, story_page_html
from .service import Service, parse_article
from .watches import with_story_panel

__all__ = ["PAGE_KEY", "error_page", "mount", "story_page_html"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_SIZE = 50
_STATIC = Path(__file__).parent / "static"


def _html(body: str, status: int = 200) -> HTMLResponse:
    headers = {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
    return HTMLResponse(body, status_code=status, headers=headers)


def error_page(request: Request, status: int, message: str) -> Response:
    if request.url.path == "/compare":  # the form again, with what went wrong above it
        body = render("compare.html.j2", result=None, error=message, a_text="", b_text="")
        return _html(body, status)
    return _html(render("error.html.j2", status=status, message=message), status)


def highlight(analysis: Analysis) -> list[list[dict[str, str]]]:
    """The article's text as paragraphs of segments, each plain or one highlighted
    entity, place, date or number (overlaps: the earliest-starting span wins)."""
    text = analysis.text
    spans: list[tuple[int, int, str, str]] = []
    for m in analysis.mentions:
        # A demonym ("azéri") is nationality evidence, not a place the text names.
        kind = "place" if m.label == "LOC" and not m.demonym else "entity"
        label = "nationality" if m.demonym else m.label
        spans.append((m.start, m.end, kind, f"{label}: {m.canonical}"))
    spans += [(d.start_char, d.end_char, "date", d.canonical) for d in analysis.dates]
    spans += [(q.start, q.end, "number", q.display) for q in analysis.quantities]
    spans.sort(key=lambda s: (s[0], -s[1]))
    segments: list[dict[str, str]] = []
    at = 0
    for start, end, kind, title in spans:
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            segments.append({"text": text[at:start], "kind": "", "title": ""})
        segments.append({"text": text[start:end], "kind": kind, "title": title})
        at = end
    segments.append({"text": text[at:], "kind": "", "title": ""})
    paragraphs: list[list[dict[str, str]]] = [[]]
    for seg in segments:
        parts = seg["text"].split("\n\n")
        for i, part in enumerate(parts):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append({**seg, "text": part})
    return [p for p in paragraphs if p]


def mount(app: FastAPI, service: Service) -> None:
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    compile_templates()  # now, not inside the first requests

    @app.get("/", include_in_schema=False)
    async def stories_page(
        request: Request,
        page: int = Query(1, ge=1, le=10_000),
        language: str = "",
        outlet: str = "",
        entity: str = "",
    ) -> Response:
        filters = {"language": language, "outlet": outlet, "entity": entity}
        key = ("stories-html", service.version(), page, tuple(filters.values()))

        def build() -> str:
            rows = service.stories(
                limit=PAGE_SIZE + 1,
                offset=(page - 1) * PAGE_SIZE,
                language=language or None,
                outlet=outlet or None,
                entity=entity or None,
            )
            query = {k: v for k, v in filters.items() if v}
            return render(
                "stories.html.j2",
                stories=rows[:PAGE_SIZE],
                page=page,
                filters=filters,
                prev=urlencode({**query, "page": page - 1}) if page > 1 else None,
                next=urlencode({**query, "page": page + 1}) if len(rows) > PAGE_SIZE else None,
                counts=service.query(lambda s: s.counts()),
            )

        hit = service.peek(key)
        return _html(hit if hit is not None else await service.cached(key, build))

    @app.get("/stories/{story_id}", include_in_schema=False)
    async def story_page(story_id: str) -> Response:
        # On the event loop: a cached page, or a stored one (a few ms of SQLite); only a
        # page to render, or a report to build, goes to a worker thread.
        page = service.reports.stored_page(story_id, PAGE_KEY)
        if page is None:
            page = await service.once(
                ("story-html", story_id),
                lambda: service.reports.page(story_id, story_page_html, PAGE_KEY),
                report=True,
            )
        return _html(with_story_panel(service, story_id, page, render))

    @app.get("/articles/{article_id}", include_in_schema=False)
    def article_page(article_id: str) -> Response:
        analysis, story = service.article(article_id)
        return _html(
            render(
                "article.html.j2",
                a=analysis.article,
                analysis=analysis,
                story=story,
                paragraphs=highlight(analysis),
                entities=sorted(
                    {(m.canonical, m.label) for m in analysis.mentions}, key=lambda x: x[0].lower()
                ),
                dates=sorted({d.canonical for d in analysis.dates}),
                numbers=sorted({q.display for q in analysis.quantities}),
            )
        )

    @app.get("/compare", include_in_schema=False)
    def compare_form() -> Response:
        return _html(render("compare.html.j2", result=None, error=None, a_text="", b_text=""))

    @app.post("/compare", include_in_schema=False)
    async def compare_page(request: Request) -> Response:
        form = await request.form()
        texts = {k: str(form.get(f"{k}_text") or "") for k in ("a", "b")}
        try:
            sides = []
            for k in ("a", "b"):
                upload = form.get(f"{k}_file")
                if upload is not None and not isinstance(upload, str) and upload.filename:
                    data = await upload.read()
                    name = upload.filename
                    fmt = None
                else:
                    data, name, fmt = texts[k].encode("utf-8"), f"{k}.txt", "txt"
                if not data.strip():
                    raise InvalidValueError(f"article {k.upper()} is empty: paste or upload it")
                sides.append(parse_article(data, name=name, fmt=fmt, settings=service.settings))
            score = await run_in_threadpool(service.compare, sides[0], sides[1])
        except SameStoryError as exc:
            body = render("compare.html.j2", result=None, error=exc.message, **_texts(texts))
            return _html(body, exc.status)
        body = render(
            "compare.html.j2",
            result=score.to_dict(),
            identity_lines=identity_lines(score.identity),
            a=sides[0],
            b=sides[1],
            error=None,
            **_texts(texts),
        )
        return _html(body)

    @app.get("/search", include_in_schema=False)
    def search_page(q: str = "", entity: str = "") -> Response:
        rows = service.search(q, entity=entity or None, limit=50) if q.strip() or entity else []
        return _html(render("search.html.j2", q=q, entity=entity, results=rows))

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> Response:
        spec = app.openapi()
        return _html(render("docs.html.j2", spec=spec))


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {"a_text": texts["a"], "b_text": texts["b"]}
