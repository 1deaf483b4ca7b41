"""Same-story decision, out of sample only: pairs, clustering and SemEval, honestly selected.

    python benchmarks/bench_story.py [--skip-semeval]

Every figure comes from a model, and at a threshold, chosen without the data it is
measured on:
- Pairs, leave-one-source-out: the story model trained on the other sources, scored on
  one (AUC; calibration per evidence case).
- ECB+ dev, leave-topic-out (5 folds of topics): each fold's documents are clustered
  with a model trained without its topics (the fold never fits or picks anything), in
  batch and online: fed in file order to the clusterer `samestory ingest` runs
  (`OnlineClusterer`, default settings), settled at the end, scored by the same model.
  Candidate and online settings read `SAMESTORY_*` overrides (`_story_ecb.SETTINGS`).
- The batch threshold is not tuned anywhere (see THRESHOLD).
- French headlines dev and day-dev, grouped by story (5 folds): fold k's headlines are
  scored in a clustering of the whole set whose pairs a model trained without fold k's
  stories scored. Baselines in the same run: every headline alone, and USE + average
  linkage (threshold by CV over the stories; its best on the data itself is shown too,
  labelled in-sample). The story model is also clustered at the threshold nested CV
  picks: for outer fold k, each inner fold j != k is judged in a clustering scored by
  a model trained without folds k and j, and the GRID value best on average is used.
  Day-dev's dated weather bulletins are also reported apart (`_story_sets._bulletins`).
- The example corpus: the model trained without it.
- SemEval-2022 train, nested grouped CV of the SemEval scorer: the inner folds pick a
  member of the blend, the outer fold reports it; the selection bias is the best inner
  score minus the outer score.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from _report import write_section
from _story_data import CLUSTERED, PAIR_CACHE
from _story_ecb import ecb_leave_topic_out
from _story_eval import THRESHOLD
from _story_report import report
from _story_semeval import semeval_nested
from _story_sets import examples, french, pairs_leave_source_out
from train_story import load_sets


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-semeval", action="store_true")
    ap.add_argument(
        "--only",
        default="",
        help="comma list of parts: pairs, ecb, french, examples, semeval "
        "(debugging; prints, never writes BENCHMARKS.md)",
    )
    ap.add_argument("--sources", default="", help="comma list of sources (default: all)")
    ap.add_argument(
        "--report",
        action="store_true",
        help="rewrite the section from the last full run's results file (no measuring)",
    )
    args = ap.parse_args()
    saved = PAIR_CACHE / "bench_story.json"
    if args.report:
        results = json.loads(saved.read_text())
        body = report(results) + (
            "\nThe figures are those of the last full run (`python bench_story.py`, fresh "
            "pair caches); `--report` only rewrote this section from its results file.\n"
        )
        print(body)
        write_section("story", body)
        return 0
    sets = load_sets(tuple(args.sources.split(","))) if args.sources else load_sets()
    only = set(filter(None, args.only.split(",")))
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
    # A partial rerun mixes two runs' figures, so only a full run writes BENCHMARKS.md.
    if not only and all(n in results for n in ("pairs", *CLUSTERED[:3], "examples")):
        write_section("story", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
