"""The web server under load: 50 concurrent clients reading stories over a 10k store.

The store is built once from `real_articles(2 * n)` (SemEval-2022 Task 8 train and ECB+
dev texts, then re-published copies; copies that come out identical are skipped as
duplicates, hence the 2x) with the `hashing` embedder, which keeps the build to minutes
on 2 cores, and cached under /tmp/samestory-bench/. Every story's report is then built
and stored by `samestory reports --all --force` (timed: build time, not part of the
load; reports of stories over report_max_articles are built on a subset and say so).
The server is `samestory serve` (uvicorn, one process) on a free loopback port, started
cold: no warm-up, its in-memory caches empty, every report read from the store's
`reports` table on first request. The load is `wrk` (Debian's package: `make
bench-tools`), or, without it, asyncio tasks sharing one httpx.AsyncClient; each
request is drawn at random from the story list page (HTML), the story list (JSON), a
story page (HTML) and a story (JSON), the stories drawn from ALL the stories of the
store. After the load, the `reports` table is compared with its state before: a row
rebuilt by the server would mean a report did not come from the table.

Targets: 0 errors, p99 < 200 ms. Exits 1 when missed.

    python benchmarks/bench_serve.py [--n 10000] [--clients 50] [--seconds 30]
    python benchmarks/bench_serve.py --build-only      # just (re)build the cached store
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx

from _corpus import real_articles
from _report import ROOT, write_section
from _stats import percentile

CACHE = Path("/tmp/samestory-bench")
WRK_HINT = "wrk is not installed: `make bench-tools` (Debian's wrk), or apt-get install wrk"


def _stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def build_store(n: int) -> Path:
    """The cached store of at least n articles, built (or topped up: ingest resumes and
    skips what is stored) by `samestory ingest` on first use."""
    db = CACHE / f"serve-{n}.db"
    if db.is_file() and _stored(db) >= n:
        return db
    CACHE.mkdir(parents=True, exist_ok=True)
    # Many records are not new articles (no usable text, or a re-published copy that
    # dropped the same sentence as an earlier one: same content hash), more so as the
    # copies multiply: 2n records give n distinct articles with a margin.
    corpus = real_articles(n * 2)
    if corpus is None:
        sys.exit("bench_serve: ../shared/data is not available")
    env = {**os.environ, "SAMESTORY_EMBEDDER": "hashing"}
    started = time.perf_counter()
    subprocess.run(
        [
            str(Path(sys.executable).parent / "samestory"),
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "-q",
            "--no-reports",  # built and timed below, by `samestory reports`
        ],
        check=True,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    print(f"built {_stored(db)}-article store in {time.perf_counter() - started:.0f} s")
    if _stored(db) < n:
        sys.exit(f"bench_serve: only {_stored(db)} distinct articles; raise the margin")
    return db


def build_reports(db: Path) -> dict[str, object]:
    """Every story's report built and stored by the project's own command (timed)."""
    env = {**os.environ, "SAMESTORY_EMBEDDER": "hashing"}
    cmd = [str(Path(sys.executable).parent / "samestory"), "reports", "--db", str(db)]
    started = time.perf_counter()
    out = subprocess.run(
        [*cmd, "--all", "--force", "--json"], check=True, env=env, capture_output=True, text=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    result["wall"] = time.perf_counter() - started
    return result


def _report_rows(db: Path) -> dict[str, tuple[str, str, int, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT story_id, fingerprint, built_at, articles, covered FROM reports"
        ).fetchall()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def _all_stories(db: Path) -> list[tuple[str, int]]:
    """Every live story (id, size), read from the file so the server starts cold."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT id, size FROM stories WHERE merged_into IS NULL AND size > 0 ORDER BY id"
        ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SAMESTORY_EMBEDDER": "hashing"}
    cmd = [str(Path(sys.executable).parent / "samestory"), "serve", "--db", str(db)]
    proc = subprocess.Popen(
        [*cmd, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    sys.exit("bench_serve: the server did not come up in 120 s")


async def _client(
    http: httpx.AsyncClient,
    ids: list[str],
    stop: float,
    seed: int,
    latencies: dict[str, list[float]],
    errors: list[str],
) -> None:
    rng = random.Random(seed)
    while time.monotonic() < stop:
        sid = rng.choice(ids)
        for kind, path in (
            ("list html", "/"),
            ("list json", "/api/stories?limit=50"),
            ("story html", f"/stories/{sid}"),
            ("story json", f"/api/stories/{sid}"),
        ):
            t0 = time.perf_counter()
            try:
                r = await http.get(path)
                await r.aread()
                if r.status_code != 200:
                    errors.append(f"{path}: HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            latencies[kind].append(time.perf_counter() - t0)


async def _load(port: int, ids: list[str], clients: int, seconds: float) -> tuple[dict, list]:
    latencies: dict[str, list[float]] = {
        k: [] for k in ("list html", "list json", "story html", "story json")
    }
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30
    ) as http:
        stop = time.monotonic() + seconds
        await asyncio.gather(
            *(_client(http, ids, stop, i, latencies, errors) for i in range(clients))
        )
    return latencies, errors


_WRK_SCRIPT = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%.3f\\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def _wrk(port: int, ids: list[str], clients: int, seconds: float) -> dict[str, float]:
    """Closed-loop load with wrk (C, so the client leaves the cores to the server):
    one connection per client, requests drawn at random from the same four kinds."""
    paths = [p for sid in ids for p in _paths(sid)]
    lua = _WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths)
    script = CACHE / "bench_serve.lua"
    script.write_text(lua, encoding="utf-8")
    out = subprocess.run(
        [*_wrk_args(clients, seconds), "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    n, errors, p50, p95, p99, top = line.split()[1:]
    return {
        "requests": int(n),
        "errors": int(errors),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "max": float(top),
    }


def _wrk_args(clients: int, seconds: float) -> list[str]:
    return ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s"]


def _paths(sid: str) -> list[str]:
    return ["/", "/api/stories?limit=50", f"/stories/{sid}", f"/api/stories/{sid}"]


def _pct(values: list[float], q: float) -> float:
    return percentile(values, q) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument(
        "--tool", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx"
    )
    args = parser.parse_args()
    if args.tool == "wrk" and not shutil.which("wrk"):
        sys.exit(f"bench_serve: {WRK_HINT}")
    if args.tool == "httpx":
        print(f"bench_serve: {WRK_HINT}; measuring with httpx clients instead", file=sys.stderr)
    db = build_store(args.n)
    if args.build_only:
        return
    built = build_reports(db)
    before = _report_rows(db)
    stories = _all_stories(db)
    ids = [sid for sid, _ in stories]
    sizes = sorted(size for _, size in stories)
    capped = sorted(r[2] for r in before.values() if r[3] < r[2])
    max_articles = max((r[3] for r in before.values()), default=0)
    port = _free_port()
    server = _start_server(db, port)
    try:
        counts = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=60).json()["counts"]
        load_before = os.getloadavg()[0]
        if args.tool == "wrk":
            result = _wrk(port, ids, args.clients, args.seconds)
        else:
            latencies, errors = asyncio.run(_load(port, ids, args.clients, args.seconds))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    after = _report_rows(db)
    rebuilt = sum(1 for k, v in after.items() if before.get(k) != v)
    if args.tool == "wrk":
        version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
        tool = (
            f"`wrk` {version[1] if len(version) > 1 else ''} "
            f"(`{' '.join(_wrk_args(args.clients, args.seconds))}` with a Lua script drawing "
            f"each request at random): {args.clients} keep-alive connections, one request in "
            "flight each, each request drawn from the story list page, `/api/stories`, a story "
            "page and `/api/stories/{id}`"
        )
        n_errors, total, p99 = int(result["errors"]), int(result["requests"]), result["p99"]
        table = (
            "| requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n"
            f"| {total} | {result['p50']:.1f} | {result['p95']:.1f} | {p99:.1f} "
            f"| {result['max']:.1f} |"
        )
        errors = [f"{n_errors} wrk errors (connect/read/write/status/timeout)"] if n_errors else []
    else:
        tool = (
            f"{args.clients} asyncio clients on one `httpx.AsyncClient` (keep-alive, one "
            "request in flight each), each looping over the story list page, `/api/stories`, "
            "a story page and `/api/stories/{id}`"
        )
        everything = [x for v in latencies.values() for x in v]
        total, p99 = len(everything), _pct(everything, 0.99)
        rows = "\n".join(
            f"| {k} | {len(v)} | {_pct(v, 0.5):.1f} | {_pct(v, 0.95):.1f} | {_pct(v, 0.99):.1f} |"
            for k, v in latencies.items()
        )
        table = (
            f"| request | count | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n{rows}\n"
            f"| **all** | {total} | {_pct(everything, 0.5):.1f} | "
            f"{_pct(everything, 0.95):.1f} | {p99:.1f} |"
        )
    if rebuilt:
        errors.append(f"{rebuilt} reports were rebuilt by the server during the load")
    ok = not errors and p99 < 200
    slowest = built["slowest"]
    assert isinstance(slowest, dict)
    text = (
        f"Store: {counts['articles']} articles in {counts['stories']} stories (sizes 1 to "
        f"{sizes[-1]}; {sum(1 for x in sizes if x > 100)} of more than 100 articles): the "
        f"distinct articles among `real_articles({2 * args.n})` from `benchmarks/_corpus.py`, "
        "ingested with `SAMESTORY_EMBEDDER=hashing` to keep the build to minutes (the fake "
        "embedder clusters coarsely: few, big stories), cached under /tmp/samestory-bench/. "
        f"Reports: all {built['built']} built and stored by `samestory reports --all --force` "
        f"in {built['wall']:.0f} s (build time, not part of the load; slowest "
        f"{slowest['seconds']:.1f} s, the {slowest['articles']}-article story); the "
        f"{len(capped)} stories over report_max_articles ({max_articles}) have reports built "
        f"on {max_articles} of their articles (sizes {capped}), which say so. Server: "
        "`samestory serve` (uvicorn 0.54 with its pure-Python h11 HTTP parser, one process) "
        f"on loopback, started cold (no warm-up). Load tool: {tool}, for {args.seconds:.0f} s; "
        f"the stories are drawn from all {len(ids)} stories of the store, none left out. "
        f"Reports rebuilt by the server during the load: {rebuilt} (every report came from "
        "the `reports` table). Client and server share the machine's cores (1-minute load "
        f"average just before the run: {load_before:.1f}, other work included)."
    )
    body = (
        "## Serving under load (`benchmarks/bench_serve.py`)\n\n"
        + textwrap.fill(text, 92, break_on_hyphens=False)
        + f"\n\n{table}\n\nThroughput {total / args.seconds:.0f} requests/s; "
        f"errors: {len(errors) if args.tool == 'httpx' else int(result['errors'])}.\n\n"
        f"Targets: 0 errors, p99 < 200 ms: **{'met' if ok else 'missed'}**.\n"
    )
    write_section("serve", body)
    print(body)
    if errors:
        print("\n".join(errors[:20]), file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "benchmarks"))
    main()
