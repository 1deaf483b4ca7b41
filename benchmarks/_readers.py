"""bench_concurrency's reading clients, in a process of their own, on one asyncio loop.

    python _readers.py BASE_URL SECONDS READERS PATHS_JSON OUT_JSON [--rate R] [--seed S]

Each reader holds one keep-alive HTTP/1.1 connection and issues GETs on it, one at a
time. Closed loop (default): the next request leaves when the answer to the last one
is in. Paced (--rate R): each reader starts its requests at random times, R a second
on average (exponential gaps, like a person clicking through the web UI), and a
request's latency counts from when it was due, so a reader held up by a slow answer
is charged for the wait (no coordinated omission).

Why not 50 threads of httpx in the benchmark's own process (what bench_concurrency
did before, kept as --client threads): measured there, that client spent about 1 ms of
CPU a request in httpx and its 50 threads queued for one GIL, on the same 2 cores as
the server; the time a thread waited for the GIL after its answer arrived counted as
the server's latency. A bare HTTP/1.1 client on one event loop costs a fraction of
that, and all of it is in this process, apart from the server's.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from typing import Any
from urllib.parse import urlsplit


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return status, bytes(body)
            body += chunk[:-2]
    return status, b""


async def _reader(
    n: int, host: str, port: int, paths: list[str], stop: float, rate: float, out: list[Any]
) -> None:
    rng = random.Random(n)
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    due = time.perf_counter() + (rng.expovariate(rate) if rate else 0.0)
    k = 0
    while time.monotonic() < stop:
        if rate:
            wait = due - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
        path = rng.choice(paths)
        rid = f"r{n}-{k}"
        k += 1
        t0 = due if rate else time.perf_counter()
        locked = stale = False
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nx-probe: {rid}\r\n\r\n"
        try:
            for retry in (True, False):
                reused = conn is not None
                if conn is None:
                    conn = await asyncio.open_connection(host, port)
                try:
                    conn[1].write(request.encode("latin-1"))
                    status, body = await asyncio.wait_for(_response(conn[0]), 60)
                    break
                except (asyncio.IncompleteReadError, ConnectionError) as e:
                    # The server closes a keep-alive connection idle for 5 s (uvicorn's
                    # timeout_keep_alive; a paced reader's gap can be longer): as
                    # browsers and httpx do, send again, once, on a new connection.
                    conn[1].close()
                    conn = None
                    partial = getattr(e, "partial", b"")
                    if not (retry and reused and not partial):
                        raise
            locked = b"database is locked" in body
            # A story's last report, served while its rebuild runs (serve/story_reports.py).
            stale = b'"report_state": {"fresh": false' in body
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
            status = 0
            path = f"{path} {type(e).__name__}"
            if conn is not None:
                conn[1].close()
            conn = None
        took = time.perf_counter() - t0
        out.append((t0, took, path, rid, status, locked, stale))
        if rate:
            due += rng.expovariate(rate)
    if conn is not None:
        conn[1].close()


async def _run(base: str, seconds: float, readers: int, paths: list[str], rate: float) -> Any:
    url = urlsplit(base)
    host, port = url.hostname or "127.0.0.1", int(url.port or 80)
    out: list[Any] = []
    stop = time.monotonic() + seconds
    await asyncio.gather(*(_reader(n, host, port, paths, stop, rate, out) for n in range(readers)))
    return out


def main() -> None:
    base, seconds, readers, paths_json, out_json, *rest = sys.argv[1:]
    rate = float(rest[rest.index("--rate") + 1]) if "--rate" in rest else 0.0
    paths = json.loads(paths_json)
    started = time.perf_counter()
    rows = asyncio.run(_run(base, float(seconds), int(readers), paths, rate))
    cpu = time.process_time()
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"rows": [(t - started, *row) for t, *row in rows], "cpu_s": cpu}, f)


if __name__ == "__main__":
    main()
