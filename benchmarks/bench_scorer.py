"""Held-out quality of the learned pair scorer on SemEval-2022 Task 8 train.

Analyses every article once (cached under /tmp, keyed by the data file; --refresh
re-analyses), computes the pair features from those analyses, then runs grouped 5-fold
CV (pairs sharing an article stay in one fold) and leave-one-language-pair-out, and
writes the figures to BENCHMARKS.md next to the hand-set scorer's in-sample ones. Also
plots the calibration of the out-of-fold same-story probability to
docs/calibration.png (needs matplotlib: pip install 'samestory[bench]').

    python benchmarks/bench_scorer.py [--refresh] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from _report import ROOT, write_section
from samestory.engine import Engine
from samestory.match import HandSetScorer
from samestory.match.dataset import (
    SemevalPair,
    gold_arrays,
    group_ids,
    load_semeval,
    pair_feature_matrix,
)
from samestory.match.ensemble import (
    BOOST_LEAVES,
    BOOST_RATE,
    BOOST_ROUNDS,
    MAX_FEATURES,
    MEMBERS,
    MIN_LEAF,
    N_TREES,
    RIDGE_ALPHA,
)
from samestory.match.evaluate import (
    grouped_folds,
    leave_one_language_out,
    pearson,
    pearson_report,
    same_story_metrics,
)
from samestory.match.learned import LearnedScorer
from samestory.models import DIMENSIONS
from samestory.settings import Settings

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
CACHE = Path(tempfile.gettempdir()) / "samestory-bench"
PLOT = ROOT / "docs" / "calibration.png"


def _features(pairs: list[SemevalPair], refresh: bool) -> tuple[np.ndarray, list[str], float]:
    """Feature matrix from cached analyses: features change often, analyses rarely."""
    settings = Settings(scorer="hand-set")
    key = hashlib.sha256(DATA.read_bytes())
    key.update(
        f"{settings.embedder}/{settings.scorer_embedder}/{settings.max_sentences}/"
        f"{settings.head_sentences}".encode()
    )
    path = CACHE / f"semeval-analyses-{key.hexdigest()[:12]}.pkl"
    analyses: dict[str, Any] = {}
    if path.is_file() and not refresh:
        analyses = pickle.loads(path.read_bytes())  # our own cache file, written below
    before = len(analyses)
    start = time.perf_counter()
    X, names = pair_feature_matrix(pairs, Engine(settings), analyses)
    seconds = time.perf_counter() - start
    if len(analyses) != before:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(analyses, protocol=pickle.HIGHEST_PROTOCOL))
    return X, names, seconds


def _r(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _out_of_fold(
    X: np.ndarray, names: list[str], gold: dict[str, np.ndarray], groups: np.ndarray
) -> tuple[dict[str, np.ndarray], np.ndarray, dict[str, np.ndarray]]:
    """Grouped 5-fold (seed 0, as `samestory eval semeval --cv`): the shipped model's
    out-of-fold scores and probabilities, and each blend member's Overall alone."""
    pred = {d: np.zeros(len(X)) for d in DIMENSIONS}
    prob = np.zeros(len(X))
    members = {m: np.zeros((len(X), len(DIMENSIONS))) for m in MEMBERS}
    for train, test in grouped_folds(groups, 5, 0):
        model = LearnedScorer.fit(X[train], names, {d: gold[d][train] for d in DIMENSIONS})
        scores, prob[test] = model.predict(X[test])
        for d in DIMENSIONS:
            pred[d][test] = scores[d]
        for m in MEMBERS:
            members[m][test] = model.raw_predict(X[test], member=m)
    return pred, prob, members


