"""Test helper for test_watch*.py: the fixtures `engine` (model-free) and `server` (a
loopback HTTP server), which a test module imports, a fake clock (nothing waits real
minutes), feed items, and a watcher that polls at once (no host interval, no retries)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from loopback import Loopback
from samestory.engine import Engine
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.watch import Fetcher, Watcher, add_source

T0 = 1_800_000_000.0


# Named apart from the fixtures they make, so a test's `engine` or `server` argument
# does not shadow an imported name.
@pytest.fixture(name="engine", scope="module")
def engine_fixture() -> Engine:
    return Engine(Settings(embedder="hashing", scorer_embedder="hashing"))


@pytest.fixture(name="server")
def server_fixture() -> Iterator[Loopback]:
    s = Loopback().start()
    yield s
    s.stop()


class Clock:
    def __init__(self) -> None:
        self.now = T0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def feed_item(i: int, topic: str = "harbour") -> dict[str, str]:
    return {
        "title": f"Report {i} on the {topic} works in Lisbon",
        "link": f"https://news.example/{topic}/{i}",
        "description": f"Story number {i}: the city council of Lisbon approved {i * 7} million "
        f"euros for the {topic} works on Tuesday, the mayor said in a statement.",
    }


def make_watcher(engine: Engine, store: SQLiteStore, clock: Clock, **settings: Any) -> Watcher:
    base = {"watch_host_interval_s": 0.0, "watch_retries": 0, "watch_timeout_s": 5.0}
    s = engine.settings.with_(**{**base, **settings})
    fetcher = Fetcher(s, clock=clock, sleep=clock.sleep)
    return Watcher(engine, store, s, clock=clock, fetcher=fetcher, reports=False)


def add(store: SQLiteStore, url: str, **kw: Any) -> int:
    """The id of a new source (polled every minute unless `every` says otherwise)."""
    return add_source(store, url, Settings(), every=kw.pop("every", "60s"), **kw).id
