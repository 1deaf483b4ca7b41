"""Run the watches over a store: after each ingested batch, and on demand.

The evaluation reads the stories that story events after its cursor touched, as they
are stored now, and inserts each watch's events under their unique keys in the same
transaction that moves the cursor. A crash before that commit leaves the cursor where
it was, so the next evaluation (the next batch, the next run, `samestory watches
check`) looks at the same stories again; one after it has nothing left to do. Either
way no event is lost and none is doubled.

Conflicts come from the story's report: for a story a conflict watch follows, a
stale or missing report is built (on the capped subset the server uses) and stored,
so the report refresh at the end of `samestory ingest` finds it fresh.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..settings import Settings
from ..store.reports import ReportTable
from ..store.spread import Sources, source_list
from ..store.watches import WatchTable
from .watch import Snapshot, detect, matches

if TYPE_CHECKING:
    from ..store import SQLiteStore

__all__ = ["after_batch", "evaluate"]


def after_batch(store: SQLiteStore, settings: Settings) -> None:
    """The hook `StoryIngest` runs after each committed batch: evaluate, then deliver."""
    if store.read_only:
        return
    evaluate(store, settings)
    from .deliver import deliver

    deliver(store, settings)


def evaluate(store: SQLiteStore, settings: Settings) -> int:
    """Fire the events of every watch on the stories changed since the last run;
    returns how many new events were stored."""
    table = WatchTable(store)
    watches = table.all()
    changed, top = table.changed_since(table.cursor())
    if not watches:
        with store.conn:
            table.move_cursor(top)
        return 0
    sources = Sources(source_list(store))
    snapshots: list[Snapshot] = []
    for sid in changed:
        snap = table.snapshot(sid, sources, conflicts=False)
        if any("conflict" in w["watch"].events and matches(w["watch"], snap) for w in watches):
            report = _fresh_report(store, sid, settings)
            snap = table.snapshot(sid, sources, conflicts=True, report=report)
        snapshots.append(snap)
    fired = 0
    with store.conn:
        for w in watches:
            for snap in snapshots:
                fired += table.record(w["id"], detect(w["watch"], snap))
        table.move_cursor(top)
    return fired


def _fresh_report(store: SQLiteStore, story_id: str, settings: Settings) -> str:
    """The public JSON of the story's current report, built and stored when stale."""
    from ..serve.reports import build_capped, fingerprint, public_json, subset_ids

    story = store.story(story_id)
    ids = [a["id"] for a in story["articles"]]
    fp = fingerprint(ids, settings.report_max_articles)
    reports = ReportTable(store)
    stored = reports.public(story_id, fp)
    if stored is not None:
        return stored
    started = time.perf_counter()
    chosen = subset_ids(story, settings)
    report = build_capped([store.analysis(a) for a in chosen], len(ids), settings)
    public = public_json(report)
    reports.put(
        story_id,
        fp,
        report,
        public=public,
        articles=len(ids),
        build_seconds=time.perf_counter() - started,
    )
    return public
