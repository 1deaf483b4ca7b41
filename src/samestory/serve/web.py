"""The web UI: server-rendered pages over the same Service as the REST API.

All text reaches the page through Jinja2's autoescaping (highlights are built as
(text, kind) segments, never as markup strings), and every page is served with a
Content-Security-Policy that allows only this server's own script and style files,
so markup inside an article stays inert even if an escape were ever missed.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..errors import InvalidValueError, SameStoryError
from ..match.identity import identity_lines
from ..models import Analysis
from ..report import StoryReport
from .report_html import _view as report_view
from .reports import REPORT_FORMAT, coverage
from .service import Service, parse_article
from .times import shown_time
from .watches import with_story_panel

__all__ = ["PAGE_KEY", "error_page", "mount", "story_page_html"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_SIZE = 50
ARTICLES_LISTED = 100  # on a story page; the JSON has every article
_STATIC = Path(__file__).parent / "static"

_env = Environment(
    loader=PackageLoader("samestory.serve", "templates"),
    autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["when"] = shown_time


def _html(body: str, status: int = 200) -> HTMLResponse:
    headers = {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
    return HTMLResponse(body, status_code=status, headers=headers)


def render(name: str, **context: Any) -> str:
    return _env.get_template(name).render(**context)


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


def outlet_matrix(view: dict[str, Any], max_outlets: int = 30) -> dict[str, Any]:
    """The facts x outlets matrix: one column per outlet (its articles pooled), so a
    story of hundreds of articles stays a readable, light page."""
    docs_of: dict[str, list[int]] = {}
    for a in view["articles"]:
        docs_of.setdefault(a["outlet"], []).append(a["index"])
    ranked = sorted(docs_of, key=lambda o: (-len(docs_of[o]), o))
    columns = [
        {
            "outlet": o,
            "articles": len(docs_of[o]),
            "languages": sorted({view["articles"][d]["language"] for d in docs_of[o]}),
        }
        for o in ranked[:max_outlets]
    ]
    rows = []
    for f in view["facts"]:
        cells = []
        for o in ranked[:max_outlets]:
            docs = [d for d in docs_of[o] if d in f["cells"]]
            value = next((f["values"][d] for d in docs_of[o] if d in f["values"]), "")
            text = f["cells"][docs[0]] if docs else ""
            cells.append({"on": bool(docs), "text": text, "value": value, "n": len(docs)})
        rows.append({**f, "outlet_cells": cells})
    return {"columns": columns, "rows": rows, "hidden_outlets": max(0, len(ranked) - max_outlets)}


def lineage_graph(view: dict[str, Any], width: int = 760) -> dict[str, Any] | None:
    """Nodes and edges of the lineage as SVG coordinates: articles left to right in
    publication order, on three lanes so that labels do not collide."""
    links = view["lineage"]
    if not links:
        return None
    index = view["article_index"]
    used = sorted(
        {index[x["from"]] for x in links} | {index[x["to"]] for x in links},
        key=lambda d: (view["articles"][d]["published"] or "", d),
    )[:40]
    step = (width - 120) / max(1, len(used) - 1)
    pos = {d: (60 + i * step, 50 + (i % 3) * 70) for i, d in enumerate(used)}
    nodes = [
        {
            "x": round(pos[d][0], 1),
            "y": pos[d][1],
            "label": view["articles"][d]["outlet"][:18],
            "title": f"{view['articles'][d]['outlet']} · {view['articles'][d]['title']}",
        }
        for d in used
    ]
    edges = []
    for link in links:
        a, b = index[link["from"]], index[link["to"]]
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # Stop short of the target circle so the arrow head stays visible.
        ex, ey = x2 - (x2 - x1) * 14 / length, y2 - (y2 - y1) * 14 / length
        mx, my = (x1 + ex) / 2, (y1 + ey) / 2 - 30
        edges.append(
            {
                "d": f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}",
                "kind": link["kind"],
                "directed": link["directed"],
                "title": f"{link['from_outlet']} → {link['to_outlet']}: {link['kind']} "
                f"({link['score']})",
            }
        )
    return {"width": width, "height": 240, "nodes": nodes, "edges": edges}


def mount(app: FastAPI, service: Service) -> None:
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    for name in _env.list_templates():  # compiled now, not inside the first requests
        _env.get_template(name)

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
        return _html(hit if hit is not None else await service.cold(service.memo, key, build))

    @app.get("/stories/{story_id}", include_in_schema=False)
    async def story_page(story_id: str) -> Response:
        # On the event loop: a cached page, or a stored one (a few ms of SQLite); only a
        # page to render, or a report to build, goes to a worker thread.
        page = service.stored_page(story_id, PAGE_KEY)
        if page is None:
            page = await service.cold(_story_html, service, story_id)
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


def story_page_html(story: dict[str, Any], report: StoryReport) -> str:
    """A story's web page: a pure function of the story (its membership) and its report,
    which is why it can be stored beside the report (valid while PAGE_KEY matches)."""
    view = report_view(report, sentences=False, title=story.get("title"))
    return render(
        "story.html.j2",
        story=story,
        coverage=coverage(report),
        graph=lineage_graph(view),
        matrix=outlet_matrix(view),
        listed=story["articles"][:ARTICLES_LISTED],
        identity={a.id: a.identity for a in report.articles},
        **view,
    )


def _page_key() -> str:
    """Changes with the templates and the version: stored pages of older ones are
    re-rendered (from the stored report) instead of served."""
    digest = hashlib.sha256(f"{__version__};{REPORT_FORMAT};{ARTICLES_LISTED}".encode())
    for path in sorted((Path(__file__).parent / "templates").glob("*.j2")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PAGE_KEY = _page_key()


def _story_html(service: Service, story_id: str) -> str:
    story = service.story(story_id)
    return service.memo(
        ("story-html", *service.report_key(story)),
        lambda: service.story_page(story, story_page_html, PAGE_KEY),
    )


def _texts(texts: dict[str, str]) -> dict[str, str]:
    return {"a_text": texts["a"], "b_text": texts["b"]}
