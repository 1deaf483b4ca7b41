"""POST a watch's events to its webhook: signed, retried with exponential backoff.

Each body carries the event's stable `id` and is signed with HMAC-SHA256 of the
watch's secret (`X-Samestory-Signature: sha256=<hex>`). A delivery is marked done
only after a 2xx answer, so a crash between the answer and the mark sends that one
event again, with the same id: receivers drop an id they have seen (delivery is at
least once on the wire; the event itself exists once). After all tries of one event
fail, the watch's other pending events wait too (its receiver is down) until the
next try is due: a down receiver costs one event's backoff per watch and due time,
not one per event and batch.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..settings import Settings
from ..store.watches import WatchTable
from .feed import SIGNATURE_HEADER, sign, webhook_body

if TYPE_CHECKING:
    from ..store import SQLiteStore

__all__ = ["deliver"]

_log = logging.getLogger(__name__)


def _stamp(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.UTC).isoformat(timespec="seconds")


def deliver(
    store: SQLiteStore,
    settings: Settings,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, int]:
    """Send every due event; returns counts of sent and failed deliveries."""
    import httpx

    table = WatchTable(store)
    counts = {"sent": 0, "failed": 0}
    down: set[int] = set()
    for watch, event in table.due(_stamp(time.time())):
        if watch["id"] in down:
            continue
        body = webhook_body(watch, event, settings.public_url)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "samestory-webhook",
            "X-Samestory-Event": f"{watch['id']}:{event['key']}",
        }
        if watch["secret"]:
            headers[SIGNATURE_HEADER] = sign(watch["secret"], body)
        error = ""
        tries = 0
        for tries in range(1, settings.webhook_attempts + 1):
            error = _post(httpx, watch["webhook"], body, headers, settings.webhook_timeout)
            if not error:
                break
            if tries < settings.webhook_attempts:
                sleep(settings.webhook_backoff * 2 ** (tries - 1))
        if not error:
            table.delivered(event["id"], tries)
            counts["sent"] += 1
            continue
        total = event["attempts"] + tries
        wait = min(settings.webhook_max_wait, settings.webhook_backoff * 2 ** (total - 1))
        table.failed(watch["id"], event["id"], tries, error, _stamp(time.time() + wait))
        _log.warning("webhook of watch %s: %s (next try in %.0fs)", watch["id"], error, wait)
        counts["failed"] += 1
        down.add(watch["id"])
    return counts


def _post(httpx: Any, url: str, body: bytes, headers: dict[str, str], timeout: float) -> str:
    """'' on a 2xx answer, else one line saying what went wrong."""
    try:
        r = httpx.post(url, content=body, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"
    return "" if 200 <= r.status_code < 300 else f"HTTP {r.status_code}"
