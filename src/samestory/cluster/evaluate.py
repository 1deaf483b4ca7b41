"""Clustering quality against gold story labels: BCubed and pairwise P/R/F1."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

__all__ = ["bcubed", "cluster_report", "pairwise"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """BCubed precision/recall/F1 (Bagga & Baldwin): per item, averaged over items."""
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in length")
    if not gold:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    joint = Counter(zip(gold, pred, strict=True))
    gsize, psize = Counter(gold), Counter(pred)
    p = sum(n * n / psize[pl] for (_, pl), n in joint.items()) / len(gold)
    r = sum(n * n / gsize[gl] for (gl, _), n in joint.items()) / len(gold)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    """Precision/recall/F1 over all pairs of items put (or not) in the same cluster."""
    joint = Counter(zip(gold, pred, strict=True))
    both = sum(n * (n - 1) // 2 for n in joint.values())
    in_pred = sum(n * (n - 1) // 2 for n in Counter(pred).values())
    in_gold = sum(n * (n - 1) // 2 for n in Counter(gold).values())
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def cluster_report(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, object]:
    """The `samestory eval clusters --json` contract."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for g, p in zip(gold, pred, strict=True):
        groups[g].add(p)
    return {
        "n_docs": len(gold),
        "n_gold": len(set(gold)),
        "n_pred": len(set(pred)),
        "bcubed": {k: round(v, 4) for k, v in bcubed(gold, pred).items()},
        "pairwise": {k: round(v, 4) for k, v in pairwise(gold, pred).items()},
    }
