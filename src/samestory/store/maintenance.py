"""Looking after a store file: its health, a safe copy, and what an SQLite error means.

`check` runs SQLite's own `integrity_check` and compares the schema version with
this samestory's. `backup` copies a store with SQLite's online backup API, page by
page through a connection of its own, so it is safe while a server reads and an
ingest writes: the copy is one consistent snapshot. `store_error` turns the
exceptions sqlite3 raises deep inside a query (a full disk, a damaged file) into
one-line `StoreError`s the CLI and the API can show.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NotFoundError, StoreError
from .schema import SCHEMA_VERSION

__all__ = ["CheckResult", "backup", "check", "refuse_foreign", "store_error"]

_PROBLEMS_KEPT = 10  # integrity_check lines shown


@dataclass(slots=True)
class CheckResult:
    path: str
    ok: bool
    schema: int | None  # the store's version; None when it is no samestory store
    expected: int = SCHEMA_VERSION
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "ok": self.ok,
            "schema": self.schema,
            "expected_schema": self.expected,
            "problems": list(self.problems),
            "counts": dict(self.counts),
        }


def _open_read_only(path: str) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise NotFoundError(f"{path}: no such store")
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=30)


def check(path: str) -> CheckResult:
    """The integrity and schema version of the store file `path` (read-only)."""
    conn = _open_read_only(path)
    result = CheckResult(path, ok=True, schema=None)
    try:
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(100)")]
        except sqlite3.DatabaseError as exc:  # not SQLite at all, or a header beyond repair
            result.ok = False
            result.problems.append(f"not a readable SQLite database ({exc})")
            return result
        if rows != ["ok"]:
            result.ok = False
            result.problems += rows[:_PROBLEMS_KEPT]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "schema_migrations" not in tables:
            result.ok = False
            result.problems.append("not a samestory store (no schema_migrations table)")
            return result
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
        result.schema = int(row[0])
        if result.schema > SCHEMA_VERSION:
            result.ok = False
            result.problems.append(
                f"schema version {result.schema} is newer than this samestory's "
                f"({SCHEMA_VERSION}); upgrade samestory"
            )
        elif result.schema < SCHEMA_VERSION:
            # Not a fault: the next write migrates it.
            result.problems.append(
                f"schema version {result.schema} < {SCHEMA_VERSION}: migrated on the next write"
            )
        for table in ("articles", "stories", "story_events"):
            if table in tables:
                count = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                result.counts[table] = int(count)
    except sqlite3.DatabaseError as exc:
        result.ok = False
        result.problems.append(f"cannot be read: {exc}")
    finally:
        conn.close()
    return result


def backup(path: str, out: str | Path, *, pages: int = 256) -> dict[str, object]:
    """Copy the store `path` to `out` (a new file) with SQLite's online backup API."""
    target = Path(out)
    if target.exists():
        raise StoreError(f"{target}: already exists; give a new file name")
    if not target.parent.is_dir():
        raise NotFoundError(f"{target}: folder {target.parent} does not exist")
    source = _open_read_only(path)
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            # A few pages at a time: writers get the lock between steps.
            source.backup(dest, pages=pages)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise store_error(exc, path) from None
    finally:
        source.close()
    return {"path": path, "backup": str(target), "bytes": target.stat().st_size}


def store_error(exc: sqlite3.Error, path: str | None = None) -> StoreError:
    """A one-line `StoreError` for an exception from sqlite3, saying what to do."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    where = f"{path}: " if path else ""
    lowered = text.lower()
    if "disk is full" in lowered or "disk i/o" in lowered:
        err = StoreError(
            f"{where}cannot write the store ({text}); every committed batch is intact: "
            "free some space and re-run the same command to go on"
        )
        err.status = 507
        return err
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return StoreError(
            f"{where}the store file is damaged ({text}); `samestory check` describes it, "
            "and a backup restores it"
        )
    if "locked" in lowered or "busy" in lowered:
        err = StoreError(f"{where}the store is busy ({text}); try again")
        err.status = 503
        return err
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"{where}the store cannot be written ({text})")
    return StoreError(f"{where}store error: {text}")


def refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """Never add samestory's tables to another program's database."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if tables and "schema_migrations" not in tables:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path}: not a samestory store (an SQLite database with other tables: {shown}); "
            "give --db a new file or a samestory store"
        )
