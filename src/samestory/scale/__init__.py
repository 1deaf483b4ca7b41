"""scale: the same pipeline on Apache Spark (PySpark), from WARC archives to stories.

pyspark is imported lazily: `import samestory.scale` works without it, and
`run_job` / `spark_session` raise a one-line `ModelUnavailableError` naming the
extra to install (`pip install samestory[spark]`) when it is missing.
"""

from __future__ import annotations

from typing import Any

from ..errors import ModelUnavailableError

__all__ = ["TABLES", "pyspark_available", "run_job", "spark_session"]

from .tables import TABLES


def pyspark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True


def _job() -> Any:
    if not pyspark_available():
        raise ModelUnavailableError(
            "the Spark pipeline needs PySpark and Java 17: pip install 'samestory[spark]'"
        )
    from . import job

    return job


def spark_session(
    master: str | None = None, app_name: str = "samestory", conf: dict[str, str] | None = None
) -> Any:
    """A SparkSession (`local[2]`, `spark://host:7077`, `yarn`; None: spark-submit's)."""
    return _job().spark_session(master, app_name, conf)


def run_job(spark: Any, inputs: list[str], output: str, settings: Any = None, **kw: Any) -> Any:
    """Read, analyse, cluster and write Parquet tables; see `samestory.scale.job.run_job`."""
    return _job().run_job(spark, inputs, output, settings, **kw)
