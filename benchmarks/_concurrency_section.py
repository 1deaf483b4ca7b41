"""bench_concurrency's section of BENCHMARKS.md: the table, from a run's result."""

from __future__ import annotations

import os
from typing import Any

from _stats import percentile

__all__ = ["section"]


def _probe_rows(probe: dict[str, Any] | None) -> list[str]:
    """The server's side (--probe): its own time per GET, its loop's lag, GC pauses."""
    if not probe:
        return []
    gets = sorted(t for route, t, _ in probe["requests"] if route.startswith("GET "))
    lag = sorted(t for t, _ in probe["lag"])
    first = min((t0 for _, _, t0 in probe["requests"]), default=0.0)  # warm-up's left out
    serving = [(g, t) for g, t, t0 in probe["gc"] if t0 >= first]
    pauses = sorted(t for _, t in serving)
    full = [t for g, t in serving if g == 2]
    return [
        f"| server's own time per GET p50 / p99 / max (ms) | {_pct(gets, 0.5):.0f} / "
        f"{_pct(gets, 0.99):.0f} / {1000 * max(gets, default=0):.0f} |",
        f"| server's event-loop lag p50 / p99 / max (ms) | {_pct(lag, 0.5):.0f} / "
        f"{_pct(lag, 0.99):.0f} / {1000 * max(lag, default=0):.0f} |",
        f"| server's GC pauses serving: count / total / max (ms); full ones | {len(pauses)} / "
        f"{1000 * sum(pauses):.0f} / {1000 * max(pauses, default=0):.0f}; {len(full)} |",
    ]


def _stale_row(r: dict[str, Any]) -> list[str]:
    """Story reads answered with the story's last report while a newer one was built."""
    details = len(r["by_route"].get("/api/stories/{id}", []))
    if r.get("stale") is None or not details:
        return []
    share = 100 * r["stale"] / details
    return [
        f"| /api/stories/{{id}} answered with a stale report (rebuild under way) | "
        f"{r['stale']:,} of {details:,} ({share:.0f}%) |"
    ]


def _busy(r: dict[str, Any]) -> list[str]:
    """Latencies measured while other jobs held the cores are labelled as such."""
    cores = os.cpu_count() or 1
    if r["load"][0] <= 1.0:
        return []
    return [
        "",
        f"**Busy machine**: the 1-minute load average was {r['load'][0]:.1f} on {cores} "
        "cores before this run's load started (other jobs): its latencies are not the "
        "server's on an idle machine.",
    ]


def _pct(xs: list[float], q: float) -> float:
    return 1000 * percentile(xs, q)


def section(r: dict[str, Any], args: Any) -> str:
    reads, writes = r["reads"], r["writes"]
    errors = sum(r["read_errors"].values()) + sum(r["write_errors"].values())
    if args.rate:
        mode = (
            f"**Paced mode, not the issue's closed-loop load**: each reader sends {args.rate:g} "
            "requests a second on average (random gaps, like a person using the web UI), a "
            "read's latency counted from when it was due."
        )
    else:
        mode = (
            "Closed loop (the issue's load): each reader sends its next request as soon as "
            "the answer to its last one is in."
        )
    client = (
        "one asyncio loop in a process of its own (benchmarks/_readers.py, one keep-alive "
        "connection per reader)"
        if args.client == "asyncio"
        else f"{args.readers} httpx threads in the benchmark's process"
    )
    lines = [
        "## One store, concurrent readers and writers"
        + (
            f", paced (bench_concurrency --rate {args.rate:g})"
            if args.rate
            else " (bench_concurrency)"
        ),
        "",
        f"{args.readers} reading clients, {args.writers} writing clients and one `samestory "
        f"ingest` of {args.cli_articles + 20} articles, for {args.seconds:.0f} s on loopback "
        "against one SQLite file (server: `samestory serve`, hashing embedder). "
        f"{mode} Readers: {client}. The load "
        "generator, the server and the CLI share the machine's cores; 1-minute load average "
        f"{r['load'][0]:.1f} before the load and {r['load'][1]:.1f} at its end (the run's own "
        f"processes included; {os.cpu_count()} cores).",
        *_busy(r),
        "",
        "| measure | value |",
        "|---|---:|",
        f"| reads | {len(reads):,} |",
        f"| read latency p50 / p99 / max (ms) | {_pct(reads, 0.5):.0f} / {_pct(reads, 0.99):.0f} "
        f"/ {1000 * max(reads, default=0):.0f} |",
        *(
            f"| {route} p50 / p99 (ms) | {_pct(xs, 0.5):.0f} / {_pct(xs, 0.99):.0f} |"
            for route, xs in r["by_route"].items()
        ),
        *_stale_row(r),
        *_probe_rows(r.get("probe")),
        f"| load generator CPU (s) | {r['client_cpu']:.0f} |",
        f"| write requests | {len(writes):,} |",
        f"| write latency p50 / p99 (ms) | {_pct(writes, 0.5):.0f} / {_pct(writes, 0.99):.0f} |",
        f"| errors (reads + writes) | {errors} |",
        f'| "database is locked" (clients, CLI, server log) | {r["locked"] + r["server_locked"]} |',
        f"| server tracebacks | {r['server_tracebacks']} |",
        f"| CLI ingest exit status / seconds | {r['cli_rc']} / {r['cli_seconds']:.0f} |",
        f"| distinct articles sent / stored in all | {r['distinct_sent']:,} / {r['articles']:,} |",
        f"| sent but missing / stored twice | {r['missing']} / {r['doubled']} |",
    ]
    if errors:
        lines += [
            "",
            "Errors: "
            + ", ".join(
                f"{k}: {v}" for k, v in (r["read_errors"] + r["write_errors"]).most_common(5)
            ),
        ]
    lines += ["", "CLI: " + " / ".join(r["cli_tail"])]
    return "\n".join(lines)
