"""`samestory spark run`: the whole pipeline on Apache Spark (docs/spark.md)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import Annotated

import typer
from rich.console import Console

from ..errors import ModelUnavailableError
from ..settings import Settings

__all__ = ["register"]

_out = Console(highlight=False)

spark_app = typer.Typer(
    help="Run the pipeline on Apache Spark (pip install 'samestory[spark]', Java 17).",
    no_args_is_help=True,
)


def _check_java() -> None:
    """One clear line instead of a Py4J stack trace when Spark has no JVM to start."""
    java = shutil.which("java")
    ok = java is not None
    if ok:
        try:
            ok = subprocess.run([java or "java", "-version"], capture_output=True).returncode == 0
        except OSError:
            ok = False
    if not ok:
        raise ModelUnavailableError(
            "Spark needs Java 17 (java -version failed); e.g. apt-get install -y "
            "openjdk-17-jre-headless, or set JAVA_HOME"
        )


@spark_app.command("run")
def run(
    inputs: Annotated[
        list[str],
        typer.Option(
            "--input",
            metavar="PATHS|GLOB",
            help="WARC, JSONL or text files, folders or globs; local or any Hadoop path "
            "(hdfs://, s3a://). Repeat or separate with commas.",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", metavar="DIR", help="Where the Parquet tables go.")
    ],
    master: Annotated[
        str,
        typer.Option("--master", metavar="URL", help="Spark master: local[N], spark://…, yarn."),
    ] = "local[*]",
    min_report_size: Annotated[
        int,
        typer.Option("--min-report-size", metavar="N", help="Story reports for stories this big."),
    ] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read, analyse and cluster on Spark; write articles, analyses, stories, memberships
    and story reports as Parquet tables under OUTPUT."""
    from .. import scale

    if not scale.pyspark_available():
        raise ModelUnavailableError(
            "the Spark pipeline needs PySpark: pip install 'samestory[spark]'"
        )
    _check_java()
    spark = scale.spark_session(master)
    try:
        summary = scale.run_job(
            spark, inputs, output, Settings.from_env(), min_report_size=min_report_size
        )
    finally:
        spark.stop()
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    skipped = sum(summary["skipped"].values())
    _out.print(
        f"{summary['files']} files: {summary['read']} articles read, "
        f"{summary['duplicates']} duplicates, {summary['analysed']} analysed, {skipped} skipped"
    )
    _out.print(
        f"{summary['pairs_scored']} pairs scored → {summary['stories']} stories, "
        f"{summary['reports']} reports; tables in {output}"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(spark_app, name="spark")
