"""SQLite store (the default): WAL, versioned migrations, one transaction per batch.

A batch of articles, their analyses, memberships and story events is written in one
transaction, so a process killed at any moment leaves either all of a batch or none
of it; re-reading the same input then skips what is stored (same content hash or
same canonical URL) and goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
import sqlite_utils

from ..cluster import ClusterDoc, StoryEvent, timestamp
from ..errors import NotFoundError, StoreError
from ..match.titles import frame_key
from ..models import Analysis, Article
from .codec import article_from_row, decode_analysis, encode_analysis
from .listing import list_stories, story_detail
from .maintenance import refuse_foreign, store_error
from .schema import migrate
from .search import ARTICLE_COLUMNS, search_articles

__all__ = ["SQLiteStore", "canonical_url"]

_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "at_medium", "at_campaign")


def canonical_url(url: str | None) -> str | None:
    """The URL an article is known by: no fragment, no tracking parameters, no case
    or trailing-slash differences in scheme, host and path."""
    if not url or "://" not in url:
        return None
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(_TRACKING)]
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        (
            "https" if parts.scheme in ("http", "https") else parts.scheme,
            host,
            path,
            urlencode(sorted(query)),
            "",
        )
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    """Articles, analyses, stories and their event log in one SQLite file.

    `SQLiteStore()` (or `":memory:"`) is an in-memory store for tests and one-off runs.
    `read_only=True` opens a file store that this process must not (or cannot) write:
    no migration runs, and any write raises StoreError.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only and self.path != ":memory:"
        try:
            if self.read_only:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self.db = sqlite_utils.Database(conn)
            if not self.read_only:
                refuse_foreign(conn, self.path)  # before WAL mode changes the file
            if self.path != ":memory:" and not self.read_only:
                self.db.enable_wal()
                conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
            conn.execute("PRAGMA foreign_keys=ON")
            if not self.read_only:
                migrate(conn)
            conn.execute("SELECT 1 FROM articles LIMIT 1")  # fails early on a foreign file
        except sqlite3.OperationalError as exc:  # a full disk, a folder that is not there
            raise store_error(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a samestory database ({exc})") from None
        self.conn = conn

    def close(self) -> None:
        self.conn.close()

    # --- writing ---
    def is_known(self, article: Article) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? OR canonical_url = ?",
            (article.id, canonical_url(article.url) or "\x00"),
        ).fetchone()
        return row is not None

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """One transaction that holds SQLite's write lock from its start (waiting up to
        the busy timeout for another writer): what is read inside it is still true when
        its writes commit. Nested uses join the outer transaction."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def write_batch(self, analyses: Sequence[Analysis], events: Sequence[StoryEvent]) -> None:
        """Store analysed articles with the story events they caused, atomically."""
        at = _now()
        # The write lock first: in a deferred transaction a second process could take
        # the same seq between our read of it and our insert.
        with self.write_lock():
            seq = int(self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
            for a in analyses:
                seq += 1
                art = a.article
                self.conn.execute(
                    "INSERT INTO articles (id, seq, title, lede, body, url, canonical_url, outlet,"
                    " language, published, source, ingested_at, modified)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        art.id,
                        seq,
                        art.title,
                        art.lede,
                        art.body,
                        art.url,
                        canonical_url(art.url),
                        art.outlet,
                        art.language,
                        art.published_text,
                        art.source,
                        at,
                        art.modified.isoformat() if art.modified else None,
                    ),
                )
                row = encode_analysis(a)
                self.conn.execute(
                    "INSERT INTO analyses (article_id, language, data, keys, head, sentences,"
                    " quantities, dim, scorer_head, scorer_dim) VALUES (:article_id, :language,"
                    " :data, :keys, :head, :sentences, :quantities, :dim, :scorer_head,"
                    " :scorer_dim)",
                    row,
                )
                names: dict[str, tuple[str, str, int]] = {}
                for m in a.mentions:
                    name, label, n = names.get(m.key, (m.canonical, m.label, 0))
                    names[m.key] = (name, label, n + 1)
                self.conn.executemany(
                    "INSERT INTO entities (article_id, key, name, label, mentions)"
                    " VALUES (?,?,?,?,?)",
                    [(art.id, k, v[0], v[1], v[2]) for k, v in names.items()],
                )
            touched: set[str] = set()
            for e in events:
                self._apply_event(e, at)
                touched.update(x for x in (e.story, e.other) if x)
            self._refresh_stories(sorted(touched), seq)

    def _apply_event(self, e: StoryEvent, at: str) -> None:
        self.conn.execute(
            "INSERT INTO story_events (kind, story_id, article_id, other_story_id, score, at)"
            " VALUES (?,?,?,?,?,?)",
            (e.kind, e.story, e.article, e.other, e.score, at),
        )
        if e.kind in ("created", "added"):
            self.conn.execute(
                "INSERT OR REPLACE INTO memberships (article_id, story_id, score) VALUES (?,?,?)",
                (e.article, e.story, e.score),
            )
        elif e.kind == "merged":
            self.conn.execute(
                "UPDATE memberships SET story_id = ? WHERE story_id = ?", (e.story, e.other)
            )
            self.conn.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (e.other,))
            self.conn.execute(
                "UPDATE stories SET merged_into = ?, size = 0 WHERE id = ?", (e.story, e.other)
            )
        elif e.kind == "split" and e.article:
            self.conn.execute(
                "UPDATE memberships SET story_id = ? WHERE article_id = ?", (e.other, e.article)
            )

    def _refresh_stories(self, ids: Sequence[str], seq: int) -> None:
        for sid in ids:
            rows = self.conn.execute(
                "SELECT a.title, an.language, a.outlet, a.published FROM memberships m"
                " JOIN articles a ON a.id = m.article_id"
                " JOIN analyses an ON an.article_id = m.article_id"
                " WHERE m.story_id = ? ORDER BY a.seq",
                (sid,),
            ).fetchall()
            if not rows:
                continue
            dates = sorted((r[3] for r in rows if r[3]), key=_instant)
            self.conn.execute(
                "INSERT INTO stories (id, title, size, languages, outlets, first_seen, last_seen,"
                " merged_into, updated_seq) VALUES (?,?,?,?,?,?,?,NULL,?)"
                " ON CONFLICT(id) DO UPDATE SET title=excluded.title, size=excluded.size,"
                " languages=excluded.languages, outlets=excluded.outlets,"
                " first_seen=excluded.first_seen, last_seen=excluded.last_seen,"
                " merged_into=NULL, updated_seq=excluded.updated_seq",
                (
                    sid,
                    rows[0][0],
                    len(rows),
                    _ranked(r[1] for r in rows),
                    _ranked(r[2] for r in rows),
                    dates[0] if dates else None,
                    dates[-1] if dates else None,
                    seq,
                ),
            )

    # --- reading ---
    def count_articles(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def article(self, article_id: str) -> Article:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"article {article_id!r} not found")
        return article_from_row(rows[0])

    def analysis(self, article_id: str) -> Analysis:
        article = self.article(article_id)
        rows = list(self.db.query("SELECT * FROM analyses WHERE article_id = ?", [article_id]))
        if not rows:
            raise NotFoundError(f"article {article_id!r} has no stored analysis")
        return decode_analysis(rows[0], article)

    def memberships(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT article_id, story_id FROM memberships"))

    def replay_log(self, after: int = 0) -> Iterator[tuple[StoryEvent, ClusterDoc | None]]:
        """Every story event in order (those after event id `after`: the tail another
        writer appended since `version()` was `after`), with the clustering view of
        its article."""
        cur = self.conn.execute(
            "SELECT e.kind, e.story_id, e.article_id, e.other_story_id, e.score,"
            " an.head, an.dim, an.keys, an.language, ar.published, ar.outlet, ar.title"
            " FROM story_events e LEFT JOIN analyses an ON an.article_id = e.article_id"
            " LEFT JOIN articles ar ON ar.id = e.article_id WHERE e.id > ? ORDER BY e.id",
            (after,),
        )
        for kind, story, article, other, score, head, dim, keys, lang, pub, outlet, title in cur:
            event = StoryEvent(kind, story, article, other, score)
            doc = None
            if article is not None and kind in ("created", "added", "split"):
                vector = (
                    np.frombuffer(head, dtype=np.float16).astype(np.float32)
                    if head is not None
                    else np.zeros(dim or 512, dtype=np.float32)
                )
                doc = ClusterDoc(
                    id=article,
                    vector=vector,
                    keys=frozenset(json.loads(keys)),
                    time=timestamp(dt.datetime.fromisoformat(pub)) if pub else None,
                    language=lang or "",
                    outlet=outlet or "",
                    # A resumed clusterer must pair headline series as the live one did.
                    frame=frame_key(title or ""),
                )
            yield event, doc

    def stories(self, **filters: Any) -> list[dict[str, Any]]:
        """Live stories, most recently active first (`listing.list_stories`: filters)."""
        return list_stories(self.db, **filters)

    def story(self, story_id: str) -> dict[str, Any]:
        """A story with its articles and events; a merged id leads to where it went."""
        return story_detail(self.db, story_id)

    def story_analyses(self, story_id: str) -> list[Analysis]:
        return [self.analysis(a["id"]) for a in self.story(story_id)["articles"]]

    def counts(self) -> dict[str, int]:
        q = self.conn.execute
        return {
            "articles": int(q("SELECT COUNT(*) FROM articles").fetchone()[0]),
            "stories": int(
                q("SELECT COUNT(*) FROM stories WHERE merged_into IS NULL AND size > 0").fetchone()[
                    0
                ]
            ),
            "events": int(q("SELECT COUNT(*) FROM story_events").fetchone()[0]),
        }

    def replace_memberships(self, events: Iterable[StoryEvent]) -> None:
        """Log a batch re-clustering's events and apply them (one transaction)."""
        at = _now()
        with self.conn:
            touched: set[str] = set()
            for e in events:
                self._apply_event(e, at)
                touched.update(x for x in (e.story, e.other) if x)
            seq = int(self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
            self._refresh_stories(sorted(touched), seq)

    # --- serving (read side of the REST API and web UI) ---
    def version(self) -> int:
        """Grows with every change to the stories (the id of the last story event):
        what a server's caches are keyed on."""
        return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM story_events").fetchone()[0])

    def articles(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles, newest arrival first, with their story."""
        return list(
            self.db.query(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a"
                " LEFT JOIN analyses an ON an.article_id = a.id"
                " LEFT JOIN memberships m ON m.article_id = a.id"
                " ORDER BY a.seq DESC LIMIT ? OFFSET ?",
                [limit, offset],
            )
        )

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM memberships WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def search(
        self, query: str = "", *, entity: str | None = None, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Articles whose title, lede or body hold every word of `query` (accent- and
        case-insensitive, best match first) and/or that mention `entity` (canonical
        name or key), newest first when there is no query."""
        return search_articles(self, query, entity=entity, limit=limit, offset=offset)


def _ranked(values: Iterable[str | None]) -> str:
    counts = Counter(v for v in values if v)
    return json.dumps([v for v, _ in counts.most_common()], ensure_ascii=False)


def _instant(text: str) -> dt.datetime:
    """A stored publication as an instant (naive and day-only ones as UTC)."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
