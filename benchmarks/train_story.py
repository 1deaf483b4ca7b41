"""Train the shipped same-story model (src/samestory/data/story-v1.bin) from ../shared/data.

    python benchmarks/train_story.py [--out PATH]

Pairs from every labelled source (`_story_data`): ECB+ dev, French headlines dev and
day-dev, SemEval-2022 train, the example corpus. Two choices made here, both by
leave-one-source-out in `bench_story.py` (never on a source's own figures):
- The SemEval scorer's Overall is an input; on SemEval's own pairs the shipped scorer
  saw them in training, so those rows get its grouped 5-fold out-of-fold Overall
  instead (cached beside the pair features).
- Easy negatives (SemEval Overall >= EASY_OVERALL) are thinned to one in EASY_KEEP,
  each kept one weighted EASY_KEEP, so training is fast and calibration unchanged.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

import numpy as np

from _story_data import PAIR_CACHE, ROOT, SOURCES, VERSION, PairSet, available, pair_set
from samestory.match.learned import MODEL_NAME, data_hash
from samestory.match.story import STORY_FEATURES, StoryModel

EASY_OVERALL = 3.0
EASY_KEEP = 4
# Calibration folds keep each (source, story of the pair's first side) whole.
GROUPED_CALIBRATION = True
SHIPPED = ROOT / "src" / "samestory" / "data" / "story-v1.bin"


def semeval_oof(ps: PairSet) -> np.ndarray:
    """Grouped 5-fold out-of-fold Overall of the SemEval scorer on its own train pairs."""
    path = PAIR_CACHE / f"semeval-oof-v{VERSION}.npy"
    if path.is_file():
        return np.load(path)
    from samestory.match.evaluate import out_of_fold
    from samestory.match.learned import LearnedScorer, shipped_model_path

    shipped = shipped_model_path()
    assert shipped is not None
    cols = LearnedScorer.read_header(shipped)["features"]
    X = ps.X[:, [ps.names.index(c) for c in cols]]
    gold = {k[5:]: v for k, v in ps.extra.items() if k.startswith("gold_")}
    groups = np.array([int(s) for s in ps.stories])
    pred, _ = out_of_fold(X, cols, gold, groups)
    np.save(path, pred["overall"])
    return pred["overall"]


def load_sets(names: tuple[str, ...] = SOURCES) -> dict[str, PairSet]:
    sets = {n: pair_set(n) for n in names if available(n)}
    if "semeval" in sets:
        ps = sets["semeval"]
        ps.X = ps.X.copy()
        ps.X[:, ps.names.index("semeval_overall")] = semeval_oof(ps)
    return sets


def thin(ps: PairSet, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(rows kept, their weights): every hard pair, one easy negative in EASY_KEEP."""
    easy = (ps.y == 0) & (ps.X[:, ps.names.index("semeval_overall")] >= EASY_OVERALL)
    rng = np.random.default_rng(seed)
    keep = ~easy | (rng.random(len(ps.y)) < 1.0 / EASY_KEEP)
    return np.flatnonzero(keep), np.where(easy, float(EASY_KEEP), 1.0)[keep]


def fit(
    sets: Mapping[str, PairSet],
    masks: Mapping[str, np.ndarray] | None = None,
    seed: int = 0,
) -> StoryModel:
    """A model on every set's rows (or those `masks[name]` keeps: boolean per pair)."""
    xs, ys, ws, gs = [], [], [], []
    counts = {}
    for name, ps in sets.items():
        # By name: a rebuilt set has its columns sorted, an upgraded cache late ones last.
        cols = [ps.names.index(c) for c in STORY_FEATURES]
        rows, weight = thin(ps, seed)
        if masks is not None and name in masks:
            keep = masks[name][rows]
            rows, weight = rows[keep], weight[keep]
        xs.append(ps.X[rows][:, cols])
        ys.append(ps.y[rows])
        ws.append(weight)
        gs.append(np.array([f"{name}:{ps.stories[i]}" for i in ps.a[rows]]))
        counts[name] = len(rows)
    X, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    gold = {"overall": y.astype(np.float64)}
    meta = {
        "semeval_scorer": MODEL_NAME,
        "sources": counts,
        "data_hash": data_hash(X, {d: gold["overall"] for d in _DIMS}),
    }
    groups = np.concatenate(gs) if GROUPED_CALIBRATION else None
    return StoryModel.fit(X, list(STORY_FEATURES), y, w, seed=seed, meta=meta, groups=groups)


_DIMS = ("overall", "geography", "entities", "time", "narrative", "style", "tone")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(SHIPPED))
    ap.add_argument("--sources", default=",".join(SOURCES), help="comma list (default: all)")
    args = ap.parse_args()
    wanted = tuple(args.sources.split(","))
    sets = load_sets(wanted)
    missing = [n for n in wanted if n not in sets]
    if missing:
        print(f"labelled sources absent: {missing}; refusing to train a partial model")
        return 1
    model = fit(sets)
    model.save(args.out)
    print(f"wrote {args.out}: {model.meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
