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
    ) -> None:
        """Serve the web UI (/) and the REST API (/api/..., docs at /docs) on a store.

        Writes (POST /api/articles) need SAMESTORY_API_TOKEN; without it the server is
        read-only."""
        import uvicorn

        from .api import create_app
        from .cli_common import open_store

        settings = Settings.from_env()
        settings = settings.with_(db=db) if db else settings
        store = open_store(settings.db, must_exist=False)
        typer.echo(f"samestory: serving {settings.db} on http://{host}:{port}", err=True)
        uvicorn.run(
            create_app(settings, store=store),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
        )
