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


# --- the same-story decision (issue 15): trained on one labelled source, measured on
# another it never saw, as benchmarks/bench_story.py does on every source at once. ---

FRENCH = SHARED / "data" / "french-headlines"
# Floors a little below what this test measured on its subsets.
STORY_AUC_FLOOR = 0.97  # measured 0.985 (440 headlines), 2026-12-07 (0.983 on 12-04)
# measured 0.943 with title-frame candidates (every headline alone: 0.896), 2026-12-07;
# 0.935 before them
DAY_F1_FLOOR = 0.93


def _headlines(path, keep):  # type: ignore[no-untyped-def]
    import json

    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if keep(r["story"])]


def test_story_model_holds_on_stories_it_never_saw() -> None:
    """A story model trained on a sixth of the real day's stories (day-dev), scored on
    a sixth of its other stories, grouped by story as bench_story.py does: pair AUC and
    batch BCubed F1 above pinned floors, and never below putting every headline alone."""
    day_path = FRENCH / "day-dev.jsonl"
    if not day_path.is_file():
        pytest.skip("../shared/data/french-headlines is not available")
    import datetime as dt
    import zlib

    from samestory.cluster import bcubed, doc_from_analysis
    from samestory.cluster.batch import average_linkage, candidate_pairs
    from samestory.engine import Engine
    from samestory.match import pair_evidence
    from samestory.match.story import STORY_FEATURES, StoryModel
    from samestory.models import Article
    from samestory.settings import Settings

    engine = Engine(Settings())

    def pick(story: str, mod: int) -> bool:
        return zlib.crc32(story.encode()) % mod == 0

    def analysed(rows):  # type: ignore[no-untyped-def]
        out = []
        for r in rows:
            when = dt.datetime.fromisoformat(r["published"]) if r.get("published") else None
            out.append(engine.analyse(Article.create(r["title"], "", published=when)))
        return out

    def pairs_of(analyses, golds):  # type: ignore[no-untyped-def]
        docs = [doc_from_analysis(a) for a in analyses]
        pairs = candidate_pairs(docs, engine.settings)
        rows = [
            pair_evidence(analyses[i], analyses[j], engine.settings, engine.scorer)
            for i, j in pairs
        ]
        names = list(STORY_FEATURES)
        X = np.array([[r.get(n, -1.0) for n in names] for r in rows])
        y = np.array([golds[i] == golds[j] for i, j in pairs], dtype=np.int8)
        return pairs, X, y, names

    train_rows = _headlines(day_path, lambda s: zlib.crc32(s.encode()) % 6 == 1)
    test_rows = _headlines(day_path, lambda s: pick(s, 6))
    train = analysed(train_rows)
    test = analysed(test_rows)
    _, Xtr, ytr, names = pairs_of(train, [r["story"] for r in train_rows])
    golds = [r["story"] for r in test_rows]
    pairs, Xte, yte, _ = pairs_of(test, golds)
    model = StoryModel.fit(Xtr, names, ytr)
    p = model.predict(Xte)
    from sklearn.metrics import roc_auc_score

    auc = float(roc_auc_score(yte, p))
    weights = {pair: float(q) for pair, q in zip(pairs, p, strict=True)}
    labels = average_linkage(len(test), weights, Settings().cluster_batch_threshold)
    f1 = bcubed(golds, labels)["f1"]
    alone = bcubed(golds, list(range(len(test))))["f1"]
    print(f"story gate: {len(test)} headlines, AUC {auc:.3f}, BCubed {f1:.3f}, alone {alone:.3f}")
    assert auc >= STORY_AUC_FLOOR
    assert f1 >= max(alone, DAY_F1_FLOOR)


# Extraction, as trafilatura's own CI gate: samestory's reader on the half of the
# trafilatura-eval pages its boilerplate choices were NOT made on (half B of bench_extraction,
# without the pages the issue named), scored as trafilatura's eval_common. Measured
# 2026-12-04: F1 0.940 (trafilatura 2.3.1 defaults on the same pages: 0.918).
EXTRACTION_F1_FLOOR = 0.93


def test_extraction_holds_on_pages_it_was_not_tuned_on() -> None:
    import json
    import logging
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_extraction as bx

    if not (bx.DATA / "evaldata.json").is_file():
        pytest.skip("../shared/data/trafilatura-eval is not available")
    evaldata = json.loads((bx.DATA / "evaldata.json").read_text("utf-8"))
    counts = bx.Counts()
    pages = 0
    logging.disable(logging.WARNING)
    try:
        for url, item in evaldata.items():
            path = bx.DATA / "pages" / item["file"]
            if bx.half_of(url, 16) != "B" or item["file"] in bx.NAMED or not path.exists():
                continue
            pages += 1
            counts.add(bx.count(item, bx.samestory_read(path)[0]))
    finally:
        logging.disable(logging.NOTSET)
    assert pages > 200
    assert counts.f1 >= EXTRACTION_F1_FLOOR, (counts.precision, counts.recall, counts.f1)
