"""`samestory check` and `samestory backup`: a store's health, and a safe copy of it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..settings import Settings
from .common import DbOpt, JsonOpt, print_json

__all__ = ["register"]

_out = Console(highlight=False)


def check(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Check a store: SQLite's integrity check and the schema version (read-only).

    Exits 0 when the store is sound, 1 when it is damaged or not a samestory store."""
    from ..store.maintenance import check as run_check

    result = run_check(db or Settings.from_env().db)
    if as_json:
        print_json(result.to_dict())
    else:
        state = "[green]ok[/green]" if result.ok else "[red]NOT OK[/red]"
        counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
        _out.print(
            f"{result.path}: {state}; schema {result.schema} (this samestory: {result.expected})"
            + (f"; {counts}" if counts else "")
        )
        for problem in result.problems:
            _out.print(f"  {problem}")
    if not result.ok:
        raise typer.Exit(1)


def backup(
    out: Annotated[Path, typer.Argument(metavar="OUT.db", help="The copy to write (a new file).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Copy a store with SQLite's online backup API: a consistent snapshot, safe while
    `samestory serve` reads it and an ingest writes it."""
    from ..store.maintenance import backup as run_backup

    result = run_backup(db or Settings.from_env().db, out)
    if as_json:
        print_json(result)
        return
    _out.print(f"wrote {result['backup']} ({result['bytes']} bytes) from {result['path']}")


def register(app: typer.Typer) -> None:
    app.command()(check)
    app.command()(backup)
