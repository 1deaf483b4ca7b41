"""Read → analyse → cluster → store, continuously and crash-safely.

`StoryIngest` holds one store and the online clusterer rebuilt from that store's
event log, so a run that was killed resumes exactly where a clean run would be:
articles already stored are skipped (same content hash or canonical URL), and the
clusterer's state is replayed from the logged events without re-scoring anything.

Articles are written in batches, each batch with its analyses, memberships and story
events in one transaction. The clusterer only ever sees analyses in the form they
read back from the store (float16 embeddings), so resumed and clean runs decide
identically.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING

from .alerts.evaluate import after_batch
from .cluster import (
    AnalysisPairScorer,
    OnlineClusterer,
    StoryEvent,
    doc_from_analysis,
)
from .cluster.batch import batch_cluster, reconcile
from .errors import SameStoryError
from .ingest import Skips, iter_read
from .models import Analysis, Article
from .settings import Settings
from .store import SQLiteStore, roundtrip

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["IngestReport", "StoryIngest"]


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: dict[str, int] = field(default_factory=dict)
    skips: Skips = field(default_factory=Skips)
    # Stories this run created, grew, merged or split: the reports to rebuild after it.
    stories: set[str] = field(default_factory=set)

    def count(self, events: Sequence[StoryEvent]) -> None:
        for e in events:
            self.events[e.kind] = self.events.get(e.kind, 0) + 1
            self.stories.update(x for x in (e.story, e.other) if x)

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "events": dict(sorted(self.events.items())),
            "skipped": self.skips.to_dict(),
            "stories_changed": len(self.stories),
        }


class StoryIngest:
    """Feed articles in, keep stories up to date in `store`."""

    def __init__(self, engine: Engine, store: SQLiteStore, batch_size: int = 16) -> None:
        self.engine = engine
        self.store = store
        self.batch_size = batch_size
        self.scorer = AnalysisPairScorer(
            lambda i: engine.pipeline.complete(store.analysis(i)), engine.settings, engine.scorer
        )
        self._version = 0  # the store's version the clusterer's state is at
        self.clusterer = self._resume()
        # Run after each committed batch, on what the store holds (the watches' alerts).
        self.after_batch: list[Callable[[SQLiteStore, Settings], object]] = [after_batch]
        # Polled between batches: a stop asked for (SIGTERM) ends the run after the
        # batch in hand is committed.
        self.should_stop: Callable[[], bool] = lambda: False

    def ingest_sources(
        self,
        sources: Iterable[str | Path],
        *,
        progress: Callable[[int], None] | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        report = report or IngestReport()
        for source in sources:
            if self.should_stop():
                break
            self.ingest_articles(
                iter_read(source, self.engine.settings, skips=report.skips),
                progress=progress,
                report=report,
            )
        self.settle(report)
        return report

    def settle(self, report: IngestReport | None = None) -> None:
        """Merge stories that converged since the last pass (end of a run)."""
        with self.store.write_lock():
            self._catch_up()
            events = self.clusterer.settle()
            self.store.write_batch([], events)
        self._version = self.store.version()
        self._after_batch()
        if report is not None:
            report.count(events)

    def ingest_articles(
        self,
        articles: Iterable[Article],
        *,
        progress: Callable[[int], None] | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        report = report or IngestReport()
        batches = _batches(articles, self.batch_size)
        first = next(batches, None)
        second = next(batches, None)
        if first is None:
            return report
        if second is None:
            # One batch (the watcher's usual call, an API post): nothing to analyse
            # ahead, so no thread to start and hand the batch over to.
            self._ingest_batch(first, self._fresh(first), None, report, progress)
            return report
        batches = itertools.chain((first, second), batches)
        ahead: deque[tuple[list[Article], list[Article]]] = deque()
        with _AnalyseAhead(self.engine) as analyser:

            def read_next() -> None:
                batch = next(batches, None)
                if batch is not None:
                    fresh = self._fresh(batch)
                    analyser.feed(fresh)
                    ahead.append((batch, fresh))

            read_next()
            while ahead:
                # The next batch is analysed on the analyser's thread (its models on
                # theirs) while this one is clustered and committed here: the pair
                # scoring no longer leaves the models idle.
                read_next()
                batch, fresh = ahead.popleft()
                self._ingest_batch(batch, fresh, analyser.take(), report, progress)
                if self.should_stop():
                    break
        return report

    def _ingest_batch(
        self,
        batch: list[Article],
        fresh: list[Article],
        analysed: list[tuple[Article, Analysis | SameStoryError]] | None,
        report: IngestReport,
        progress: Callable[[int], None] | None,
    ) -> None:
        """Cluster and commit one batch; `analysed` None: analyse it here first."""
        if analysed is None:
            analysed = list(self.engine.analyse_each(fresh))
        report.read += len(batch)
        report.duplicates += len(batch) - len(fresh)
        analyses = [a for a in (self._keep(x, r, report) for x, r in analysed) if a is not None]
        try:
            analyses, events = self._commit(analyses, report)
        finally:
            self.scorer.unpin()  # stored now (or not at all): the cache may let them go
        self._after_batch()
        report.stored += len(analyses)
        report.count(events)
        if progress is not None:
            progress(len(batch))

    def recluster(self) -> list[StoryEvent]:
        """Re-cluster the whole store in batch mode; log and apply the differences."""
        old = self.store.memberships()
        # An article moved by an earlier re-clustering appears in the log twice.
        by_id = {doc.id: doc for _, doc in self.store.replay_log() if doc is not None}
        docs = list(by_id.values())
        docs.sort(key=lambda d: (d.time is None, d.time or 0.0))
        new = batch_cluster(docs, self.scorer, self.engine.settings)
        _, events = reconcile(old, new)
        self.store.replace_memberships(events)
        self.clusterer = self._resume()  # the online state follows the new stories
        return events

    def _resume(self) -> OnlineClusterer:
        """A clusterer in the state the store's event log describes."""
        clusterer = OnlineClusterer(self.scorer, self.engine.settings)
        clusterer.replay(self.store.replay_log())
        self._version = self.store.version()
        return clusterer

    def _after_batch(self) -> None:
        for hook in self.after_batch:
            hook(self.store, self.engine.settings)

    # --- steps ---
    def _fresh(self, batch: Sequence[Article]) -> list[Article]:
        """The batch less the articles the store holds and repeats inside it. One read
        ahead of the batch before it is committed: an article in both is analysed
        twice, and `_commit` drops the second as a duplicate."""
        seen: set[str] = set()
        fresh: list[Article] = []
        for article in batch:
            if article.id in seen or self.store.is_known(article):
                continue
            seen.add(article.id)
            fresh.append(article)
        return fresh

    def _keep(
        self, article: Article, result: Analysis | SameStoryError, report: IngestReport
    ) -> Analysis | None:
        try:
            if isinstance(result, SameStoryError):
                raise result
            analysis = roundtrip(result)
        except SameStoryError as exc:
            report.failed += 1
            report.skips.add(article.source or article.id, "analysis-failed", str(exc))
            return None
        self.scorer.pin(analysis)
        return analysis

    def _commit(
        self, analyses: list[Analysis], report: IngestReport
    ) -> tuple[list[Analysis], list[StoryEvent]]:
        """Cluster and store a batch under the store's write lock. Another writer (a
        server, a second ingest) may have moved the store on since the last batch: the
        clusterer then catches up from the log first, and the articles that writer
        stored meanwhile count as duplicates. One writer at a time, nothing doubled."""
        try:
            with self.store.write_lock():
                self._catch_up()
                fresh = [a for a in analyses if not self.store.is_known(a.article)]
                events = self._cluster(fresh)
                self.store.write_batch(fresh, events)
        except Exception:
            # The clusterer saw a batch the store did not keep (a full disk): back to
            # the store's state, or a retry would store articles without stories.
            self.clusterer = self._resume()
            raise
        self._version = self.store.version()
        report.duplicates += len(analyses) - len(fresh)
        return fresh, events

    def catch_up(self) -> None:
        """Bring the clusterer to the store's version now (another writer moved it)."""
        if self.store.version() == self._version:
            return
        with self.store.write_lock():
            self._catch_up()

    def _catch_up(self) -> None:
        """Bring the clusterer to the store's version. The log is append-only and
        replay applies events one by one, so replaying just the tail another writer
        appended gives the state a full replay would -- without re-reading the whole
        log under the write lock on every batch (measured in bench_concurrency: with a
        CLI ingest and a server writing one file, each batch of either replayed the
        whole store, 0.5 s of GIL-holding work per batch at 370 articles, growing with
        the store). A log that shrank (a store restored from a backup) is replayed whole."""
        version = self.store.version()
        if version == self._version:
            return
        if version < self._version:
            self.clusterer = self._resume()
            return
        try:
            self.clusterer.replay(self.store.replay_log(after=self._version))
        except Exception:  # never left half caught up: the whole log, as before
            self.clusterer = self._resume()
            return
        self._version = version

    def _cluster(self, analyses: Sequence[Analysis]) -> list[StoryEvent]:
        return self.clusterer.add_many([doc_from_analysis(a) for a in analyses])


class _AnalyseAhead:
    """`Engine.analyse_each` on a thread of its own, fed one batch at a time, so a
    batch is analysed while the caller clusters and commits the one before. The
    input (files, URLs) is still read on the caller's thread, in order; spaCy runs
    on this one thread only."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._feed: SimpleQueue[list[Article] | None] = SimpleQueue()
        self._out: SimpleQueue[list[tuple[Article, Analysis | SameStoryError]] | BaseException]
        self._out = SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="samestory-analyse", daemon=True)

    def __enter__(self) -> _AnalyseAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        # On an early stop or an error the batch in hand is finished, not cut off.
        self._stop.set()
        self._feed.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (batch := self._feed.get()) is not None and not self._stop.is_set():
            try:
                self._out.put(list(self._engine.analyse_each(batch)))
            except BaseException as exc:  # handed to the caller, which raises it
                self._out.put(exc)
                return

    def feed(self, batch: list[Article]) -> None:
        self._feed.put(batch)

    def take(self) -> list[tuple[Article, Analysis | SameStoryError]]:
        """The oldest fed batch's (article, analysis or error) pairs, in order."""
        got = self._out.get()
        if isinstance(got, BaseException):
            raise got
        return got


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
