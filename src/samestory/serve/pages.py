"""The HTML pages that depend on nothing but their data: the template environment and
a story's page, a pure function of the story and its report. Kept apart from the routes
(`web.py`), which need the service, so that the writer process can render and store a
story's page beside its report without importing the server."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any

from .. import __version__
from ..report import StoryReport
from .report_html import _view as report_view
from .report_html import template_environment
from .reports import REPORT_FORMAT, coverage

__all__ = [
    "ARTICLES_LISTED",
    "PAGE_KEY",
    "compile_templates",
    "lineage_graph",
    "outlet_matrix",
    "render",
    "story_page_html",
]

ARTICLES_LISTED = 100  # on a story page; the JSON has every article

_env = template_environment()


def compile_templates() -> None:
    for name in _env.list_templates():
        _env.get_template(name)


def render(name: str, **context: Any) -> str:
    return _env.get_template(name).render(**context)


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
