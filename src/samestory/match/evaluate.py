"""Held-out evaluation of pair scorers on graded pairs (SemEval-2022 Task 8 style).

Every figure here comes from predictions made by a model that never saw the pair's
group: pairs sharing an article are grouped (`dataset.group_ids`), since a model that
trained on an article's other pairs has in effect seen the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from ..models import DIMENSIONS
from .learned import SAME_STORY_MAX_OVERALL, LearnedScorer

__all__ = [
    "cross_validate",
    "grouped_folds",
    "leave_one_language_out",
    "out_of_fold",
    "pearson",
    "pearson_report",
    "same_story_metrics",
]

Fit = Callable[[np.ndarray, Sequence[str], Mapping[str, np.ndarray]], LearnedScorer]


def pearson(pred: np.ndarray, gold: np.ndarray) -> float | None:
    """Pearson r, or None where it is undefined (fewer than 3 pairs, a constant side)."""
    p, g = np.asarray(pred, dtype=np.float64), np.asarray(gold, dtype=np.float64)
    if len(p) < 3 or p.std() == 0 or g.std() == 0:
        return None
    return float(np.corrcoef(p, g)[0, 1])


def pearson_report(
    pred: Mapping[str, np.ndarray], gold: Mapping[str, np.ndarray], langs: np.ndarray
) -> dict[str, Any]:
    """{"n", "pearson": {dimension: r}, "by_language": {lang pair: {"n", "overall"}}}."""
    langs = np.asarray(langs)
    return {
        "n": len(langs),
        "pearson": {d: pearson(pred[d], gold[d]) for d in DIMENSIONS if d in pred and d in gold},
        "by_language": {
            str(lang): {
                "n": int((langs == lang).sum()),
                "overall": pearson(pred["overall"][langs == lang], gold["overall"][langs == lang]),
            }
            for lang in sorted(set(langs.tolist()))
        },
    }


def grouped_folds(
    groups: np.ndarray, folds: int = 5, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index pairs; each group lies wholly in one test fold.

    Groups are shuffled with `seed`, then each goes to the fold with the fewest pairs so
    far (largest groups first), which keeps folds balanced even with a few big groups.
    """
    groups = np.asarray(groups)
    uniq, counts = np.unique(groups, return_counts=True)
    if len(uniq) < folds:
        raise ValueError(f"{len(uniq)} groups cannot fill {folds} folds")
    order = np.random.default_rng(seed).permutation(len(uniq))
    order = order[np.argsort(-counts[order], kind="stable")]
    sizes = np.zeros(folds, dtype=np.int64)
    fold_of: dict[Any, int] = {}
    for i in order:
        k = int(sizes.argmin())
        fold_of[uniq[i].item()] = k
        sizes[k] += counts[i]
    assign = np.array([fold_of[g.item()] for g in groups])
    idx = np.arange(len(groups))
    return [(idx[assign != k], idx[assign == k]) for k in range(folds)]


def _subset(gold: Mapping[str, np.ndarray], rows: np.ndarray) -> dict[str, np.ndarray]:
    return {d: np.asarray(gold[d])[rows] for d in DIMENSIONS}


def same_story_metrics(gold_overall: np.ndarray, prob: np.ndarray) -> dict[str, float | None]:
    from sklearn.metrics import f1_score, roc_auc_score

    labels = gold_overall <= SAME_STORY_MAX_OVERALL
    auc = float(roc_auc_score(labels, prob)) if 0 < labels.sum() < len(labels) else None
    return {"auc": auc, "f1": float(f1_score(labels, prob >= 0.5, zero_division=0.0))}


def out_of_fold(
    X: np.ndarray,
    names: Sequence[str],
    gold: Mapping[str, np.ndarray],
    groups: np.ndarray,
    folds: int = 5,
    seed: int = 0,
    fit: Fit = LearnedScorer.fit,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Grouped k-fold predictions: (scores per dimension, same-story probability) per pair."""
    X = np.asarray(X, dtype=np.float64)
    pred = {d: np.zeros(len(X)) for d in DIMENSIONS}
    prob = np.zeros(len(X))
    for train, test in grouped_folds(groups, folds, seed):
        model = fit(X[train], names, _subset(gold, train))
        scores, p = model.predict(X[test])
        for d in DIMENSIONS:
            pred[d][test] = scores[d]
        prob[test] = p
    return pred, prob


def cross_validate(
    X: np.ndarray,
    names: Sequence[str],
    gold: Mapping[str, np.ndarray],
    langs: np.ndarray,
    groups: np.ndarray,
    folds: int = 5,
    seed: int = 0,
    fit: Fit = LearnedScorer.fit,
) -> dict[str, Any]:
    """Grouped k-fold: pearson_report of out-of-fold predictions + same-story AUC/F1."""
    pred, prob = out_of_fold(X, names, gold, groups, folds, seed, fit)
    report = pearson_report(pred, gold, langs)
    report["same_story"] = same_story_metrics(np.asarray(gold["overall"]), prob)
    report["folds"] = folds
    return report


def leave_one_language_out(
    X: np.ndarray,
    names: Sequence[str],
    gold: Mapping[str, np.ndarray],
    langs: np.ndarray,
    groups: np.ndarray,
    fit: Fit = LearnedScorer.fit,
) -> dict[str, Any]:
    """Train on every other language pair, test on one: {"by_language": {lang: {n, overall}}}.

    Training also drops pairs whose group reaches into the held-out language pair
    (a de-en pair can share its English article with en pairs).
    """
    X = np.asarray(X, dtype=np.float64)
    langs, groups = np.asarray(langs), np.asarray(groups)
    out: dict[str, dict[str, Any]] = {}
    for lang in sorted(set(langs.tolist())):
        test = np.flatnonzero(langs == lang)
        train = np.flatnonzero((langs != lang) & ~np.isin(groups, groups[test]))
        model = fit(X[train], names, _subset(gold, train))
        scores, _ = model.predict(X[test])
        out[str(lang)] = {
            "n": len(test),
            "n_train": len(train),
            "overall": pearson(scores["overall"], np.asarray(gold["overall"])[test]),
        }
    return {"by_language": out}
