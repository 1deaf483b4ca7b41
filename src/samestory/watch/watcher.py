"""The watcher: poll each source when it is due, ingest what is new, keep its status.

A round polls every due source, up to `watch_concurrency` at a time in worker threads
(fetching is I/O); the articles of the polls that have finished are ingested together
in the calling thread through the same path as `samestory ingest` (`StoryIngest`:
dedupe, online clustering, one transaction per batch), then each poll's state is
committed.
Killed at any moment, a restarted watcher re-polls what was not committed and the
store skips what it holds: nothing lost, nothing doubled. After the round the stories
it changed are settled and their reports rebuilt, as at the end of an ingest. When
another writer moved the store on meanwhile, the clusterer first replays the tail of
the story log that writer appended (`StoryIngest.catch_up`), so the watcher never
clusters against a stale picture of the stories.

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

__all__ = ["Polled", "Watcher", "limit_arenas", "next_poll", "release_memory"]


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
        # Held while this watcher ingests: a server shares its engine with the API.
        self.lock: AbstractContextManager[Any] = lock or nullcontext()
        self.reports = reports
        self.on_poll = on_poll
        self._db = threading.RLock()  # one connection, used by the pollers' lookups too
        self.totals = IngestReport()
        # One pool for the watcher's life, not one per round: a round every second
        # started and ended its threads each time (each thread a malloc arena of its own).
        self._pool: ThreadPoolExecutor | None = None

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
        limit_arenas(self.settings.watch_malloc_arenas)
        while not stop.is_set():
            if any(p.stored for p in self.run_once(stop)):
                release_memory()
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
        if self._pool is None:
            self._pool = ThreadPoolExecutor(
                max(1, self.settings.watch_concurrency), thread_name_prefix="samestory-poll"
            )
        pool = self._pool
        futures: dict[Future[tuple[Outcome, float]], Source] = {
            pool.submit(self._poll, s, states[s.id], seen.get(s.id)): s for s in sources
        }
        pending: list[tuple[Source, Outcome, float]] = []
        taken: set[Future[tuple[Outcome, float]]] = set()
        for future in as_completed(futures):
            taken.add(future)
            if future.cancelled():
                continue
            outcome, started = future.result()
            pending.append((futures[future], outcome, started))
            # Polls that finished meanwhile are ingested together (one batch, not one
            # transaction and one analysis call per feed item); none waits for a
            # poll still in flight.
            ready = any(f.done() and f not in taken for f in futures)
            if ready and sum(len(o.articles) for _, o, _ in pending) < self.ingest.batch_size:
                continue
            done += self._commit(pending, states, report)
            pending = []
            if stop is not None and stop.is_set():
                for other in futures:
                    other.cancel()  # not started yet: polled after the restart
        if pending:  # the last future was a cancelled one
            done += self._commit(pending, states, report)
        self._finish(report)
        return done

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
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
        polls: list[tuple[Source, Outcome, float]],
        states: dict[int, PollState],
        report: IngestReport,
    ) -> list[Polled]:
        """Store the articles of these polls (one ingest), then each poll's state."""
        articles = [a for _, outcome, _ in polls for a in outcome.articles]
        mine = IngestReport()
        with self.lock, self._db:
            fresh: set[str] = set()
            known: set[str] = set()
            if articles:
                self._follow_other_writers()
                known = {a.id for a in articles if self.store.is_known(a)}
                self.ingest.ingest_articles(articles, report=mine)
                fresh = self._stored({a.id for a in articles} - known)
            out: list[Polled] = []
            claimed: set[str] = set()
            for source, outcome, started in polls:
                new = _after(states[source.id], outcome, started)
                new.next_poll = next_poll(source, new, started, self.settings)
                # After the articles, never before: see the module docstring.
                self.table.save_poll(source.id, new, outcome.seen)
                if outcome.kind is not None:
                    self.table.set_kind(source.id, outcome.kind)
                counted = _counts(outcome, fresh, known, claimed)
                out.append(_polled(source, outcome, started, new, counted, self.clock()))
                if self.on_poll is not None:
                    self.on_poll(out[-1])
        for name in ("read", "stored", "duplicates", "failed"):
            setattr(report, name, getattr(report, name) + getattr(mine, name))
            setattr(self.totals, name, getattr(self.totals, name) + getattr(mine, name))
        report.events.update({k: report.events.get(k, 0) + v for k, v in mine.events.items()})
        report.stories |= mine.stories
        return out

    def _stored(self, ids: set[str]) -> set[str]:
        """Which of these article ids are in the store now."""
        found: set[str] = set()
        listed = sorted(ids)
        for i in range(0, len(listed), 500):
            chunk = listed[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def _follow_other_writers(self) -> None:
        """Another process (an ingest, the API of `serve --watch`) moved the store on:
        the clusterer replays the log's tail that writer appended, not the whole log
        (which grew with the store and was re-read, and every analysis cache dropped,
        on each such round)."""
        self.ingest.catch_up()

    def _finish(self, report: IngestReport) -> None:
        with self.lock, self._db:
            self._follow_other_writers()
            self.ingest.settle(report)
            if self.reports and report.stories:
                from ..serve.refresh import refresh_reports

                refresh_reports(self.store, self.settings, report.stories)


def release_memory() -> None:
    """Hand the heap's free pages back to the system after a round that stored articles.

    A round allocates and frees a lot in worker threads (feeds parsed, articles
    analysed), each thread on a malloc arena of its own; glibc keeps what was freed
    there mapped. `malloc_trim` returns those pages; elsewhere than on glibc it is
    not there and nothing is done."""
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


_M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)


def limit_arenas(arenas: int) -> bool:
    """Cap glibc's malloc arenas for the rest of the process (`watch_malloc_arenas`).

    Each thread that allocates while the others hold their arenas gets one of its own,
    up to eight per core: the poll workers and the analysis pipeline's stage threads
    (started anew for each batch) spread the round's short-lived allocations over
    them, and what a long-lived object pins in each arena stays mapped. Fewer arenas,
    fewer such islands; a thread waits on an arena's lock a little more often. 0, or
    a libc without mallopt: nothing is changed. True when the cap was set."""
    if arenas <= 0:
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(ctypes.c_int(_M_ARENA_MAX), ctypes.c_int(arenas)))


def _counts(
    outcome: Outcome, fresh: set[str], known: set[str], claimed: set[str]
) -> tuple[int, int, int]:
    """(stored, duplicates, failed) of one poll of a batch. `fresh`: the ids the batch
    stored; `known`: those the store held before; `claimed`: ids an earlier poll of the
    batch counted (an article two feeds carry is stored for the first one)."""
    ids = {a.id for a in outcome.articles}
    stored = ids & fresh - claimed
    failed = ids - fresh - claimed - known  # analysis failed: counted as skipped
    claimed |= ids
    return len(stored), len(outcome.articles) - len(stored) - len(failed), len(failed)


def _polled(
    source: Source,
    outcome: Outcome,
    started: float,
    state: PollState,
    counted: tuple[int, int, int],
    now: float,
) -> Polled:
    stored, duplicates, failed = counted
    return Polled(
        at=started,
        source=source.id,
        url=source.url,
        status=outcome.status,
        read=len(outcome.articles),
        stored=stored,
        duplicates=duplicates,
        skipped=outcome.skips.total + failed,
        fetched=outcome.fetched,
        seconds=round(now - started, 3),
        next_poll=state.next_poll or started,
        error=outcome.error,
    )


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
