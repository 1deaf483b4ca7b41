"""Pieces every `samestory` sub-command module shares: options, dates, JSON, the store."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InvalidValueError, NotFoundError
from ..settings import Settings

if TYPE_CHECKING:
    from ..store import SQLiteStore

__all__ = ["DbOpt", "JsonOpt", "open_store", "parse_date", "print_json"]

JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", metavar="FILE", help="SQLite store (default: settings.db, samestory.db)."),
]


def parse_date(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"--published {value!r} is not a date; use YYYY-MM-DD or an ISO datetime"
        ) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def open_store(db: str | None, *, must_exist: bool = True) -> SQLiteStore:
    from ..store import SQLiteStore

    path = db or Settings.from_env().db
    if must_exist and path != ":memory:" and not Path(path).is_file():
        raise NotFoundError(f"{path}: no such store; run `samestory ingest PATH --db {path}` first")
    return SQLiteStore(path)
