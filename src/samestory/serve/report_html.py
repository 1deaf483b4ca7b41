"""The story report as one self-contained HTML file: no network, no external assets.

Every article text goes through Jinja2's autoescaping, and the data the page script
reads is embedded with `tojson` (which escapes `<`, `>` and `&`), so markup inside an
article -- a `<script>` included -- is shown as text, never run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..report import StoryReport
from .times import shown_time

__all__ = ["default_pair", "render_html", "template_environment", "write_html"]

# The facts x outlets matrix stays readable up to this many rows; the JSON has all.
_MATRIX_MAX_FACTS = 150


def template_environment() -> Environment:
    """The templates of every HTML page, the web UI's and the standalone report's."""
    env = Environment(
        loader=PackageLoader("samestory.serve", "templates"),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = shown_time
    return env


def default_pair(report: StoryReport) -> tuple[int, int]:
    """Two articles worth reading side by side: the first and the one sharing most facts."""
    n = len(report.articles)
    if n < 2:
        return 0, 0
    # One pass over the facts of the first article (linear: a capped report of a big
    # story has 100 articles and hundreds of facts, rendered while a reader waits).
    first = set(report.articles[0].fact_of.values())
    best = max(range(1, n), key=lambda j: len(first & set(report.articles[j].fact_of.values())))
    return 0, best


def _sentence_class(report: StoryReport, doc: int, sentence: int, other_facts: set[int]) -> str:
    k = report.articles[doc].fact_of.get(sentence)
    if k is None:
        return "plain"
    if k not in other_facts:
        return "unique"
    return "conflict" if report.facts[k].status == "conflict" else "shared"


def _view(
    report: StoryReport, *, sentences: bool = True, title: str | None = None
) -> dict[str, Any]:
    """What the templates show; `sentences=False` leaves out every article's sentences
    (the side-by-side reading of the standalone report; the story page has none).
    `title`: a stored story's title, its one name in the list, the API and here."""
    left, right = default_pair(report)
    left_facts = set(report.articles[left].fact_of.values()) if report.articles else set()
    right_facts = set(report.articles[right].fact_of.values()) if report.articles else set()
    articles = []
    for d, art in enumerate(report.articles):
        articles.append(
            {
                "index": d,
                "id": art.id,
                "outlet": art.outlet,
                "title": art.title,
                "language": art.language,
                "published": shown_time(art.published),
                "sentences": [
                    {
                        "index": i,
                        "text": text,
                        "fact": art.fact_of.get(i, -1),
                        "left": _sentence_class(report, d, i, right_facts),
                        "right": _sentence_class(report, d, i, left_facts),
                    }
                    for i, text in enumerate(art.sentences if sentences else [])
                ],
            }
        )
    article_index = {a.id: d for d, a in enumerate(report.articles)}
    facts = []
    for k, f in enumerate(report.facts[:_MATRIX_MAX_FACTS]):
        cells: dict[int, str] = {}
        for ref in f.refs:
            cells.setdefault(ref.doc, ref.text)
        values_by_doc: dict[int, str] = {}
        for v in f.values:
            for s in v["sources"]:
                values_by_doc.setdefault(
                    article_index[s["article"]], str(v.get("display") or v["value"])
                )
        facts.append(
            {
                "index": k,
                "text": f.text,
                "status": f.status,
                "cells": cells,
                "values": values_by_doc,
            }
        )
    script_data = {
        "facts": [
            {"status": f.status, "docs": sorted({r.doc for r in f.refs})} for f in report.facts
        ],
    }
    counts = {
        s: sum(1 for f in report.facts if f.status == s)
        for s in ("consensus", "unique", "conflict")
    }
    headline = report.articles[0].title if report.articles else "Story report"
    if report.first_reported:
        first = article_index.get(report.first_reported["article"])
        if first is not None:
            headline = report.articles[first].title
    return {
        "headline": title or headline,
        "articles": articles,
        "outlets": sorted({a.outlet for a in report.articles}),
        "languages": sorted({a.language for a in report.articles}),
        "facts": facts,
        "facts_total": len(report.facts),
        "counts": counts,
        "summary": report.summary,
        "timeline": report.timeline,
        "lineage": report.lineage,
        "first_reported": report.first_reported,
        "article_index": article_index,
        "left": left,
        "right": right,
        "script_data": script_data,
        "generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def render_html(report: StoryReport, *, title: str | None = None) -> str:
    template = template_environment().get_template("report.html.j2")
    return template.render(**_view(report, title=title))


def write_html(report: StoryReport, path: str | Path, *, title: str | None = None) -> Path:
    out = Path(path)
    out.write_text(render_html(report, title=title), encoding="utf-8")
    return out
