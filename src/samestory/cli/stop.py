"""A clean stop on SIGTERM: the work in hand finishes, then the command exits 0.

The first SIGTERM only sets a flag that long loops poll between batches (an ingest
commits the batch it is on, then stops); a second one gets the default behaviour, an
immediate exit, which the store survives too (one transaction per batch).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["StopFlag", "on_sigterm"]


class StopFlag:
    """Whether a stop was asked for, and by which signal."""

    def __init__(self) -> None:
        self.signal: str | None = None

    def __call__(self) -> bool:
        return self.signal is not None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        self.signal = signal.Signals(signum).name
        signal.signal(signum, signal.SIG_DFL)  # a second one stops at once


@contextmanager
def on_sigterm() -> Iterator[StopFlag]:
    """Catch SIGTERM while the block runs (only the main thread can)."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return
    previous = signal.signal(signal.SIGTERM, flag.handle)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGTERM, previous)
