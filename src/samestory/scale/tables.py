"""The Parquet tables a Spark run writes, with the SQLite store's columns (docs/store.md).

| table | one row per |
|---|---|
| articles | distinct analysed article (`ingested_at`: the run's start, UTC) |
| analyses | analysed article (`store.codec.encode_analysis`: JSON + float16 blobs) |
| stories | story (`merged_into` is always null: a batch run merges nothing later) |
| memberships | article: its story and the mean probability of its pairs inside it |
| reports | story of at least `--min-report-size` articles: `build_report(...).to_dict()` JSON |
| summary | one line of JSON: counts, skips by reason, timings |
"""

from __future__ import annotations

from typing import Any

__all__ = ["TABLES", "schema"]

TABLES = ("articles", "analyses", "stories", "memberships", "reports")

_COLUMNS: dict[str, list[tuple[str, str, bool]]] = {
    "articles": [
        ("id", "string", False),
        ("seq", "long", False),
        ("title", "string", True),
        ("lede", "string", True),
        ("body", "string", True),
        ("url", "string", True),
        ("canonical_url", "string", True),
        ("outlet", "string", True),
        ("language", "string", True),
        ("published", "string", True),
        ("source", "string", True),
        ("ingested_at", "string", True),
        ("modified", "string", True),
    ],
    "analyses": [
        ("article_id", "string", False),
        ("language", "string", True),
        ("data", "string", True),
        ("keys", "string", True),
        ("head", "binary", True),
        ("sentences", "binary", True),
        ("quantities", "binary", True),
        ("dim", "int", False),
        ("scorer_head", "binary", True),
        ("scorer_dim", "int", False),
    ],
    "stories": [
        ("id", "string", False),
        ("title", "string", True),
        ("size", "int", False),
        ("languages", "string", True),
        ("outlets", "string", True),
        ("first_seen", "string", True),
        ("last_seen", "string", True),
        ("merged_into", "string", True),
    ],
    "memberships": [
        ("article_id", "string", False),
        ("story_id", "string", False),
        ("score", "double", True),
    ],
    "reports": [
        ("story_id", "string", False),
        ("size", "int", False),
        ("report", "string", False),
    ],
}


def columns(table: str) -> list[str]:
    return [name for name, _, _ in _COLUMNS[table]]


def schema(table: str) -> Any:
    """The pyspark StructType of a table (pyspark is imported here, only when called)."""
    from pyspark.sql import types as T

    kinds = {
        "string": T.StringType(),
        "long": T.LongType(),
        "int": T.IntegerType(),
        "double": T.DoubleType(),
        "binary": T.BinaryType(),
    }
    return T.StructType(
        [T.StructField(name, kinds[kind], nullable) for name, kind, nullable in _COLUMNS[table]]
    )


def as_tuple(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """A row dict in the table's column order (missing columns are null)."""
    return tuple(row.get(name) for name in columns(table))
