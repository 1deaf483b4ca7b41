"""`samestory` command line: a thin layer over the Python API.

Every deliberate error (SameStoryError) becomes one line on stderr and exit code 1;
usage errors exit 2 (click's convention); anything unexpected becomes one line with
exit code 70 and a hint to rerun with SAMESTORY_DEBUG=1 for the traceback.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console

from ..errors import SameStoryError
from ..settings import Settings
from .common import JsonOpt, parse_date, print_json
from .render import print_analysis, print_comparison

__all__ = ["app", "main"]

app = typer.Typer(
    name="samestory",
    help="Which news articles report the same story, across languages, and how their "
    "accounts differ. Reads .txt, .html, .json and .jsonl files, folders, or '-' for stdin.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_out = Console(highlight=False)

PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help="Publication date (YYYY-MM-DD or ISO datetime) for inputs that carry none; "
        "relative dates like 'lundi' or 'last May' are resolved against it.",
    ),
]
EmbedderOpt = Annotated[
    str | None,
    typer.Option(
        "--embedder",
        help="Embedding backend: use (default), e5, st:/path/to/model, hashing, none.",
    ),
]


def _engine(embedder: str | None = None) -> Any:
    from ..engine import Engine  # the models load only for commands that need them

    overrides: dict[str, Any] = {"embedder": embedder} if embedder else {}
    return Engine(Settings.from_env(**overrides))


@app.command()
def analyse(
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="A file, a folder, or '-' for stdin.")
    ],
    published: PublishedOpt = None,
    as_json: JsonOpt = False,
    embedder: EmbedderOpt = None,
) -> None:
    """Language, sentences, entities, places, dates and numbers of each article."""
    engine = _engine(embedder)
    when = parse_date(published)
    analyses = [engine.analyse(a, published=when) for a in engine.read(path)]
    if as_json:
        data = [a.to_dict() for a in analyses]
        print_json(data[0] if len(data) == 1 else data)
        return
    for i, a in enumerate(analyses):
        if i:
            _out.rule()
        print_analysis(_out, a)


@app.command()
def compare(
    a: Annotated[str, typer.Argument(metavar="A", help="First article (file or '-').")],
    b: Annotated[str, typer.Argument(metavar="B", help="Second article (file).")],
    published: PublishedOpt = None,
    as_json: JsonOpt = False,
    embedder: EmbedderOpt = None,
) -> None:
    """How far two articles report the same story (SemEval-2022 Task 8 scale), with reasons.

    Scores run from 1 (very similar) to 4 (very dissimilar) on Overall, Geography,
    Entities, Time, Narrative, Style and Tone; the reasons list shared and unique
    entities, places, dates and numbers, conflicting facts and aligned sentences.
    """
    engine = _engine(embedder)
    when = parse_date(published)
    score = engine.compare(engine.read_one(a), engine.read_one(b), published=when)
    if as_json:
        print_json(score.to_dict())
    else:
        print_comparison(_out, score, a, b)


@app.command()
def demo(
    folder: Annotated[
        Path, typer.Argument(help="Example folder with corpus.jsonl and gold.jsonl.")
    ] = Path("examples"),
) -> None:
    """Analyse the bundled example corpus and show comparisons (what `make run` does)."""
    from .demo import run_demo

    run_demo(_out, _engine(), folder)


@app.command("settings")
def settings_cmd(as_json: JsonOpt = False) -> None:
    """Every setting with its current value and help (override with SAMESTORY_<NAME>)."""
    current = Settings.from_env()
    rows = [
        {"name": n, "value": getattr(current, n), "default": d, "help": h}
        for n, d, h in Settings.describe()
    ]
    if as_json:
        print_json(rows)
        return
    for r in rows:
        _out.print(
            f"[bold]{r['name']}[/bold] = {r['value']!r}  [dim](SAMESTORY_{r['name'].upper()})[/dim]"
        )
        _out.print(f"    {r['help']}", style="dim")


def _register_learning_commands() -> None:
    from .learn import eval_app, train_app
    from .stories import register

    app.add_typer(train_app, name="train")
    app.add_typer(eval_app, name="eval")
    register(app, eval_app)


_register_learning_commands()
__import__("samestory.cli.report", fromlist=["register"]).register(app)  # report (#5)
__import__("samestory.cli.spark", fromlist=["register"]).register(app)  # spark (#7)
__import__("samestory.cli.serve", fromlist=["register"]).register(app)  # serve (#6)
__import__("samestory.cli.watches", fromlist=["register"]).register(app)  # watches (#19)
__import__("samestory.cli.maintenance", fromlist=["register"]).register(app)  # check, backup (#18)
__import__("samestory.cli.sources", fromlist=["register"]).register(app)  # watch (#19)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        from .. import __version__

        _out.print(f"samestory {__version__}")
        raise typer.Exit()


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    start = time.perf_counter()
    try:
        code = app(args=args, prog_name="samestory", standalone_mode=False)
        if isinstance(code, int) and code:  # typer.Exit(n) is returned, not raised, here
            sys.exit(code)
    except (click.exceptions.Exit, typer.Exit) as exc:
        sys.exit(exc.exit_code)
    except (click.ClickException, typer.TyperException) as exc:
        # Typer raises usage errors (unknown option, missing argument) from its own
        # copy of click, whose exceptions share only TyperException with the public API.
        exc.show()  # type: ignore[union-attr]
        sys.exit(getattr(exc, "exit_code", 2))
    except (click.exceptions.Abort, typer.Abort, KeyboardInterrupt):
        print("samestory: interrupted", file=sys.stderr)
        sys.exit(130)
    except SameStoryError as exc:
        print(f"samestory: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except sqlite3.Error as exc:  # a full disk or a damaged store, met deep in a query
        from ..store.maintenance import store_error

        print(f"samestory: error: {store_error(exc)}", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("SAMESTORY_DEBUG"):
            raise
        print(
            f"samestory: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
            "(rerun with SAMESTORY_DEBUG=1 for details)",
            file=sys.stderr,
        )
        sys.exit(70)
    if os.environ.get("SAMESTORY_TIMING"):
        print(f"samestory: {time.perf_counter() - start:.2f}s", file=sys.stderr)
