"""bench_story on the French sets (grouped by story), the examples, and pairs by source."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import numpy as np

from _story_data import PairSet, labelled
from _story_eval import FOLDS, GRID, THRESHOLD, _auc, _weights, f1, item_bcubed, probabilities
from samestory.cluster import doc_from_analysis
from samestory.cluster.batch import average_linkage, candidate_pairs
from samestory.match.evaluate import grouped_folds
from samestory.match.story import CASES
from samestory.settings import DEFAULT_SETTINGS
from train_story import fit

# --- French sets: leave-source-out model, thresholds by CV over stories ---


def _use_linkage(ps: PairSet) -> tuple[np.ndarray, list[list[int]]]:
    """Labels of dense USE average linkage at every GRID-like cosine threshold."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    lab = labelled(ps.name)
    V = np.stack([lab.analyses[d].embedding for d in ps.docs]).astype(np.float64)
    Z = linkage(pdist(V, "cosine"), "average")
    cos = np.round(np.arange(0.20, 0.91, 0.025), 3)
    return cos, [fcluster(Z, 1 - c, "distance").tolist() for c in cos]


def cv_thresholds(
    golds: np.ndarray, folds: list[np.ndarray], labelings: list[Sequence[int]]
) -> tuple[list[int], np.ndarray]:
    """Per fold: the labeling index best on the other folds; and the per-item (P, R)."""
    scores = np.array([[f1(item_bcubed(golds, lab, m)) for m in folds] for lab in labelings])
    picks, pr = [], np.zeros((len(golds), 2))
    for k, m in enumerate(folds):
        others = [j for j in range(len(folds)) if j != k]
        best = int(np.argmax(scores[:, others].mean(axis=1)))
        picks.append(best)
        pr[m] = item_bcubed(golds, labelings[best], m)
    return picks, pr


# Day-dev's dated weather bulletins ("La météo du vendredi 10 janvier 2020 à Brest",
# "Quel temps est prévu à Étel ..."): the aggregator grouped them by edition (up to 62
# towns in one story), not by town, so they are reported apart (a reporting split only:
# no model or threshold reads it).
_BULLETIN = re.compile(r"météo|quel temps|prévisions du", re.IGNORECASE)


def _bulletins(ps: PairSet) -> np.ndarray:
    lab = labelled(ps.name)
    titles = [lab.analyses[d].article.title for d in ps.docs]
    return np.array([bool(_BULLETIN.search(t)) and "janvier 2020" in t for t in titles])


def _nested_threshold(
    sets: dict[str, PairSet], name: str, fold_of: np.ndarray, k: int, golds: np.ndarray
) -> float:
    """The GRID threshold best over the inner folds j != k, each judged in a clustering
    whose pairs a model trained without folds k and j scored (fold k never used)."""
    ps = sets[name]
    pairs = list(zip(ps.a.tolist(), ps.b.tolist(), strict=True))
    scores = np.zeros((len(GRID), FOLDS - 1))
    inner = [j for j in range(FOLDS) if j != k]
    for c, j in enumerate(inner):
        out = np.isin(fold_of[ps.a], [k, j]) | np.isin(fold_of[ps.b], [k, j])
        probs = probabilities(fit(sets, {name: ~out}), ps)
        items = np.flatnonzero(fold_of == j)
        for g, t in enumerate(GRID):
            labels = average_linkage(len(golds), _weights(pairs, probs), t)
            scores[g, c] = f1(item_bcubed(golds, labels, items))
    return GRID[int(np.argmax(scores.mean(axis=1)))]


