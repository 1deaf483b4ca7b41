"""`samestory sources add|list|remove|show` and `samestory watch`: follow the news."""

from __future__ import annotations

import signal
import threading
import time
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..settings import Settings
from .common import DbOpt, JsonOpt, open_store, print_json

if TYPE_CHECKING:
    from ..watch import Polled

__all__ = ["register"]

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)

sources_app = typer.Typer(
    help="The sources `samestory watch` polls: feeds, news sitemaps, pages, folders.",
    no_args_is_help=True,
)


@sources_app.command("add")
def add(
    target: Annotated[
        str, typer.Argument(metavar="URL|FOLDER", help="A feed, sitemap or page URL, or a folder.")
    ],
    every: Annotated[
        str | None,
        typer.Option("--every", help="Poll interval: 90s, 10m, 2h, 1d (default watch_every_s)."),
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", help="auto (from the first answer), feed, sitemap, page, folder."),
    ] = "auto",
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlet name of its articles.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", metavar="CC", help="Country code (FR).")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", metavar="L", help="Declared language (fr).")
    ] = None,
    fetch_pages: Annotated[
        bool,
        typer.Option("--fetch-pages", help="Feeds with summaries only: fetch each entry's page."),
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a source; `samestory watch` polls it from then on."""
    from ..watch import add_source

    store = open_store(db, must_exist=False)
    source = add_source(
        store,
        target,
        Settings.from_env(),
        every=every,
        kind=kind,
        outlet=outlet,
        country=country,
        language=language,
        fetch_pages=fetch_pages,
    )
    if as_json:
        print_json(_plain(source))
        return
    _out.print(f"source {source.id}: {source.url} ({source.kind}, every {_span(source.every_s)})")


@sources_app.command("list")
def list_(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Every source with its status: last poll, last success, last error, articles
    added today / in all, next poll."""
    from ..store.sources import SourceTable

    rows = SourceTable(open_store(db)).status()
    if as_json:
        print_json(rows)
        return
    if not rows:
        _out.print("no sources; add one with `samestory sources add URL`")
        return
    table = Table(box=None, pad_edge=False)
    names = ("id", "source", "every", "last poll", "last ok", "today", "total", "next", "status")
    for name in names:
        table.add_column(name, overflow="fold")
    for r in rows:
        error = r["last_error"] or ""
        state = f"[red]{error}[/red]" if error else ("ok" if r["last_poll"] else "not polled yet")
        table.add_row(
            str(r["id"]),
            f"{r['outlet']} {r['url']}" if r["outlet"] else r["url"],
            _span(r["every_s"]),
            _relative(r["last_poll"]),
            _relative(r["last_success"]),
            str(r["articles_today"]),
            str(r["articles_total"]),
            _relative(r["next_poll"]) if r["next_poll"] else "now",
            state,
        )
    _out.print(table)
    failing = sum(not r["ok"] for r in rows)
    if failing:
        _err.print(f"[red]{failing} of {len(rows)} sources failing[/red]")


@sources_app.command("show")
def show(
    ref: Annotated[str, typer.Argument(metavar="ID|URL")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One source with its full status."""
    from ..store.sources import SourceTable, status_row

    table = SourceTable(open_store(db))
    source = table.get(ref)
    row = status_row(source, table.poll_state(source.id), *table.counts(source.url))
    if as_json:
        print_json(row)
        return
    for key, value in row.items():
        _out.print(f"[bold]{key}[/bold]: {'' if value is None else value}")


@sources_app.command("remove")
def remove(ref: Annotated[str, typer.Argument(metavar="ID|URL")], db: DbOpt = None) -> None:
    """Stop following a source (the articles it brought stay in the store)."""
    from ..store.sources import SourceTable

    source = SourceTable(open_store(db)).remove(ref)
    _out.print(f"removed source {source.id}: {source.url}")


def watch(
    db: DbOpt = None,
    once: Annotated[bool, typer.Option("--once", help="Poll what is due once, then exit.")] = False,
    no_reports: Annotated[
        bool, typer.Option("--no-reports", help="Do not rebuild the changed stories' reports.")
    ] = False,
    log: Annotated[
        bool, typer.Option("--log", help="A JSON line per poll on stderr, also on a terminal.")
    ] = False,
) -> None:
    """Poll each source when it is due and ingest what is new (like `samestory ingest`).

    Conditional GET, a per-host rate limit, retries with backoff, robots.txt for
    pages. SIGTERM or Ctrl-C stops it after the polls in flight; kill -9 and a
    restart lose and double nothing. On a terminal a status line; otherwise (or with
    --log) one JSON line per poll on stderr."""
    from ..engine import Engine
    from ..watch import Watcher
    from ..watch.background import log_poll

    settings = Settings.from_env()
    store = open_store(db, must_exist=False)
    tty = _err.is_terminal and not log
    status = _Status(_err) if tty else None
    if not tty:
        from ..watch.background import json_logging

        json_logging()  # ingest's warnings become JSON lines too, not free text between them
    watcher = Watcher(
        Engine(settings),
        store,
        settings,
        reports=not no_reports,
        on_poll=status.polled if status else log_poll,
    )
    if not watcher.table.all():
        _err.print("samestory watch: no sources yet; add one with `samestory sources add URL`")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        if once:
            watcher.run_once()
        elif status is not None:
            with status.live():
                watcher.run(stop, on_idle=status.idle)
        else:
            watcher.run(stop)
    finally:
        watcher.close()
    t = watcher.totals
    _err.print(f"samestory watch: stopped; {t.stored} stored, {t.duplicates} already there")


class _Status:
    """The one-line status of `samestory watch` on a terminal."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.polls = self.errors = self.stored = 0
        self.last = ""
        self._live: Any = None

    def live(self) -> Any:
        from rich.live import Live

        self._live = Live("starting…", console=self.console, refresh_per_second=4, transient=True)
        return self._live

    def polled(self, p: Polled) -> None:
        self.polls += 1
        self.errors += p.status == "error"
        self.stored += p.stored
        what = p.error or f"{p.status}, {p.stored} new"
        self.last = f"{p.url}: {what}"
        if p.status == "error":
            self.console.print(f"[red]{p.url}: {p.error}[/red]", soft_wrap=True)
        self._show("polling")

    def idle(self, upcoming: float | None) -> None:
        wait = "" if upcoming is None else f" · next poll in {max(0, upcoming - time.time()):.0f}s"
        self._show("waiting" + wait)

    def _show(self, state: str) -> None:
        line = (
            f"[bold]{self.stored}[/bold] stored · {self.polls} polls · "
            f"[{'red' if self.errors else 'dim'}]{self.errors} failed[/] · {state} · {self.last}"
        )
        if self._live is not None:
            self._live.update(line)


def _plain(source: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(source)


def _span(seconds: int, *, rough: bool = False) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and (rough or seconds % size == 0):
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _relative(iso: str | None) -> str:
    """'3m ago', 'in 5m': when a source was or will be polled, at a glance."""
    if not iso:
        return ""
    import datetime as dt

    delta = int(dt.datetime.fromisoformat(iso).timestamp() - time.time())
    text = _span(abs(delta), rough=True)
    return f"in {text}" if delta > 0 else f"{text} ago"


def register(app: typer.Typer) -> None:
    """Add `sources` and `watch` to the samestory CLI."""
    app.add_typer(sources_app, name="sources")
    app.command()(watch)
