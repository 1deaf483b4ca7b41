"""The server's write path in a worker process (setting serve_analysis_process).

Measured under load (bench_concurrency: 50 readers, 5 API writers, one CLI ingest on
2 cores): with the write path on a thread of the server, the event loop and the
reading threads wait for the GIL behind it -- a read that takes a few ms of CPU took
hundreds. Analysis alone in a worker was not enough: the pair scoring, clustering,
commit and alerts of a batch stayed in the server, and the first scoring there built
the place gazetteer (seconds of GIL-holding work, while every reader waited). Now the
whole batch -- analyse, cluster, commit, settle, the watches' alerts -- runs in one
long-lived worker process, at a lower priority (serve_analysis_nice), as one more
writer of the file: it catches its clusterer up from the log's tail like any other
writer (a CLI ingest, a second server), under SQLite's write lock. The server only
reads. After answering, the worker builds and stores the reports of the stories the
batch changed (the work `samestory ingest` does at the end of a run), so readers find
them stored instead of building them on the server's GIL.

A batch is committed, or not, exactly as before: if the worker dies mid-batch its
transaction never commits (SQLite rolls it back), the request fails whole (503) and
the next request starts a new worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import TYPE_CHECKING

from ..errors import ModelUnavailableError
from ..ingest import Skips
from ..models import Article
from ..settings import Settings

if TYPE_CHECKING:
    from ..stream import IngestReport, StoryIngest

__all__ = ["AnalysisWorkerError", "WriterProcess"]

_log = logging.getLogger(__name__)


class AnalysisWorkerError(ModelUnavailableError):
    """The worker process died (killed, out of memory): the batch is not stored."""


class WriterProcess:
    """`StoryIngest` on the store file `path`, run in one long-lived worker process
    (its models loaded there once); one batch at a time, in the order submitted."""

    def __init__(self, settings: Settings, path: str) -> None:
        self.settings = settings
        self.path = path
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting = 0  # batches submitted and not answered yet
        self._stale: set[str] = set()  # stories whose reports are to be rebuilt
        self._asked: set[str] = set()  # stories whose readers got a stale report
        self._asking = False  # a rebuild of asked stories is queued or running

    def ingest(self, articles: Sequence[Article], skips: Skips | None = None) -> IngestReport:
        """Store `articles` (analysed, clustered, committed, settled) in the worker;
        the stories it changed get their reports rebuilt there afterwards."""
        pool = self._executor()
        with self._lock:
            self._waiting += 1
        try:
            report = pool.submit(_ingest, list(articles), skips).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next batch starts a fresh worker
            raise AnalysisWorkerError(
                "the analysis worker process died; the batch was not stored (retry it)"
            ) from None
        finally:
            with self._lock:
                self._waiting -= 1
        self._refresh_later(pool, report.stories)
        return report

    def _refresh_later(self, pool: ProcessPoolExecutor, stories: set[str]) -> None:
        """Queue the report builds of `stories` behind the batches: while other batches
        wait, their stories are only collected, and built once the queue drains. Not
        waited for: a reader of a changed story meanwhile builds its report on demand."""
        with self._lock:
            self._stale |= stories
            if self._waiting or not self._stale:
                return
            stale, self._stale = sorted(self._stale), set()
        with suppress(RuntimeError):  # shutting down: the reports are built on demand
            pool.submit(_refresh, stale).add_done_callback(_logged)

    def refresh(self, stories: Iterable[str]) -> None:
        """Rebuild and store the reports of `stories` (any size) soon: readers are
        served their stale reports meanwhile (serve/story_reports.py). Queued behind
        the batches submitted so far, not until the queue drains (under steady writes
        it never would); asks that come while one rebuild is queued join the next."""
        pool = self._executor()
        with self._lock:
            self._asked |= set(stories)
            if self._asking or not self._asked:
                return
            asked, self._asked = sorted(self._asked), set()
            self._asking = True
        try:
            future = pool.submit(_refresh, asked, 1)
        except RuntimeError:  # shutting down
            with self._lock:
                self._asking = False
            return
        future.add_done_callback(self._asked_done)

    def _asked_done(self, done: Future[int]) -> None:
        _logged(done)
        with self._lock:
            self._asking = False
        if self._asked:
            with suppress(BrokenProcessPool, RuntimeError):
                self.refresh(())

    def worker_pid(self) -> int:
        """The worker's process id (started if need be): for tests and diagnostics."""
        return int(self._executor().submit(os.getpid).result())

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads (a fork copies their locks
                # in whatever state they are) and the worker loads its own models.
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(self.settings, self.path),
                )
            return self._pool


def _logged(done: Future[int]) -> None:
    """A report refresh that failed: logged (the reports are built on demand instead)."""
    exc = done.exception()
    if exc is not None and not isinstance(exc, BrokenProcessPool):
        _log.warning("reports of a posted batch not refreshed: %s", exc)


_INGEST: StoryIngest | None = None


def _start(settings: Settings, path: str) -> None:
    global _INGEST
    nice = max(0, min(19, settings.serve_analysis_nice))
    if nice:
        os.nice(nice)
    from ..engine import Engine
    from ..store import SQLiteStore
    from ..stream import StoryIngest

    _INGEST = StoryIngest(Engine(settings), SQLiteStore(path), settings.ingest_batch_size)


def _ingest(articles: list[Article], skips: Skips | None) -> IngestReport:
    from ..stream import IngestReport

    assert _INGEST is not None  # set by _start, the pool's initializer
    report = IngestReport(skips=skips) if skips is not None else IngestReport()
    _INGEST.ingest_articles(articles, report=report)
    _INGEST.settle(report)
    return report


def _refresh(story_ids: list[str], min_size: int | None = None) -> int:
    from .refresh import refresh_reports

    assert _INGEST is not None
    settings = _INGEST.engine.settings
    return refresh_reports(_INGEST.store, settings, story_ids, min_size=min_size).built
