"""Quality gate (as trafilatura's eval gate): the learned scorer's held-out quality on
SemEval-2022 Task 8 train must not drop below a pinned floor.

Analysing all 2,867 articles of the 1,453 pairs takes ~10 min on 2 cores (the USE
embedding of every sentence dominates), too slow for a test on a clean clone. The gate
therefore cross-validates on a fixed sixth of the article-sharing groups (group id
% 6 == 0: 244 pairs, 481 articles, every language pair, ~2 min). On so few pairs the
figure moves with the subset (0.73-0.82 across the six sixths), so the floor is pinned
to this subset's own measurement, rounded down; raise it when the model improves. The
full-data figures live in BENCHMARKS.md (`benchmarks/bench_scorer.py`).
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SHARED

DATA = SHARED / "data" / "semeval2022-task8" / "train.jsonl"
# learned-v2 (forest): 0.794 / AUC 0.920 on this subset (full data 0.772 / 0.913).
OVERALL_FLOOR = 0.80  # learned-v3 (e5 head + blend): measured 0.824 here, 2026-11-24
AUC_FLOOR = 0.92  # measured 0.941 (full data: 0.807 / 0.931)

pytestmark = pytest.mark.models


def test_cross_validated_overall_pearson_holds_the_floor() -> None:
    if not DATA.is_file():
        pytest.skip("../shared/data/semeval2022-task8 is not available")
    from samestory.engine import Engine
    from samestory.match.dataset import gold_arrays, group_ids, load_semeval, pair_feature_matrix
    from samestory.match.evaluate import cross_validate
    from samestory.settings import Settings

    everything = load_semeval(DATA)
    assert len(everything) == 1453
    groups = group_ids(everything)  # over the whole file: no article crosses the cut
    keep = groups % 6 == 0
    pairs = [p for p, k in zip(everything, keep, strict=True) if k]
    X, names = pair_feature_matrix(pairs, Engine(Settings(scorer="hand-set")))
    report = cross_validate(
        X, names, gold_arrays(pairs), np.array([p.lang for p in pairs]), groups[keep]
    )
    assert report["n"] == len(pairs) == 244
    assert len(report["by_language"]) == 8
    assert report["pearson"]["overall"] >= OVERALL_FLOOR, report["pearson"]
    assert report["same_story"]["auc"] >= AUC_FLOOR, report["same_story"]
