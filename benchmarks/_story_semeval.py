"""bench_story on SemEval-2022 train: nested grouped CV of the SemEval scorer."""

from __future__ import annotations

import numpy as np

from _story_data import PairSet
from _story_eval import FOLDS
from samestory.match.evaluate import grouped_folds

# --- SemEval: nested grouped CV of the SemEval scorer ---

VARIANTS = ("blend", "forest", "boosted", "linear")


def semeval_nested(ps: PairSet) -> dict[str, object]:
    from samestory.match.evaluate import pearson, same_story_metrics
    from samestory.match.learned import LearnedScorer, shipped_model_path

    shipped = shipped_model_path()
    assert shipped is not None
    cols = LearnedScorer.read_header(shipped)["features"]
    X = ps.X[:, [ps.names.index(c) for c in cols]]
    gold = {k[5:]: v for k, v in ps.extra.items() if k.startswith("gold_")}
    overall = gold["overall"]
    groups = np.array([int(s) for s in ps.stories])
    pred = np.zeros(len(X))
    prob = np.zeros(len(X))
    folds = []
    for k, (train, test) in enumerate(grouped_folds(groups, FOLDS, seed=1)):
        inner_pred = {v: np.zeros(len(train)) for v in VARIANTS}
        for itr, ite in grouped_folds(groups[train], FOLDS - 1, seed=2):
            rows = train[itr]
            m = LearnedScorer.fit(X[rows], cols, {d: g[rows] for d, g in gold.items()})
            for v in VARIANTS:
                member = None if v == "blend" else v
                inner_pred[v][ite] = m.raw_predict(X[train[ite]], member)[:, 0]
        inner = {v: pearson(inner_pred[v], overall[train]) or 0.0 for v in VARIANTS}
        best = max(inner, key=inner.__getitem__)
        m = LearnedScorer.fit(X[train], cols, {d: g[train] for d, g in gold.items()})
        raw = m.raw_predict(X[test], None if best == "blend" else best)[:, 0]
        pred[test] = np.clip(raw, 1.0, 4.0)
        prob[test] = m.probability(raw)
        outer_k = pearson(pred[test], overall[test]) or 0.0
        folds.append({"fold": k, "picked": best, "inner_best": inner[best], "outer": outer_k})
        print("semeval fold", folds[-1], flush=True)
    outer = pearson(pred, overall) or 0.0
    inner_best = float(np.mean([f["inner_best"] for f in folds]))
    return {
        "n": len(X),
        "folds": folds,
        "outer": outer,
        "inner_best": inner_best,
        "bias": inner_best - outer,
        "same_story": same_story_metrics(overall, prob),
    }
