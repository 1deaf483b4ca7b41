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

A story report comes, in order, from the in-memory cache, from the store's `reports`
table when its fingerprint matches the story's membership (built ahead by `samestory
ingest` / `samestory reports`), or is built on demand on at most report_max_articles
articles (serve/reports.py) -- then stored for the next process when this one may
write the store, else kept in memory only. One build per story at a time: concurrent
readers of a cold story wait for the one build instead of repeating it. The table
also holds each report's API JSON and the story's rendered page, so a story this
process has not seen yet costs one read (`stored_page`, `stored_story_json`, cheap
enough for the event loop), not a decode, a render and an encode in a thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.concurrency import run_in_threadpool

from ..errors import StoreError
from ..ingest import Skips
from ..models import Analysis, Article, PairScore
from ..report import StoryReport
from ..settings import Settings
from ..store import SQLiteStore
from ..store.codec import decode_report
from ..store.reports import ReadOnlyStoreError, ReportTable
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
from .reports import build_capped, fingerprint, public_json, subset_ids

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
# How long a reader waits to store a report it built while another process holds the
# write lock (an ingest batch): past that the report is only cached, never a slow page.
PERSIST_WAIT_MS = 200
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
        self._reports = LRU(settings.report_cache_size)
        self._building: dict[str, threading.Lock] = {}
        self._building_lock = threading.Lock()
        self.persist_reports = not store.read_only
        self._cold: (
            tuple[asyncio.AbstractEventLoop, asyncio.Semaphore, asyncio.Semaphore] | None
        ) = None
        self._flights = Flights()
        self._version = 0
        self._version_at = -1e9
        self._readers = threading.local()
        self._index_lock = threading.Lock()
        self._stamp: tuple[tuple[int, int], float] = ((0, 0), -1e9)

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

    @staticmethod
    def report_key(story: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        return story["id"], tuple(a["id"] for a in story["articles"])

    def report(self, story: dict[str, Any]) -> StoryReport:
        key = self.report_key(story)
        hit = self._reports.get(key)
        if hit is not None:
            return hit
        with self._building_lock:
            lock = self._building.setdefault(story["id"], threading.Lock())
        with lock:
            hit = self._reports.get(key)  # built by the reader we waited for
            if hit is None:
                hit = self._stored_or_built(story, key[1])
                self._reports.put(key, hit)
        with self._building_lock:
            self._building.pop(story["id"], None)
        return hit

    def _stored_or_built(self, story: dict[str, Any], ids: tuple[str, ...]) -> StoryReport:
        fp = fingerprint(ids, self.settings.report_max_articles)
        stored = self.query(lambda s: ReportTable(s).data(story["id"], fp))
        if stored is not None:
            return decode_report(stored)  # outside the lock: big reports take a while
        chosen = subset_ids(story, self.settings)
        analyses = self.query(lambda s: [s.analysis(a) for a in chosen])
        started = time.perf_counter()
        # Pure and possibly slow: built outside the store lock.
        report = build_capped(analyses, len(ids), self.settings)
        took = time.perf_counter() - started
        self._persist(
            lambda t: t.put(
                story["id"],
                fp,
                report,
                public=public_json(report),
                articles=len(ids),
                build_seconds=took,
                wait_ms=PERSIST_WAIT_MS,
            ),
            story["id"],
        )
        return report

    def report_public(self, story: dict[str, Any]) -> str:
        """The report's API JSON text: stored, else made from the report."""
        key = ("report-json", *self.report_key(story))
        hit = self._memo.get(key)
        if hit is None:
            fp = fingerprint(key[2], self.settings.report_max_articles)
            hit = self.query(lambda s: ReportTable(s).public(story["id"], fp))
            if hit is None:
                hit = public_json(self.report(story))
            self._memo.put(key, hit)
        return str(hit)

    def stored_page(self, story_id: str, page_key: str) -> str | None:
        """A story's page from memory or from the store, else None (to be rendered in a
        thread): cheap enough for the event loop, unlike a render or a build."""
        story = self.story(story_id)
        key = ("story-html", *self.report_key(story))
        hit = self._memo.get(key)
        if hit is None:
            fp = fingerprint(key[2], self.settings.report_max_articles)
            hit = self.query(lambda s: ReportTable(s).page(story["id"], fp, page_key))
            if hit is not None:
                self._memo.put(key, hit)
        return None if hit is None else str(hit)

    def story_json(self, story_id: str) -> bytes:
        """GET /api/stories/{id}: the story and its report's JSON, which is stored as
        text and spliced in, never re-encoded."""
        body = self._story_json(story_id, stored_only=False)
        assert body is not None  # built when not stored
        return body

    def stored_story_json(self, story_id: str) -> bytes | None:
        """`story_json` from memory or the store, else None (built in a thread)."""
        return self._story_json(story_id, stored_only=True)

    def _story_json(self, story_id: str, *, stored_only: bool) -> bytes | None:
        story = self.story(story_id)
        rkey = self.report_key(story)
        key = ("story-json", self.version(), *rkey)
        hit = self._memo.get(key)
        if hit is None:
            report = self._memo.get(("report-json", *rkey))
            if report is None:
                fp = fingerprint(rkey[1], self.settings.report_max_articles)
                report = self.query(lambda s: ReportTable(s).public(story["id"], fp))
            if report is None:
                if stored_only:
                    return None
                report = self.report_public(story)
            head = json.dumps(story, ensure_ascii=False, default=str).encode("utf-8")
            hit = head[:-1] + b', "report": ' + report.encode("utf-8") + b"}"
            self._memo.put(key, hit)
        return hit

    def story_page(
        self,
        story: dict[str, Any],
        render: Callable[[dict[str, Any], StoryReport], str],
        page_key: str,
    ) -> str:
        """The story's web page: stored (rendered by the current templates), else
        rendered from the report and stored for the next process."""
        fp = fingerprint(self.report_key(story)[1], self.settings.report_max_articles)
        page = self.query(lambda s: ReportTable(s).page(story["id"], fp, page_key))
        if page is None:
            page = render(story, self.report(story))
            self._persist(
                lambda t: t.put_page(story["id"], fp, page_key, page, wait_ms=PERSIST_WAIT_MS),
                story["id"],
            )
        return page

    def _persist(self, write: Callable[[ReportTable], None], story_id: str) -> None:
        """Store what a reader built, when this process may write the store."""
        if not self.persist_reports:
            return
        try:
            self.read(lambda s: write(ReportTable(s)))
        except ReadOnlyStoreError as exc:
            self.persist_reports = False  # will not change while this process runs
            _log.warning("reports are kept in memory only: %s", exc)
        except StoreError as exc:  # busy: the next reader of this story tries again
            _log.info("report of %s not stored: %s", story_id, exc)

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
