"""`samestory ingest | stories | story | recluster | reports | eval clusters`: the store."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import InputError, NotFoundError
from ..settings import Settings
from .common import DbOpt, JsonOpt, open_store, print_json
from .stop import on_sigterm

if TYPE_CHECKING:
    from ..serve.refresh import RefreshResult
    from ..store import SQLiteStore

__all__ = ["register"]

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH|URL...", help="Files, folders, feeds, WARC files or URLs."),
    ],
    db: DbOpt = None,
    as_json: JsonOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_reports: Annotated[
        bool,
        typer.Option(
            "--no-reports",
            help="Do not build the reports of the changed stories at the end of the run "
            "(the server then builds them on first view; `samestory reports` later).",
        ),
    ] = False,
) -> None:
    """Read, analyse and cluster articles into the store; already stored ones are skipped.

    Safe to interrupt and re-run: each batch is committed with its stories in one
    transaction, and a re-run neither loses nor doubles anything. At the end, the
    reports of the stories the run changed (of at least report_min_size articles)
    are built and stored for the server.
    """
    from ..engine import Engine
    from ..stream import IngestReport, StoryIngest

    settings = Settings.from_env()
    for p in paths:
        if "://" not in p and p != "-" and not Path(p).exists():
            raise NotFoundError(f"{p}: no such file or folder")
    store = open_store(db, must_exist=False)
    engine = Engine(settings)
    started = time.perf_counter()
    runner = StoryIngest(engine, store, batch_size=settings.ingest_batch_size)
    report = IngestReport()
    with (
        on_sigterm() as stop,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=None),
            TextColumn("{task.completed} articles"),
            TimeElapsedColumn(),
            console=_err,
            disable=quiet or as_json,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("ingesting", total=None)
        runner.should_stop = stop
        runner.ingest_sources(paths, progress=lambda n: bar.advance(task, n), report=report)
    elapsed = time.perf_counter() - started
    stopped = stop.signal
    if stopped:  # the reports are left to the server or `samestory reports`
        no_reports = True
        _err.print(
            f"[yellow]stopped by {stopped} after a committed batch; re-run the same command "
            "to go on (nothing is lost or doubled)[/yellow]"
        )
    built = None if no_reports else _refresh(store, settings, report.stories, quiet or as_json)
    result: dict[str, Any] = {
        **report.to_dict(),
        "stopped": stopped,
        "reports": None if built is None else built.to_dict(),
        "db": store.path,
        "seconds": round(elapsed, 2),
        **{f"total_{k}": v for k, v in store.counts().items()},
    }
    if as_json:
        print_json(result)
        return
    rate = report.stored / elapsed if elapsed else 0.0
    _out.print(
        f"[bold]{report.stored}[/bold] stored, {report.duplicates} already there, "
        f"{report.skips.total} skipped{_files(report.skips.files)} in {elapsed:.1f}s "
        f"({rate:.1f} articles/s) → {store.path}"
    )
    if report.skips.total or report.skips.warnings:
        _err.print(f"[yellow]{report.skips.summary()}[/yellow]")
    changes = ", ".join(f"{v} {k}" for k, v in sorted(report.events.items()) if k != "pass")
    _out.print(
        f"store: {result['total_articles']} articles in {result['total_stories']} stories"
        + (f" ({changes})" if changes else "")
    )
    if built is not None:
        _print_refresh(built)


def _files(n: int) -> str:
    return f" (from {n} {'file' if n == 1 else 'files'})" if n else ""


def _refresh(
    store: SQLiteStore,
    settings: Settings,
    story_ids: set[str] | None,
    quiet: bool,
    *,
    min_size: int | None = None,
    force: bool = False,
) -> RefreshResult:
    from ..serve.refresh import refresh_reports

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} reports"),
        TimeElapsedColumn(),
        console=_err,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("building story reports", total=None)
        return refresh_reports(
            store,
            settings,
            story_ids,
            min_size=min_size,
            force=force,
            progress=lambda n: bar.advance(task, n),
        )


def _print_refresh(r: RefreshResult) -> None:
    slow = f"; slowest {r.slowest[0]:.1f}s ({r.slowest[2]} articles)" if r.built else ""
    _out.print(
        f"reports: {r.built} built, {r.fresh} already fresh, {r.small} small stories left "
        f"to the server in {r.seconds:.1f}s{slow}"
    )


def reports(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    every: Annotated[
        bool,
        typer.Option("--all", help="Every story, also those under report_min_size articles."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild reports that are still fresh too.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Build and store the story reports that are missing or stale (the server reads
    them instead of building them while a reader waits)."""
    settings = Settings.from_env()
    store = open_store(db)
    result = _refresh(
        store, settings, None, quiet or as_json, min_size=1 if every else None, force=force
    )
    if as_json:
        print_json(result.to_dict())
        return
    _print_refresh(result)


