"""The read side of serving: the story list (filters, most recently active first) and
one story with its articles and events, as the REST API and the web UI show them.
Apart from `sqlite.py`, which writes: these only read, on the store's `db`."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from ..errors import NotFoundError

__all__ = ["list_stories", "story_detail"]


def list_stories(
    db: sqlite_utils.Database,
    *,
    limit: int = 50,
    offset: int = 0,
    language: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    min_size: int = 1,
) -> list[dict[str, Any]]:
    where = ["merged_into IS NULL", "size >= :min_size"]
    params: dict[str, Any] = {"min_size": min_size, "limit": limit, "offset": offset}
    if language:
        where.append("EXISTS (SELECT 1 FROM json_each(stories.languages) WHERE value = :lang)")
        params["lang"] = language
    if outlet:
        where.append("EXISTS (SELECT 1 FROM json_each(stories.outlets) WHERE value = :outlet)")
        params["outlet"] = outlet
    if since:
        where.append("last_seen >= :since")
        params["since"] = since
    if until:
        where.append("first_seen <= :until")
        params["until"] = until
    if entity:
        where.append(
            "EXISTS (SELECT 1 FROM memberships m JOIN entities e ON e.article_id ="
            " m.article_id WHERE m.story_id = stories.id AND"
            " (e.name = :entity COLLATE NOCASE OR e.key = :entity))"
        )
        params["entity"] = entity
    # Most recently active first: by the latest publication as an instant (outlets
    # write different offsets, so not as text), and a story none of whose articles
    # is dated by when its articles were first seen (ingested), not at the bottom.
    sql = (
        f"SELECT *, {_ACTIVE} AS active FROM stories WHERE {' AND '.join(where)}"
        " ORDER BY datetime(active) DESC, size DESC, id LIMIT :limit OFFSET :offset"
    )
    return [_story_row(r) for r in db.query(sql, params)]


def story_detail(db: sqlite_utils.Database, story_id: str) -> dict[str, Any]:
    """A story with its articles and events; a merged id leads to where it went."""
    seen = set()
    rows = list(db.query("SELECT * FROM stories WHERE id = ?", [story_id]))
    while rows and rows[0]["merged_into"] and rows[0]["id"] not in seen:
        seen.add(rows[0]["id"])
        rows = list(db.query("SELECT * FROM stories WHERE id = ?", [rows[0]["merged_into"]]))
    if not rows:
        raise NotFoundError(f"story {story_id!r} not found")
    story = _story_row(rows[0])
    story["articles"] = list(
        db.query(
            "SELECT a.id, a.title, a.url, a.outlet, an.language, a.published, m.score"
            " FROM memberships m JOIN articles a ON a.id = m.article_id"
            " JOIN analyses an ON an.article_id = a.id"
            " WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, a.seq",
            [story["id"]],
        )
    )
    story["events"] = list(
        db.query(
            "SELECT kind, story_id AS story, article_id AS article, other_story_id AS other,"
            " score, at FROM story_events WHERE story_id = ? OR other_story_id = ? ORDER BY id",
            [story["id"], story["id"]],
        )
    )
    return story


_ACTIVE = (
    "COALESCE(last_seen, (SELECT MAX(a.ingested_at) FROM memberships m"
    " JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id))"
)


def _story_row(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["languages"] = json.loads(out["languages"])
    out["outlets"] = json.loads(out["outlets"])
    out.pop("updated_seq", None)
    return out
