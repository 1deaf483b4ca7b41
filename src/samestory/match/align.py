"""Cross-lingual sentence alignment on sentence embeddings.

Greedy one-to-one matching on the cosine matrix: a sentence reused once should not
count twice towards coverage. Works across languages because the embedder is
multilingual.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from ..models import AlignedPair, Analysis

__all__ = ["Alignment", "align_sentences"]


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: list[AlignedPair]  # one-to-one, best first, above the threshold
    coverage_a: float  # share of A's sentences with a counterpart in B
    coverage_b: float
    mean_best: float  # mean over A and B of each sentence's best cosine
    order: float  # 1.0 when aligned pairs keep the same order (a translation/copy sign)


_EMPTY = Alignment([], 0.0, 0.0, 0.0, 0.0)


def align_sentences(a: Analysis, b: Analysis, threshold: float) -> Alignment:
    ea, eb = a.sentence_embeddings, b.sentence_embeddings
    if ea is None or eb is None or len(ea) == 0 or len(eb) == 0:
        return _EMPTY
    sim = ea @ eb.T
    best_a = sim.max(axis=1)
    best_b = sim.max(axis=0)
    mean_best = float((best_a.mean() + best_b.mean()) / 2)

    pairs: list[AlignedPair] = []
    flat = np.argsort(sim, axis=None)[::-1]
    used_a: set[int] = set()
    used_b: set[int] = set()
    for idx in flat:
        i, j = divmod(int(idx), sim.shape[1])
        score = float(sim[i, j])
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(AlignedPair(i, j, a.sentences[i].text, b.sentences[j].text, score))
        if len(used_a) == sim.shape[0] or len(used_b) == sim.shape[1]:
            break

    order = 0.0
    if len(pairs) >= 2:
        by_a = sorted(pairs, key=lambda p: p.index_a)
        increasing = sum(1 for p, q in itertools.pairwise(by_a) if q.index_b > p.index_b)
        order = increasing / (len(by_a) - 1)
    return Alignment(
        pairs=pairs,
        coverage_a=len(used_a) / sim.shape[0],
        coverage_b=len(used_b) / sim.shape[1],
        mean_best=mean_best,
        order=order,
    )
