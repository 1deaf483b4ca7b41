"""The Spark pipeline on local[1] and local[2]: throughput, speed-up, agreement, projection.

Input: `_corpus.real_articles(n)` (real SemEval-2022 / ECB+ texts, replicated with
perturbation beyond what there is). Each run is the whole job (read, analyse, block,
score, stories, reports, Parquet) timed end to end, Spark start-up excluded. The
agreement figure compares the local[2] run's stories with one-machine batch
clustering (`cluster.batch.batch_cluster`) over the same analyses (read back from
the run's Parquet `analyses` table, so both score the very same float16 rows).

    python benchmarks/bench_spark.py --n 1500            # SAMESTORY_EMBEDDER=hashing to go faster
    python benchmarks/bench_spark.py --n 100000 --masters 'local[2]' \
        --no-agreement --section spark-long

The second form is the long throughput run: one master, no one-machine re-clustering
(the agreement and the 1 -> 2 core speed-up come from the first form), and its own
BENCHMARKS.md section so the first form's figures stay.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import _texts, real_articles
from _report import write_section
from samestory.cluster import AnalysisPairScorer, bcubed, doc_from_analysis
from samestory.cluster.batch import batch_cluster
from samestory.engine import Engine
from samestory.settings import Settings
from samestory.store.codec import article_from_row, decode_analysis

# Assumption, not a measurement: CC-NEWS adds on the order of 1-2 million WARC records
# a day in recent years (news.commoncrawl.org listings: monthly crawls of ~25-50 M
# pages); we take 1.5 M HTML articles a day.
CC_NEWS_PER_DAY = 1_500_000
# Local mode runs every executor inside the driver's JVM (1 GB unless told). 4 GB holds
# the cached rows of ~20k articles; a 100k run ran out of it near the end of analysis
# (~2 GB cached, storage level MEMORY_AND_DISK notwithstanding), so --driver-memory.
_CONF = {"spark.ui.showConsoleProgress": "false", "spark.driver.memory": "4g"}


def _heap(value: str) -> str:
    """A JVM memory size as Spark takes it (512m, 12g); argparse turns the error into one line."""
    if not re.fullmatch(r"\d+[kmgt]?", value.lower()):
        raise argparse.ArgumentTypeError(f"not a JVM memory size (e.g. 4g, 512m): {value!r}")
    return value


def run_once(
    master: str, path: Path, settings: Settings, conf: dict[str, str]
) -> tuple[dict[str, Any], float, Path]:
    from samestory.scale import run_job, spark_session

    spark = spark_session(master, "bench-spark", conf)
    spark.sparkContext.setLogLevel("ERROR")
    out = Path(tempfile.mkdtemp(prefix=f"bench-spark-{master[6:-1]}-"))
    start = time.perf_counter()
    summary = run_job(spark, [str(path)], str(out), settings, min_report_size=3)
    elapsed = time.perf_counter() - start
    spark.stop()
    return summary, elapsed, out


def agreement_spark(out: Path, settings: Settings, conf: dict[str, str]) -> tuple[float, int]:
    from samestory.scale import spark_session

    spark = spark_session("local[1]", "bench-agree", conf)
    spark.sparkContext.setLogLevel("ERROR")

    # Streamed, and kept encoded: at 100k articles a collect() would pass Spark's 1 GB
    # result limit, and every analysis decoded at once would take ~6 GB (~17 GB scored).
    def table(name: str) -> Any:
        return (r.asDict() for r in spark.read.parquet(str(out / name)).toLocalIterator())

    arts = {r["id"]: article_from_row(r) for r in table("articles")}
    rows = {
        r["article_id"]: {k: bytes(v) if isinstance(v, bytearray) else v for k, v in r.items()}
        for r in table("analyses")
    }
    members = {r["article_id"]: r["story_id"] for r in table("memberships")}
    spark.stop()

    def load(article_id: str) -> Any:
        return decode_analysis(rows[article_id], arts[article_id])

    docs = sorted(
        (doc_from_analysis(load(a)) for a in rows),
        key=lambda d: (d.time is None, d.time or 0.0, d.id),
    )
    engine = Engine(settings)
    scorer = AnalysisPairScorer(load, settings, engine.scorer)  # it caches what it loads
    local = {a: sid for sid, m in batch_cluster(docs, scorer, settings).items() for a in m}
    ids = sorted(local)
    return bcubed([local[i] for i in ids], [members[i] for i in ids])["f1"], scorer.calls


def _row(master: str, s: dict[str, Any], t: float) -> str:
    return (
        f"| {master} | {s['analysed']} | {t:.1f} | {s['analysed'] / t:.2f} | "
        f"{s['pairs_scored']} | {s['stories']} | {s['seconds']} |"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--n", type=int, default=0, help="articles (default: every real text at hand, once)"
    )
    ap.add_argument("--masters", default="local[1],local[2]", help="comma-separated masters")
    ap.add_argument(
        "--no-agreement", action="store_true", help="skip the one-machine re-clustering"
    )
    ap.add_argument("--section", default="spark", help="BENCHMARKS.md section to write")
    ap.add_argument(
        "--driver-memory",
        default=_CONF["spark.driver.memory"],
        type=_heap,
        help="the local-mode JVM heap (driver and executors share it)",
    )
    args = ap.parse_args()
    masters = [m.strip() for m in args.masters.split(",") if m.strip()]
    conf = {**_CONF, "spark.driver.memory": args.driver_memory}
    # One embedding thread per task, as docs/spark.md recommends (one per core).
    os.environ.setdefault("SAMESTORY_EMBED_THREADS", "1")
    settings = Settings.from_env()
    args.n = args.n or len(_texts())
    path = real_articles(args.n)
    if path is None:
        print("bench_spark: ../shared/data is not available; nothing measured", file=sys.stderr)
        return 1
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    results = {}
    loads = {}
    for master in masters:
        loads[master] = os.getloadavg()[0]
        summary, elapsed, out = run_once(master, path, settings, conf)
        results[master] = (summary, elapsed, out)
        print(master, f"{elapsed:.1f}s", summary, flush=True)
    last = masters[-1]
    s2, t2, out2 = results[last]
    rate2 = s2["analysed"] / t2
    per_core = rate2 / int(last[6:-1] or 1)
    cores = 100
    day_hours = CC_NEWS_PER_DAY / (per_core * cores) / 3600
    at_hand = len(_texts())
    what = (
        f"every real text at hand ({args.n:,}: SemEval-2022 train + ECB+ dev, each once)"
        if args.n == at_hand
        else f"{args.n:,} articles"
    )
    rows = "\n".join(_row(m, *results[m][:2]) for m in masters)
    lines = []
    if "local[1]" in results and len(masters) > 1:
        t1 = results["local[1]"][1]
        lines.append(
            f"- Speed-up 1 → {last[6:-1]} cores: **{t1 / t2:.2f}x**. Each task embeds with\n"
            f"  {settings.embed_threads} thread (`SAMESTORY_EMBED_THREADS`)."
        )
    load_text = " / ".join(f"{loads[m]:.1f}" for m in masters)
    lines.append(
        f"- 1-minute load average before each run: {load_text} on this shared 2-core\n"
        "  machine (a local[1] figure includes its own run's start). Local-mode JVM\n"
        f"  heap (`spark.driver.memory`): {args.driver_memory}."
    )
    if not args.no_agreement:
        f1, calls = agreement_spark(out2, settings, conf)
        lines.append(
            f"- Agreement: BCubed F1 of the {last} stories against one-machine batch\n"
            f"  clustering over the same analyses: **{f1:.4f}** ({calls} pairs scored by\n"
            "  the one-machine run)."
        )
    bullets = "\n".join(lines)
    body = f"""## Spark pipeline (`samestory spark run`, local mode, {args.n:,} articles)

Input: {args.n} articles from `_corpus.real_articles` (real SemEval-2022 / ECB+ texts,
replicated with perturbation: each copy has its own outlet, dateline and time and drops
one sentence), embedder `{settings.embedder}`. Whole job timed end to end (read, dedupe,
analyse, block, score, stories, reports, Parquet), Spark start-up excluded; {what};
{s2["analysed"]:,} distinct articles analysed. At the {last} rate below, 100k articles take
{100_000 / rate2 / 3600:.1f} h on this machine.

| master | articles | seconds | articles/s | pairs scored | stories | stage seconds |
|---|---|---|---|---|---|---|
{rows}

{bullets}

Projection (arithmetic, not a measurement): assuming CC-NEWS brings
{CC_NEWS_PER_DAY:,} articles a day (an assumption, see the comment in this script),
at the measured {per_core:.2f} articles/s per core a {cores}-core cluster needs
{CC_NEWS_PER_DAY:,} / ({per_core:.2f} x {cores}) s = **{day_hours:.1f} h** per day of
CC-NEWS with embedder `{settings.embedder}`; executor memory ~1–1.5 GB per core for
the USE/spaCy models (docs/spark.md).
"""
    print(body)
    write_section(args.section, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
