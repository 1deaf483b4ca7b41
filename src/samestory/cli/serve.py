"""`samestory serve`: the REST API and web UI on a store (uvicorn).

The listening socket is bound here, before uvicorn starts, so a port out of range or
in use is one line of error, not a traceback; a store that does not exist is refused
(a typo must not start a server on a new empty store) unless `--new` asks for one.
uvicorn's own SIGTERM handling stops the server cleanly: requests in flight (an
ingest batch) finish first.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidValueError, NotFoundError
from ..settings import Settings
from .stop import on_sigterm

__all__ = ["bind", "register"]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port; `InvalidValueError` saying why not."""
    if not 0 <= port <= 65535:
        raise InvalidValueError(f"--port {port}: a TCP port is between 0 and 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        raise InvalidValueError(f"--host {host!r}: not an address to listen on ({exc})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        why = exc.strerror or str(exc)
        raise InvalidValueError(f"cannot listen on {host}:{port}: {why}") from None
    sock.set_inheritable(True)
    return sock


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
        new: Annotated[
            bool,
            typer.Option("--new", help="Create the store if it does not exist (else an error)."),
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
        from ..store import SQLiteStore

        settings = Settings.from_env()
        settings = settings.with_(db=db) if db else settings
        path = settings.db
        if path != ":memory:" and not Path(path).is_file() and (read_only or not new):
            hint = "" if read_only else ", or pass --new to start an empty one"
            raise NotFoundError(
                f"{path}: no such store; run `samestory ingest PATH --db {path}` first{hint}"
            )
        store = SQLiteStore(path, read_only=read_only)
        if settings.serve_switch_interval_ms > 0:  # measured in bench_concurrency
            sys.setswitchinterval(settings.serve_switch_interval_ms / 1000)
        sock = bind(host, port)
        typer.echo(f"samestory: serving {path} on http://{host}:{sock.getsockname()[1]}", err=True)
        web = create_app(settings, store=store)
        from ..serve.warm import warm

        warm(web.state.service)  # listening already: early clients wait in the backlog
        if settings.serve_gc_freeze:
            import gc

            gc.collect()
            gc.freeze()  # what is alive now lives as long as the server: never scanned again
        config = uvicorn.Config(web, log_level="warning", access_log=False)
        halt = None
        if watch:
            from ..watch.background import start_watcher

            halt = start_watcher(web.state.service)
        # uvicorn finishes the requests in flight on SIGTERM, then raises the signal
        # again for the handler it found: ours, so the exit is a clean 0.
        try:
            with on_sigterm() as stop:
                uvicorn.Server(config).run(sockets=[sock])
        finally:
            if halt is not None:
                halt()
        if stop.signal:
            typer.echo(f"samestory: stopped by {stop.signal}", err=True)
