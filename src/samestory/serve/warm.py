"""Before `samestory serve` listens: load, once, what building a story report needs.

Report building (serve/reports.py, on a reader's thread when a story's report is
missing or stale) loads process-wide data on first use: the place gazetteer, spaCy
and its stop-word lists, the admin-area and name tables of each language. Measured in
bench_concurrency: the first report built under load spent over 3 s of CPU on those
loads (more on a busy machine) while holding the GIL, and every reader waited behind
it. So the server builds the reports of a few stored stories first -- the largest of
each language, within serve_warm_seconds -- which loads them, and keeps the reports.
"""

from __future__ import annotations

import logging
import time

from ..errors import SameStoryError
from .service import Service

__all__ = ["warm"]

_log = logging.getLogger(__name__)


def warm(service: Service) -> int:
    """Build (and cache) the reports of the largest stored story of each language,
    within service.settings.serve_warm_seconds; returns how many were built."""
    budget = service.settings.serve_warm_seconds
    if budget <= 0:
        return 0
    started = time.monotonic()
    from ..analyse.gazetteer import gazetteer

    gazetteer()  # every language's place lookups
    stories = service.query(lambda s: s.stories(limit=200, min_size=2))
    seen: set[str] = set()
    built = 0
    for row in sorted(stories, key=lambda r: -int(r["size"])):
        new = set(row["languages"]) - seen
        if not new:
            continue
        if time.monotonic() - started > budget:
            break
        try:
            service.reports.report(service.story(row["id"]))
        except SameStoryError as exc:  # a story merged meanwhile: the next one
            _log.info("warm-up report of %s not built: %s", row["id"], exc)
            continue
        seen |= new
        built += 1
    return built
