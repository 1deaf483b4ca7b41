"""The SQLite schema, as numbered migrations applied in order, each in a transaction.

Tables (see docs/store.md for the full description):

- articles     one row per distinct article (content-hash id; canonical URL unique);
               `seq` is the order of arrival, which replays follow
- analyses     the analysis as JSON, linked keys, and embeddings as float16 blobs
- entities     linked entities and places per article (search and filters)
- stories      one row per story ever created: title, size, languages, outlets,
               first/last seen, and `merged_into` once absorbed by another story
- memberships  article -> story, with the score it joined with
- story_events the append-only log of created/added/merged/split events: it is what
               makes story ids stable and every change explainable, and the online
               clusterer's state is rebuilt from it after a restart
- articles_fts full-text index over title, lede and body (migration 2), kept up to
               date lazily by `SQLiteStore.search` (articles_fts_state.seq)
- reports      one persisted story report per story (migration 3), with the
               fingerprint of the membership it was built from, so a reader can tell
               a fresh report from a stale one without rebuilding anything
- watches      saved alerts (migration 5); watch_events, the events each one fired,
               unique per watch and key, with their webhook delivery state
- sources      the watcher's source list (migration 7), with source_polls (status,
               validators) and source_seen (files of a folder source already read)
"""

from __future__ import annotations

import sqlite3

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL,
        lede TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        url TEXT,
        canonical_url TEXT UNIQUE,
        outlet TEXT,
        language TEXT,
        published TEXT,
        source TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        language TEXT NOT NULL,
        data TEXT NOT NULL,
        keys TEXT NOT NULL,
        head BLOB,
        sentences BLOB,
        quantities BLOB,
        dim INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id),
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, key)
    );
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    CREATE INDEX entities_key ON entities(key);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        languages TEXT NOT NULL DEFAULT '[]',
        outlets TEXT NOT NULL DEFAULT '[]',
        first_seen TEXT,
        last_seen TEXT,
        merged_into TEXT,
        updated_seq INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX stories_last_seen ON stories(last_seen);
    CREATE TABLE memberships (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL,
        score REAL
    );
    CREATE INDEX memberships_story ON memberships(story_id);
    CREATE TABLE story_events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        article_id TEXT,
        other_story_id TEXT,
        score REAL,
        at TEXT NOT NULL
    );
    CREATE INDEX story_events_story ON story_events(story_id);
    """,
    # 2: full-text search over articles (the server's /api/search). External content:
    # the text stays in `articles` only. No triggers (migrate() splits statements on
    # semicolons), so `SQLiteStore.search` indexes rows newer than
    # articles_fts_state.seq before it queries; existing rows are indexed here.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, lede, body, content='articles', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE articles_fts_state (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
    INSERT INTO articles_fts (rowid, title, lede, body) SELECT seq, title, lede, body FROM articles;
    INSERT INTO articles_fts_state (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM articles;
    CREATE INDEX story_events_other ON story_events(other_story_id);
    """,
    # 3: persisted story reports (built by `samestory ingest` / `samestory reports`, read
    # by the server). A report is derived data: a row whose fingerprint no longer matches
    # the story's membership is stale and is rebuilt, never trusted. No foreign key to
    # stories: a merged story's row is deleted by the next refresh instead. `public` is
    # the report's API JSON and `page` the story's rendered web page (valid while
    # `page_key`, the templates' hash, matches): a server answers a story it has not
    # seen yet with one read, not a decode, a render and an encode.
    """
    CREATE TABLE reports (
        story_id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        articles INTEGER NOT NULL,
        covered INTEGER NOT NULL,
        data TEXT NOT NULL,
        public TEXT NOT NULL,
        page TEXT,
        page_key TEXT,
        built_at TEXT NOT NULL,
        build_seconds REAL NOT NULL DEFAULT 0
    );
    """,
    # 4: the head embedded by Settings.scorer_embedder (e5), the learned scorer's
    # strongest evidence. Older rows have none; the engine fills it in when it reads
    # them for scoring (`Pipeline.complete`), so an old store needs no rebuild.
    """
    ALTER TABLE analyses ADD COLUMN scorer_head BLOB;
    ALTER TABLE analyses ADD COLUMN scorer_dim INTEGER NOT NULL DEFAULT 0;
    """,
    # 5: saved watches (alerts, issue 19) and the events they fired. An event's `key`
    # names what it reports (a story, a size, a language...), unique per watch, so an
    # evaluation that runs twice -- or again after a crash -- inserts nothing new.
    # `baseline` rows are what a watch found when it was created: remembered, never
    # shown or sent. watch_cursor is the last story event the evaluation has seen.
    """
    CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        spec TEXT NOT NULL,
        webhook TEXT,
        secret TEXT,
        created TEXT NOT NULL
    );
    CREATE TABLE watch_events (
        id INTEGER PRIMARY KEY,
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        data TEXT NOT NULL,
        at TEXT NOT NULL,
        baseline INTEGER NOT NULL DEFAULT 0,
        delivered TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try TEXT,
        last_error TEXT,
        UNIQUE (watch_id, key)
    );
    CREATE INDEX watch_events_pending ON watch_events(delivered, baseline);
    CREATE TABLE watch_cursor (id INTEGER PRIMARY KEY CHECK (id = 1), event_id INTEGER NOT NULL);
    INSERT INTO watch_cursor (id, event_id) SELECT 1, COALESCE(MAX(id), 0) FROM story_events;
    """,
    # 6: the page's last-modified time, kept apart from its publication (issue #16).
    # Older rows have none (NULL): their sources' modified times were never kept.
    """
    ALTER TABLE articles ADD COLUMN modified TEXT;
    """,
    # 7: the watcher's source list (issue 19). `origin` is 'cli' or 'api': a source added
    # through the API obeys the refusal of private addresses. `source_polls` holds each
    # source's conditional-GET validators and status; `source_seen` the files of a
    # folder source already read (path -> mtime:size). Both are written only after the
    # articles of a poll are committed, so a crash re-polls and the store deduplicates.
    # Articles read by the watcher carry the source's url in articles.source.
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT UNIQUE NOT NULL,
        kind TEXT,
        every_s INTEGER,
        outlet TEXT,
        country TEXT,
        language TEXT,
        fetch_pages INTEGER,
        added TEXT,
        origin TEXT NOT NULL DEFAULT 'cli'
    );
    CREATE TABLE source_polls (
        source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        etag TEXT,
        last_modified TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        last_poll REAL,
        last_success REAL,
        last_error TEXT,
        last_status TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll REAL,
        polls INTEGER NOT NULL DEFAULT 0,
        not_modified INTEGER NOT NULL DEFAULT 0,
        bytes INTEGER NOT NULL DEFAULT 0,
        saved INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE source_seen (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        stamp TEXT NOT NULL,
        PRIMARY KEY (source_id, key)
    );
    CREATE INDEX articles_source ON articles(source);
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, to: int = SCHEMA_VERSION) -> int:
    """Bring the database to version `to` (tests build older stores with a lower one);
    returns the version it was at."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    current = int(row[0])
    for version in range(current + 1, to + 1):
        # executescript would commit on its own; run statement by statement instead so
        # a migration and its version row land together or not at all.
        with conn:
            for statement in MIGRATIONS[version - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))
    return current
