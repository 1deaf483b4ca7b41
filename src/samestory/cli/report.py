"""`samestory report`: one story fact by fact, as text, JSON or a self-contained HTML page."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from ..errors import NotFoundError
from ..settings import Settings
from .common import DbOpt, open_store, parse_date

if TYPE_CHECKING:
    from ..models import Analysis
    from ..report import StoryReport

__all__ = ["register"]

_out = Console(highlight=False)


def _load_story(story_id: str, db: str) -> list[Analysis]:
    """The analyses of a story in the store `db`."""
    if not Path(db).is_file():
        raise NotFoundError(
            f"story {story_id!r} not found: not a file or folder, and there is no store {db}"
        )
    return open_store(db).story_analyses(story_id)


def _analyses(inputs: list[str], published: dt.datetime | None, db: str) -> list[Analysis]:
    if len(inputs) == 1 and inputs[0] != "-" and not Path(inputs[0]).exists():
        return _load_story(inputs[0], db)
    from ..engine import Engine  # the models load only when articles are analysed

    engine = Engine(Settings.from_env())
    for item in inputs:
        if item != "-" and not Path(item).exists():
            raise NotFoundError(f"{item}: no such file or folder")
    articles = [a for item in inputs for a in engine.read(item)]
    return engine.analyse_many(articles, published=published)


def _of(report: StoryReport) -> str:
    total = int(report.stats.get("articles_total", len(report.articles)))
    return f" (of the story's {total})" if total > len(report.articles) else ""


def _stored_story(inputs: list[str], db: str) -> str | None:
    """The story id when the one input is neither a file nor stdin and a store exists."""
    if len(inputs) != 1 or inputs[0] == "-" or Path(inputs[0]).exists():
        return None
    return inputs[0] if Path(db).is_file() else None


def _print_text(report: StoryReport) -> None:
    _out.print(
        f"[bold]{len(report.articles)} articles[/bold]{_of(report)}, {len(report.facts)} facts "
        f"({sum(f.status == 'consensus' for f in report.facts)} consensus, "
        f"{sum(f.status == 'unique' for f in report.facts)} unique, "
        f"{sum(f.status == 'conflict' for f in report.facts)} conflict)"
    )
    if report.first_reported:
        _out.print(f"First reported by {report.first_reported['outlet']}", style="dim")
    _out.rule("summary")
    for item in report.summary:
        cites = ", ".join(f"{s['outlet']} §{s['sentence']}" for s in item["sources"])
        _out.print(f"• {item['text']} [dim]({cites})[/dim]")
    _out.rule("timeline")
    for e in report.timeline:
        flag = " [red](sources disagree)[/red]" if e["disputed"] else ""
        _out.print(f"[bold]{e['date']}[/bold]{flag} {e['text']}")
    _out.rule("conflicts")
    for f in report.facts:
        if f.status == "conflict":
            values = " vs ".join(
                f"{v['value']} ({', '.join(sorted({s['outlet'] for s in v['sources']}))})"
                for v in f.values
            )
            _out.print(f"• {values}: [dim]{f.text}[/dim]")
    _out.rule("lineage")
    for link in report.lineage:
        _out.print(f"{link['from_outlet']} → {link['to_outlet']} ({link['kind']}, {link['score']})")


def register(app: typer.Typer) -> None:
    """Add the `report` command to the samestory CLI."""

    @app.command()
    def report(
        inputs: Annotated[
            list[str],
            typer.Argument(
                metavar="STORY_ID|FILES...",
                help="Articles of one story: files, folders or '-' (or a stored story's id).",
            ),
        ],
        as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
        html: Annotated[
            Path | None,
            typer.Option("--html", metavar="OUT.html", help="Write a self-contained HTML report."),
        ] = None,
        published: Annotated[
            str | None,
            typer.Option(
                "--published",
                metavar="DATE",
                help="Publication date for inputs that carry none (resolves relative dates).",
            ),
        ] = None,
        max_summary: Annotated[
            int | None, typer.Option("--summary", metavar="N", help="Most summary sentences.")
        ] = None,
        db: DbOpt = None,
    ) -> None:
        """One story fact by fact: consensus, unique and conflicting facts with their
        sentences, who copied or translated whom, a cited summary and a timeline."""
        from ..report import build_report

        when = parse_date(published)
        if html is not None and not html.parent.exists():
            raise NotFoundError(f"--html {html}: folder {html.parent} does not exist")
        settings = Settings.from_env()
        settings = settings.with_(db=db) if db else settings
        stored = _stored_story(inputs, settings.db) if max_summary is None else None
        title = None
        if stored is not None:
            # A stored story: its stored report, or one on at most report_max_articles.
            from ..serve.reports import stored_or_capped

            store = open_store(settings.db)
            result = stored_or_capped(store, stored, settings)
            title = store.story(stored)["title"]  # its name in the list and the API too
        else:
            analyses = _analyses(inputs, when, settings.db)
            result = build_report(analyses, settings, max_summary=max_summary)
        if html is not None:
            from ..serve.report_html import write_html

            write_html(result, html, title=title)
            if not as_json:
                _out.print(f"wrote {html}")
        if as_json:
            data: dict[str, Any] = result.to_dict()
            if stored is not None:
                from ..serve.reports import coverage

                data["coverage"] = coverage(result)
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        elif html is None:
            _print_text(result)
