"""`samestory watches add | list | remove | events | check`: saved alerts (issue 19).

A watch fires its events after every ingested batch (`samestory ingest`, the watcher,
the API); `check` runs the evaluation and the webhook deliveries once by hand, e.g.
from cron after the webhook receiver was down.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ..errors import InvalidValueError
from ..settings import Settings
from .common import DbOpt, JsonOpt, open_store, print_json

__all__ = ["register", "watches_app"]

_out = Console(highlight=False)
watches_app = typer.Typer(
    help="Saved watches: alerts on new stories, growth, new languages or countries, and "
    "conflicts, as an Atom feed (/watches/ID.atom) and an optional signed webhook.",
    no_args_is_help=True,
)
Opt = typer.Option


@watches_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="What the watch is called.")],
    db: DbOpt = None,
    story: Annotated[str | None, Opt(help="Follow one story (its id).")] = None,
    entity: Annotated[str | None, Opt(help="Stories naming this entity (key or name).")] = None,
    words: Annotated[str | None, Opt(help="Every word in a title or lede.")] = None,
    language: Annotated[str | None, Opt(help="Stories with an article in it.")] = None,
    outlet: Annotated[str | None, Opt(help="Stories this outlet reported.")] = None,
    country: Annotated[str | None, Opt(help="Stories from a source of this country.")] = None,
    min_size: Annotated[int, Opt(help="Only stories of at least this many articles.")] = 1,
    grow_to: Annotated[int | None, Opt(help="The 'grown' event's article count.")] = None,
    events: Annotated[
        str, Opt(help="Comma-separated: new, grown, language, country, conflict.")
    ] = "new",
    webhook: Annotated[str | None, Opt(help="POST each event here (JSON).")] = None,
    secret: Annotated[
        str | None, Opt(help="Sign webhook bodies with HMAC-SHA256 of this secret.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Save a watch; it reports what happens from now on."""
    from ..alerts import Watch
    from ..store.watches import WatchTable

    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise InvalidValueError(f"--webhook {webhook!r}: an http(s) URL")
    if secret and not webhook:
        raise InvalidValueError("--secret signs webhook bodies: give --webhook too")
    watch = Watch.from_dict(
        {
            "name": name,
            "story": story,
            "entity": entity,
            "words": words,
            "language": language,
            "outlet": outlet,
            "country": country,
            "min_size": min_size,
            "grow_to": grow_to,
            "events": events,
        }
    )
    table = WatchTable(open_store(db, must_exist=False))
    wid = table.add(watch, webhook=webhook, secret=secret)
    row = WatchTable.public(table.get(wid))
    if as_json:
        print_json(row)
        return
    _out.print(f"watch [bold]{wid}[/bold] saved: {watch.describe()}; feed /watches/{wid}.atom")


@watches_app.command("list")
def list_(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Saved watches, with how many events each fired."""
    from ..store.watches import WatchTable

    rows = WatchTable(open_store(db)).all()
    if as_json:
        print_json([WatchTable.public(r) for r in rows])
        return
    if not rows:
        _out.print("no watch yet: `samestory watches add NAME --entity ...`")
    for r in rows:
        w = r["watch"]
        hook = f"; webhook {r['webhook']} ({r['pending']} pending)" if r["webhook"] else ""
        _out.print(
            f"[bold]{r['id']}[/bold] {r['name']}: {w.describe()}; {', '.join(w.events)}; "
            f"{r['events']} events{hook}"
        )


@watches_app.command("remove")
def remove(
    watch_id: Annotated[int, typer.Argument(help="The watch's id.")], db: DbOpt = None
) -> None:
    """Delete a watch and its events."""
    from ..store.watches import WatchTable

    WatchTable(open_store(db)).remove(watch_id)
    _out.print(f"watch {watch_id} removed")


@watches_app.command("events")
def events(
    watch_id: Annotated[int, typer.Argument(help="The watch's id.")],
    db: DbOpt = None,
    limit: Annotated[int, Opt(help="How many, newest first.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """A watch's recent events, newest first."""
    from ..store.watches import WatchTable

    table = WatchTable(open_store(db))
    table.get(watch_id)
    rows = table.events(watch_id, limit=max(1, limit))
    if as_json:
        print_json(rows)
        return
    for e in rows:
        _out.print(f"{e['at']}  {e['kind']:<8} {e['detail']}  [dim]{e['story']}[/dim]")


@watches_app.command("check")
def check(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Evaluate every watch on the store now and send the due webhook deliveries."""
    from ..alerts.deliver import deliver
    from ..alerts.evaluate import evaluate

    settings = Settings.from_env()
    store = open_store(db)
    result = {"fired": evaluate(store, settings), **deliver(store, settings)}
    if as_json:
        print_json(result)
        return
    _out.print(f"{result['fired']} new events; {result['sent']} sent, {result['failed']} failed")


def register(app: typer.Typer) -> None:
    app.add_typer(watches_app, name="watches")
