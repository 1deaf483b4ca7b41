"""`samestory serve` with probes, for bench_concurrency --probe: where a read waits.

Runs the ordinary CLI (`python _serve_probe.py serve --db ... --port ...`) with three
probes added from outside, the server's code unchanged:

- each HTTP request's time inside the server (ASGI: from the request's arrival at the
  app to its last body byte handed to uvicorn), so the load generator's own overhead
  and the kernel's queues can be told apart from the server's;
- the event loop's lag (a task that sleeps 5 ms and records how late it wakes): what a
  cached answer, which is served on the loop, waits for;
- garbage-collection pauses (gc.callbacks), the server's threads stopped meanwhile.

At exit it writes them as JSON to $SAMESTORY_PROBE_OUT.
"""

from __future__ import annotations

import asyncio
import atexit
import gc
import json
import os
import sys
import time
from typing import Any

_requests: list[tuple[str, float, float]] = []
_lag: list[tuple[float, float]] = []
_gc: list[tuple[int, float, float]] = []
_cold: list[tuple[str, float, float, float]] = []
_gc_start = [0.0, 0.0]
_gc_cpu: list[float] = []


def _on_gc(phase: str, info: dict[str, Any]) -> None:
    if phase == "start":
        _gc_start[0] = time.perf_counter()
        _gc_start[1] = time.thread_time()
    else:
        if info.get("generation") == 2:
            _gc_cpu.append(time.thread_time() - _gc_start[1])
        t0 = _gc_start[0]
        _gc.append((int(info.get("generation", -1)), time.perf_counter() - t0, t0))


_beat = [0.0, 0]  # the loop's last heartbeat, the loop thread's id
_stalls: dict[str, int] = {}


def _watchdog() -> None:
    """While the loop is late by over 50 ms, sample what its thread is running (every
    20 ms): the innermost frames of samestory and the libraries it calls."""
    import traceback

    while True:
        time.sleep(0.02)
        if not _beat[1] or time.perf_counter() - _beat[0] < 0.05:
            continue
        frame = sys._current_frames().get(_beat[1])
        if frame is None:
            continue
        stack = traceback.extract_stack(frame)
        ours = [f for f in stack if "samestory" in f.filename]
        where = " < ".join(
            f"{f.filename.rsplit('/', 1)[-1]}:{f.name}" for f in (stack[-1:] + ours[-3:][::-1])
        )
        _stalls[where] = _stalls.get(where, 0) + 1


async def _lag_task() -> None:
    import threading

    _beat[1] = threading.get_ident()
    threading.Thread(target=_watchdog, daemon=True).start()
    while True:
        _beat[0] = t0 = time.perf_counter()
        await asyncio.sleep(0.005)
        _lag.append((time.perf_counter() - t0 - 0.005, t0))


class Timed:
    """ASGI wrapper: the request's time in the app, by route (query dropped)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.lagging = False

    def __getattr__(self, name: str) -> Any:  # app.state and the like
        return getattr(self.app, name)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.lagging:
            self.lagging = True
            loop = asyncio.get_running_loop()
            self._task = loop.create_task(_lag_task())
        t0 = time.perf_counter()
        method = scope.get("method", "")

        async def timed_send(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                _requests.append((f"{method} {scope['path']}", time.perf_counter() - t0, t0))

        await self.app(scope, receive, timed_send)


def _dump() -> None:
    out = os.environ.get("SAMESTORY_PROBE_OUT")
    if out:
        from collections import Counter

        kinds = Counter(type(o).__name__ for o in gc.get_objects())
        heap = {
            "tracked": sum(kinds.values()),
            "frozen": gc.get_freeze_count(),
            "kinds": kinds.most_common(12),
            "full_gc_cpu": _gc_cpu,
            "stalls": sorted(_stalls.items(), key=lambda kv: -kv[1])[:25],
        }
        with open(out, "w", encoding="utf-8") as f:
            json.dump(
                {"requests": _requests, "lag": _lag, "gc": _gc, "cold": _cold, "heap": heap}, f
            )


def _time_cold() -> None:
    """Service.cold timed: how long a cache miss queued for the gate, then ran."""
    from samestory.serve.service import Service

    cold = Service.cold
    run = Service.__dict__["cold"]

    async def timed(self: Any, fn: Any, *args: Any, **options: Any) -> Any:
        t0 = time.perf_counter()
        name = getattr(fn, "__qualname__", repr(fn))
        if args and callable(args[-1]):  # memo(key, build): name the build
            name = getattr(args[-1], "__qualname__", name)
        began = [0.0]

        def marked(*a: Any) -> Any:
            began[0] = time.perf_counter()
            return fn(*a)

        try:
            return await run(self, marked, *args, **options)
        finally:
            end = time.perf_counter()
            _cold.append((name, (began[0] or end) - t0, end - (began[0] or end), t0))

    del cold
    Service.cold = timed  # type: ignore[method-assign]


def main() -> None:
    import samestory.serve.api as api

    make = api.create_app

    def create_app(*args: Any, **kwargs: Any) -> Any:
        return Timed(make(*args, **kwargs))

    api.create_app = create_app  # type: ignore[assignment]
    _time_cold()
    gc.callbacks.append(_on_gc)
    atexit.register(_dump)
    from samestory.cli.app import main as cli

    sys.argv = ["samestory", *sys.argv[1:]]
    cli()


if __name__ == "__main__":
    main()
