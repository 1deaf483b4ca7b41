"""store: where articles, analyses and stories live between runs.

SQLite is the default and the only backend today; `SQLiteStore()` with no path is
the in-memory store tests use. The schema is described in `schema.py` and
docs/store.md.
"""

from __future__ import annotations

from .codec import decode_analysis, encode_analysis, roundtrip
from .schema import SCHEMA_VERSION
from .sqlite import SQLiteStore, canonical_url

__all__ = [
    "SCHEMA_VERSION",
    "SQLiteStore",
    "canonical_url",
    "decode_analysis",
    "encode_analysis",
    "roundtrip",
]
