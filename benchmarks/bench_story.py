"""Same-story decision, out of sample only: pairs, clustering and SemEval, honestly selected.

    python benchmarks/bench_story.py [--skip-semeval]

Every figure comes from a model, and at a threshold, chosen without the data it is
measured on:
- Pairs, leave-one-source-out: the story model trained on the other sources, scored on
  one (AUC; calibration per evidence case).
- ECB+ dev, leave-topic-out (5 folds of topics): each fold's documents are clustered
  with a model trained without its topics (the fold never fits or picks anything).
- The batch threshold is not tuned anywhere (see THRESHOLD).
- French headlines dev and day-dev, grouped by story (5 folds): fold k's headlines are
  scored in a clustering of the whole set whose pairs a model trained without fold k's
  stories scored. Baselines in the same run: every headline alone, and USE + average
  linkage (threshold by CV over the stories; its best on the data itself is shown too,
  labelled in-sample).
- The example corpus: the model trained without it.
- SemEval-2022 train, nested grouped CV of the SemEval scorer: the inner folds pick a
  member of the blend, the outer fold reports it; the selection bias is the best inner
  score minus the outer score.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from _report import write_section
from _story_data import CLUSTERED, PAIR_CACHE, VERSION, PairSet, labelled, topic
from samestory.cluster import doc_from_analysis
from samestory.cluster.batch import average_linkage, candidate_pairs
from samestory.match.evaluate import grouped_folds
from samestory.match.learned import COPY_CONTAINMENT
from samestory.match.story import CASES, StoryModel
from samestory.settings import DEFAULT_SETTINGS
from train_story import fit, load_sets

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
        ps.X = np.vstack([ps.X, z["X"]])
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


def french(sets: dict[str, PairSet], name: str) -> dict[str, object]:
    """Grouped by story: fold k's headlines are judged in the clustering of the whole set
    whose every pair was scored by a model that never saw fold k's stories."""
    ps = sets[name]
    golds = np.asarray(ps.stories)
    folds = [test for _, test in grouped_folds(golds, FOLDS)]
    fold_of = np.zeros(len(golds), dtype=np.int64)
    for k, m in enumerate(folds):
        fold_of[m] = k
    pairs = list(zip(ps.a.tolist(), ps.b.tolist(), strict=True))
    pr = np.zeros((len(golds), 2))
    oof = np.zeros(len(ps.y))
    for k, m in enumerate(folds):
        keep = (fold_of[ps.a] != k) & (fold_of[ps.b] != k)
        model = fit(sets, {name: keep})
        probs = probabilities(model, ps)
        oof[~keep] = probs[~keep]
        labels = average_linkage(len(golds), _weights(pairs, probs), THRESHOLD)
        pr[m] = item_bcubed(golds, labels, m)
    alone = list(range(len(ps.docs)))
    cos, use_labels = _use_linkage(ps)
    use_picks, use_pr = cv_thresholds(golds, folds, use_labels)
    use_in_sample = max(f1(item_bcubed(golds, lab, np.arange(len(golds)))) for lab in use_labels)
    out_folds = []
    for k, m in enumerate(folds):
        out_folds.append(
            {
                "fold": k,
                "docs": len(m),
                "f1": f1(pr[m]),
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


# --- report ---


def _fmt(x: object) -> str:
    return "—" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def _met(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def report(r: dict[str, Any]) -> str:
    t = r["threshold"]
    lines = [
        "## Same-story decision, out of sample (`benchmarks/bench_story.py`)",
        "",
        "Every figure here is out of sample: the story model never trained on the data it",
        "scores, and no threshold was tuned on it (method in the benchmark's docstring).",
        "Model `story-v1`: boosted trees over the identity evidence, the SemEval scorer's",
        "Overall and head/title similarities, calibrated per evidence case. Batch threshold",
        f"{t} (not tuned: the calibrated probability's even odds).",
        "",
        "### Clustering (batch average linkage, BCubed F1)",
        "",
        "| data | protocol | BCubed F1 (P/R) | every item alone "
        "| USE + avg-link, threshold by CV over stories | target |",
        "|---|---|---|---|---|---|",
    ]
    ecb = r.get("ecbplus-dev")
    if ecb:
        single = float(np.mean([f["singletons"] for f in ecb["folds"]]))
        lines.append(
            f"| ECB+ dev (500 docs, 5 topic folds) | leave-topic-out | {ecb['f1']:.3f} "
            f"({ecb['precision']:.3f}/{ecb['recall']:.3f}) | {single:.3f} | — "
            f"| >= 0.95: {_met(ecb['f1'] >= 0.95)} |"
        )
    for name, label, target in (
        ("fr-day-dev", "French day-dev (2,719 headlines)", 0.90),
        ("fr-dev", "French headlines dev (1,332)", None),
    ):
        s = r.get(name)
        if not s:
            continue
        worst = min(f["f1"] - f["singletons"] for f in s["folds"])
        verdict = (
            f"never below alone on a fold: {_met(worst >= 0)}"
            if target is None
            else f">= {target}: {_met(s['f1'] >= target)}; never below every headline "
            f"alone on a fold: {_met(worst >= 0)}"
        )
        lines.append(
            f"| {label} | grouped by story, 5 folds | {s['f1']:.3f} "
            f"({s['precision']:.3f}/{s['recall']:.3f}) | {s['singletons']:.3f} "
            f"| {s['use_cv']:.3f} | {verdict} |"
        )
    ex = r.get("examples")
    if ex:
        lines.append(
            f"| examples ({ex['stories']} stories, 5 languages) | model trained without it "
            f"| {ex['f1']:.3f} | — | — | every story found: {ex['found']}/{ex['stories']} "
            f"{_met(ex['found'] == ex['stories'])} |"
        )
    lines += ["", "Per fold, BCubed F1 at the fixed threshold (every item alone):", ""]
    for name in ("ecbplus-dev", "fr-day-dev", "fr-dev"):
        s = r.get(name)
        if s:
            cells = "; ".join(f"{f['f1']:.3f} ({f['singletons']:.3f})" for f in s["folds"])
            lines.append(f"- {name}: {cells}")
    for name in ("fr-day-dev", "fr-dev"):
        s = r.get(name)
        if s:
            lines.append(
                f"- {name}: USE + average linkage at its best threshold on the data itself "
                f"(in-sample, an oracle): {s['use_in_sample']:.3f}; pair AUC of the story "
                f"model out of fold {_fmt(s['pair_auc'])}, of the SemEval scorer alone "
                f"{_fmt(s['semeval_pair_auc'])}."
            )
    lines += [
        "",
        "### Pairs (same-story probability, AUC)",
        "",
        "| data | protocol | pairs (same) | story model | SemEval scorer alone | Brier |",
        "|---|---|---|---|---|---|",
    ]
    if ecb:
        lines.append(
            f"| ECB+ dev | leave-topic-out | — | {_fmt(ecb['pair_auc'])} "
            f"| {_fmt(ecb['semeval_pair_auc'])} | — |"
        )
    for name, s in r.get("pairs", {}).items():
        lines.append(
            f"| {name} | leave-one-source-out | {s['n']} ({s['same']}) | {_fmt(s['auc'])} "
            f"| {_fmt(s['semeval_auc'])} | {s['brier']:.3f} |"
        )
    lines += [
        "",
        "Calibration per evidence case (leave-one-source-out): mean probability against the",
        "share that is the same story, and how often p >= 0.9 is right.",
        "",
        "| data | case | pairs | mean p | same share | p >= 0.9 | its precision |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in r.get("pairs", {}).items():
        for case, c in s["cases"].items():
            lines.append(
                f"| {name} | {case} | {c['n']} | {c['mean_p']:.3f} | {c['same_rate']:.3f} "
                f"| {c['p>=0.9']} | {_fmt(c['p>=0.9 precision'])} |"
            )
    sem = r.get("semeval")
    if sem:
        picks = ", ".join(f["picked"] for f in sem["folds"])
        lines += [
            "",
            "### SemEval-2022 train: nested grouped CV of the SemEval scorer",
            "",
            f"Outer Overall Pearson **{sem['outer']:.3f}** over {sem['n']} pairs (5 outer "
            f"grouped folds; inner grouped folds pick the blend member: {picks}). Best inner "
            f"score {sem['inner_best']:.3f}: selection bias {sem['bias']:+.3f}. Same-story "
            f"AUC (Overall <= 2) {_fmt(sem['same_story']['auc'])}. Target >= 0.80: "
            f"{_met(sem['outer'] >= 0.80)}.",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-semeval", action="store_true")
    ap.add_argument("--only", default="", help="comma list of parts (debugging; no write)")
    ap.add_argument("--sources", default="", help="comma list of sources (default: all)")
    args = ap.parse_args()
    sets = load_sets(tuple(args.sources.split(","))) if args.sources else load_sets()
    only = set(filter(None, args.only.split(",")))
    saved = PAIR_CACHE / "bench_story.json"
    # --only reruns some parts and keeps the others' figures from the last full run.
    results: dict[str, Any] = json.loads(saved.read_text()) if only and saved.is_file() else {}
    if not only or "pairs" in only:
        results["pairs"] = pairs_leave_source_out(sets)
    if "ecbplus-dev" in sets and (not only or "ecb" in only):
        results["ecbplus-dev"] = ecb_leave_topic_out(sets, THRESHOLD)
    for name in ("fr-day-dev", "fr-dev"):
        if name in sets and (not only or "french" in only):
            results[name] = french(sets, name)
    results["threshold"] = THRESHOLD
    if "examples" in sets and (not only or "examples" in only):
        results["examples"] = examples(sets, THRESHOLD)
    if "semeval" in sets and not args.skip_semeval and (not only or "semeval" in only):
        results["semeval"] = semeval_nested(sets["semeval"])
    saved.write_text(json.dumps(results, indent=1, default=float))
    body = report(results)
    if only:
        body += (
            f"\nThis run redid {sorted(only)}; the other parts are this benchmark's previous "
            "figures, kept in its results file.\n"
        )
    print(body)
    if all(n in results for n in ("pairs", *CLUSTERED[:3])) and "examples" in results:
        write_section("story", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
