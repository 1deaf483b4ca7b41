"""Refreshing the stored story reports: build the missing and stale ones, prune the dead.

`samestory ingest` refreshes the stories a run changed, `samestory reports` any or all;
each row is stored with its rendered web page. Apart from reports.py so that building
a report (reports.py, which the server's Service uses) never imports the web UI
(web.py), which itself stands on the Service.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import NotFoundError
from ..settings import Settings
from ..store import SQLiteStore
from ..store.reports import ReportTable
from .reports import build_capped, fingerprint, public_json, subset_ids

__all__ = ["RefreshResult", "refresh_reports"]


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
    # The page is stored with the report; web.py (FastAPI, Jinja2) loads only to refresh.
    from .pages import PAGE_KEY, story_page_html

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
