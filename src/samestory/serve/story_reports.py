"""A story's report, page and JSON for serving: fresh, else the last one built for the
story (stale, and marked so) while a rebuild runs elsewhere, else built once.

A report comes, in order, from the in-memory cache, from the store's `reports` table
when its fingerprint matches the story's membership (built ahead by `samestory ingest`
/ `samestory reports`, or by the server's write worker after a posted batch), or is
built on at most report_max_articles articles (serve/reports.py) -- then stored for
the next process when this one may write the store, else kept in memory only. The
table also holds each report's API JSON and the story's rendered page, so a story
this process has not seen yet costs one read, not a decode, a render and an encode.

Stale while rebuilt: every write that joins an article to a story changes its
membership, so its stored report turns stale. Measured under load (bench_concurrency
--probe --no-write, session 14): a reader of such a story waited for the rebuild (~0.4
s of pure Python behind the report gate, on the server's GIL): story detail p99
1.3-1.5 s while every other route stayed at 116-146 ms. Now that reader gets the last
report built for the story at once, with `report_state` (JSON) or a notice (page)
saying it is stale, when it was built and for how many articles; the rebuild is asked
of the write worker process (serve/analyser.py), or, in a server without one, of one
background thread; the first reader after it is stored gets the fresh one. Only a
story with no report at all is built while its reader waits: once for every reader
meanwhile (the route's cache.Flights), on at most report_max_articles articles.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from ..errors import SameStoryError, StoreError
from ..report import StoryReport
from ..settings import Settings
from ..store import SQLiteStore
from ..store.codec import decode_report
from ..store.reports import Built, ReadOnlyStoreError, ReportTable
from .cache import LRU
from .reports import build_capped, fingerprint, public_json, subset_ids

__all__ = ["REBUILD_RETRY_S", "StoryReports", "report_key"]

T = TypeVar("T")


class _Rebuilder(Protocol):
    def refresh(self, stories: Iterable[str]) -> None: ...


class Service(Protocol):
    """What this needs of serve/service.py's Service (which holds a StoryReports)."""

    settings: Settings
    store: SQLiteStore

    def query(self, fn: Callable[[SQLiteStore], T]) -> T: ...
    def read(self, fn: Callable[[SQLiteStore], T]) -> T: ...
    def peek(self, key: Any) -> Any: ...
    def memo(self, key: Any, build: Callable[[], T]) -> T: ...
    def story(self, story_id: str) -> dict[str, Any]: ...
    def version(self) -> int: ...
    def writer(self) -> _Rebuilder | None: ...


# How long a rebuild asked for a story's membership is trusted to be under way: past
# that (the worker died, the store was busy) the next stale read asks again.
REBUILD_RETRY_S = 30.0
# How long a reader waits to store a report it built while another process holds the
# write lock (an ingest batch): past that the report is only cached, never a slow page.
PERSIST_WAIT_MS = 200
_log = logging.getLogger(__name__)


