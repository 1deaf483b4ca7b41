"""`samestory serve --watch`: the watcher in a background thread of the server.

The watcher writes through its own connection (WAL: the server's readers keep going)
and shares the server's engine, holding the server's engine lock while it ingests, so
an article posted to the API and one polled from a feed are never analysed at once by
the same models. The server's caches follow the store's version, so new stories show
up without a restart.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..store import SQLiteStore
from .watcher import Polled, Watcher

if TYPE_CHECKING:
    from ..serve.service import Service

__all__ = ["json_logging", "log_poll", "start_watcher"]

_log = logging.getLogger(__name__)


def log_poll(p: Polled) -> None:
    """The structured log line of one poll (stderr, one JSON object)."""
    sys.stderr.write(p.to_json() + "\n")
    sys.stderr.flush()


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {
                "event": "log",
                "level": record.levelname.lower(),
                "logger": record.name,
                "message": " ".join(record.getMessage().split()),
            },
            ensure_ascii=False,
        )


def json_logging(level: int = logging.WARNING) -> None:
    """Python logging on stderr as one JSON object a line, like the poll lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def start_watcher(service: Service, *, join_s: float = 30.0) -> Callable[[], None]:
    """Start the watcher on the server's store; returns the function that stops it."""
    if service.store.read_only or service.store.path == ":memory:":
        raise ConfigError("serve --watch needs a store file this server may write")
    stop = threading.Event()

    def run() -> None:
        store = SQLiteStore(service.store.path)
        watcher = Watcher(
            service.engine,
            store,
            service.settings,
            lock=service.engine_lock,
            on_poll=log_poll,
        )
        try:
            watcher.run(stop)
        except Exception:  # a dead watcher must not take the server down silently
            _log.exception("the watcher stopped on an error")
        finally:
            watcher.close()
            store.close()

    thread = threading.Thread(target=run, name="samestory-watch", daemon=True)
    thread.start()

    def halt() -> None:
        stop.set()
        thread.join(join_s)

    return halt
