"""bench_story's shared measures: out-of-fold probabilities, per-item BCubed, AUC."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from _story_data import PairSet
from samestory.match.learned import COPY_CONTAINMENT
from samestory.match.story import StoryModel
from samestory.settings import DEFAULT_SETTINGS

FOLDS = 5
GRID = [round(float(t), 2) for t in np.arange(0.30, 0.951, 0.05)]
# The batch threshold is not tuned: average linkage joins two groups when their mean
# calibrated same-story probability is at least even, the Bayes decision. The French
# baseline (USE + average linkage) gets its threshold by CV over stories instead.
THRESHOLD = DEFAULT_SETTINGS.cluster_batch_threshold


def probabilities(model: StoryModel, ps: PairSet, rows: np.ndarray | None = None) -> np.ndarray:
    X = ps.X if rows is None else ps.X[rows]
    p = model.predict(X[:, [ps.names.index(n) for n in model.names]])
    copy = (X[:, ps.names.index("same_language")] == 1.0) & (
        X[:, ps.names.index("shingle_containment")] >= COPY_CONTAINMENT
    )
    return np.where(copy, 1.0, p)


def _auc(y: np.ndarray, s: np.ndarray) -> float | None:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else None


def item_bcubed(gold: Sequence[str], pred: Sequence[int], items: np.ndarray) -> np.ndarray:
    """(rows, 2): BCubed precision and recall of each item in `items` (whole clustering)."""
    gold_a, pred_a = np.asarray(gold), np.asarray(pred)
    out = np.zeros((len(items), 2))
    for r, i in enumerate(items):
        same_pred = pred_a == pred_a[i]
        same_gold = gold_a == gold_a[i]
        both = (same_pred & same_gold).sum()
        out[r] = both / same_pred.sum(), both / same_gold.sum()
    return out


def f1(pr: np.ndarray) -> float:
    p, r = pr[:, 0].mean(), pr[:, 1].mean()
    return float(2 * p * r / (p + r)) if p + r else 0.0


def _weights(pairs: Sequence[tuple[int, int]], probs: np.ndarray) -> dict[tuple[int, int], float]:
    return {(int(i), int(j)): float(p) for (i, j), p in zip(pairs, probs, strict=True)}