def french(sets: dict[str, PairSet], name: str, nested: bool = True) -> dict[str, object]:
    """Grouped by story: fold k's headlines are judged in the clustering of the whole set
    whose every pair was scored by a model that never saw fold k's stories; at the fixed
    threshold, and at the one nested CV picks (`_nested_threshold`)."""
    ps = sets[name]
    golds = np.asarray(ps.stories)
    folds = [test for _, test in grouped_folds(golds, FOLDS)]
    fold_of = np.zeros(len(golds), dtype=np.int64)
    for k, m in enumerate(folds):
        fold_of[m] = k
    pairs = list(zip(ps.a.tolist(), ps.b.tolist(), strict=True))
    pr = np.zeros((len(golds), 2))
    pr_cv = np.zeros((len(golds), 2))
    picked = []
    oof = np.zeros(len(ps.y))
    for k, m in enumerate(folds):
        keep = (fold_of[ps.a] != k) & (fold_of[ps.b] != k)
        model = fit(sets, {name: keep})
        probs = probabilities(model, ps)
        oof[~keep] = probs[~keep]
        labels = average_linkage(len(golds), _weights(pairs, probs), THRESHOLD)
        pr[m] = item_bcubed(golds, labels, m)
        picked.append(_nested_threshold(sets, name, fold_of, k, golds) if nested else THRESHOLD)
        labels = average_linkage(len(golds), _weights(pairs, probs), picked[-1])
        pr_cv[m] = item_bcubed(golds, labels, m)
    alone = list(range(len(ps.docs)))
    cos, use_labels = _use_linkage(ps)
    use_picks, use_pr = cv_thresholds(golds, folds, use_labels)
    split = {}
    if name == "fr-day-dev":
        wx = _bulletins(ps)
        pr_alone = item_bcubed(golds, alone, np.arange(len(golds)))
        for part, rows in (("bulletins", wx), ("other", ~wx)):
            split[part] = {
                "docs": int(rows.sum()),
                "f1": f1(pr[rows]),
                "f1_cv": f1(pr_cv[rows]),
                "singletons": f1(pr_alone[rows]),
                "use_cv": f1(use_pr[rows]),
            }
    use_in_sample = max(f1(item_bcubed(golds, lab, np.arange(len(golds)))) for lab in use_labels)
    out_folds = []
    for k, m in enumerate(folds):
        out_folds.append(
            {
                "fold": k,
                "docs": len(m),
                "f1": f1(pr[m]),
                "f1_cv": f1(pr_cv[m]),
                "threshold_cv": picked[k],
                "singletons": f1(item_bcubed(golds, alone, m)),
                "use_cv": f1(use_pr[m]),
                "use_threshold": float(cos[use_picks[k]]),
            }
        )
        print(name, out_folds[-1], flush=True)
    return {
        "folds": out_folds,
        "f1": f1(pr),
        "precision": float(pr[:, 0].mean()),
        "recall": float(pr[:, 1].mean()),
        "f1_cv": f1(pr_cv),
        "precision_cv": float(pr_cv[:, 0].mean()),
        "recall_cv": float(pr_cv[:, 1].mean()),
        "split": split,
        "singletons": f1(item_bcubed(golds, alone, np.arange(len(golds)))),
        "use_cv": f1(use_pr),
        "use_in_sample": use_in_sample,
        "pair_auc": _auc(ps.y, oof),
        "semeval_pair_auc": _auc(ps.y, -ps.X[:, ps.names.index("semeval_overall")]),
    }


def examples(sets: dict[str, PairSet], threshold: float) -> dict[str, object]:
    ps = sets["examples"]
    model = fit({k: v for k, v in sets.items() if k != "examples"})
    lab = labelled("examples")
    docs = [doc_from_analysis(lab.analyses[d]) for d in ps.docs]
    cands = candidate_pairs(docs, DEFAULT_SETTINGS)
    index = {(int(a), int(b)): r for r, (a, b) in enumerate(zip(ps.a, ps.b, strict=True))}
    rows = np.array([index[p] for p in cands])
    labels = average_linkage(
        len(ps.docs), _weights(cands, probabilities(model, ps, rows)), threshold
    )
    golds = np.asarray(ps.stories)
    found = sum(
        1
        for s in set(ps.stories)
        if len({labels[i] for i in np.flatnonzero(golds == s)}) == 1
        and all(
            golds[j] == s
            for j in range(len(golds))
            if labels[j] == labels[np.flatnonzero(golds == s)[0]]
        )
    )
    return {
        "stories": len(set(ps.stories)),
        "found": found,
        "n_pred": len(set(labels)),
        "f1": f1(item_bcubed(golds, labels, np.arange(len(golds)))),
        "threshold": threshold,
    }


def pairs_leave_source_out(sets: dict[str, PairSet]) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for name, ps in sets.items():
        if name == "ecbplus-dev":
            continue  # leave-topic-out instead (ecb_leave_topic_out)
        model = fit({k: v for k, v in sets.items() if k != name})
        p = probabilities(model, ps)
        case = ps.X[:, ps.names.index("evidence_min")].round().astype(int)
        cal = {}
        for c, label in enumerate(CASES):
            rows = case == c
            if rows.sum() >= 20:
                sure = rows & (p >= 0.9)
                cal[label] = {
                    "n": int(rows.sum()),
                    "mean_p": float(p[rows].mean()),
                    "same_rate": float(ps.y[rows].mean()),
                    "p>=0.9": int(sure.sum()),
                    "p>=0.9 precision": float(ps.y[sure].mean()) if sure.any() else None,
                }
        out[name] = {
            "n": len(ps.y),
            "same": int(ps.y.sum()),
            "auc": _auc(ps.y, p),
            "semeval_auc": _auc(ps.y, -ps.X[:, ps.names.index("semeval_overall")]),
            "brier": float(np.mean((p - ps.y) ** 2)),
            "cases": cal,
        }
        print("pairs", name, json.dumps(out[name]), flush=True)
    return out