def stories(
    db: DbOpt = None,
    as_json: JsonOpt = False,
    limit: Annotated[int, typer.Option(help="How many stories.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many (paging).")] = 0,
    language: Annotated[str | None, typer.Option(help="Only stories with this language.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only stories with this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Last seen on/after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="First seen on/before (ISO date).")] = None,
    entity: Annotated[str | None, typer.Option(help="Naming this entity or place.")] = None,
    min_size: Annotated[int, typer.Option(help="At least this many articles.")] = 1,
) -> None:
    """Stories in the store, newest first: id, title, size, languages, outlets, dates."""
    if limit < 1 or offset < 0:
        raise InputError("--limit must be >= 1 and --offset >= 0")
    store = open_store(db)
    rows = store.stories(
        limit=limit,
        offset=offset,
        language=language,
        outlet=outlet,
        since=since,
        until=until,
        entity=entity,
        min_size=min_size,
    )
    if as_json:
        print_json(rows)
        return
    # A log or a pipe is 80 columns wide: without borders, and with outlets and "last
    # seen" left to wide terminals, the title keeps room instead of being squeezed away.
    wide = _out.width >= 120
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("langs", no_wrap=True)
    if wide:
        table.add_column("outlets", max_width=24, overflow="ellipsis", no_wrap=True)
    table.add_column("first seen", no_wrap=True)
    if wide:
        table.add_column("last seen", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    for r in rows:
        outlets = [", ".join(r["outlets"][:4])] if wide else []
        last = [(r["last_seen"] or "")[:10]] if wide else []
        table.add_row(
            r["id"],
            str(r["size"]),
            " ".join(r["languages"]),
            *outlets,
            (r["first_seen"] or "")[:10],
            *last,
            r["title"],
        )
    _out.print(table)


def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id from `stories`.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One story: its articles and the events that shaped it."""
    data = open_store(db).story(story_id)
    if as_json:
        print_json(data)
        return
    _out.print(f"[bold]{data['title']}[/bold]  ({data['id']})")
    _out.print(
        f"{data['size']} articles · {' '.join(data['languages'])} · "
        f"{(data['first_seen'] or '?')[:16]} → {(data['last_seen'] or '?')[:16]}"
    )
    table = Table()
    for col in ("published", "lang", "outlet", "title", "joined with"):
        table.add_column(col, overflow="fold")
    for a in data["articles"]:
        score = "" if a["score"] is None else f"{a['score']:.2f}"
        table.add_row(
            (a["published"] or "")[:16], a["language"] or "", a["outlet"] or "", a["title"], score
        )
    _out.print(table)
    for e in data["events"]:
        if e["kind"] == "merged":
            _out.print(f"[dim]{e['at']} merged {e['other']} into {e['story']}[/dim]")


def recluster(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Re-cluster the whole store in batch mode; changes are logged as merge/split events."""
    from ..engine import Engine
    from ..stream import StoryIngest

    store = open_store(db)
    settings = Settings.from_env()
    events = StoryIngest(Engine(settings), store).recluster()
    counts = {k: sum(1 for e in events if e.kind == k) for k in ("merged", "split")}
    changed = {x for e in events for x in (e.story, e.other) if x}
    _refresh(store, settings, changed, True)  # the stories it changed have stale reports
    if as_json:
        print_json({**counts, **store.counts()})
        return
    _out.print(
        f"{counts['merged']} merged, {counts['split']} split; {store.counts()['stories']} stories"
    )


def eval_clusters(
    data: Annotated[
        Path, typer.Option("--data", help="JSONL: title, text, story[, published, language]")
    ],
    as_json: JsonOpt = False,
    mode: Annotated[
        str,
        typer.Option(
            help="batch (whole file at once) or online (as a stream: in publication order when "
            "every document has one, else in file order)."
        ),
    ] = "batch",
    limit: Annotated[int | None, typer.Option(help="Only the first N documents.")] = None,
) -> None:
    """Cluster a labelled JSONL file with default settings: BCubed and pairwise P/R/F1."""
    from ..engine import Engine
    from .eval_clusters import evaluate_file

    if mode not in ("batch", "online"):
        raise InputError(f"--mode {mode!r}: use batch or online")
    result = evaluate_file(Engine(Settings.from_env()), data, mode=mode, limit=limit, console=_err)
    if as_json:
        print_json(result)
        return
    b, p = result["bcubed"], result["pairwise"]
    _out.print(
        f"{result['n_docs']} documents, {result['n_gold']} gold stories, {result['n_pred']} "
        f"predicted ({mode})\nBCubed   P {b['precision']:.3f}  R {b['recall']:.3f}  "
        f"F1 [bold]{b['f1']:.3f}[/bold]\npairwise P {p['precision']:.3f}  R {p['recall']:.3f}  "
        f"F1 {p['f1']:.3f}"
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stories)
    app.command()(story)
    app.command()(recluster)
    app.command()(reports)
    eval_app.command("clusters")(eval_clusters)
