"""What clustering needs of one article: a quick vector, name keys, a time, a title frame.

`ClusterDoc` is deliberately small so that the same clusterer runs over a SQLite
store, a Spark partition or a synthetic stream of a million vectors.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

import numpy as np

from ..match.titles import frame_key
from ..models import Analysis

__all__ = ["ClusterDoc", "doc_from_analysis", "timestamp"]


@dataclass(frozen=True, slots=True)
class ClusterDoc:
    id: str
    vector: np.ndarray  # L2-normalised float32 (the analysis' head embedding)
    keys: frozenset[str]  # linked entity and place keys, language-independent
    time: float | None  # publication time (epoch seconds); None when unknown
    language: str = ""
    outlet: str = ""
    # The title with its names and numbers masked (`match.titles.frame_key`; "" when
    # the title is too short to have one): headlines of one series share it.
    frame: str = ""


def timestamp(value: dt.datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:  # naive dates are read as UTC, like the rest of the engine
        value = value.replace(tzinfo=dt.UTC)
    return value.timestamp()


def doc_from_analysis(analysis: Analysis, dim: int = 512) -> ClusterDoc:
    vector = analysis.embedding
    if vector is None:
        # Without embeddings only names can bring articles together.
        vector = np.zeros(dim, dtype=np.float32)
    return ClusterDoc(
        id=analysis.article.id,
        vector=np.asarray(vector, dtype=np.float32),
        # Interned: the clusterer keeps these for every article of its window, and the
        # same key, language and outlet recur across articles (one string each, not one
        # per article read back from the store).
        keys=frozenset(sys.intern(m.key) for m in analysis.mentions),
        time=timestamp(analysis.published),
        language=sys.intern(analysis.language),
        outlet=sys.intern(analysis.article.outlet or ""),
        frame=frame_key(analysis.article.title),
    )
