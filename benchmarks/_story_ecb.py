"""bench_story on ECB+ dev: leave-topic-out clustering and pair AUC."""

from __future__ import annotations

import dataclasses

import numpy as np

from _story_data import PAIR_CACHE, VERSION, PairSet, labelled, topic, upgrade
from _story_eval import FOLDS, _auc, _weights, f1, item_bcubed, probabilities
from samestory.cluster import doc_from_analysis
from samestory.cluster.batch import average_linkage, candidate_pairs
from samestory.match.evaluate import grouped_folds
from samestory.match.eventyears import YEAR_DOCS
from samestory.match.story import StoryModel
from samestory.settings import DEFAULT_SETTINGS
from train_story import fit

# --- ECB+: leave-topic-out, nested ---


def _fold_pairs(ps: PairSet, members: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Candidate pairs of a subset of docs (as batch clustering of it would make), as
    global doc indices, with their pair-set rows (computed here when the set lacks them)."""
    cache = (
        PAIR_CACHE / f"{ps.name}-fold-{abs(hash(tuple(members.tolist()))) % 10**8}-v{VERSION}.npz"
    )
    lab = None
    index = {(int(a), int(b)): r for r, (a, b) in enumerate(zip(ps.a, ps.b, strict=True))}
    lab = labelled(ps.name)
    docs = [doc_from_analysis(lab.analyses[ps.docs[m]]) for m in members]
    pairs = [(int(members[i]), int(members[j])) for i, j in candidate_pairs(docs, DEFAULT_SETTINGS)]
    missing = [p for p in pairs if p not in index]
    if missing and not cache.is_file():
        from _story_data import engine_scorer
        from samestory.match import pair_evidence

        rows = [
            pair_evidence(
                lab.analyses[ps.docs[a]],
                lab.analyses[ps.docs[b]],
                DEFAULT_SETTINGS,
                engine_scorer(),
            )
            for a, b in missing
        ]
        np.savez(
            cache, X=np.array([[r[n] for n in ps.names] for r in rows]), pairs=np.array(missing)
        )
    if missing:
        z = np.load(cache)
        start = len(ps.y)
        added = z["X"]
        # A cache older than the YEAR_DOCS features lacks them (`upgrade` appends them to
        # `cols`); the evidence case is recomputed either way.
        cols = [n for n in ps.names if added.shape[1] == len(ps.names) or n not in YEAR_DOCS]
        sides = [(lab.analyses[ps.docs[a]], lab.analyses[ps.docs[b]]) for a, b in z["pairs"]]
        added = upgrade(added, cols, sides)
        added = added[:, [cols.index(n) for n in ps.names]]
        ps.X = np.vstack([ps.X, added])
        ps.a = np.concatenate([ps.a, z["pairs"][:, 0]])
        ps.b = np.concatenate([ps.b, z["pairs"][:, 1]])
        ps.y = np.concatenate(
            [ps.y, np.array([ps.stories[a] == ps.stories[b] for a, b in missing], dtype=np.int8)]
        )
        ps.extra["added"] = np.concatenate(
            [ps.extra.get("added", np.zeros(start, bool)), np.ones(len(missing), bool)]
        )
        index.update({p: start + k for k, p in enumerate(missing)})
    return pairs, np.array([index[p] for p in pairs], dtype=np.int64)


def ecb_leave_topic_out(sets: dict[str, PairSet], threshold: float) -> dict[str, object]:
    # A copy takes the fold candidates that the pair set lacks, for scoring only: the
    # sets every model trains on stay as train_story.py builds them.
    ps = dataclasses.replace(sets["ecbplus-dev"], extra=dict(sets["ecbplus-dev"].extra))
    n_docs = len(ps.docs)
    topics = np.array([topic(s) for s in ps.stories])
    fold_of = np.zeros(n_docs, dtype=np.int64)
    for k, (_, test) in enumerate(grouped_folds(topics, FOLDS)):
        fold_of[test] = k
    members = [np.flatnonzero(fold_of == k) for k in range(FOLDS)]
    fold_pairs = [_fold_pairs(ps, m) for m in members]
    n_original = len(ps.y) - int(ps.extra.get("added", np.zeros(0, bool)).sum())

    def mask(excluded: set[int]) -> np.ndarray:
        # Only the pair set's own rows train (the added fold candidates are for scoring).
        ok = ~np.isin(fold_of[ps.a], list(excluded)) & ~np.isin(fold_of[ps.b], list(excluded))
        ok[n_original:] = False
        return ok

    def cluster_fold(model: StoryModel, k: int, t: float) -> np.ndarray:
        pairs, rows = fold_pairs[k]
        local = {int(g): i for i, g in enumerate(members[k])}
        w = {
            (local[a], local[b]): p
            for (a, b), p in _weights(pairs, probabilities(model, ps, rows)).items()
        }
        labels = average_linkage(len(members[k]), w, t)
        return np.asarray(labels)

    golds = np.asarray(ps.stories)
    folds_out = []
    pr_all = np.zeros((n_docs, 2))
    pair_scores = np.zeros(0)
    pair_labels = np.zeros(0)
    for k in range(FOLDS):
        model_k = fit(sets, {"ecbplus-dev": mask({k})})
        labels = cluster_fold(model_k, k, threshold)
        pr = item_bcubed(golds[members[k]], labels, np.arange(len(members[k])))
        pr_all[members[k]] = pr
        in_fold = (fold_of[ps.a] == k) & (fold_of[ps.b] == k)
        in_fold[n_original:] = False
        rows = np.flatnonzero(in_fold)
        pair_scores = np.concatenate([pair_scores, probabilities(model_k, ps, rows)])
        pair_labels = np.concatenate([pair_labels, ps.y[in_fold]])
        alone = list(range(len(members[k])))
        folds_out.append(
            {
                "fold": k,
                "docs": len(members[k]),
                "topics": len(set(topics[members[k]])),
                "threshold": threshold,
                "f1": f1(pr),
                "singletons": f1(item_bcubed(golds[members[k]], alone, np.arange(len(alone)))),
            }
        )
        print("ecb fold", folds_out[-1], flush=True)
    return {
        "folds": folds_out,
        "f1": f1(pr_all),
        "precision": float(pr_all[:, 0].mean()),
        "recall": float(pr_all[:, 1].mean()),
        "pair_auc": _auc(pair_labels, pair_scores),
        "semeval_pair_auc": _auc(
            pair_labels, _semeval_scores(ps, pair_labels, fold_of, n_original)
        ),
    }


def _semeval_scores(ps: PairSet, _: np.ndarray, fold_of: np.ndarray, n_original: int) -> np.ndarray:
    """The SemEval scorer's Overall (negated) over the same pairs, in the same order."""
    out = []
    for k in range(FOLDS):
        in_fold = (fold_of[ps.a] == k) & (fold_of[ps.b] == k)
        in_fold[n_original:] = False
        out.append(-ps.X[in_fold, ps.names.index("semeval_overall")])
    return np.concatenate(out)
