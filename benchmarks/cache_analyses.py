"""Cache the analyses of every labelled set, so quality benchmarks skip the slow part.

    python benchmarks/cache_analyses.py [--only ecbplus-dev,fr-dev,fr-day-dev,semeval-train]

Writes `<name>.pkl` under `SAMESTORY_ANALYSIS_CACHE` (default: the temp dir's
`samestory-analyses`), read by `_story_data.py` (bench_story, train_story) and
bench_stream.py. Each file holds the analyses made by the code it ran with, and the
`samestory` commit when known: rerun it after any change to analyse/ or ingest/, or the
benchmarks measure the old analysis. Clustering sets: {"ids", "golds", "analyses",
"source", "commit"} in file order, as `samestory eval clusters` analyses them; SemEval:
{"analyses": {article id: Analysis}, "commit"} as `pair_feature_matrix` fills it.
Labelled data is read from ../shared/data and never copied.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import tempfile
import time
from pathlib import Path

from _report import ROOT
from samestory.cli.eval_clusters import analyse_labelled, load_labelled
from samestory.engine import Engine
from samestory.match.dataset import load_semeval, pair_feature_matrix
from samestory.settings import Settings

DATA = ROOT.parent / "shared" / "data"
CACHE = Path(
    os.environ.get(
        "SAMESTORY_ANALYSIS_CACHE", str(Path(tempfile.gettempdir()) / "samestory-analyses")
    )
)
SETS = {
    "ecbplus-dev": DATA / "ecbplus" / "dev.jsonl",
    "fr-dev": DATA / "french-headlines" / "dev.jsonl",
    "fr-day-dev": DATA / "french-headlines" / "day-dev.jsonl",
}


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _write(name: str, payload: dict[str, object]) -> None:
    tmp = CACHE / f"{name}.pkl.tmp"
    tmp.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(CACHE / f"{name}.pkl")  # readers never see half a file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join([*SETS, "semeval-train"]))
    wanted = set(parser.parse_args().only.split(","))
    CACHE.mkdir(parents=True, exist_ok=True)
    engine = Engine(Settings(scorer="hand-set"))
    commit = _commit()
    for name, path in SETS.items():
        if name not in wanted:
            continue
        if not path.is_file():
            print(f"{name}: {path} absent, skipped")
            continue
        start = time.perf_counter()
        ids, golds, analyses = analyse_labelled(engine, load_labelled(path, None, engine.settings))
        _write(
            name,
            {
                "ids": ids,
                "golds": golds,
                "analyses": analyses,
                "source": str(path),
                "commit": commit,
            },
        )
        print(f"{name}: {len(ids)} documents in {time.perf_counter() - start:.0f} s")
    semeval = DATA / "semeval2022-task8" / "train.jsonl"
    if "semeval-train" in wanted and semeval.is_file():
        start = time.perf_counter()
        cache: dict[str, object] = {}
        pair_feature_matrix(load_semeval(semeval), engine, cache)  # type: ignore[arg-type]
        _write("semeval-train", {"analyses": cache, "commit": commit})
        print(f"semeval-train: {len(cache)} articles in {time.perf_counter() - start:.0f} s")
    print(f"written under {CACHE}")


if __name__ == "__main__":
    main()
