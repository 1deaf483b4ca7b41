"""The `watches` and `watch_events` tables (migration 5): saved alerts and what they fired.

Inserting an event is `INSERT OR IGNORE` on (watch, key): an evaluation that runs
again finds the same events and adds none, which is what makes each event fire once
across restarts and crashes. Story snapshots for the pure matching (alerts/watch.py)
are read here too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..alerts.watch import Event, Snapshot, Watch, conflict_keys, detect, fold_words
from ..errors import NotFoundError
from .spread import Sources, source_list

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["WatchTable"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class WatchTable:
    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.conn = store.conn

    # --- watches ---
    def add(self, watch: Watch, *, webhook: str | None = None, secret: str | None = None) -> int:
        """Store a watch with what it already finds as its baseline (never reported):
        a watch reports what happens after it was made."""
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO watches (name, spec, webhook, secret, created) VALUES (?,?,?,?,?)",
                (watch.name, json.dumps(watch.to_dict()), webhook or None, secret or None, _now()),
            )
            wid = int(cur.lastrowid or 0)
            live = [r[0] for r in self.conn.execute(_LIVE)]
            sources = Sources(source_list(self.store))
            for sid in live:
                snap = self.snapshot(sid, sources, conflicts=True)
                self._insert(wid, detect(watch, snap), baseline=True)
        return wid

    def remove(self, watch_id: int) -> None:
        with self.conn:
            cur = self.conn.execute("DELETE FROM watches WHERE id = ?", (watch_id,))
        if cur.rowcount == 0:
            raise NotFoundError(f"watch {watch_id} not found")

    def get(self, watch_id: int) -> dict[str, Any]:
        rows = [w for w in self.all() if w["id"] == watch_id]
        if not rows:
            raise NotFoundError(f"watch {watch_id} not found")
        return rows[0]

    def all(self) -> list[dict[str, Any]]:
        out = []
        rows = self.conn.execute(
            "SELECT w.id, w.name, w.spec, w.webhook, w.secret, w.created,"
            " (SELECT COUNT(*) FROM watch_events e WHERE e.watch_id = w.id AND e.baseline = 0),"
            " (SELECT COUNT(*) FROM watch_events e WHERE e.watch_id = w.id AND e.baseline = 0"
            "  AND e.delivered IS NULL AND w.webhook IS NOT NULL)"
            " FROM watches w ORDER BY w.id"
        ).fetchall()
        for wid, name, spec, webhook, secret, created, n, pending in rows:
            out.append(
                {
                    "id": wid,
                    "name": name,
                    "watch": Watch.from_dict(json.loads(spec)),
                    "webhook": webhook,
                    "secret": secret,
                    "created": created,
                    "events": n,
                    "pending": pending,
                }
            )
        return out

    @staticmethod
    def public(row: dict[str, Any]) -> dict[str, Any]:
        """A watch as the API and `--json` show it: the secret is never shown."""
        return {
            "id": row["id"],
            **row["watch"].to_dict(),
            "webhook": row["webhook"],
            "signed": bool(row["secret"]),
            "created": row["created"],
            "events_fired": row["events"],
            "deliveries_pending": row["pending"],
        }

    # --- events ---
    def events(self, watch_id: int, *, limit: int = 50) -> list[dict[str, Any]]:
        """A watch's events, newest first (baseline rows are not events)."""
        rows = self.conn.execute(
            "SELECT id, key, kind, story_id, data, at, delivered, attempts, last_error"
            " FROM watch_events WHERE watch_id = ? AND baseline = 0 ORDER BY id DESC LIMIT ?",
            (watch_id, limit),
        ).fetchall()
        return [_event_row(r) for r in rows]

    def record(self, watch_id: int, events: Iterable[Event]) -> int:
        """Insert the events not fired yet (call inside a transaction); returns how many."""
        return self._insert(watch_id, list(events), baseline=False)

    def _insert(self, watch_id: int, events: Sequence[Event], *, baseline: bool) -> int:
        at = _now()
        n = 0
        for e in events:
            data = json.dumps({"detail": e.detail, **e.data}, ensure_ascii=False)
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO watch_events (watch_id, key, kind, story_id, data, at,"
                " baseline) VALUES (?,?,?,?,?,?,?)",
                (watch_id, e.key, e.kind, e.story, data, at, int(baseline)),
            )
            n += cur.rowcount
        return n

    def due(self, now: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(watch, event) pairs whose webhook delivery is due, oldest first."""
        watches = {w["id"]: w for w in self.all() if w["webhook"]}
        if not watches:
            return []
        rows = self.conn.execute(
            "SELECT id, key, kind, story_id, data, at, delivered, attempts, last_error, watch_id"
            " FROM watch_events WHERE delivered IS NULL AND baseline = 0"
            " AND (next_try IS NULL OR next_try <= ?) ORDER BY id",
            (now,),
        ).fetchall()
        return [(watches[r[9]], _event_row(r[:9])) for r in rows if r[9] in watches]

    def delivered(self, event_id: int, attempts: int) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE watch_events SET delivered = ?, attempts = attempts + ?, last_error = NULL"
                " WHERE id = ?",
                (_now(), attempts, event_id),
            )

    def failed(
        self, watch_id: int, event_id: int, attempts: int, error: str, next_try: str
    ) -> None:
        """Record a failed delivery; the watch's other pending events wait as long (its
        receiver is down: trying each of them now would only stall the ingest)."""
        with self.conn:
            self.conn.execute(
                "UPDATE watch_events SET attempts = attempts + ?, last_error = ?, next_try = ?"
                " WHERE id = ?",
                (attempts, error[:300], next_try, event_id),
            )
            self.conn.execute(
                "UPDATE watch_events SET next_try = ? WHERE watch_id = ? AND delivered IS NULL"
                " AND baseline = 0 AND (next_try IS NULL OR next_try < ?)",
                (next_try, watch_id, next_try),
            )

    # --- the evaluation's cursor and snapshots ---
    def cursor(self) -> int:
        return int(self.conn.execute("SELECT event_id FROM watch_cursor").fetchone()[0])

    def changed_since(self, event_id: int) -> tuple[list[str], int]:
        """Live stories that a story event after `event_id` touched, and the last event id."""
        top = int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM story_events").fetchone()[0])
        rows = self.conn.execute(
            "SELECT s.id FROM stories s WHERE s.merged_into IS NULL AND s.size > 0 AND s.id IN"
            " (SELECT story_id FROM story_events WHERE id > ? AND id <= ?"
            "  UNION SELECT other_story_id FROM story_events WHERE id > ? AND id <= ?)"
            " ORDER BY s.id",
            (event_id, top, event_id, top),
        ).fetchall()
        return [r[0] for r in rows], top

    def move_cursor(self, event_id: int) -> None:
        self.conn.execute("UPDATE watch_cursor SET event_id = ? WHERE id = 1", (event_id,))

    def snapshot(
        self, story_id: str, sources: Sources, *, conflicts: bool, report: str | None = None
    ) -> Snapshot:
        """The story as stored. Conflicts come from `report` (a report's public JSON)
        or, with `conflicts`, from its stored report when there is one (None if not)."""
        q = self.conn.execute
        title, size, first_seen, last_seen = q(
            "SELECT title, size, first_seen, last_seen FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        rows = q(
            "SELECT an.language, a.outlet, a.source, a.title, a.lede FROM memberships m"
            " JOIN articles a ON a.id = m.article_id JOIN analyses an ON an.article_id = a.id"
            " WHERE m.story_id = ? ORDER BY a.seq",
            (story_id,),
        ).fetchall()
        entities: set[str] = set()
        for key, name in q(
            "SELECT DISTINCT e.key, e.name FROM memberships m JOIN entities e"
            " ON e.article_id = m.article_id WHERE m.story_id = ?",
            (story_id,),
        ):
            entities.update((key, str(name).casefold()))
        words: set[str] = set()
        for r in rows:
            words |= fold_words(f"{r[3]} {r[4] or ''}")
        if report is None and conflicts:
            row = q("SELECT public FROM reports WHERE story_id = ?", (story_id,)).fetchone()
            report = None if row is None else str(row[0])
        return Snapshot(
            id=story_id,
            title=title,
            size=size,
            languages=list(dict.fromkeys(r[0] for r in rows if r[0])),
            countries=list(dict.fromkeys(c for r in rows if (c := sources.country(r[2], r[1])))),
            outlets=frozenset(str(r[1]).casefold() for r in rows if r[1]),
            entities=frozenset(entities),
            words=frozenset(words),
            conflicts=None if report is None else conflict_keys(json.loads(report)["facts"]),
            first_seen=first_seen,
            last_seen=last_seen,
        )


_LIVE = "SELECT id FROM stories WHERE merged_into IS NULL AND size > 0 ORDER BY id"


def _event_row(r: Sequence[Any]) -> dict[str, Any]:
    eid, key, kind, story, data, at, delivered, attempts, error = r
    data = json.loads(data)
    return {
        "id": eid,
        "key": key,
        "kind": kind,
        "story": story,
        "detail": data.pop("detail", ""),
        "data": data,
        "at": at,
        "delivered": delivered,
        "attempts": attempts,
        "last_error": error,
    }
