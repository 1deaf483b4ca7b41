"""bench_watch's feeds: a timeline of items served as RSS by loopback hosts, and a store
that polls them (the feeds plus two saved watches). watch_memory.py serves the same."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from _report import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from loopback import Hit, Loopback, http_date

HOSTS = 20


def _texts(n: int) -> list[dict[str, str]]:
    try:
        from _corpus import _texts as real

        texts = real()
    except Exception:
        texts = []
    if not texts:
        rows = (ROOT / "examples" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
        texts = [json.loads(r) for r in rows if r]
    rng = random.Random(7)
    rng.shuffle(texts)
    return [{"title": t["title"], "text": t["text"][:1500]} for t in texts[:n]]


class Timeline:
    """Which items each feed shows at a time: item k of feed i is published at
    start + offset_i + k * item_every, for as long as `minutes` lasts."""

    def __init__(self, feeds: int, minutes: float, item_every: float, stories: int) -> None:
        self.feeds = feeds
        self.item_every = item_every
        self.per_feed = max(1, int(minutes * 60 // item_every))
        self.texts = _texts(stories)
        self.start = 0.0
        self.clock = time.time  # watch_memory.py serves the feeds on a simulated clock

    def offset(self, i: int) -> float:
        return self.item_every * i / self.feeds

    def published(self, i: int, k: int) -> float:
        return self.start + self.offset(i) + k * self.item_every

    def visible(self, i: int, now: float) -> int:
        if now < self.published(i, 0):
            return 0
        return min(self.per_feed, int((now - self.published(i, 0)) // self.item_every) + 1)

    def link(self, i: int, k: int) -> str:
        return f"https://outlet{i}.example/news/{k}"

    def item(self, i: int, k: int) -> str:
        base = self.texts[(k * self.feeds + i) % len(self.texts)]
        # Item k of a feed names itself: the base texts recur (200 feeds x 150 texts
        # repeat every 3 items), and the store rightly keeps one copy of an identical
        # article, which made later items look lost.
        body = f"(Outlet {i}, item {k}) {base['text']}"
        return (
            f"<item><title>{_esc(base['title'])}</title><link>{self.link(i, k)}</link>"
            f"<guid>{self.link(i, k)}</guid><pubDate>{http_date(self.published(i, k))}</pubDate>"
            f"<description>{_esc(body)}</description></item>"
        )

    def route(self, i: int) -> Any:
        def serve(hit: Hit) -> tuple[int, dict[str, str], bytes]:
            n = self.visible(i, self.clock())
            etag = f'"{i}-{n}"'
            headers = {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag}
            if n:
                headers["Last-Modified"] = http_date(self.published(i, n - 1))
            if hit.headers.get("if-none-match") == etag:
                return 304, headers, b""
            # The 20 newest items, as a real feed keeps a window.
            items = "".join(self.item(i, k) for k in range(n - 1, max(-1, n - 21), -1))
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Outlet {i}</title><link>https://outlet{i}.example/</link>"
                f"{items}</channel></rss>"
            )
            return 200, headers, body.encode("utf-8")

        return serve

    def expected(self) -> dict[str, float]:
        return {
            self.link(i, k): self.published(i, k)
            for i in range(self.feeds)
            for k in range(self.per_feed)
        }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def start_servers() -> list[Loopback]:
    return [Loopback().start(host=f"127.0.0.{h + 1}") for h in range(HOSTS)]


def seed_store(db: Path, servers: list[Loopback], timeline: Timeline, every: int) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from samestory.alerts.watch import Watch
    from samestory.store import SQLiteStore
    from samestory.store.sources import SourceTable
    from samestory.store.watches import WatchTable

    store = SQLiteStore(db)
    table = SourceTable(store)
    for i in range(timeline.feeds):
        server = servers[i % HOSTS]
        path = f"/feed{i}.xml"
        server.routes[path] = timeline.route(i)
        table.add(server.url(path), kind="feed", every_s=every, outlet=f"Outlet {i}")
    # Two saved watches, so a crash run must also fire the clean run's alert events.
    watches = WatchTable(store)
    watches.add(Watch(name="every new story", events=("new",)))
    watches.add(Watch(name="grown to 3", grow_to=3, events=("grown",)))
    store.close()
