"""The `reports` table (migration 3): persisted story reports and how fresh they are.

A report is derived data, rebuilt from the analyses whenever the story changes; it is
stored so that a server never has to build the report of a big story while a reader
waits. Each row carries the fingerprint of what it was built from (the story's
article ids and the report settings, see `samestory.serve.reports.fingerprint`): a
row whose fingerprint differs from the story's current one is stale.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import StoreError
from .codec import decode_report, encode_report

if TYPE_CHECKING:
    from ..report import StoryReport
    from .sqlite import SQLiteStore

__all__ = ["Built", "ReadOnlyStoreError", "ReportTable", "StoredReport"]


class ReadOnlyStoreError(StoreError):
    """The store cannot be written by this process (opened read-only, or a read-only
    file): a server then keeps the reports it builds in memory only."""


@dataclass(frozen=True, slots=True)
class StoredReport:
    story_id: str
    fingerprint: str
    articles: int  # the story's articles when the report was built
    covered: int  # how many of them the report was built on (<= articles)
    report: StoryReport
    built_at: str
    build_seconds: float


@dataclass(frozen=True, slots=True)
class Built:
    """A report's API JSON and what it was built from: a server serves it fresh when
    `fingerprint` is the story's current one, else as the last one built (stale)."""

    fingerprint: str
    public: str
    built_at: str  # ISO 8601, UTC
    articles: int  # the story's articles when it was built


class ReportTable:
    """Reads and writes the `reports` rows of one store (through its connection)."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    @property
    def available(self) -> bool:
        """False on a read-only store that predates migration 3: nothing is persisted
        there, and every report is built on demand."""
        row = self.store.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reports'"
        ).fetchone()
        return row is not None

    def get(self, story_id: str, fingerprint: str | None = None) -> StoredReport | None:
        """The stored report of a story; with `fingerprint`, only if it still matches
        (the JSON of a stale row is not even decoded)."""
        if not self.available:
            return None
        row = self.store.conn.execute(
            "SELECT fingerprint, articles, covered, data, built_at, build_seconds"
            " FROM reports WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        if row is None or (fingerprint is not None and row[0] != fingerprint):
            return None
        return StoredReport(story_id, row[0], row[1], row[2], decode_report(row[3]), *row[4:])

    def _column(self, column: str, story_id: str, fingerprint: str) -> str | None:
        if not self.available:
            return None
        row = self.store.conn.execute(
            f"SELECT {column} FROM reports WHERE story_id = ? AND fingerprint = ?",
            (story_id, fingerprint),
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def data(self, story_id: str, fingerprint: str) -> str | None:
        """The stored form of a fresh report, undecoded: a server decodes it outside
        its store lock (`codec.decode_report`)."""
        return self._column("data", story_id, fingerprint)

    def public(self, story_id: str, fingerprint: str) -> str | None:
        """A fresh report's API JSON (`report` of GET /api/stories/{id}), as text."""
        return self._column("public", story_id, fingerprint)

    def page(self, story_id: str, fingerprint: str, page_key: str) -> str | None:
        """The story's stored web page, if its report is fresh and the page was
        rendered by the current templates (`page_key`)."""
        if not self.available:
            return None
        row = self.store.conn.execute(
            "SELECT page FROM reports WHERE story_id = ? AND fingerprint = ? AND page_key = ?",
            (story_id, fingerprint, page_key),
        ).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def stamp(self, story_id: str) -> tuple[str, str] | None:
        """(fingerprint, built_at) of a story's stored report, fresh or not: cheap, to
        tell whether the report a server holds is still the newest one stored."""
        if not self.available:
            return None
        row = self.store.conn.execute(
            "SELECT fingerprint, built_at FROM reports WHERE story_id = ?", (story_id,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def latest(self, story_id: str) -> Built | None:
        """A story's stored report as API JSON, whatever membership it was built for."""
        if not self.available:
            return None
        row = self.store.conn.execute(
            "SELECT fingerprint, public, built_at, articles FROM reports WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        if row is None or row[1] is None:
            return None
        return Built(str(row[0]), str(row[1]), str(row[2]), int(row[3]))

    def latest_page(self, story_id: str, page_key: str) -> tuple[Built, str] | None:
        """A story's stored page (rendered by the current templates) and what its report
        was built from, whatever membership that was."""
        if not self.available:
            return None
        row = self.store.conn.execute(
            "SELECT fingerprint, page, built_at, articles FROM reports"
            " WHERE story_id = ? AND page_key = ?",
            (story_id, page_key),
        ).fetchone()
        if row is None or row[1] is None:
            return None
        return Built(str(row[0]), "", str(row[2]), int(row[3])), str(row[1])

    def fingerprints(self) -> dict[str, str]:
        if not self.available:
            return {}
        return dict(self.store.conn.execute("SELECT story_id, fingerprint FROM reports"))

    def put(
        self,
        story_id: str,
        fingerprint: str,
        report: StoryReport,
        *,
        public: str,
        articles: int,
        build_seconds: float,
        page: tuple[str, str] | None = None,
        wait_ms: int | None = None,
    ) -> None:
        """Store (or replace) a story's report, its API JSON and, with `page`
        (page_key, html), its web page. `wait_ms` bounds how long to wait for a busy
        database: a server that stores a report on the side must not hold a reader
        for the 30 s a batch writer may keep the lock."""
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        key, html = page if page is not None else (None, None)
        self._write(
            "INSERT OR REPLACE INTO reports (story_id, fingerprint, articles, covered, data,"
            " public, page, page_key, built_at, build_seconds) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                story_id,
                fingerprint,
                articles,
                len(report.articles),
                encode_report(report),
                public,
                html,
                key,
                at,
                round(build_seconds, 3),
            ),
            wait_ms,
        )

    def put_page(
        self, story_id: str, fingerprint: str, page_key: str, html: str, wait_ms: int | None = None
    ) -> None:
        """Store the web page of a story whose fresh report is stored already."""
        self._write(
            "UPDATE reports SET page = ?, page_key = ? WHERE story_id = ? AND fingerprint = ?",
            (html, page_key, story_id, fingerprint),
            wait_ms,
        )

    def _write(self, sql: str, params: tuple[object, ...], wait_ms: int | None) -> None:
        if self.store.read_only:
            raise ReadOnlyStoreError(f"{self.store.path}: opened read-only; report not stored")
        conn = self.store.conn
        try:
            if wait_ms is not None:
                conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
            with conn:
                conn.execute(sql, params)
        except sqlite3.OperationalError as exc:  # read-only file, locked, disk full
            kind = ReadOnlyStoreError if "readonly" in str(exc) else StoreError
            raise kind(f"{self.store.path}: report not stored ({exc})") from None
        finally:
            if wait_ms is not None:
                conn.execute("PRAGMA busy_timeout = 30000")

    def prune(self) -> int:
        """Delete the rows of stories that were merged away or emptied."""
        with self.store.conn:
            cur = self.store.conn.execute(
                "DELETE FROM reports WHERE story_id NOT IN"
                " (SELECT id FROM stories WHERE merged_into IS NULL AND size > 0)"
            )
        return cur.rowcount

    def count(self) -> int:
        if not self.available:
            return 0
        return int(self.store.conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0])