def _calibration(gold_overall: np.ndarray, prob: np.ndarray) -> tuple[list[str], str]:
    """Reliability table lines (10 equal-width bins) and the plot's fate."""
    labels = (gold_overall <= 2.0).astype(float)
    bins = np.minimum((prob * 10).astype(int), 9)
    rows, xs, ys, ns = [], [], [], []
    for k in range(10):
        m = bins == k
        if m.any():
            xs.append(float(prob[m].mean()))
            ys.append(float(labels[m].mean()))
            ns.append(int(m.sum()))
            rows.append(
                f"| {k / 10:.1f}-{(k + 1) / 10:.1f} | {ns[-1]} | {xs[-1]:.2f} | {ys[-1]:.2f} |"
            )
    ece = sum(n * abs(x - y) for n, x, y in zip(ns, xs, ys, strict=True)) / len(prob)
    brier = float(np.mean((prob - labels) ** 2))
    lines = [
        "| predicted p | pairs | mean p | observed same-story share |",
        "|---|---|---|---|",
        *rows,
        "",
        f"Brier score {brier:.3f}, expected calibration error {ece:.3f}.",
    ]
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("calibration plot skipped: matplotlib is not installed (pip install '.[bench]')")
        return lines, "not drawn (matplotlib missing)"
    fig, ax = plt.subplots(figsize=(4.5, 4.5), dpi=100)
    ax.plot([0, 1], [0, 1], ls="--", color="grey", lw=1, label="perfect calibration")
    ax.plot(xs, ys, marker="o", label="learned scorer, out of fold")
    for x, y, n in zip(xs, ys, ns, strict=True):
        ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("predicted same-story probability")
    ax.set_ylabel("share of pairs with gold Overall <= 2")
    ax.set_title(f"SemEval-2022 Task 8 train, grouped 5-fold\nBrier {brier:.3f}, ECE {ece:.3f}")
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    PLOT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(PLOT, metadata={"Software": None})
    plt.close(fig)
    return lines, f"[{PLOT.relative_to(ROOT)}]({PLOT.relative_to(ROOT)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="re-analyse the articles")
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
    pred, prob, members = _out_of_fold(X, names, gold, groups)
    cv_s = time.perf_counter() - start
    cv = pearson_report(pred, gold, langs)
    same = same_story_metrics(gold["overall"], prob)
    lolo = leave_one_language_out(X, names, gold, langs, groups)
    start = time.perf_counter()
    full = LearnedScorer.fit(X, names, gold)
    fit_s = time.perf_counter() - start
    calibration, plot = _calibration(gold["overall"], prob)

    # Mean |tree-path contribution| to Overall over all pairs (full fit, own forest per
    # pair): what the explanations in `compare` will most often name.
    weight = dict.fromkeys(names, 0.0)
    for row in X:
        for d in full.explain(dict(zip(names, row.tolist(), strict=True)), top=len(names)):
            if d["feature"] != "bias":
                weight[d["feature"]] += abs(d["contribution"]) / len(X)
    ranked = sorted(weight.items(), key=lambda t: -t[1])

    n_cross = int((X[:, names.index("same_language")] < 0.5).sum())
    lines = [
        "## Learned scorer, held out, SemEval-2022 Task 8 train (`benchmarks/bench_scorer.py`)",
        "",
        f"{len(pairs)} pairs in {len(set(groups.tolist()))} article-sharing groups, "
        f"{len(names)} features; features {feat_s:.0f} s (from cached analyses), grouped "
        f"5-fold CV {cv_s:.0f} s, one full fit {fit_s:.1f} s. Model `{full.name}`: the mean "
        f"of a multi-output random forest ({N_TREES} trees, leaf >= {MIN_LEAF}, "
        f"{MAX_FEATURES:.0%} of the features per split), gradient-boosted trees per dimension "
        f"({BOOST_ROUNDS} rounds x {BOOST_RATE}, {BOOST_LEAVES} leaves) and a ridge regression "
        f"(alpha {RIDGE_ALPHA:g}, standardised features) for pairs in one language, and a "
        "second such blend without the surface-text features for pairs across languages "
        f"({n_cross} here by detected language); same-story probability by Platt scaling of "
        "the held-out (out-of-bag, internal 5-fold) Overall. Pearson of out-of-fold "
        "predictions vs. gold:",
        "",
        "| scorer | " + " | ".join(DIMENSIONS) + " |",
        "|---|" + "---|" * len(DIMENSIONS),
        "| learned, grouped 5-fold CV | "
        + " | ".join(_r(cv["pearson"][d]) for d in DIMENSIONS)
        + " |",
        *[
            f"| its {m} member alone, same folds | "
            + " | ".join(_r(pearson(members[m][:, k], gold[d])) for k, d in enumerate(DIMENSIONS))
            + " |"
            for m in MEMBERS
        ],
        "| learned-v2 (forest only, 43 features), same folds, 2026-11-23 | 0.772 | 0.605 | "
        "0.744 | 0.357 | 0.739 | 0.416 | 0.449 |",
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
        f"F1 at p >= 0.5 {_r(same['f1'])}. Calibration ({plot}):",
        "",
        *calibration,
        "",
        "Mean |contribution| to Overall (tree-path decomposition, full fit): "
        + ", ".join(f"{n} {v:.3f}" for n, v in ranked[:8])
        + ".",
        "",
        "Leave-language-out trains on every other language pair (minus pairs sharing an "
        "article with the held-out one), so it says how the model carries to a language "
        "it never saw; the hand-set row is in-sample (its anchors were read off this data). "
        "Target: 0.80 Overall (SemEval-2022 winner: 0.818 on the official test set with "
        "GPU-trained XLM-R ensembles); grouped CV here: "
        f"{_r(cv['pearson']['overall'])}, "
        + ("**met**." if (cv["pearson"]["overall"] or 0) >= 0.80 else "**missed**.")
        + " What moved it from learned-v2's 0.772: the e5 head cosine `head_cos_e5` "
        "(compare the forest member's row with learned-v2's; alone, its Pearson with gold "
        "Overall is -0.74 against -0.65 for USE's head cosine, 2026-11-24) and the blend "
        "of three members (the learned row against each member's). The cross-language "
        "model does not read `head_cos_e5`: e5 puts two languages' reports of one story "
        "further apart than one language's, and with it 15 of the example corpus's 64 "
        "cross-language same-story pairs scored above 2 (10 without; CV 0.807 with it "
        "there, 0.801 without). Tried on the same folds and not kept: e5 embeddings of "
        "every sentence "
        "(doc, lead-weighted doc, alignment: +0.003 over the head alone, at ~10x the e5 "
        "cost per article), e5 over the first 5 or 10 sentences (+0.000 / +0.003), the "
        "nine USE lead and best-match features of an earlier try (-0.002 with e5), "
        "stacking Overall on the seven predicted dimensions, learned member weights, an "
        "RBF SVR member, extra trees, language one-hot features, per-label entity "
        "Jaccards and corpus-IDF-weighted entity overlap, sentence-order rank "
        "correlation, mentioned-date distances and more window sizes (each within "
        "+-0.002 before e5). Many of the largest remaining errors are pairs whose "
        "scraped text is a paywall, cookie or IP-block page.",
    ]
    write_section("scorer_cv", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
