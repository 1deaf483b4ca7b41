"""The server's article analysis in a worker process (setting serve_analysis_process).

Measured under load (bench_concurrency: 50 readers, 5 API writers, one CLI ingest on
2 cores): with spaCy and the embedders on a thread of the server, the event loop and
the reading threads wait for the GIL behind the analysis -- a read that takes a few ms
of CPU took hundreds. In a process of its own (at a lower priority, setting
serve_analysis_nice) the analysis competes for the cores only, and the OS scheduler
lets the readers go first.

Only `analyse_each` leaves the server: articles go out, analyses (or the error of
each article that failed) come back, in order. Clustering, the pair scores and the
store write stay in the server, the one writer path: a batch is committed, or not,
exactly as before, so nothing the API accepted is lost if the worker dies (the
request fails, nothing of it stored, and the next request starts a new worker).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..engine import Engine
from ..errors import ModelUnavailableError, SameStoryError
from ..models import Analysis, Article
from ..settings import Settings

__all__ = ["AnalysisWorkerError", "RemoteEngine"]


class AnalysisWorkerError(ModelUnavailableError):
    """The analysis worker process died (killed, out of memory): the batch is not stored."""


class RemoteEngine(Engine):
    """An Engine whose `analyse_each` runs in one long-lived worker process (the
    models loaded there once); pair scoring and everything else stay local."""

    def __init__(self, local: Engine) -> None:
        super().__init__(local.settings, pipeline=local.pipeline, scorer=local.scorer)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def analyse_each(
        self, articles: Iterable[Article], *, published: dt.datetime | None = None
    ) -> Iterator[tuple[Article, Analysis | SameStoryError]]:
        batch = list(articles)
        if not batch:
            return iter(())
        pool = self._executor()
        try:
            return iter(pool.submit(_analyse, batch, published).result())
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # the next batch starts a fresh worker
            raise AnalysisWorkerError(
                "the analysis worker process died; the batch was not stored (retry it)"
            ) from None

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
                    initargs=(self.settings,),
                )
            return self._pool


_ENGINE: Engine | None = None


def _start(settings: Settings) -> None:
    global _ENGINE
    nice = max(0, min(19, settings.serve_analysis_nice))
    if nice:
        os.nice(nice)
    _ENGINE = Engine(settings)


def _analyse(
    batch: list[Article], published: dt.datetime | None
) -> list[tuple[Article, Analysis | SameStoryError]]:
    assert _ENGINE is not None  # set by _start, the pool's initializer
    return list(_ENGINE.analyse_each(batch, published=published))
