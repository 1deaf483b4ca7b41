"""The watcher's tables (migration 5): the source list, each source's poll state, and
the files of folder sources already read.

Articles a source brought in carry its url in `articles.source`, so a source's counts
(today / total) are read from `articles`, and are exactly what the store holds, also
after a crash. The poll state of a source is written after the articles of that poll
are committed (`save_poll`): killed in between, the watcher polls again and the store
skips what it already holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from ..errors import InvalidValueError, NotFoundError

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["KINDS", "ORIGINS", "PollState", "Source", "SourceTable"]

# 'auto' is resolved from the first response (a feed, a sitemap or a page).
KINDS = ("auto", "feed", "sitemap", "page", "folder")
ORIGINS = ("cli", "api")


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    url: str  # an http(s) URL, or a folder's absolute path
    kind: str
    every_s: int
    outlet: str | None = None
    country: str | None = None
    language: str | None = None
    fetch_pages: bool = False  # fetch each feed entry's page (feeds that carry summaries)
    added: str = ""
    origin: str = "cli"

    @property
    def public_only(self) -> bool:
        """Added through the API: the refusal of private addresses applies."""
        return self.origin == "api"


@dataclass(slots=True)
class PollState:
    etag: str | None = None
    last_modified: str | None = None
    size: int = 0  # bytes of the last full response: what a 304 saved
    last_poll: float | None = None  # epoch seconds
    last_success: float | None = None
    last_error: str | None = None
    last_status: str | None = None  # "200", "304", "error"
    failures: int = 0  # consecutive
    next_poll: float | None = None  # None: due now
    polls: int = 0
    not_modified: int = 0
    bytes: int = 0  # downloaded, all polls
    saved: int = 0  # not downloaded thanks to 304s


_POLL_COLUMNS = tuple(f.name for f in fields(PollState))
_SOURCE_COLUMNS = tuple(f.name for f in fields(Source))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SourceTable:
    """Reads and writes the watcher's tables of one store (through its connection)."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.conn = store.conn

    # --- the source list ---
    def add(
        self,
        url: str,
        *,
        kind: str = "auto",
        every_s: int,
        outlet: str | None = None,
        country: str | None = None,
        language: str | None = None,
        fetch_pages: bool = False,
        origin: str = "cli",
    ) -> Source:
        if kind not in KINDS:
            raise InvalidValueError(f"kind {kind!r}: use one of {', '.join(KINDS)}")
        if origin not in ORIGINS:
            raise InvalidValueError(f"origin {origin!r}: use one of {', '.join(ORIGINS)}")
        if self.conn.execute("SELECT 1 FROM sources WHERE url = ?", (url,)).fetchone():
            raise InvalidValueError(f"{url}: already a source")
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO sources (url, kind, every_s, outlet, country, language,"
                " fetch_pages, added, origin) VALUES (?,?,?,?,?,?,?,?,?)",
                (url, kind, every_s, outlet, country, language, int(fetch_pages), _now(), origin),
            )
        return self.get(int(cur.lastrowid or 0))

    def get(self, ref: int | str) -> Source:
        """A source by id or by url."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            row = self.conn.execute(
                f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources WHERE id = ?", (int(ref),)
            ).fetchone()
        else:
            row = self.conn.execute(
                f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources WHERE url = ?", (ref,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"source {ref!r} not found (see `samestory sources list`)")
        return _source(row)

    def all(self) -> list[Source]:
        rows = self.conn.execute(
            f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources ORDER BY id"
        ).fetchall()
        return [_source(r) for r in rows]

    def remove(self, ref: int | str) -> Source:
        """Forget a source and its poll state; the articles it brought stay."""
        source = self.get(ref)
        with self.conn:
            self.conn.execute("DELETE FROM sources WHERE id = ?", (source.id,))
        return source

    def set_kind(self, source_id: int, kind: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE sources SET kind = ? WHERE id = ?", (kind, source_id))

    # --- poll state ---
    def poll_state(self, source_id: int) -> PollState:
        row = self.conn.execute(
            f"SELECT {', '.join(_POLL_COLUMNS)} FROM source_polls WHERE source_id = ?",
            (source_id,),
        ).fetchone()
        return PollState() if row is None else PollState(*row)

    def seen(self, source_id: int) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT key, stamp FROM source_seen WHERE source_id = ?", (source_id,)
        )
        return dict(rows.fetchall())

    def save_poll(
        self, source_id: int, state: PollState, seen: dict[str, str] | None = None
    ) -> None:
        """The state after a poll, in one transaction; call it after the poll's articles
        are stored. A source removed meanwhile is left removed."""
        values = asdict(state)
        with self.conn:
            if not self.conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone():
                return
            names = ", ".join(_POLL_COLUMNS)
            marks = ", ".join("?" for _ in _POLL_COLUMNS)
            self.conn.execute(
                f"INSERT OR REPLACE INTO source_polls (source_id, {names}) VALUES (?, {marks})",
                (source_id, *(values[c] for c in _POLL_COLUMNS)),
            )
            if seen:
                self.conn.executemany(
                    "INSERT OR REPLACE INTO source_seen (source_id, key, stamp) VALUES (?,?,?)",
                    [(source_id, k, v) for k, v in seen.items()],
                )

    # --- status ---
    def counts(self, url: str, today: str | None = None) -> tuple[int, int]:
        """Articles this source brought in: (today, UTC; total)."""
        day = today or dt.datetime.now(dt.UTC).date().isoformat()
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(ingested_at >= ?), 0) FROM articles WHERE source = ?",
            (day, url),
        ).fetchone()
        return int(row[1]), int(row[0])

    def status(self, today: str | None = None) -> list[dict[str, Any]]:
        """Every source with its poll status, as the CLI, the API and the web UI show it."""
        out = []
        for source in self.all():
            state = self.poll_state(source.id)
            added_today, total = self.counts(source.url, today)
            out.append(status_row(source, state, added_today, total))
        return out


def status_row(source: Source, state: PollState, today: int, total: int) -> dict[str, Any]:
    return {
        **asdict(source),
        "last_poll": _iso(state.last_poll),
        "last_success": _iso(state.last_success),
        "last_error": state.last_error,
        "last_status": state.last_status,
        "failures": state.failures,
        # Never polled yet: due now.
        "next_poll": _iso(state.next_poll) if state.next_poll is not None else None,
        "polls": state.polls,
        "not_modified": state.not_modified,
        "bytes": state.bytes,
        "saved_bytes": state.saved,
        "articles_today": today,
        "articles_total": total,
        "ok": state.last_error is None,
    }


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="seconds")


def _source(row: Any) -> Source:
    values = dict(zip(_SOURCE_COLUMNS, row, strict=True))
    values["fetch_pages"] = bool(values["fetch_pages"])
    values["kind"] = values["kind"] or "auto"
    return Source(**values)
