"""The Spark job: files in, Parquet tables of articles, analyses and stories out.

Follows Common Crawl's cc-pyspark: the driver lists the input files (any
Hadoop-compatible path or glob) and distributes the *list*; each task reads its
file with samestory's own streaming reader and counts skipped records in an
accumulator. Then, with shuffles in between:

1. dedupe (same id, then same canonical URL: the first in file order wins) and
   number the articles; analyse them in partitions (one Engine per executor process);
2. block (time buckets x LSH vector buckets, time buckets x entity keys, and title
   frames; see `cluster.blocking`) and score the candidate pairs with the one-machine
   scorer;
3. connected components over pairs at or above `cluster_batch_threshold`
   (`scale.components`: union-find per partition, then once on the driver), then
   `cluster.batch.average_linkage` inside each component. Average linkage only joins
   two groups whose mean pair probability reaches the threshold, so some pair between
   them does too: no story ever spans two components, and each component is split
   exactly as a one-machine run would split it;
4. write the tables (`scale.tables`) and a summary line.

Run it with `samestory spark run` or `spark-submit .../samestory/scale/submit.py` (docs/spark.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from pyspark import AccumulatorParam, StorageLevel
from pyspark.sql import SparkSession

from ..cluster.doc import timestamp
from ..errors import NotFoundError, UnsupportedFormatError
from ..ingest.reader import format_of
from ..settings import Settings
from ..store.sqlite import canonical_url
from . import graph, stages
from .tables import as_tuple, schema

__all__ = ["list_inputs", "main", "run_job", "spark_session"]

_KEEP = StorageLevel.MEMORY_AND_DISK


class _Counts(AccumulatorParam):
    """Adds {reason: count} dicts: skip counts from every task."""

    def zero(self, value: dict[str, int]) -> dict[str, int]:
        return {}

    def addInPlace(self, a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
        for k, v in b.items():
            a[k] = a.get(k, 0) + v
        return a


def spark_session(
    master: str | None = None, app_name: str = "samestory", conf: dict[str, str] | None = None
) -> SparkSession:
    """A session; `master` None leaves it to spark-submit's configuration."""
    builder = SparkSession.builder.appName(app_name)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            # Local workers must run this interpreter (the venv that has samestory).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return builder.getOrCreate()


def list_inputs(spark: SparkSession, inputs: Sequence[str]) -> list[str]:
    """Every input file the patterns name (folders recursively), through Hadoop's FileSystem.

    Local files come back as plain paths (so a one-machine run over the same paths
    names the same sources), others as URIs. Raises when a pattern matches nothing.
    """
    jvm: Any = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    found: list[str] = []
    for pattern in (p for item in inputs for p in item.split(",") if p.strip()):
        path = jvm.org.apache.hadoop.fs.Path(pattern.strip())
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise NotFoundError(f"{pattern}: no such file or folder")
        for status in statuses:
            if status.isDirectory():
                files = fs.listFiles(status.getPath(), True)
                while files.hasNext():
                    name = _name(files.next().getPath())
                    if not _hidden(name) and format_of(name) is not None:
                        found.append(name)
            else:
                name = _name(status.getPath())
                if format_of(name) is None:
                    raise UnsupportedFormatError(f"{name}: unsupported file type")
                found.append(name)
    return sorted(dict.fromkeys(found))


def _name(path: Any) -> str:
    uri = path.toUri()
    return str(uri.getPath()) if uri.getScheme() in (None, "file") else str(path.toString())


def _hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/")[-1:])


def _local(name: str) -> bool:
    return "://" not in name


