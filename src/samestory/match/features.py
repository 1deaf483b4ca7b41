"""Named pair features, each documented, computed from two analyses.

The same dictionary feeds the hand-set scorer today and a trained model later, and
is returned with every comparison so that a score can always be explained.
"""

from __future__ import annotations

import re

import numpy as np

from ..models import Analysis
from .align import Alignment

__all__ = ["FEATURE_DOCS", "pair_features"]

FEATURE_DOCS: dict[str, str] = {
    "head_cos": "cosine of the head embeddings (title + first sentences); -1 without embeddings",
    "align_cov_min": "share of sentences aligned one-to-one, the smaller of the two directions",
    "align_cov_max": "the same, the larger direction (a short article inside a long one)",
    "align_mean_best": "mean best cosine of every sentence against the other article",
    "align_order": "share of consecutive aligned pairs in the same order (copies keep order)",
    "entities_overlap": "F1 of linked person/org/misc entities (-1 when both have none)",
    "places_overlap": "F1 of resolved places (-1 when both have none)",
    "dates_overlap": "F1 of mentioned dates whose periods intersect (-1 when both have none)",
    "numbers_overlap": "F1 of equal numbers with equal units (-1 when both have none)",
    "pub_days": "days between publication dates; -1 when either is unknown",
    "same_language": "1 when both articles are in the same language",
    "lexical_jaccard": "Jaccard of lower-cased word sets (names, numbers carry across languages)",
    "length_ratio": "shorter text length over longer",
}

_WORD = re.compile(r"\w{3,}", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def pair_features(
    a: Analysis, b: Analysis, alignment: Alignment, overlaps: dict[str, float]
) -> dict[str, float]:
    f: dict[str, float] = {}
    if a.embedding is not None and b.embedding is not None:
        f["head_cos"] = float(np.dot(a.embedding, b.embedding))
    else:
        f["head_cos"] = -1.0
    f["align_cov_min"] = min(alignment.coverage_a, alignment.coverage_b)
    f["align_cov_max"] = max(alignment.coverage_a, alignment.coverage_b)
    f["align_mean_best"] = alignment.mean_best
    f["align_order"] = alignment.order
    for kind in ("entities", "places", "dates", "numbers"):
        f[f"{kind}_overlap"] = overlaps[f"{kind}_overlap"]
    if a.published and b.published:
        pa, pb = a.published, b.published
        if (pa.tzinfo is None) != (pb.tzinfo is None):
            pa, pb = pa.replace(tzinfo=None), pb.replace(tzinfo=None)
        f["pub_days"] = abs((pa - pb).total_seconds()) / 86400
    else:
        f["pub_days"] = -1.0
    f["same_language"] = 1.0 if a.language == b.language else 0.0
    wa, wb = _words(a.text), _words(b.text)
    f["lexical_jaccard"] = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    la, lb = len(a.text), len(b.text)
    f["length_ratio"] = min(la, lb) / max(la, lb) if max(la, lb) else 0.0
    return f
