"""Story reports for serving: a bounded subset of a big story, a fingerprint, a refresh.

The report stage's cost grows faster than linearly with a story's articles (minutes
past a couple of thousand), so a report is built on at most `report_max_articles` of
them, chosen by `choose_subset`, and says so (`coverage`). Reports are persisted in the
store's `reports` table by `samestory ingest` (the stories a run changed) and
`samestory reports`; each row carries `fingerprint(...)` of the membership it was built
from, so a reader tells a fresh row from a stale one by comparing two strings.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import NotFoundError
from ..models import Analysis
from ..report import StoryReport, build_report
from ..settings import Settings
from ..store import SQLiteStore
from ..store.reports import ReportTable

__all__ = [
    "REPORT_FORMAT",
    "RefreshResult",
    "build_capped",
    "choose_subset",
    "coverage",
    "fingerprint",
    "public_json",
    "refresh_reports",
    "stored_or_capped",
    "subset_ids",
]

# Bump when the stored form or the subset rule changes: every stored row turns stale.
REPORT_FORMAT = 1
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


@dataclass(slots=True)
class RefreshResult:
    built: int = 0
    fresh: int = 0  # already stored with the current fingerprint
    small: int = 0  # under the minimum size: left to be built on demand
    pruned: int = 0  # rows of stories merged away
    seconds: float = 0.0
    slowest: tuple[float, str, int] = (0.0, "", 0)  # seconds, story id, articles
    sizes: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "built": self.built,
            "fresh": self.fresh,
            "small": self.small,
            "pruned": self.pruned,
            "seconds": round(self.seconds, 2),
            "slowest": {
                "seconds": round(self.slowest[0], 2),
                "story": self.slowest[1],
                "articles": self.slowest[2],
            },
        }


def refresh_reports(
    store: SQLiteStore,
    settings: Settings,
    story_ids: Iterable[str] | None = None,
    *,
    min_size: int | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> RefreshResult:
    """Build and store the reports of `story_ids` (None: every story) that are missing
    or stale, for stories of at least `min_size` articles (default
    settings.report_min_size); `force` rebuilds fresh ones too."""
    from .web import PAGE_KEY, story_page_html  # the page is stored with the report

    started = time.perf_counter()
    table = ReportTable(store)
    smallest = settings.report_min_size if min_size is None else min_size
    cap = settings.report_max_articles
    live = dict(
        store.conn.execute("SELECT id, size FROM stories WHERE merged_into IS NULL AND size > 0")
    )
    wanted = sorted(live) if story_ids is None else sorted({s for s in story_ids if s in live})
    known = table.fingerprints()
    result = RefreshResult()
    for sid in wanted:
        if live[sid] < smallest:
            result.small += 1
            continue
        ids = [r[0] for r in store.conn.execute(_MEMBERS, (sid,))]
        fp = fingerprint(ids, cap)
        if not force and known.get(sid) == fp:
            result.fresh += 1
            continue
        try:
            story = store.story(sid)
        except NotFoundError:  # gone between the two reads (another writer)
            continue
        t0 = time.perf_counter()
        chosen = subset_ids(story, settings)
        report = build_capped([store.analysis(a) for a in chosen], len(ids), settings)
        took = time.perf_counter() - t0
        table.put(
            sid,
            fp,
            report,
            public=public_json(report),
            articles=len(ids),
            build_seconds=took,
            page=(PAGE_KEY, story_page_html(story, report)),
        )
        result.built += 1
        result.sizes.append(len(ids))
        result.slowest = max(result.slowest, (took, sid, len(ids)))
        if progress is not None:
            progress(1)
    result.pruned = table.prune()
    result.seconds = time.perf_counter() - started
    return result


_MEMBERS = "SELECT article_id FROM memberships WHERE story_id = ?"
