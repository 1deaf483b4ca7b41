"""`samestory serve`: the REST API and web UI on a store (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..settings import Settings

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the `serve` command to the samestory CLI."""

    @app.command()
    def serve(
        db: Annotated[
            str | None,
            typer.Option("--db", metavar="FILE", help="SQLite store (default: settings.db)."),
        ] = None,
        host: Annotated[
            str, typer.Option("--host", help="Address to listen on (loopback by default).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
        read_only: Annotated[
            bool,
            typer.Option(
                "--read-only",
                help="Open the store read-only (e.g. a read-only mount): reports missing "
                "from it are built and kept in memory; no ingest.",
            ),
        ] = False,
        watch: Annotated[
            bool,
            typer.Option(
                "--watch",
                help="Also run the watcher (`samestory watch`) in this process: one "
                "process for a small team.",
            ),
        ] = False,
    ) -> None:
        """Serve the web UI (/) and the REST API (/api/..., docs at /docs) on a store.

        Writes (POST /api/articles) need SAMESTORY_API_TOKEN; without it the server is
        read-only. Story reports come from the store (`samestory reports`); a missing or
        stale one is built on first view and stored, unless the store is read-only."""
        import uvicorn

        from ..serve.api import create_app
        from .common import open_store

        settings = Settings.from_env()
        settings = settings.with_(db=db) if db else settings
        if read_only:
            from pathlib import Path

            from ..errors import NotFoundError
            from ..store import SQLiteStore

            if not Path(settings.db).is_file():  # opened without migrating, never created
                raise NotFoundError(f"{settings.db}: no such store")
            store = SQLiteStore(settings.db, read_only=True)
        else:
            store = open_store(settings.db, must_exist=False)
        typer.echo(f"samestory: serving {settings.db} on http://{host}:{port}", err=True)
        web = create_app(settings, store=store)
        stop = None
        if watch:
            from ..watch.background import start_watcher

            stop = start_watcher(web.state.service)
        try:
            uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
        finally:
            if stop is not None:
                stop()
