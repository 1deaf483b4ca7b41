"""Story reports for serving: a bounded subset of a big story and a fingerprint.

The report stage's cost grows faster than linearly with a story's articles (minutes
past a couple of thousand), so a report is built on at most `report_max_articles` of
them, chosen by `choose_subset`, and says so (`coverage`). Reports are persisted in the
store's `reports` table by `samestory ingest` (the stories a run changed) and
`samestory reports` (refresh.py); each row carries `fingerprint(...)` of the membership it was built
from, so a reader tells a fresh row from a stale one by comparing two strings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from ..models import Analysis
from ..report import StoryReport, build_report
from ..settings import Settings
from ..store import SQLiteStore
from ..store.reports import ReportTable

__all__ = [
    "REPORT_FORMAT",
    "build_capped",
    "choose_subset",
    "coverage",
    "fingerprint",
    "public_json",
    "stored_or_capped",
    "subset_ids",
]

# Bump when the stored form, the subset rule or what a report says changes: every
# stored row turns stale. 2: the summary ranks facts by prominence (issue #18).
REPORT_FORMAT = 2
SELECTION = "earliest quarter, then one per language and per outlet, then the newest"


def fingerprint(article_ids: Iterable[str], max_articles: int) -> str:
    """What a report depends on besides the (immutable) analyses: the story's
    membership and the cap that chose the subset."""
    digest = hashlib.sha256(f"v{REPORT_FORMAT};cap={max_articles};".encode())
    digest.update("\n".join(sorted(article_ids)).encode())
    return digest.hexdigest()[:32]


def _outlet(a: dict[str, Any]) -> str:
    # The report stage names an outlet the same way (declared, else the web host).
    return str(a.get("outlet") or urlsplit(a.get("url") or "").netloc or a["id"])


def choose_subset(articles: Sequence[dict[str, Any]], limit: int) -> list[int]:
    """Indices (in story order: publication time, then arrival) of at most `limit`
    articles that stand for the story:

    1. the earliest quarter -- where the story started, who reported first, what the
       later copies and translations copied from;
    2. the earliest article of every language, then of every outlet (most prolific
       first) not yet in -- so no language or outlet disappears from the facts matrix;
    3. the newest of the rest -- where the story is now.
    """
    n = len(articles)
    if n <= limit:
        return list(range(n))
    limit = max(1, limit)
    chosen: set[int] = set(range(max(1, limit // 4)))
    for key in (lambda a: a.get("language") or "", _outlet):
        firsts: dict[str, int] = {}
        counts: dict[str, int] = {}
        for i, a in enumerate(articles):
            firsts.setdefault(key(a), i)
            counts[key(a)] = counts.get(key(a), 0) + 1
        have = {key(articles[i]) for i in chosen}
        for value in sorted(firsts, key=lambda v: (-counts[v], firsts[v])):
            if len(chosen) >= limit:
                break
            if value not in have:
                chosen.add(firsts[value])
                have.add(value)
    # Story order puts undated articles last: the newest dated ones come first here.
    dated = [i for i in range(n) if articles[i].get("published")]
    undated = [i for i in range(n) if not articles[i].get("published")]
    for i in [*reversed(dated), *undated]:
        if len(chosen) >= limit:
            break
        chosen.add(i)
    return sorted(chosen)


def subset_ids(story: dict[str, Any], settings: Settings) -> list[str]:
    articles = story["articles"]
    return [articles[i]["id"] for i in choose_subset(articles, settings.report_max_articles)]


def build_capped(analyses: Sequence[Analysis], total: int, settings: Settings) -> StoryReport:
    """The report stage's report on the chosen analyses, marked with its coverage."""
    report = build_report(analyses, settings)
    report.stats["articles_covered"] = float(len(analyses))
    report.stats["articles_total"] = float(total)
    return report


def coverage(report: StoryReport) -> dict[str, Any]:
    """How many of the story's articles the report was built on (the JSON's `coverage`)."""
    covered = int(report.stats.get("articles_covered", len(report.articles)))
    total = int(report.stats.get("articles_total", covered))
    return {
        "articles": covered,
        "of": total,
        "complete": covered >= total,
        "selection": None if covered >= total else SELECTION,
    }


def stored_or_capped(store: SQLiteStore, story_id: str, settings: Settings) -> StoryReport:
    """A stored story's report: its fresh stored row, else built on the capped subset
    (`samestory report STORY_ID`: the same report the server shows)."""
    story = store.story(story_id)
    ids = [a["id"] for a in story["articles"]]
    stored = ReportTable(store).get(story["id"], fingerprint(ids, settings.report_max_articles))
    if stored is not None:
        return stored.report
    chosen = subset_ids(story, settings)
    return build_capped([store.analysis(a) for a in chosen], len(ids), settings)


def public_json(report: StoryReport) -> str:
    """The `report` of GET /api/stories/{id}: the report stage's JSON and its coverage."""
    data = {**report.to_dict(), "coverage": coverage(report)}
    return json.dumps(data, ensure_ascii=False, default=str)
