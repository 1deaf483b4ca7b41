"""What the watcher does for its memory over a long run: one poll pool, fewer arenas."""

from __future__ import annotations

import threading
import time

import pytest

from loopback import Hit, rss
from samestory.engine import Engine
from samestory.settings import Settings
from samestory.store import SQLiteStore
from samestory.watch import Fetcher, Watcher, add_source
from samestory.watch.watcher import limit_arenas
from watching import T0, server_fixture

# pytest finds the fixture `server` (watching.py) in this module's names.
_FIXTURES = (server_fixture,)


def test_rounds_share_one_pool_of_poll_threads(server) -> None:
    """A watcher polling every second started and ended its threads each round; now the
    rounds reuse at most `watch_concurrency` threads, which `close` ends."""

    def feed(hit: Hit) -> tuple[int, dict[str, str], bytes]:
        time.sleep(0.05)  # several in flight at once: the pool grows to its cap
        return 200, {}, rss("Empty", [])

    settings = Settings(embedder="hashing", scorer_embedder="hashing").with_(
        watch_host_interval_s=0.0, watch_retries=0, watch_concurrency=3
    )
    store = SQLiteStore()
    for i in range(6):
        server.routes[f"/f{i}"] = feed
        add_source(store, server.url(f"/f{i}"), Settings(), every="60s")
    now = [T0]
    watcher = Watcher(
        Engine(settings),
        store,
        settings,
        clock=lambda: now[0],
        fetcher=Fetcher(settings, clock=lambda: now[0]),
        reports=False,
    )
    pollers: set[int] = set()
    real_poll = watcher._poll

    def poll(*args):  # type: ignore[no-untyped-def]
        pollers.add(threading.get_ident())
        return real_poll(*args)

    watcher._poll = poll  # type: ignore[method-assign]
    for _ in range(4):
        assert len(watcher.run_once()) == 6
        now[0] += 60
    assert 1 <= len(pollers) <= 3
    alive = {t.ident for t in threading.enumerate() if t.name.startswith("samestory-poll")}
    assert pollers <= alive
    watcher.close()
    alive = {t.ident for t in threading.enumerate() if t.name.startswith("samestory-poll")}
    assert not pollers & alive


def test_limit_arenas_sets_the_cap_on_glibc_and_zero_changes_nothing() -> None:
    import platform

    assert limit_arenas(0) is False
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt(M_ARENA_MAX) is glibc's")
    assert limit_arenas(Settings().watch_malloc_arenas) is True
