"""The watcher: poll each source when it is due, ingest what is new, keep its status.

A round polls every due source, up to `watch_concurrency` at a time in worker threads
(fetching is I/O); the articles of each finished poll are ingested in the calling
thread through the same path as `samestory ingest` (`StoryIngest`: dedupe, online
clustering, one transaction per batch), then that source's poll state is committed.
Killed at any moment, a restarted watcher re-polls what was not committed and the
store skips what it holds: nothing lost, nothing doubled. After the round the stories
it changed are settled and their reports rebuilt, as at the end of an ingest. When
another writer moved the store on meanwhile, the clusterer is rebuilt from the log
first, so the watcher never clusters against a stale picture of the stories.

Scheduling: a source is due when its `next_poll` has come (never polled: at once).
After a success the next poll is one interval after this poll began; after the n-th
failure in a row it is interval x 2^(n-1) later, at most `watch_backoff_max_s`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from ..settings import Settings
from ..store import SQLiteStore, canonical_url
from ..store.sources import PollState, Source, SourceTable
from ..stream import IngestReport, StoryIngest
from .http import Fetcher
from .kinds import Outcome, poll

if TYPE_CHECKING:
    from ..engine import Engine

__all__ = ["Polled", "Watcher", "next_poll"]


@dataclass(frozen=True, slots=True)
class Polled:
    """One poll, as the structured log line shows it."""

    at: float  # when the poll began (epoch seconds)
    source: int
    url: str
    status: str  # "200", "304", "error"
    read: int  # articles the poll found (new or not)
    stored: int
    duplicates: int
    skipped: int
    fetched: int  # bytes
    seconds: float
    next_poll: float
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps({"event": "poll", **self.to_dict()}, ensure_ascii=False)


def next_poll(source: Source, state: PollState, began: float, settings: Settings) -> float:
    if state.failures:
        wait = source.every_s * 2 ** (state.failures - 1)
        return began + min(wait, max(settings.watch_backoff_max_s, source.every_s))
    return began + source.every_s


class Watcher:
    def __init__(
        self,
        engine: Engine,
        store: SQLiteStore,
        settings: Settings | None = None,
        *,
        clock: Callable[[], float] = time.time,
        fetcher: Fetcher | None = None,
        lock: AbstractContextManager[Any] | None = None,
        reports: bool = True,
        on_poll: Callable[[Polled], None] | None = None,
    ) -> None:
        self.settings = settings or engine.settings
        self.store = store
        self.table = SourceTable(store)
        self.clock = clock
        self.fetcher = fetcher or Fetcher(self.settings)
        self.ingest = StoryIngest(engine, store, self.settings.ingest_batch_size)
        self._version = store.version()  # the store as this watcher's clusterer knows it
        # Held while this watcher ingests: a server shares its engine with the API.
        self.lock: AbstractContextManager[Any] = lock or nullcontext()
        self.reports = reports
        self.on_poll = on_poll
        self._db = threading.RLock()  # one connection, used by the pollers' lookups too
        self.totals = IngestReport()

    # --- schedule ---
    def due(self, now: float | None = None) -> list[Source]:
        now = self.clock() if now is None else now
        with self._db:
            return [
                s
                for s in self.table.all()
                if (when := self.table.poll_state(s.id).next_poll) is None or when <= now
            ]

    def next_due(self) -> float | None:
        """When the next source is due (epoch seconds), None with no sources."""
        with self._db:
            times = [self.table.poll_state(s.id).next_poll for s in self.table.all()]
        if not times:
            return None
        return min(self.clock() if t is None else t for t in times)

    # --- running ---
    def run(
        self, stop: threading.Event, on_idle: Callable[[float | None], None] | None = None
    ) -> None:
        """Poll until `stop` is set (SIGTERM); the round in progress ends cleanly.
        `on_idle(next_due)` is called before each wait."""
        while not stop.is_set():
            self.run_once(stop)
            upcoming = self.next_due()
            if on_idle is not None:
                on_idle(upcoming)
            wait = self.settings.watch_idle_s
            if upcoming is not None:
                wait = min(wait, max(0.0, upcoming - self.clock()))
            stop.wait(wait)

    def run_once(self, stop: threading.Event | None = None) -> list[Polled]:
        """Poll every source that is due now; the polls, in the order they finished."""
        began = self.clock()
        sources = self.due(began)
        if not sources:
            return []
        with self._db:
            states = {s.id: self.table.poll_state(s.id) for s in sources}
            seen = {s.id: self.table.seen(s.id) for s in sources if s.kind == "folder"}
        report = IngestReport()
        done: list[Polled] = []
        workers = max(1, min(self.settings.watch_concurrency, len(sources)))
        with ThreadPoolExecutor(workers, thread_name_prefix="samestory-poll") as pool:
            futures: dict[Future[tuple[Outcome, float]], Source] = {
                pool.submit(self._poll, s, states[s.id], seen.get(s.id)): s for s in sources
            }
            for future in as_completed(futures):
                if future.cancelled():
                    continue
                source = futures[future]
                outcome, started = future.result()
                done.append(self._commit(source, states[source.id], outcome, started, report))
                if self.on_poll is not None:
                    self.on_poll(done[-1])
                if stop is not None and stop.is_set():
                    for other in futures:
                        other.cancel()  # not started yet: polled after the restart
        self._finish(report)
        return done

    def close(self) -> None:
        self.fetcher.close()

    # --- steps ---
    def _poll(
        self, source: Source, state: PollState, seen: dict[str, str] | None
    ) -> tuple[Outcome, float]:
        started = self.clock()
        return poll(source, state, self.fetcher, self.settings, self._known, seen), started

    def _known(self, url: str) -> bool:
        key = canonical_url(url)
        if key is None:
            return False
        with self._db:
            row = self.store.conn.execute(
                "SELECT 1 FROM articles WHERE canonical_url = ?", (key,)
            ).fetchone()
        return row is not None

    def _commit(
        self,
        source: Source,
        state: PollState,
        outcome: Outcome,
        started: float,
        report: IngestReport,
    ) -> Polled:
        mine = IngestReport()
        with self.lock, self._db:
            if outcome.articles:
                self._follow_other_writers()
                self.ingest.ingest_articles(outcome.articles, report=mine)
                self._version = self.store.version()
            new = _after(state, outcome, started)
            new.next_poll = next_poll(source, new, started, self.settings)
            # After the articles, never before: see the module docstring.
            self.table.save_poll(source.id, new, outcome.seen)
            if outcome.kind is not None:
                self.table.set_kind(source.id, outcome.kind)
        for name in ("read", "stored", "duplicates", "failed"):
            setattr(report, name, getattr(report, name) + getattr(mine, name))
            setattr(self.totals, name, getattr(self.totals, name) + getattr(mine, name))
        report.events.update({k: report.events.get(k, 0) + v for k, v in mine.events.items()})
        report.stories |= mine.stories
        return Polled(
            at=started,
            source=source.id,
            url=source.url,
            status=outcome.status,
            read=mine.read,
            stored=mine.stored,
            duplicates=mine.duplicates,
            skipped=outcome.skips.total + mine.skips.total,
            fetched=outcome.fetched,
            seconds=round(self.clock() - started, 3),
            next_poll=new.next_poll,
            error=outcome.error,
        )

    def _follow_other_writers(self) -> None:
        """Another process (an ingest, the API of `serve --watch`) moved the store on:
        replay its log into a fresh clusterer, as the server does for its own ingest."""
        if self.store.version() != self._version:
            self.ingest = StoryIngest(self.ingest.engine, self.store, self.ingest.batch_size)
            self._version = self.store.version()

    def _finish(self, report: IngestReport) -> None:
        with self.lock, self._db:
            self._follow_other_writers()
            self.ingest.settle(report)
            self._version = self.store.version()
            if self.reports and report.stories:
                from ..serve.refresh import refresh_reports

                refresh_reports(self.store, self.settings, report.stories)


def _after(state: PollState, outcome: Outcome, started: float) -> PollState:
    new = replace(state, polls=state.polls + 1, last_poll=started, last_status=outcome.status)
    new.bytes += outcome.fetched
    if outcome.status == "error":
        new.failures += 1
        new.last_error = outcome.error
        return new
    new.failures = 0
    new.last_error = None
    new.last_success = started
    new.etag, new.last_modified = outcome.etag, outcome.last_modified
    if outcome.status == "304":
        new.not_modified += 1
        new.saved += state.size
    else:
        new.size = outcome.size
    return new
