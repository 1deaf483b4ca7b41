"""Held-out quality of the learned pair scorer on SemEval-2022 Task 8 train.

Computes the pair features of all pairs once (cached under /tmp, keyed by the data
file and feature names; --refresh recomputes), then runs grouped 5-fold CV (pairs
sharing an article stay in one fold) and leave-one-language-pair-out, and writes the
figures to BENCHMARKS.md next to the hand-set scorer's in-sample ones.

    python benchmarks/bench_scorer.py [--refresh] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from _report import ROOT, write_section
from samestory.engine import Engine
from samestory.match import FEATURE_DOCS, HandSetScorer
from samestory.match.dataset import (
    SemevalPair,
    gold_arrays,
    group_ids,
    load_semeval,
    pair_feature_matrix,
)
from samestory.match.evaluate import cross_validate, leave_one_language_out, pearson_report
from samestory.match.learned import LearnedScorer
from samestory.models import DIMENSIONS
from samestory.settings import Settings

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
CACHE = Path(tempfile.gettempdir()) / "samestory-bench"


def _features(pairs: list[SemevalPair], refresh: bool) -> tuple[np.ndarray, list[str], float]:
    key = hashlib.sha256(DATA.read_bytes())
    key.update(" ".join(sorted(FEATURE_DOCS)).encode())
    key.update(str(len(pairs)).encode())
    path = CACHE / f"semeval-features-{key.hexdigest()[:12]}.npz"
    if path.is_file() and not refresh:
        z = np.load(path)
        return z["X"], [str(n) for n in z["names"]], float(z["seconds"])
    start = time.perf_counter()
    X, names = pair_feature_matrix(pairs, Engine(Settings()))
    seconds = time.perf_counter() - start
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, X=X, names=np.array(names), seconds=seconds)
    return X, names, seconds


def _r(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="recompute cached features")
    parser.add_argument("--limit", type=int, default=0, help="first N pairs only (0 = all)")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found")
        return 0
    pairs = load_semeval(DATA)
    pairs = pairs[: args.limit] if args.limit else pairs
    X, names, feat_s = _features(pairs, args.refresh)
    gold = gold_arrays(pairs)
    langs = np.array([p.lang for p in pairs])
    groups = group_ids(pairs)

    hand = HandSetScorer()
    hand_pred = {d: np.zeros(len(X)) for d in DIMENSIONS}
    for i, row in enumerate(X):
        scores, _ = hand.score(dict(zip(names, row.tolist(), strict=True)))
        for d in DIMENSIONS:
            hand_pred[d][i] = scores[d]
    hand_rep = pearson_report(hand_pred, gold, langs)

    start = time.perf_counter()
    cv = cross_validate(X, names, gold, langs, groups, folds=5, seed=0)
    cv_s = time.perf_counter() - start
    lolo = leave_one_language_out(X, names, gold, langs, groups)
    start = time.perf_counter()
    full = LearnedScorer.fit(X, names, gold)
    fit_s = time.perf_counter() - start

    # Impurity importance of the full fit (all seven outputs): which features it splits on.
    importance = full.regressor.feature_importances_
    ranked = sorted(zip(names, importance.tolist(), strict=True), key=lambda t: -t[1])

    same = cv["same_story"]
    lines = [
        "## Learned scorer, held out, SemEval-2022 Task 8 train (`benchmarks/bench_scorer.py`)",
        "",
        f"{len(pairs)} pairs in {len(set(groups.tolist()))} article-sharing groups; "
        f"features {feat_s:.0f} s (cached), grouped 5-fold CV {cv_s:.0f} s, "
        f"one full fit {fit_s:.1f} s. Model `{full.name}`: "
        "multi-output random forest (200 trees, leaf >= 8), same-story probability by "
        "Platt scaling of its out-of-bag Overall. Pearson of out-of-fold predictions vs. gold:",
        "",
        "| scorer | " + " | ".join(DIMENSIONS) + " |",
        "|---|" + "---|" * len(DIMENSIONS),
        "| learned, grouped 5-fold CV | "
        + " | ".join(_r(cv["pearson"][d]) for d in DIMENSIONS)
        + " |",
        "| hand-set-v2, in-sample | "
        + " | ".join(_r(hand_rep["pearson"][d]) for d in DIMENSIONS)
        + " |",
        "",
        "| language pair | n | CV Overall r | leave-language-out r | hand-set r |",
        "|---|---|---|---|---|",
        *[
            f"| {lp} | {v['n']} | {_r(v['overall'])} | "
            f"{_r(lolo['by_language'][lp]['overall'])} | "
            f"{_r(hand_rep['by_language'][lp]['overall'])} |"
            for lp, v in cv["by_language"].items()
        ],
        "",
        f"Same story (gold Overall <= 2), out of fold: ROC AUC {_r(same['auc'])}, "
        f"F1 at p >= 0.5 {_r(same['f1'])}.",
        "",
        "Feature importance (forest impurity decrease, full fit): "
        + ", ".join(f"{n} {v:.3f}" for n, v in ranked[:6])
        + ".",
        "",
        "Leave-language-out trains on every other language pair (minus pairs sharing an "
        "article with the held-out one), so it says how the model carries to a language "
        "it never saw; the hand-set row is in-sample (its anchors were read off this data).",
    ]
    write_section("scorer_cv", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
