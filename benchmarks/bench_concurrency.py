"""One SQLite store under concurrent use (issue 18, item 3).

`samestory serve` on loopback (hashing embedder: no model load) with 50 reading clients
(story list, article list, search, the web UI's front page, a story page) and 5 writing
clients (POST /api/articles, batches of 1-3 new articles, some also sent by another writer
or by the command line), while one `samestory ingest` of a generated JSON Lines file
writes to the same file. Counted: errors (any read that is not 200, any write that is not
2xx, "database is locked" anywhere, the CLI's exit status), read latency percentiles,
and whether every article sent is stored exactly once (by canonical URL).

The readers run on one asyncio loop in a process of their own (_readers.py; --client
threads: 50 httpx threads in this process, as before session 14, whose own CPU and GIL
queue counted as read latency). The closed loop is the issue's load and its figure is
the one reported; --rate R adds a paced mode (each reader R requests a second, like a
person using the web UI), always labelled as such, never in place of the closed loop.
--probe runs the server through _serve_probe.py: its own time per request, its event
loop's lag and its GC pauses (and, in the probe's JSON, what the loop ran while late).

    python benchmarks/bench_concurrency.py --seconds 60
    python benchmarks/bench_concurrency.py --seconds 60 --probe --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from _concurrency_section import section
from _report import ROOT, write_section

CORPUS = [json.loads(x) for x in (ROOT / "examples" / "corpus.jsonl").read_text().splitlines()]
TOKEN = "bench-token"


def _article(tag: str, i: int) -> dict[str, Any]:
    base = CORPUS[i % len(CORPUS)]
    return {
        "title": f"{base['title']} ({tag} {i})",
        "text": f"{tag} {i}. {base['text'][:1200]}",
        "outlet": base.get("outlet") or "bench",
        "language": base.get("language"),
        "published": base.get("published"),
        "url": f"https://{tag}.bench.example/{i}",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SAMESTORY_EMBEDDER="hashing",
        SAMESTORY_SCORER_EMBEDDER="hashing",
        SAMESTORY_API_TOKEN=TOKEN,
        PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{env.get('PYTHONPATH', '')}",
    )
    return env


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--readers", type=int, default=50)
    p.add_argument("--writers", type=int, default=5)
    p.add_argument("--cli-articles", type=int, default=120)
    p.add_argument("--no-write", action="store_true")
    p.add_argument(
        "--trace",
        type=Path,
        metavar="FILE",
        help="write every request (start, seconds, path, probe id, status) as JSON Lines "
        "(each carries an x-probe header with its id, to match a server-side probe); the "
        "server's stderr goes beside it (FILE with the suffix .server.log)",
    )
    p.add_argument(
        "--client",
        choices=["asyncio", "threads"],
        default="asyncio",
        help="the reading clients: one asyncio loop in a process of its own (_readers.py), "
        "or --readers threads of httpx in this process (the client before session 14)",
    )
    p.add_argument(
        "--rate",
        type=float,
        default=0.0,
        metavar="R",
        help="paced mode: each reader sends R requests a second on average (random gaps), "
        "latency counted from when each was due; 0 (default): closed loop, the next "
        "request as soon as the last answer is in (asyncio client only)",
    )
    p.add_argument(
        "--probe",
        action="store_true",
        help="run the server through _serve_probe.py: its own time per request, its event "
        "loop's lag and its GC pauses go in the section",
    )
    args = p.parse_args()
    if args.rate and args.client != "asyncio":
        p.error("--rate needs --client asyncio")
    tmp = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    db = tmp / "store.db"
    env = _env()
    py = [sys.executable, "-m", "samestory"]
    seed = subprocess.run(
        [*py, "ingest", str(ROOT / "examples" / "corpus.jsonl"), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
    )
    if seed.returncode:
        print(seed.stderr, file=sys.stderr)
        return 1
    port = _free_port()
    probe_out = tmp / "probe.json"
    serve_env = dict(env, SAMESTORY_PROBE_OUT=str(probe_out))
    serve_py = [sys.executable, str(Path(__file__).with_name("_serve_probe.py"))]
    server = subprocess.Popen(
        [*(serve_py if args.probe else py), "serve", "--db", str(db), "--port", str(port)],
        env=serve_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(base)
        # One write per language first: the server loads each language's analysis
        # models on its first article; the load is about concurrency, not model loading.
        firsts = {r.get("language"): i for i, r in reversed(list(enumerate(CORPUS)))}
        httpx.post(
            f"{base}/api/articles",
            json=[_article("warmup", i) for i in sorted(firsts.values())],
            timeout=600,
            headers={"Authorization": f"Bearer {TOKEN}"},
        ).raise_for_status()
        load_before = os.getloadavg()[0]
        result = _load(base, db, tmp, py, env, args)
        result["load"] = (load_before, os.getloadavg()[0])
    finally:
        server.terminate()
        _, server_err = server.communicate(timeout=60)
    if args.trace:
        args.trace.with_suffix(".server.log").write_text(server_err, encoding="utf-8")
    if args.probe and probe_out.is_file():
        result["probe"] = json.loads(probe_out.read_text(encoding="utf-8"))
    result["server_locked"] = server_err.count("database is locked")
    result["server_tracebacks"] = server_err.count("Traceback")
    result.update(_stored(db, result["sent"]))
    body = section(result, args)
    print(body)
    if not args.no_write:
        # The paced mode has a section of its own: it never replaces the closed loop's.
        write_section("concurrency-paced" if args.rate else "concurrency", body)
    ok = (
        not result["read_errors"]
        and not result["write_errors"]
        and result["cli_rc"] == 0
        and not result["locked"] + result["server_locked"]
        and result["doubled"] == 0
        and result["missing"] == 0
    )
    return 0 if ok else 1


def _wait_up(base: str) -> None:
    for _ in range(600):
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def _load(
    base: str, db: Path, tmp: Path, py: list[str], env: dict[str, str], args: Any
) -> dict[str, Any]:
    shared = [_article("shared", i) for i in range(40)]  # sent twice: by the CLI and a writer
    cli_file = tmp / "cli.jsonl"
    cli_rows = [_article("cli", i) for i in range(args.cli_articles)] + shared[:20]
    cli_file.write_text("\n".join(json.dumps(r) for r in cli_rows), encoding="utf-8")
    stop = time.monotonic() + args.seconds
    lock = threading.Lock()
    reads: list[float] = []
    writes: list[float] = []
    by_route: dict[str, list[float]] = {}
    trace: list[tuple[float, float, str, str, int]] = []
    started = time.perf_counter()
    read_errors: Counter[str] = Counter()
    write_errors: Counter[str] = Counter()
    sent: list[str] = [r["url"] for r in cli_rows]
    locked = [0]
    stale = [0]  # story reads answered with a stale report (asyncio client only)
    story_ids = [s["id"] for s in httpx.get(f"{base}/api/stories?limit=20").json()["stories"]]
    paths = [
        "/api/stories",
        "/api/articles?limit=20",
        "/api/search?q=Valencia",
        "/",
        "/api/health",
    ] + [f"/api/stories/{s}" for s in story_ids[:3]]

    def reader(n: int) -> None:
        rng = random.Random(n)
        with httpx.Client(base_url=base, timeout=60) as c:
            while time.monotonic() < stop:
                path = rng.choice(paths)
                rid = f"r{n}-{len(trace)}-{rng.random():.6f}"
                t0 = time.perf_counter()
                try:
                    r = c.get(path, headers={"x-probe": rid})
                    status, text = r.status_code, r.text
                except httpx.HTTPError as e:
                    status, text = 0, type(e).__name__
                took = time.perf_counter() - t0
                with lock:
                    reads.append(took)
                    by_route.setdefault(_route(path), []).append(took)
                    trace.append((t0 - started, took, path, rid, status))
                    if status != 200:
                        read_errors[f"{path.split('?')[0]} {status}"] += 1
                    locked[0] += "database is locked" in text

    def writer(n: int) -> None:
        rng = random.Random(100 + n)
        i = 0
        with httpx.Client(
            base_url=base, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}
        ) as c:
            while time.monotonic() < stop:
                batch = [_article(f"w{n}", i + k) for k in range(rng.randint(1, 3))]
                i += len(batch)
                if rng.random() < 0.3:
                    batch.append(rng.choice(shared))
                rid = f"w{n}-{i}"
                t0 = time.perf_counter()
                try:
                    r = c.post("/api/articles", json=batch, headers={"x-probe": rid})
                    status, text = r.status_code, r.text
                except httpx.HTTPError as e:
                    status, text = 0, type(e).__name__
                took = time.perf_counter() - t0
                with lock:
                    writes.append(took)
                    trace.append((t0 - started, took, "POST /api/articles", rid, status))
                    if 200 <= status < 300:
                        sent.extend(a["url"] for a in batch)
                    else:
                        write_errors[f"{status} {text[:120]}"] += 1
                    locked[0] += "database is locked" in text

    cli = subprocess.Popen(
        [*py, "ingest", str(cli_file), "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    readers_out = tmp / "readers.json"
    client = None
    cpu0 = time.process_time()
    if args.client == "asyncio":
        client = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("_readers.py")),
                base,
                str(args.seconds),
                str(args.readers),
                json.dumps(paths),
                str(readers_out),
                *(["--rate", str(args.rate)] if args.rate else []),
            ]
        )
        threads = []
    else:
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(i,)) for i in range(args.writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    client_cpu = time.process_time() - cpu0  # threads: readers and writers; else writers
    if client is not None:
        client.wait(timeout=600)
        got = json.loads(readers_out.read_text(encoding="utf-8"))
        client_cpu += got["cpu_s"]
        for t0, took, path, rid, status, was_locked, was_stale in got["rows"]:
            stale[0] += was_stale
            reads.append(took)
            by_route.setdefault(_route(path.split(" ")[0]), []).append(took)
            trace.append((t0, took, path, rid, status))
            if status != 200:
                read_errors[f"{path.split('?')[0]} {status}"] += 1
            locked[0] += was_locked
    cli_out, cli_err = cli.communicate(timeout=1800)
    cli_done = time.perf_counter() - started
    if args.trace:
        with args.trace.open("w", encoding="utf-8") as f:
            for row in sorted(trace):
                f.write(json.dumps(row) + "\n")
    return {
        "by_route": {k: sorted(v) for k, v in sorted(by_route.items())},
        "cli_seconds": cli_done,
        "reads": sorted(reads),
        "writes": sorted(writes),
        "read_errors": read_errors,
        "write_errors": write_errors,
        "locked": locked[0] + cli_err.count("database is locked"),
        "cli_rc": cli.returncode,
        "cli_tail": (cli_out + cli_err).strip().splitlines()[-3:],
        "sent": sent,
        "client_cpu": client_cpu,
        "stale": stale[0] if client is not None else None,
    }


def _route(path: str) -> str:
    """A read's route: the path without its query, story ids folded."""
    path = path.split("?")[0]
    return "/api/stories/{id}" if path.startswith("/api/stories/") else path


def _stored(db: Path, sent: list[str]) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    counts = Counter(r[0] for r in conn.execute("SELECT url FROM articles"))
    wanted = set(sent)
    return {
        "articles": sum(counts.values()),
        "distinct_sent": len(wanted),
        "missing": sum(1 for u in wanted if counts[u] == 0),
        "doubled": sum(1 for u in wanted if counts[u] > 1),
    }


if __name__ == "__main__":
    sys.exit(main())
