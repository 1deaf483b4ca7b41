"""The screenshots of docs/screenshots/, taken of what the product does: a store built
with the default models (not the tests' `hashing` embedder) over examples/corpus.jsonl,
served by `samestory serve`'s app and shot in headless Chromium at desktop and phone
widths.

The story pictured is the largest one whose articles all belong to one event of the
corpus (its record ids are "event-language-outlet"); the script prints every story
with the events of its articles, so a wrong merge shows here before it shows in a
picture, and refuses to shoot when no story is whole.

    PYTHONPATH=src python benchmarks/make_screenshots.py [--out docs/screenshots]

Needs /usr/bin/chromium and Playwright (`make browser`); loads the models once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TOKEN = "screenshots-token"
# The corpus names no countries: the source list gives each outlet its language's.
COUNTRY = {"de": "DE", "en": "GB", "es": "ES", "fr": "FR", "it": "IT"}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def _events_by_title() -> dict[str, str]:
    """Title -> its event in the corpus (the first part of the record id)."""
    out = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        out[record["title"]] = record["id"].split("-", 1)[0]
    return out


def build_store(db: Path) -> tuple[Any, Any]:
    from samestory.engine import Engine
    from samestory.settings import Settings
    from samestory.store import SQLiteStore
    from samestory.stream import StoryIngest

    settings = Settings().with_(db=str(db))
    engine = Engine(settings)  # the default models
    store = SQLiteStore(str(db))
    ingest = StoryIngest(engine, store)
    ingest.ingest_sources([CORPUS])
    ingest.settle()
    return engine, store, ingest


def add_sources(store: Any, story: dict[str, Any]) -> None:
    """A source list: the pictured story's outlets and four that did not report it (its
    blind spots), one of them failing, as the watcher records a failed poll."""
    from samestory.store.sources import PollState, SourceTable

    table = SourceTable(store)
    now = time.time()
    language = {a["outlet"]: a["language"] for a in store.articles(limit=500) if a["outlet"]}
    ours = sorted({a["outlet"] for a in story["articles"] if a["outlet"]})
    others = [o for o in sorted(language) if o not in ours][:4]
    outlets = ours + others
    failing = len(ours) + 1
    for i, outlet in enumerate(outlets):
        slug = "".join(c for c in outlet.lower() if c.isascii() and c.isalnum())[:20]
        source = table.add(
            f"https://{slug or i}.example/feed.xml",
            every_s=600,
            outlet=outlet,
            country=COUNTRY.get(language[outlet]),
            language=language[outlet],
        )
        if i == failing:
            state = PollState(
                last_poll=now - 120,
                last_success=now - 7200,
                last_error="HTTP 500",
                last_status="error",
                failures=4,
                next_poll=now + 480,
                polls=30,
            )
        else:
            state = PollState(
                last_poll=now - 60 * (i + 1),
                last_success=now - 60 * (i + 1),
                last_status="304" if i % 2 else "200",
                next_poll=now + 600 - 60 * (i + 1),
                polls=30,
                not_modified=20,
            )
        table.save_poll(source.id, state)


def pick_story(store: Any, store_settings: Any) -> dict[str, Any]:
    events = _events_by_title()
    whole = []
    for s in store.stories(limit=200):
        story = store.story(s["id"])
        seen = Counter(events.get(a["title"], "?") for a in story["articles"])
        mark = "whole" if len(seen) == 1 else "MIXED"
        print(f"{s['id']}  {s['size']:>2} articles  {mark:5}  {dict(seen)}  {s['title'][:60]}")
        if len(seen) == 1:
            whole.append(story)
    # The watch pictured needs the story to grow: only a story still active in the online
    # clusterer (not retired behind the corpus's newest article) can take a new article.
    newest = max(_published(a) for s in whole for a in s["articles"])
    retire = dt.timedelta(hours=store_settings.cluster_retire_hours * 0.9)
    active = [s for s in whole if max(_published(a) for a in s["articles"]) >= newest - retire]
    if not active:
        sys.exit("no active story holds one event only: the pictures would show a wrong story")
    return max(active, key=lambda s: (len(s["articles"]), s["id"]))


def _published(article: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(str(article["published"]))


def serve(engine: Any, store: Any) -> tuple[Any, str]:
    import uvicorn

    from samestory.serve.api import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    app = create_app(engine.settings.with_(api_token=TOKEN), store=store, engine=engine)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not server.started:
        sys.exit("the server did not start")
    return server, f"http://127.0.0.1:{port}"


def shoot(url: str, store: Any, ingest: Any, story: dict[str, Any], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    shots: list[Path] = []

    def save(target: Any, name: str, **kw: Any) -> None:
        path = out / name
        target.screenshot(path=str(path), **kw)
        shots.append(path)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport=DESKTOP)
        page.goto(url + "/")
        save(page, "stories.png", full_page=True)
        page.set_viewport_size(PHONE)
        save(page, "stories-phone.png")
        page.set_viewport_size(DESKTOP)
        page.goto(f"{url}/stories/{story['id']}")
        page.wait_for_selector("#matrix")
        save(page, "story.png")
        save(page.locator("#facts"), "story-facts.png")
        save(page.locator("#lineage"), "story-lineage.png")
        save(page.locator("#spread"), "story-coverage.png")
        page.set_viewport_size(PHONE)
        page.evaluate("window.scrollTo(0, 0)")
        save(page, "story-phone.png")
        page.set_viewport_size(DESKTOP)
        page.goto(url + "/sources")
        save(page, "sources.png", full_page=True)
        watch_story(page, url, store, ingest, story)
        save(page, "watch.png", full_page=True)
        first, second = (store.article(a["id"]) for a in story["articles"][:2])
        page.goto(f"{url}/articles/{first.id}")
        save(page, "article.png", full_page=True)
        page.goto(url + "/compare")
        page.fill("#a_text", f"{first.title}\n\n{first.body}")
        page.fill("#b_text", f"{second.title}\n\n{second.body}")
        page.click("#compare-submit")
        page.wait_for_selector("#result")
        save(page, "compare.png", full_page=True)
        browser.close()
    return shots


def watch_story(page: Any, url: str, store: Any, ingest: Any, story: dict[str, Any]) -> None:
    """A watch made from the story page (grown past its size), then the story grows by
    another outlet's copy of its latest article: the watch page lists the event."""
    from samestory.models import Article

    page.goto(f"{url}/stories/{story['id']}")
    form = page.locator("#watch-form")
    form.locator('input[name="grow_to"]').fill(str(len(story["articles"]) + 1))
    form.locator('input[name="token"]').fill(TOKEN)
    form.locator('button[type="submit"]').click()
    page.wait_for_url("**/watches/*")
    last = store.article(story["articles"][-1]["id"])
    copy = Article.create(
        last.title,
        last.body + " The agency updated its report in the evening.",
        outlet="Copy Wire",
        language=last.language,
        published=last.published,
    )
    report = ingest.ingest_articles([copy])
    joined = store.story_of(copy.id)
    if joined != story["id"]:
        sys.exit(f"the copy did not join the pictured story ({report}, in {joined})")
    page.reload()
    if not page.locator("#events tr.event").count():
        sys.exit("the watch lists no event")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is absent (make browser)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        engine, store, ingest = build_store(Path(tmp) / "screenshots.db")
        print(f"store built with the default models in {time.perf_counter() - started:.0f} s")
        story = pick_story(store, engine.settings)
        add_sources(store, story)
        print(f"pictured: {story['id']} ({len(story['articles'])} articles) {story['title']}")
        server, url = serve(engine, store)
        try:
            for path in shoot(url, store, ingest, story, args.out):
                print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            server.should_exit = True


if __name__ == "__main__":
    main()
