"""Pearson of the hand-set scorer against SemEval-2022 Task 8 gold scores.

Reads ../shared/data/semeval2022-task8/train.jsonl (skips when absent), analyses both
sides of every pair with the default pipeline and compares them; writes per-dimension
and per-language-pair Pearson and the same-story ROC AUC to BENCHMARKS.md.

    python benchmarks/bench_semeval.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict

import numpy as np

from _report import ROOT, write_section
from samestory.engine import Engine
from samestory.models import DIMENSIONS, Article
from samestory.settings import Settings

DATA = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"


def _auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC by the rank-sum formula (ties get average ranks)."""
    order = scores.argsort()
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    pos = labels.sum()
    neg = len(labels) - pos
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N pairs only (0 = all)")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found")
        return 0
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    rows = rows[: args.limit] if args.limit else rows
    # The hand-set scorer, pinned: the default learned scorer was trained on this very
    # file, so scoring it here would be in-sample; its held-out figures come from
    # bench_scorer.py (grouped cross-validation).
    engine = Engine(Settings(scorer="hand-set"))
    pred: dict[str, list[float]] = defaultdict(list)
    gold: dict[str, list[float]] = defaultdict(list)
    prob, pair_lang = [], []
    start = time.perf_counter()
    for r in rows:
        a, b = (
            Article.create(r[f"title{i}"] or "", r[f"text{i}"] or "", language=r[f"lang{i}"])
            for i in (1, 2)
        )
        score = engine.compare(a, b)
        for d in DIMENSIONS:
            pred[d].append(score.scores[d])
            gold[d].append(r["scores"][d.capitalize()])
        prob.append(score.same_story)
        pair_lang.append(r["lang1"] if r["lang1"] == r["lang2"] else f"{r['lang1']}-{r['lang2']}")
    elapsed = time.perf_counter() - start

    def r_of(p: list[float], g: list[float]) -> float:
        return float(np.corrcoef(p, g)[0, 1])

    go, po = np.array(gold["overall"]), np.array(pred["overall"])
    langs = np.array(pair_lang)
    auc = _auc(go <= 2.0, np.array(prob))
    lines = [
        "## Scorer vs. SemEval-2022 Task 8 train (`benchmarks/bench_semeval.py`)",
        "",
        f"{len(rows)} pairs, hand-set scorer (`hand-set-v2`), default pipeline, "
        f"{elapsed:.0f} s end to end. Pearson of predicted vs. gold (higher is better):",
        "",
        "| " + " | ".join(DIMENSIONS) + " |",
        "|" + "---|" * len(DIMENSIONS),
        "| " + " | ".join(f"{r_of(pred[d], gold[d]):.3f}" for d in DIMENSIONS) + " |",
        "",
        "| language pair | n | Overall r |",
        "|---|---|---|",
        *[
            f"| {lp} | {(langs == lp).sum()} | {r_of(po[langs == lp], go[langs == lp]):.3f} |"
            for lp in sorted(set(pair_lang))
        ],
        "",
        f"Same story (gold Overall <= 2): ROC AUC {auc:.3f}.",
        "",
        "Caveat: this is the data the hand-set scorer's two scale anchors and its weights "
        "were read off, so these are in-sample figures, not a held-out estimate.",
    ]
    write_section("semeval", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
