"""Analyses and story reports to rows and back: JSON for the structure, float16 blobs
for embeddings.

Embeddings are stored as float16 (half the space; cosines move by < 1e-3). The engine
clusters the decoded form of every analysis, so a run that resumes from the store
sees exactly the numbers a clean run saw.

A story report is stored whole (`encode_report`): besides its public JSON
(`StoryReport.to_dict`) that keeps each article's sentences, which fact every
sentence belongs to, and the document index of every cited sentence -- what the web
page needs to draw the matrix and the side-by-side reading without the analyses.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import numpy as np

from ..models import Analysis, Article, DateMention, Mention, Quantity, Sentence
from ..report import Fact, ReportArticle, SentenceRef, StoryReport

__all__ = [
    "article_from_row",
    "decode_analysis",
    "decode_report",
    "encode_analysis",
    "encode_report",
    "roundtrip",
]


def _blob(x: np.ndarray | None) -> bytes | None:
    return None if x is None else np.ascontiguousarray(x, dtype=np.float16).tobytes()


def _array(blob: bytes | None, dim: int) -> np.ndarray | None:
    if blob is None or dim == 0:
        return None
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32).reshape(-1, dim)


def encode_analysis(a: Analysis) -> dict[str, Any]:
    data = a.to_dict()
    data.pop("article", None)
    dim = int(a.embedding.shape[-1]) if a.embedding is not None else 0
    return {
        "article_id": a.article.id,
        "language": a.language,
        "data": json.dumps(data, ensure_ascii=False),
        "keys": json.dumps(sorted({m.key for m in a.mentions}), ensure_ascii=False),
        "head": _blob(a.embedding),
        "sentences": _blob(a.sentence_embeddings),
        "quantities": _blob(a.quantity_embeddings),
        "dim": dim,
        "scorer_head": _blob(a.scorer_embedding),
        "scorer_dim": int(a.scorer_embedding.shape[-1]) if a.scorer_embedding is not None else 0,
    }


def _strip(d: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in names}


def decode_analysis(row: dict[str, Any], article: Article) -> Analysis:
    data = json.loads(row["data"])
    dim = int(row["dim"] or 0)
    head = _array(row["head"], dim)
    return Analysis(
        article=article,
        language=row["language"],
        text=article.text,
        sentences=[Sentence(**s) for s in data["sentences"]],
        mentions=[Mention(**m) for m in data["mentions"]],
        dates=[
            DateMention(
                **_strip(d, "canonical", "value", "end"),
                value=dt.date.fromisoformat(d["value"]),
                end=dt.date.fromisoformat(d["end"]),
            )
            for d in data["dates"]
        ],
        quantities=[Quantity(**_strip(q, "canonical", "display")) for q in data["quantities"]],
        embedding=None if head is None else head[0],
        sentence_embeddings=_array(row["sentences"], dim),
        quantity_embeddings=_array(row["quantities"], dim),
        scorer_embedding=_first(_array(row.get("scorer_head"), int(row.get("scorer_dim") or 0))),
    )


def _first(x: np.ndarray | None) -> np.ndarray | None:
    return None if x is None else x[0]


def roundtrip(a: Analysis) -> Analysis:
    """The analysis as it will read back from a store."""
    return decode_analysis(encode_analysis(a), a.article)


def article_from_row(row: dict[str, Any]) -> Article:
    published = row.get("published")
    modified = row.get("modified")
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        lede=row.get("lede") or "",
        url=row.get("url"),
        outlet=row.get("outlet"),
        language=row.get("language"),
        published=dt.datetime.fromisoformat(published) if published else None,
        source=row.get("source"),
        # A day without a time is stored as the date alone ("2025-03-12").
        date_only=isinstance(published, str) and "T" not in published,
        modified=dt.datetime.fromisoformat(modified) if modified else None,
    )


def encode_report(report: StoryReport) -> str:
    """Everything a `StoryReport` holds but the fact centroids (only the builder uses them)."""
    data = {
        "facts": [
            {
                "refs": [[r.doc, r.article, r.outlet, r.sentence, r.text] for r in f.refs],
                "status": f.status,
                "values": f.values,
                "text": f.text,
            }
            for f in report.facts
        ],
        "summary": report.summary,
        "timeline": report.timeline,
        "lineage": report.lineage,
        "first_reported": report.first_reported,
        "stats": report.stats,
        "articles": [
            {
                **a.to_dict(),
                "sentences": a.sentences,
                "fact_of": [[s, k] for s, k in sorted(a.fact_of.items())],
            }
            for a in report.articles
        ],
    }
    return json.dumps(data, ensure_ascii=False, default=str)


def decode_report(text: str) -> StoryReport:
    data = json.loads(text)
    return StoryReport(
        facts=[
            Fact(
                refs=[SentenceRef(*r) for r in f["refs"]],
                status=f["status"],
                values=f["values"],
                text=f["text"],
            )
            for f in data["facts"]
        ],
        summary=data["summary"],
        timeline=data["timeline"],
        lineage=data["lineage"],
        articles=[
            ReportArticle(
                id=a["id"],
                outlet=a["outlet"],
                title=a["title"],
                language=a["language"],
                published=a["published"],
                url=a["url"],
                sentences=a["sentences"],
                fact_of={int(s): int(k) for s, k in a["fact_of"]},
                identity=a.get("identity", {}),
            )
            for a in data["articles"]
        ],
        first_reported=data["first_reported"],
        stats={k: float(v) for k, v in data["stats"].items()},
    )
