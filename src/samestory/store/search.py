"""Full-text search over the articles (FTS5, migration 2), indexed lazily.

`write_batch` never touches the FTS index, so ingest stays one plain transaction per
batch; the first search after new articles indexes them under the write lock.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any, Protocol

import sqlite_utils

__all__ = ["ARTICLE_COLUMNS", "index_new_articles", "search_articles"]


class Searchable(Protocol):
    """What search needs of a store. `SQLiteStore` has it; naming the class instead
    would make search.py and sqlite.py (which calls `search_articles`) import each other."""

    @property
    def db(self) -> sqlite_utils.Database: ...

    @property
    def conn(self) -> sqlite3.Connection: ...

    @property
    def read_only(self) -> bool: ...


def search_articles(
    store: Searchable,
    query: str = "",
    *,
    entity: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles whose title, lede or body hold every word of `query` (accent- and
    case-insensitive, best match first) and/or that mention `entity` (canonical
    name or key), newest first when there is no query."""
    words = _fts_words(query)
    if not words and not entity:
        return []
    index_new_articles(store)
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if words:
        where.append("articles_fts MATCH :match")
        params["match"] = words
    if entity:
        where.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND"
            " (e.name = :entity COLLATE NOCASE OR e.key = :entity))"
        )
        params["entity"] = entity
    source = "articles_fts JOIN articles a ON a.seq = articles_fts.rowid" if words else "articles a"
    snippet = "snippet(articles_fts, -1, '', '', '…', 24)" if words else "substr(a.body, 1, 160)"
    order = "bm25(articles_fts), a.seq DESC" if words else "a.seq DESC"
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, {snippet} AS snippet FROM {source}"
        " LEFT JOIN analyses an ON an.article_id = a.id"
        " LEFT JOIN memberships m ON m.article_id = a.id"
        f" WHERE {' AND '.join(where)} ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
    return list(store.db.query(sql, params))


def index_new_articles(store: Searchable, wait_ms: int | None = None) -> bool:
    """Index articles written since the last search (write_batch does not touch FTS);
    False when another writer held
    the database past `wait_ms` (a server's reader must not wait the 30 s a batch
    writer may keep the lock: it searches what is indexed, the next search catches up)."""
    (last,) = store.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()
    (done,) = store.conn.execute("SELECT seq FROM articles_fts_state WHERE id = 1").fetchone()
    if last <= done or store.read_only:  # a read-only store searches what is indexed
        return True
    conn = store.conn
    try:
        if wait_ms is not None:
            conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        with conn:
            # Another process may be indexing too: re-read under the write lock.
            conn.execute("BEGIN IMMEDIATE")
            (done,) = conn.execute("SELECT seq FROM articles_fts_state WHERE id = 1").fetchone()
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, lede, body)"
                " SELECT seq, title, lede, body FROM articles WHERE seq > ? AND seq <= ?",
                (done, last),
            )
            conn.execute("UPDATE articles_fts_state SET seq = ? WHERE id = 1", (last,))
    except sqlite3.OperationalError as exc:
        if wait_ms is None or "locked" not in str(exc):
            raise
        return False
    finally:
        if wait_ms is not None:
            conn.execute("PRAGMA busy_timeout = 30000")
    return True


# the columns an article listing shows (search results and `SQLiteStore.articles`)
ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.outlet, COALESCE(an.language, a.language) AS language,"
    " a.published, m.story_id AS story"
)


def _fts_words(query: str) -> str:
    """The query as an FTS5 expression that cannot be malformed: every word quoted,
    all required (user input never reaches FTS5's operator syntax)."""
    words = re.findall(r"\w+", query or "")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])
