"""bench_story on ECB+ dev: leave-topic-out clustering and pair AUC."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from _story_data import PAIR_CACHE, VERSION, PairSet, labelled, topic, upgrade
from _story_eval import FOLDS, _auc, _weights, f1, item_bcubed, probabilities
from samestory.cluster import OnlineClusterer, doc_from_analysis
from samestory.cluster.batch import average_linkage, candidate_pairs
from samestory.match.evaluate import grouped_folds
from samestory.match.story import StoryModel
from samestory.settings import DEFAULT_SETTINGS, Settings
from train_story import fit

# --- ECB+: leave-topic-out, nested ---

# Candidate generation and the online clusterer read SAMESTORY_* overrides (as `samestory
# ingest` does), so a candidate setting is screened leave-topic-out without a code change.
SETTINGS = Settings.from_env()


def _fold_pairs(ps: PairSet, members: np.ndarray) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Candidate pairs of a subset of docs (as batch clustering of it would make), as
    global doc indices, with their pair-set rows (computed here when the set lacks them)."""
    index = {(int(a), int(b)): r for r, (a, b) in enumerate(zip(ps.a, ps.b, strict=True))}
    lab = labelled(ps.name)
    docs = [doc_from_analysis(lab.analyses[ps.docs[m]]) for m in members]
    pairs = [(int(members[i]), int(members[j])) for i, j in candidate_pairs(docs, SETTINGS)]
    missing = [p for p in pairs if p not in index]
    # Named by the pairs it holds (ints hash the same in every run): another candidate
    # setting (SETTINGS from the environment) gets a cache of its own.
    cache = PAIR_CACHE / f"{ps.name}-fold-{abs(hash(tuple(missing))) % 10**8}-v{VERSION}.npz"
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
        # A cache older than a late column (`upgrade` appends them, last, to `cols`) holds
        # the leading columns; the evidence case is recomputed either way.
        cols = list(ps.names[: added.shape[1]])
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


class _FoldScorer:
    """The online clusterer's pair scorer for one fold: `model`'s probability of a pair,
    from the pair set's feature row when it has one, else from `pair_evidence` (the
    features the online path computes; kept for the other folds' models, on disk too)."""

    def __init__(self, model: StoryModel, ps: PairSet, extra: dict[tuple[int, int], np.ndarray]):
        self.model, self.ps, self.extra = model, ps, extra
        self.index = {(int(a), int(b)): r for r, (a, b) in enumerate(zip(ps.a, ps.b, strict=True))}
        self.pos = {d: i for i, d in enumerate(ps.docs)}
        self.computed = 0

    def __call__(self, a: str, b: str) -> float:
        i, j = sorted((self.pos[a], self.pos[b]))
        row = self.index.get((i, j))
        if row is not None:
            return float(probabilities(self.model, self.ps, np.array([row]))[0])
        if (i, j) not in self.extra:
            from _story_data import engine_scorer
            from samestory.match import pair_evidence

            lab = labelled(self.ps.name)
            r = pair_evidence(lab.analyses[a], lab.analyses[b], DEFAULT_SETTINGS, engine_scorer())
            self.extra[(i, j)] = np.array([r[n] for n in self.ps.names])
            self.computed += 1
        one = dataclasses.replace(self.ps, X=self.extra[(i, j)][None, :])
        return float(probabilities(self.model, one)[0])


def _online_fold(
    model: StoryModel, ps: PairSet, members: np.ndarray, extra: dict[tuple[int, int], np.ndarray]
) -> tuple[np.ndarray, int]:
    """Labels of the fold's documents fed in file order (ECB+ has no times) to the online
    clusterer `samestory ingest` runs (default settings: regrouping), settled at the end."""
    lab = labelled(ps.name)
    scorer = _FoldScorer(model, ps, extra)
    clusterer = OnlineClusterer(scorer, SETTINGS)
    clusterer.add_many([doc_from_analysis(lab.analyses[ps.docs[m]]) for m in members])
    clusterer.settle()
    ids = {s: n for n, s in enumerate(dict.fromkeys(clusterer.assignment.values()))}
    return np.array([ids[clusterer.assignment[ps.docs[m]]] for m in members]), scorer.computed


def _online_cache(ps: PairSet) -> tuple[dict[tuple[int, int], np.ndarray], Callable[[], None]]:
    """Feature rows of the pairs only the online runs asked (by doc index), kept on disk;
    the evidence case is recomputed from the analyses (`upgrade`), as for the pair sets."""
    path = PAIR_CACHE / f"ecbplus-dev-online-v{VERSION}.npz"
    extra: dict[tuple[int, int], np.ndarray] = {}
    if path.is_file():
        z = np.load(path)
        an = labelled(ps.name).analyses
        sides = [(an[ps.docs[a]], an[ps.docs[b]]) for a, b in z["pairs"]]
        X = upgrade(z["X"], list(ps.names[: z["X"].shape[1]]), sides)
        extra = {(int(a), int(b)): x for (a, b), x in zip(z["pairs"], X, strict=True)}

    def save() -> None:
        if extra:
            keys = sorted(extra)
            np.savez(path, pairs=np.array(keys), X=np.array([extra[k] for k in keys]))

    return extra, save


def ecb_leave_topic_out(
    sets: dict[str, PairSet], threshold: float, online: bool = True
) -> dict[str, object]:
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
    pr_online = np.zeros((n_docs, 2))
    extra, save_extra = _online_cache(ps)
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
        if online:
            on, computed = _online_fold(model_k, ps, members[k], extra)
            save_extra()
            pr_on = item_bcubed(golds[members[k]], on, np.arange(len(members[k])))
            pr_online[members[k]] = pr_on
            folds_out[-1]["online_f1"] = f1(pr_on)
            folds_out[-1]["online_pairs_computed"] = computed
        print("ecb fold", folds_out[-1], flush=True)
    out_online = (
        {
            "online_f1": f1(pr_online),
            "online_precision": float(pr_online[:, 0].mean()),
            "online_recall": float(pr_online[:, 1].mean()),
        }
        if online
        else {}
    )
    return {
        **out_online,
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
