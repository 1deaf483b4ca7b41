"""What the REST API and the web UI share: one store, its caches, the engine, ingest.

Reads go through `query`: on a file store each thread (the event loop's included)
reads through a read-only connection of its own, so a reader never queues behind
another reader, a report being stored or a search being indexed -- WAL lets them all
read while a writer commits. Writes on the side (a report, a page, the search index,
watches, sources) go through `read`: the store's own connection, one at a time
(`_read_lock`), always with a bounded wait where a reader triggers them.

Answers are cached and keyed on the store's version (the last story event id), so a
cache can never serve stories older than the store; story reports are keyed on the
story id and its article ids, since a report depends on nothing else. On a file
store a posted batch is written by a worker process (serve/analyser.py), its own
connection, so readers keep going (WAL) and keep the GIL while a batch is analysed,
clustered and committed; an in-memory store or an injected engine ingests here.

Story reports, their pages and JSON (fresh, stale while rebuilt, or built once) are
served by `StoryReports` (serve/story_reports.py), `self.reports`.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.concurrency import run_in_threadpool

from ..ingest import Skips
from ..models import Analysis, Article, PairScore
from ..settings import Settings
from ..store import SQLiteStore
from ..store.search import index_new_articles
from ..store.spread import sources_stamp
from .cache import LRU, Flights
from .inputs import (  # re-exported: where the routes and the watcher import them from
    ForbiddenError,
    UnauthorizedError,
    check_public_url,
    fetch_articles,
    parse_article,
    side_article,
)
from .story_reports import StoryReports

if TYPE_CHECKING:
    from ..engine import Engine
    from ..stream import IngestReport, StoryIngest
    from .analyser import WriterProcess

__all__ = [
    "ForbiddenError",
    "Service",
    "UnauthorizedError",
    "check_public_url",
    "parse_article",
    "side_article",
]

T = TypeVar("T")
VERSION_TTL = 0.25
# Cache misses (a story page to render, a report to read or build) run in threads, at
# most this many at once: they are CPU-bound, so more threads add no speed on a GIL, and
# 40 of them (the thread pool) would starve the event loop that answers the cached
# pages -- a cold start then slows every reader instead of just the first one of a story.
COLD_BUILDS = 2
# Story reports and pages (a report to build: ~0.4 s of pure Python) pass a gate of
# their own, one at a time: behind the shared gate the story lists, searches and
# health checks queued behind them (bench_concurrency --probe: waits p99 ~0.8 s), and a
# second report thread would only take more of the GIL from the event loop.
REPORT_BUILDS = 1
# The same for the search index a search brings up to date: past that it searches what
# is indexed (the articles of the batch being committed show up in the next search).
INDEX_WAIT_MS = 50
_log = logging.getLogger(__name__)


class Service:
    def __init__(
        self, settings: Settings, store: SQLiteStore, engine: Engine | None = None
    ) -> None:
        self.settings = settings
        self.store = store
        self._engine = engine
        self._writer: WriterProcess | None = None  # serve/analyser.py
        self._own_engine = engine is None  # an injected one (tests' fakes) stays here
        self._read_lock = threading.RLock()
        self._engine_lock = threading.Lock()
        self._ingest: StoryIngest | None = None
        self._memo = LRU(4 * settings.report_cache_size)
        self._cold: (
            tuple[asyncio.AbstractEventLoop, asyncio.Semaphore, asyncio.Semaphore] | None
        ) = None
        self._flights = Flights()
        self._version = 0
        self._version_at = -1e9
        self._readers = threading.local()
        self._index_lock = threading.Lock()
        self._stamp: tuple[tuple[int, int], float] = ((0, 0), -1e9)
        self.reports = StoryReports(self)

    # --- reading ---
    async def cold(self, fn: Callable[..., T], *args: Any, report: bool = False) -> T:
        """`fn(*args)` in a worker thread, behind the cold-build gate (COLD_BUILDS), or
        the report gate (REPORT_BUILDS) for what may build a story's report."""
        loop = asyncio.get_running_loop()
        if self._cold is None or self._cold[0] is not loop:  # a semaphore is per loop
            self._cold = (loop, asyncio.Semaphore(COLD_BUILDS), asyncio.Semaphore(REPORT_BUILDS))
        gate = self._cold[2] if report else self._cold[1]
        async with gate:
            return await run_in_threadpool(fn, *args)

    async def cached(self, key: Any, build: Callable[[], T]) -> T:
        """The answer cached under `key`, else `build()` (in a thread, behind the gate)
        once for all who ask meanwhile (cache.Flights)."""
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        return await self.once(key, lambda: self.memo(key, build))

    async def once(self, key: Any, fn: Callable[[], T], report: bool = False) -> T:
        """`fn()` behind its gate (`cold`), one call per `key` at a time: who asks for
        the same `key` meanwhile gets its result (or its error)."""
        return await self._flights.run(key, lambda: self.cold(fn, report=report))

    def read(self, fn: Callable[[SQLiteStore], T]) -> T:
        """`fn` on the store's own connection, one caller at a time: for what writes."""
        with self._read_lock:
            return fn(self.store)

    def query(self, fn: Callable[[SQLiteStore], T]) -> T:
        """`fn`, which only reads, on this thread's read-only connection (file stores;
        an in-memory store has one connection, shared through `read`)."""
        if self.store.path == ":memory:":
            return self.read(fn)
        reader: SQLiteStore | None = getattr(self._readers, "store", None)
        if reader is None:
            reader = SQLiteStore(self.store.path, read_only=True)
            self._readers.store = reader
        return fn(reader)

    def search(self, q: str, key: Any = None, **options: Any) -> list[dict[str, Any]]:
        """`SQLiteStore.search`, the index first brought up to date when the store is
        free within INDEX_WAIT_MS (else as indexed: see INDEX_WAIT_MS); cached under
        `key` (which holds the store version) only when nothing was left unindexed."""
        complete = True
        if self.store.path != ":memory:" and not self.store.read_only:
            # One indexer at a time; the searches meanwhile search what is indexed.
            complete = self._index_lock.acquire(blocking=False)
            if complete:
                try:
                    complete = self.read(lambda s: index_new_articles(s, wait_ms=INDEX_WAIT_MS))
                finally:
                    self._index_lock.release()
        rows = self.query(lambda s: s.search(q, **options))
        if key is not None and complete:
            self._memo.put(key, rows)
        return rows

    def sources_stamp(self) -> tuple[int, int]:
        """`store.spread.sources_stamp`, re-read at most every VERSION_TTL seconds
        (asked on the event loop for every story answer, cached or not)."""
        now = time.monotonic()
        if now - self._stamp[1] > VERSION_TTL:
            self._stamp = (self.query(sources_stamp), now)
        return self._stamp[0]

    def version(self) -> int:
        """The store's version, re-read at most every VERSION_TTL seconds: hot requests
        then touch neither the lock nor SQLite (another process's writes show up within
        that time; this server's own writes at once)."""
        now = time.monotonic()
        if now - self._version_at > VERSION_TTL:
            self._version = self.query(lambda s: s.version())  # this thread's connection
            self._version_at = now
        return self._version

    def peek(self, key: Any) -> Any:
        """A cached answer, or None: lets async handlers answer hits without a thread."""
        return self._memo.get(key)

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """`build()` cached under `key` (callers put the store version or article ids in it)."""
        hit = self._memo.get(key)
        if hit is None:
            hit = build()
            self._memo.put(key, hit)
        return hit

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        key = ("stories", self.version(), tuple(sorted(filters.items())))
        return self.memo(key, lambda: self.query(lambda s: s.stories(**filters)))

    def story(self, story_id: str) -> dict[str, Any]:
        return self.memo(
            ("story", self.version(), story_id), lambda: self.query(lambda s: s.story(story_id))
        )

    def article(self, article_id: str) -> tuple[Analysis, str | None]:
        return self.query(lambda s: (s.analysis(article_id), s.story_of(article_id)))

    # --- engine ---
    @property
    def engine_lock(self) -> threading.Lock:
        """Held by whoever runs the engine (API ingest, compare; serve --watch)."""
        return self._engine_lock

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from ..engine import Engine  # models load on the first request that needs them

            self._engine = Engine(self.settings)
        return self._engine

    def writer(self) -> WriterProcess | None:
        """The worker process that posted batches are written by (serve/analyser.py,
        setting serve_analysis_process) when this service loads its own models and
        writes a file; else None: ingest runs in this process (an injected engine --
        tests' fakes -- or an in-memory store)."""
        if (
            self._writer is None
            and self._own_engine
            and self.settings.serve_analysis_process
            and self.store.path != ":memory:"
        ):
            from .analyser import WriterProcess

            self._writer = WriterProcess(self.settings, self.store.path)
        return self._writer

    def close(self) -> None:
        """Stop the write worker, if one was started."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()

    def compare(self, a: Article, b: Article) -> PairScore:
        with self._engine_lock:
            return self.engine.compare(a, b)

    def ingest(self, articles: Sequence[Article], skips: Skips | None = None) -> dict[str, Any]:
        """Store `articles`; `skips` (what the request's reading refused) go in the report."""
        if self.store.read_only:
            raise ForbiddenError("this server opened its store read-only (serve --read-only)")
        writer = self.writer()
        if writer is not None:  # its queue takes one batch at a time, in order
            report = writer.ingest(articles, skips)
        else:
            report = self._ingest_here(articles, skips)
        self._version_at = -1e9  # this server's own write shows at once
        stored = self.query(lambda s: [(a, s.story_of(a.id)) for a in articles])
        return {
            "report": report.to_dict(),
            "articles": [{"id": a.id, "title": a.title, "story": sid} for a, sid in stored],
        }

    def _ingest_here(self, articles: Sequence[Article], skips: Skips | None) -> IngestReport:
        from ..stream import IngestReport, StoryIngest

        shared = self.store.path == ":memory:"
        with self._engine_lock, self._read_lock if shared else nullcontext():
            if self._ingest is None:
                writer = self.store if shared else SQLiteStore(self.store.path)
                self._ingest = StoryIngest(self.engine, writer, self.settings.ingest_batch_size)
            # Another writer (a CLI ingest) may have moved the store on: each commit
            # catches the clusterer up from the log's new tail under the write lock
            # (StoryIngest._catch_up), so the one clusterer lives as long as the server.
            report = IngestReport(skips=skips) if skips is not None else IngestReport()
            self._ingest.ingest_articles(articles, report=report)
            self._ingest.settle(report)
        return report

    # --- URLs ---
    def fetch(self, url: str) -> list[Article]:
        """Articles from a client-given URL (inputs.fetch_articles: public addresses only)."""
        return fetch_articles(url, self.settings)