def report_key(story: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """What a story's report depends on: its id and its articles."""
    return story["id"], tuple(a["id"] for a in story["articles"])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _age(built_at: str) -> float | None:
    try:
        at = dt.datetime.fromisoformat(built_at)
    except ValueError:
        return None
    at = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return round(max(0.0, (dt.datetime.now(dt.UTC) - at).total_seconds()), 1)


class StoryReports:
    """The report side of a Service: fresh, stale-while-rebuilt, or built once."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.settings = service.settings
        size = service.settings.report_cache_size
        self._reports = LRU(size)  # (story id, article ids) -> StoryReport
        self._latest = LRU(size)  # story id -> Built: the newest report JSON seen here
        self._building: dict[str, threading.Lock] = {}
        self._building_lock = threading.Lock()
        self.persist = not service.store.read_only
        self._asked: dict[str, tuple[str, float]] = {}  # story id -> (fingerprint, when)
        self._queue: list[str] = []  # rebuilds for this process's own thread
        self._draining = False
        self._lock = threading.Lock()

    def _fp(self, ids: tuple[str, ...]) -> str:
        return fingerprint(ids, self.settings.report_max_articles)

    # --- the StoryReport (pages, warm-up) ---
    def report(self, story: dict[str, Any]) -> StoryReport:
        """The story's fresh report: cached, stored, else built (once per story at a time)."""
        key = report_key(story)
        hit = self._reports.get(key)
        if hit is not None:
            return hit
        with self._building_lock:
            lock = self._building.setdefault(story["id"], threading.Lock())
        with lock:
            hit = self._reports.get(key)  # built by the reader we waited for
            if hit is None:
                hit, built = self._stored_or_built(story, key[1])
                self._reports.put(key, hit)
                if built is not None:
                    # Published last: a reader told "fresh" by the JSON must then find
                    # the fresh report for the page too (stored, else held here).
                    self._latest.put(story["id"], built)
        with self._building_lock:
            self._building.pop(story["id"], None)
        return hit

    def _stored_or_built(
        self, story: dict[str, Any], ids: tuple[str, ...]
    ) -> tuple[StoryReport, Built | None]:
        """The stored report, else one built here and stored, with its JSON to publish."""
        fp = self._fp(ids)
        service = self.service
        stored = service.query(lambda s: ReportTable(s).data(story["id"], fp))
        if stored is not None:
            return decode_report(stored), None  # outside the lock: big reports take a while
        chosen = subset_ids(story, self.settings)
        analyses = service.query(lambda s: [s.analysis(a) for a in chosen])
        started = time.perf_counter()
        # Pure and possibly slow: built outside the store lock.
        report = build_capped(analyses, len(ids), self.settings)
        took = time.perf_counter() - started
        public = public_json(report)
        self._persist(
            lambda t: t.put(
                story["id"],
                fp,
                report,
                public=public,
                articles=len(ids),
                build_seconds=took,
                wait_ms=PERSIST_WAIT_MS,
            ),
            story["id"],
        )
        return report, Built(fp, public, _now(), len(ids))

    def _persist(self, write: Callable[[ReportTable], None], story_id: str) -> None:
        """Store what a reader built, when this process may write the store."""
        if not self.persist:
            return
        try:
            self.service.read(lambda s: write(ReportTable(s)))
        except ReadOnlyStoreError as exc:
            self.persist = False  # will not change while this process runs
            _log.warning("reports are kept in memory only: %s", exc)
        except StoreError as exc:  # busy: the next reader of this story tries again
            _log.info("report of %s not stored: %s", story_id, exc)

    # --- the newest report built, fresh or not ---
    def latest(self, story_id: str, fp: str) -> Built | None:
        """The newest report JSON built for the story (held here or stored): fresh when
        its fingerprint is `fp`. A cheap read tells whether the store has a newer one."""
        mine = self._latest.get(story_id)
        if mine is not None and mine.fingerprint == fp:
            return mine
        stamp = self.service.query(lambda s: ReportTable(s).stamp(story_id))
        if stamp is None or (mine is not None and stamp == (mine.fingerprint, mine.built_at)):
            return mine
        if mine is None or stamp[0] == fp or stamp[1] >= mine.built_at:
            stored = self.service.query(lambda s: ReportTable(s).latest(story_id))
            if stored is not None:
                self._latest.put(story_id, stored)
                return stored
        return mine

    def state(self, built: Built, fp: str, articles: int) -> dict[str, Any]:
        """`report_state` of the JSON: whether the report is fresh and, either way,
        what it was built from and when."""
        fresh = built.fingerprint == fp
        out: dict[str, Any] = {
            "fresh": fresh,
            "fingerprint": built.fingerprint,
            "built_at": built.built_at,
            "age_seconds": _age(built.built_at),
            "articles": built.articles,
            "story_articles": articles,
        }
        if not fresh:
            out["rebuilding"] = True
        return out

    # --- GET /api/stories/{id} ---
    def story_json(self, story_id: str, *, stored_only: bool) -> bytes | None:
        """The story and its report's JSON (stored as text and spliced in, never
        re-encoded) with `report_state`: the fresh report, else the newest one built
        (stale: a rebuild is asked for), else, unless `stored_only`, built here."""
        service = self.service
        story = service.story(story_id)
        sid, ids = report_key(story)
        fp = self._fp(ids)
        key: tuple[Any, ...] = ("story-json", service.version(), sid, ids)
        hit = service.peek(key)
        if hit is None:
            built = self.latest(sid, fp)
            if built is None:
                if stored_only:
                    return None
                self.report(story)
                built = self.latest(sid, fp)
                assert built is not None  # built (or stored) just now
            if built.fingerprint != fp:
                key = (*key, built.fingerprint)  # a stale answer, cached apart
            hit = service.peek(key)
            if hit is None:
                head = json.dumps(story, ensure_ascii=False, default=str).encode("utf-8")
                hit = (head[:-1] + b', "report": ' + built.public.encode("utf-8"), built)
                service.memo(key, lambda: hit)
        prefix, built = hit
        if built.fingerprint != fp:
            self.rebuild_later(sid, fp)
        state = json.dumps(self.state(built, fp, len(ids))).encode("utf-8")
        return bytes(prefix + b', "report_state": ' + state + b"}")

    # --- /stories/{id} ---
    def _page_start(
        self, story_id: str
    ) -> tuple[
        dict[str, Any], str, tuple[str, ...], str, tuple[str, str, tuple[str, ...]], str | None
    ]:
        """What both page paths start from: the story, its report key and fingerprint,
        the memo key of its fresh page and that page if memoised."""
        story = self.service.story(story_id)
        sid, ids = report_key(story)
        key = ("story-html", sid, ids)
        hit = self.service.peek(key)
        return story, sid, ids, self._fp(ids), key, None if hit is None else str(hit)

    def stored_page(self, story_id: str, page_key: str) -> str | None:
        """The story's page from memory or the store (stale ones with a notice), else
        None (to be rendered in a thread): cheap enough for the event loop."""
        service = self.service
        _, sid, ids, fp, key, hit = self._page_start(story_id)
        if hit is not None:
            return hit
        stamp = service.query(lambda s: ReportTable(s).stamp(sid))
        if stamp is None:
            return None
        if stamp[0] == fp:
            page = service.query(lambda s: ReportTable(s).page(sid, fp, page_key))
            if page is not None:
                service.memo(key, lambda: page)
            return page
        stale_key = ("story-html-stale", sid, stamp, page_key)
        got = service.peek(stale_key)
        if got is None:
            got = service.query(lambda s: ReportTable(s).latest_page(sid, page_key))
            if got is None or got[0].fingerprint != stamp[0]:
                return None
            service.memo(stale_key, lambda: got)
        self.rebuild_later(sid, fp)
        return stale_notice(got[1], got[0], len(ids))

    def page(
        self,
        story_id: str,
        render: Callable[[dict[str, Any], StoryReport], str],
        page_key: str,
    ) -> str:
        """The story's page rendered in a thread: from its fresh report (stored, else
        built once), or, while a rebuild runs, from its stale stored one."""
        service = self.service
        story, sid, ids, fp, key, hit = self._page_start(story_id)
        if hit is not None:
            return hit
        page = service.query(lambda s: ReportTable(s).page(sid, fp, page_key))
        if page is None and self._reports.get((sid, ids)) is None:
            stored = service.query(lambda s: ReportTable(s).get(sid))
            if stored is not None and stored.fingerprint != fp:
                self.rebuild_later(sid, fp)
                built = Built(stored.fingerprint, "", stored.built_at, stored.articles)
                return stale_notice(render(story, stored.report), built, len(ids))
        if page is None:
            page = render(story, self.report(story))
            self._persist(
                lambda t: t.put_page(sid, fp, page_key, page, wait_ms=PERSIST_WAIT_MS), sid
            )
        return str(service.memo(key, lambda: page))

    # --- rebuilds ---
    def rebuild_later(self, story_id: str, fp: str) -> None:
        """Ask for the story's report to be rebuilt, once per membership (again after
        REBUILD_RETRY_S): by the write worker, else by this process's rebuild thread."""
        now = time.monotonic()
        with self._lock:
            asked = self._asked.get(story_id)
            if asked is not None and asked[0] == fp and now - asked[1] < REBUILD_RETRY_S:
                return
            if len(self._asked) > 4 * self.settings.report_cache_size:
                self._asked = {k: v for k, v in self._asked.items() if now - v[1] < REBUILD_RETRY_S}
            self._asked[story_id] = (fp, now)
        writer = self.service.writer() if self.persist else None
        if writer is not None:
            writer.refresh([story_id])
            return
        with self._lock:
            if story_id not in self._queue:
                self._queue.append(story_id)
            if self._draining:
                return
            self._draining = True
        threading.Thread(target=self._drain, name="report-rebuild", daemon=True).start()

    def _drain(self) -> None:
        """Rebuild the queued stories one after another, then end."""
        while True:
            with self._lock:
                if not self._queue:
                    self._draining = False
                    return
                story_id = self._queue.pop(0)
            try:
                self.report(self.service.story(story_id))
            except SameStoryError as exc:  # merged or gone meanwhile: the next one
                _log.info("report of %s not rebuilt: %s", story_id, exc)
            except Exception:  # nobody waits on this thread to be told: logged, go on
                _log.exception("report of %s not rebuilt", story_id)


def stale_notice(page: str, built: Built, articles: int) -> str:
    """The page of a stale report, with a notice under its heading (only numbers and a
    time are put in: nothing to escape)."""
    age = _age(built.built_at)
    ago = "" if age is None else f" ({int(age // 60)} min {int(age % 60)} s ago)"
    when = built.built_at.replace("T", " ").removesuffix("+00:00")
    note = (
        f'<p class="coverage" id="report-stale">This report was built {when} UTC{ago},'
        f" when the story had {built.articles} of its {articles} articles; an up-to-date"
        " one is being built: reload in a moment.</p>"
    )
    return page.replace("</h1>", "</h1>" + note, 1)