def run_job(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    settings: Settings | None = None,
    *,
    min_report_size: int = 3,
) -> dict[str, Any]:
    """Run the whole pipeline; returns the summary (also written to OUTPUT/summary)."""
    settings = settings or Settings.from_env()
    sc = spark.sparkContext
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 2)
        clock = now

    files = list_inputs(spark, inputs)
    counts = sc.accumulator({}, _Counts())

    def count(by_reason: dict[str, int], ignored: dict[str, int]) -> None:
        counts.add(
            {
                **{f"skip:{k}": v for k, v in by_reason.items()},
                **{f"ignore:{k}": v for k, v in ignored.items()},
            }
        )

    local = [f for f in files if _local(f)]
    remote = [f for f in files if not _local(f)]
    raw = sc.parallelize(local, max(1, len(local))).flatMap(
        lambda f: stages.read_file(f, settings, count)
    )
    if remote:  # read by Spark's own file systems (HDFS, S3A, ...), one file a task
        got = sc.binaryFiles(",".join(remote), minPartitions=len(remote))
        raw = raw.union(got.flatMap(lambda kv: stages.read_file(kv[0], settings, count, kv[1])))
    raw = raw.persist(_KEEP)
    n_read = _fill(raw).count()  # the one pass over the input: the accumulator counts it once
    read_counts = dict(counts.value)
    lap("read")

    parts = stages.analysis_partitions(n_read, sc.defaultParallelism, settings)
    n = max(1, sc.defaultParallelism * 2)  # shuffle partitions of the light stages
    first = min  # (source, record number) tuples: the earliest in file order
    by_id = raw.map(lambda kv: (kv[1].id, kv)).reduceByKey(first, n).values()
    with_url = by_id.filter(lambda kv: canonical_url(kv[1].url) is not None)
    unique = (
        with_url.map(lambda kv: (canonical_url(kv[1].url), kv))
        .reduceByKey(first, n)
        .values()
        .union(by_id.filter(lambda kv: canonical_url(kv[1].url) is None))
    )
    numbered = (
        unique.sortBy(lambda kv: kv[0], numPartitions=n)
        .zipWithIndex()
        .map(lambda t: (t[0][1].id, (t[1] + 1, t[0][1])))
        # By id, as the joins of scoring and reports ask: the heavy rows never move again.
        .partitionBy(parts)
    )
    analysed = numbered.mapPartitions(
        lambda it: stages.analyse_partition((v for _, v in it), settings, count),
        preservesPartitioning=True,
    ).persist(_KEEP)
    n_analysed = _fill(analysed).count()
    failed = {k: v - read_counts.get(k, 0) for k, v in counts.value.items()}
    raw.unpersist()
    lap("analyse")

    items = analysed.mapValues(lambda v: (v[1], v[2]))  # id -> (article, encoded row)
    docs = _fill(
        analysed.mapValues(lambda v: (v[0], stages.cluster_doc((v[1], v[2])))).persist(_KEEP)
    )
    weights = graph.score(sc, docs, analysed, settings, n).persist(_KEEP)
    n_pairs = _fill(weights).count()
    lap("block+score")

    threshold = settings.cluster_batch_threshold
    labels, n_linked, rounds = graph.components(sc, weights, threshold)
    memberships = graph.stories(docs, weights, labels, threshold, n).persist(_KEEP)
    n_members = _fill(memberships).count()
    lap("stories")

    out = output.rstrip("/")
    _write(
        spark,
        analysed.map(lambda kv: {**stages.article_row(kv[1][1], kv[1][0]), "ingested_at": started}),
        "articles",
        out,
    )
    _write(spark, analysed.map(lambda kv: kv[1][2]), "analyses", out)
    _write(
        spark,
        memberships.map(lambda m: {"article_id": m[0], "story_id": m[1], "score": m[2]}),
        "memberships",
        out,
    )
    meta = analysed.mapValues(
        lambda v: {**stages.article_row(v[1], v[0]), "language": v[2]["language"]}
    )
    stories = (
        memberships.map(lambda m: (m[0], m[1]))
        .partitionBy(parts)
        .join(meta, parts)
        .map(lambda t: (t[1][0], t[1][1]))
        .groupByKey(n)
        .map(lambda t: stages.story_row(t[0], list(t[1])))
        .persist(_KEEP)
    )
    _fill(stories)
    _write(spark, stories, "stories", out)
    n_stories = stories.count()
    big = (
        memberships.filter(lambda m: m[3] >= min_report_size)
        .map(lambda m: (m[0], m[1]))
        .partitionBy(parts)
        .join(items, parts)
        .map(lambda t: (t[1][0], (_order(t[1][1]), t[1][1])))
        .groupByKey(n)
        .map(
            lambda t: {
                "story_id": t[0],
                "size": len(t[1]),
                "report": stages.story_report(list(t[1]), settings),
            }
        )
        .persist(_KEEP)
    )
    _fill(big)
    _write(spark, big, "reports", out)
    n_reports = big.count()
    lap("write")

    summary = {
        "files": len(files),
        "read": n_read,
        "duplicates": n_read - unique.count(),
        "analysed": n_analysed,
        "skipped": _by_prefix(read_counts, "skip:"),
        "ignored": _by_prefix(read_counts, "ignore:"),
        "failed": {k: v for k, v in _by_prefix(failed, "skip:").items() if v},
        "pairs_scored": n_pairs,
        "linked": n_linked,
        "component_rounds": rounds,
        "memberships": n_members,
        "stories": n_stories,
        "reports": n_reports,
        "seconds": timings,
    }
    spark.createDataFrame([(json.dumps(summary),)], "value string").coalesce(1).write.mode(
        "overwrite"
    ).text(f"{out}/summary")
    for rdd in (analysed, docs, weights, memberships, stories, big):
        rdd.unpersist()
    labels.destroy()
    return summary


