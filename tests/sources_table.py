"""Test helper: the `sources` table as the contract with the watcher (issue 19, item 1)
describes it; the watcher's own migration creates it in the product, tests that only
need a source list make it here."""

from __future__ import annotations

from samestory.store import SQLiteStore

# The source list (h-sources' `sources` table, as its contract has it).
SOURCES = [
    ("L'Écho du Rhône", "FR", "fr"),
    ("L'Horizon", "FR", "fr"),
    ("Le Sprint", "FR", "fr"),
    ("Continental Press", "GB", "en"),
    ("Deportes Total", "ES", "es"),
    ("El Diario Global", "ES", "es"),
    ("Rheinische Abendpost", "DE", "de"),
    ("Sport-Echo", "DE", "de"),
    ("Il Messaggero dell'Isonzo", "IT", "it"),
]


def make_sources_table(store: SQLiteStore, rows: list[tuple[str, str, str]] = SOURCES) -> None:
    """The `sources` table as the contract with the watcher's migration describes it."""
    with store.conn:
        store.conn.execute(
            "CREATE TABLE IF NOT EXISTS sources (id INTEGER PRIMARY KEY, url TEXT UNIQUE NOT NULL,"
            " kind TEXT, every_s INTEGER, outlet TEXT, country TEXT, language TEXT,"
            " fetch_pages INTEGER, added TEXT)"
        )
        for i, (outlet, country, lang) in enumerate(rows):
            store.conn.execute(
                "INSERT INTO sources (url, kind, every_s, outlet, country, language, fetch_pages,"
                " added) VALUES (?, 'feed', 600, ?, ?, ?, 0, '2025-01-01')",
                (f"https://feeds.example/{i}.xml", outlet, country, lang),
            )
