"""The server's in-memory caches."""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

__all__ = ["LRU", "Flights"]

T = TypeVar("T")


class LRU:
    """A small thread-safe least-recently-used map (the server's answer caches)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.items: OrderedDict[Any, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


class Flights:
    """One run per key at a time on the event loop: who asks for a key while its run is
    in flight awaits that run's result (or error) instead of starting another.

    Every write moves the store's version, so every cached answer misses at once, and
    every reader waiting on a route misses with it. Measured under load
    (bench_concurrency --probe): each of them queued for the cold-build gate and a
    thread (hundreds of ms at p50) only to find there the answer the first had built.
    A run is a task of its own, so a reader who hangs up does not cancel it for the rest.
    """

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runs: dict[Any, asyncio.Future[Any]] = {}

    async def run(self, key: Any, start: Callable[[], Awaitable[T]]) -> T:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # a future belongs to its loop (tests start several)
            self._loop, self._runs = loop, {}
        runs = self._runs
        flight = runs.get(key)
        if flight is None:
            flight = asyncio.ensure_future(start())
            runs[key] = flight
            flight.add_done_callback(lambda done: _landed(runs, key, done))
        return await asyncio.shield(flight)


def _landed(runs: dict[Any, asyncio.Future[Any]], key: Any, done: asyncio.Future[Any]) -> None:
    """A run is over: the next ask starts another. Its error is marked seen (its
    waiters got it, or hung up: there is no one else to tell)."""
    runs.pop(key, None)
    if not done.cancelled():
        done.exception()