def _fill(rdd: Any) -> Any:
    """`rdd` (persisted) with its cache filled by a JVM-side action: one Python worker a task.

    A Python step over a cached Python RDD not yet filled runs a second Python worker in
    each task to compute it. Spark then keeps twice as many workers as task slots and
    hands tasks to its idle workers in turn, so the model-loading steps (analysis,
    scoring) spread over all of them, each loading every model (local[2], the first
    test job, busy machine: four workers of ~1.2 GB; with this, two in one run, three in
    another). Counting the JVM RDD fills the cache alone; the Python steps after it read
    the cached rows.
    """
    rdd._jrdd.count()
    return rdd


def _order(item: stages.Analysed) -> tuple[bool, float, str]:
    return stages.order_key(timestamp(item[0].published), item[0].id)


def _by_prefix(values: dict[str, int], prefix: str) -> dict[str, int]:
    return {k.removeprefix(prefix): v for k, v in sorted(values.items()) if k.startswith(prefix)}


def _write(spark: SparkSession, rows: Any, table: str, out: str) -> None:
    frame = spark.createDataFrame(rows.map(lambda r: as_tuple(table, r)), schema(table))
    frame.write.mode("overwrite").parquet(f"{out}/{table}")


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m samestory.scale.job --input ... --output ...` (or through spark-submit)."""
    parser = argparse.ArgumentParser(prog="samestory.scale.job", description=__doc__)
    parser.add_argument("--input", action="append", required=True, metavar="PATHS|GLOB")
    parser.add_argument("--output", required=True, metavar="DIR")
    parser.add_argument("--master", default=None, help="default: spark-submit's, else local[*]")
    parser.add_argument("--min-report-size", type=int, default=3)
    args = parser.parse_args(argv)
    spark = spark_session(args.master or os.environ.get("SPARK_MASTER") or _default_master())
    try:
        summary = run_job(
            spark,
            args.input,
            args.output,
            Settings.from_env(),
            min_report_size=args.min_report_size,
        )
    finally:
        spark.stop()
    print(json.dumps(summary, indent=2))


def _default_master() -> str | None:
    # Under spark-submit the JVM is already up and its configuration names the master.
    return None if "PYSPARK_GATEWAY_PORT" in os.environ else "local[*]"


if __name__ == "__main__":
    main()
