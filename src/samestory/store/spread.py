"""Who covered a story and who did not, and what one outlet covered (issue 19, coverage).

The source list is the `sources` table (outlet, country, language of each followed
feed or folder) when the store has one; without it the list is empty: a story then
has no blind spots and no countries. An article's country is its source's: the source
it was read from (`articles.source` = the source's URL), else the source of the same
outlet name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

__all__ = ["Sources", "outlet_summary", "source_list", "sources_stamp", "story_spread"]


def _has_sources(store: SQLiteStore) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'"
    ).fetchone()
    return row is not None


def sources_stamp(store: SQLiteStore) -> tuple[int, int]:
    """(count, last id) of the source list: changes when a source is added or removed."""
    if not _has_sources(store):
        return (0, 0)
    row = store.conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM sources").fetchone()
    return int(row[0]), int(row[1])


def source_list(store: SQLiteStore) -> list[dict[str, Any]]:
    """The followed sources (url, outlet, country, language); [] without a table."""
    if not _has_sources(store):
        return []
    rows = store.conn.execute(
        "SELECT url, outlet, country, language FROM sources ORDER BY id"
    ).fetchall()
    return [
        {
            "url": url,
            "outlet": outlet or _host(url),
            "country": (country or "").upper() or None,
            "language": language or None,
        }
        for url, outlet, country, language in rows
    ]


def _host(url: str | None) -> str:
    return urlsplit(url or "").netloc.removeprefix("www.") or (url or "")


class Sources:
    """The source list, looked up by URL and by outlet name (casefolded)."""

    def __init__(self, rows: Sequence[dict[str, Any]]) -> None:
        self.rows = list(rows)
        self.by_url = {r["url"]: r for r in self.rows}
        self.by_outlet: dict[str, dict[str, Any]] = {}
        for r in self.rows:
            self.by_outlet.setdefault(str(r["outlet"]).casefold(), r)

    def of(self, source: str | None, outlet: str | None) -> dict[str, Any] | None:
        return self.by_url.get(source or "") or self.by_outlet.get((outlet or "").casefold())

    def country(self, source: str | None, outlet: str | None) -> str | None:
        row = self.of(source, outlet)
        return None if row is None else row["country"]


def _firsts(rows: Sequence[tuple[str | None, str]]) -> list[dict[str, Any]]:
    """(value, when) in story order -> each value with its first time and article count."""
    out: dict[str, dict[str, Any]] = {}
    for value, when in rows:
        if not value:
            continue
        item = out.setdefault(value, {"name": value, "first_seen": when, "articles": 0})
        item["articles"] += 1
        if when and (item["first_seen"] is None or when < item["first_seen"]):
            item["first_seen"] = when
    return sorted(out.values(), key=lambda x: (x["first_seen"] or "~", x["name"]))


def story_spread(store: SQLiteStore, story_id: str) -> dict[str, Any]:
    """Outlets, languages and countries of a story, each with its first-seen time (the
    earliest publication, else arrival), and the sources that did not report it."""
    rows = store.conn.execute(
        "SELECT a.outlet, an.language, a.source, COALESCE(a.published, a.ingested_at), a.url"
        " FROM memberships m JOIN articles a ON a.id = m.article_id"
        " JOIN analyses an ON an.article_id = a.id WHERE m.story_id = ? ORDER BY a.seq",
        (story_id,),
    ).fetchall()
    sources = Sources(source_list(store))
    outlets = [(outlet or _host(url), when) for outlet, _, _, when, url in rows]
    reported = {str(o).casefold() for o, _ in outlets}
    read_from = {src for _, _, src, _, _ in rows if src}
    blind = [
        s
        for s in sources.rows
        if s["url"] not in read_from and str(s["outlet"]).casefold() not in reported
    ]
    return {
        "outlets": _firsts(outlets),
        "languages": _firsts([(lang, when) for _, lang, _, when, _ in rows]),
        "countries": _firsts(
            [(sources.country(src, outlet), when) for outlet, _, src, when, _ in rows]
        ),
        "sources": len(sources.rows),
        "blind_spots": blind,
    }


def outlet_summary(store: SQLiteStore, outlet: str, *, limit: int = 200) -> dict[str, Any]:
    """An outlet's stories, how often it reported a story first, and how often (in the
    stories' stored reports) it copied or translated another outlet, or was copied."""
    stories = store.conn.execute(
        "SELECT s.id, s.title, s.size, s.first_seen, s.last_seen, COUNT(*) FROM stories s"
        " JOIN memberships m ON m.story_id = s.id JOIN articles a ON a.id = m.article_id"
        " WHERE a.outlet = ? COLLATE NOCASE AND s.merged_into IS NULL"
        " GROUP BY s.id ORDER BY s.last_seen DESC, s.id",
        (outlet,),
    ).fetchall()
    out_stories: list[dict[str, Any]] = []
    first = 0
    took: dict[str, dict[str, int]] = {}  # kind -> outlet copied from -> links
    gave: dict[str, int] = {}
    with_report = 0
    for sid, title, size, first_seen, last_seen, own in stories:
        earliest = store.conn.execute(
            "SELECT a.outlet FROM memberships m JOIN articles a ON a.id = m.article_id"
            " WHERE m.story_id = ? ORDER BY a.published IS NULL, a.published, a.seq LIMIT 1",
            (sid,),
        ).fetchone()
        was_first = bool(earliest and (earliest[0] or "").casefold() == outlet.casefold())
        first += was_first
        row = store.conn.execute("SELECT public FROM reports WHERE story_id = ?", (sid,)).fetchone()
        if row is not None:
            with_report += 1
            for link in json.loads(row[0]).get("lineage", []):
                if not link.get("directed"):
                    continue
                if str(link["to_outlet"]).casefold() == outlet.casefold():
                    by = took.setdefault(link["kind"], {})
                    by[link["from_outlet"]] = by.get(link["from_outlet"], 0) + 1
                elif str(link["from_outlet"]).casefold() == outlet.casefold():
                    gave[link["kind"]] = gave.get(link["kind"], 0) + 1
        if len(out_stories) < limit:
            out_stories.append(
                {
                    "id": sid,
                    "title": title,
                    "size": size,
                    "articles": own,
                    "first": was_first,
                    "first_seen": first_seen,
                    "last_seen": last_seen,
                }
            )
    return {
        "outlet": outlet,
        "stories": len(stories),
        "first": first,
        "lineage": {
            "stories_with_report": with_report,
            "took": {k: dict(sorted(v.items())) for k, v in sorted(took.items())},
            "taken": dict(sorted(gave.items())),
        },
        "listed": out_stories,
    }
