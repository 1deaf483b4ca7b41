"""The server's write worker (serve/analyser.py) queues the report builds of changed
stories behind the batches still waiting, and builds each stale story once."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

from samestory.serve.analyser import WriterProcess, _refresh
from samestory.settings import Settings


class _Pool:
    """Records what is submitted; every future is already done."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, tuple[Any, ...]]] = []

    def submit(self, fn: Any, *args: Any) -> Future[int]:
        self.calls.append((fn, args))
        done: Future[int] = Future()
        done.set_result(0)
        return done


def test_reports_wait_for_the_batches_in_the_queue() -> None:
    writer = WriterProcess(Settings(), "unused.db")
    pool = _Pool()
    writer._waiting = 2  # two more batches submitted, not answered yet
    writer._refresh_later(pool, {"s1", "s2"})  # type: ignore[arg-type]
    writer._waiting = 1
    writer._refresh_later(pool, {"s2", "s3"})  # type: ignore[arg-type]
    assert pool.calls == []  # batches first
    writer._waiting = 0
    writer._refresh_later(pool, {"s4"})  # type: ignore[arg-type]
    assert pool.calls == [(_refresh, (["s1", "s2", "s3", "s4"],))]  # each story once
    writer._refresh_later(pool, set())  # type: ignore[arg-type]
    assert len(pool.calls) == 1  # nothing stale: nothing submitted


def test_stale_reads_ask_for_rebuilds_behind_the_batches_not_after_the_queue() -> None:
    """WriterProcess.refresh (readers served a stale report): submitted at once even
    with batches waiting, any size of story; asks while one is queued join the next."""
    writer = WriterProcess(Settings(), "unused.db")
    pool = _Pool()
    writer._pool = pool  # type: ignore[assignment]
    writer._waiting = 3
    writer._asking = True  # one already queued
    writer.refresh(["s1"])
    writer.refresh(["s2", "s1"])
    assert pool.calls == []
    writer._asking = False
    writer.refresh(["s3"])
    assert pool.calls[0] == (_refresh, (["s1", "s2", "s3"], 1))
    assert writer._asking is False  # the pool's future was done already
