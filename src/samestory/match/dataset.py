"""SemEval-2022 Task 8 pairs -> feature matrix, gold scores and CV groups.

Training data for `LearnedScorer`. Nothing here copies the data anywhere: it is read
from wherever the caller keeps it (../shared/data for this project).
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import InputError, NotFoundError
from ..models import DIMENSIONS, Analysis, Article
from . import compare_analyses

if TYPE_CHECKING:
    from ..engine import Engine

__all__ = ["SemevalPair", "gold_arrays", "group_ids", "load_semeval", "pair_feature_matrix"]


@dataclass(frozen=True, slots=True)
class SemevalPair:
    pair_id: str
    lang: str  # "en" for a one-language pair, "de-en" across two
    a: Article
    b: Article
    gold: dict[str, float]  # keyed by DIMENSIONS, 1 (very similar) .. 4


def load_semeval(path: str | Path) -> list[SemevalPair]:
    """Labelled pairs from a JSON Lines file; a bad file is one `InputError` naming the line."""
    source = Path(path)
    if not source.is_file():
        raise NotFoundError(f"{source}: no such file")
    pairs: list[SemevalPair] = []
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            l1, l2 = r["lang1"], r["lang2"]
            a, b = (
                Article.create(r[f"title{i}"] or "", r[f"text{i}"] or "", language=r[f"lang{i}"])
                for i in (1, 2)
            )
            gold = {d: float(r["scores"][d.capitalize()]) for d in DIMENSIONS}
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{source}:{number}: not a labelled pair ({exc!r})") from None
        lang = l1 if l1 == l2 else f"{l1}-{l2}"
        pairs.append(SemevalPair(str(r.get("pair_id", number)), lang, a, b, gold))
    if not pairs:
        raise InputError(f"{source}: no labelled pairs in it")
    return pairs


def pair_feature_matrix(
    pairs: Sequence[SemevalPair],
    engine: Engine,
    analyses: MutableMapping[str, Analysis] | None = None,
) -> tuple[np.ndarray, list[str]]:
    """(X, column names): the features `compare_analyses` returns, columns sorted by name.

    `analyses` (article id -> Analysis) is used and filled as a cache, so a caller can
    keep the slow part (embedding every sentence) across runs.
    """
    # Many articles appear in several pairs; analysing each once halves the time.
    cache: MutableMapping[str, Analysis] = {} if analyses is None else analyses

    def analysis(article: Article) -> Analysis:
        if article.id not in cache:
            cache[article.id] = engine.analyse(article)
        return cache[article.id]

    rows: list[dict[str, float]] = []
    for p in pairs:
        rows.append(compare_analyses(analysis(p.a), analysis(p.b), engine.settings).features)
    names = sorted(rows[0]) if rows else []
    X = np.array([[row.get(n, -1.0) for n in names] for row in rows], dtype=np.float64)
    return X.reshape(len(rows), len(names)), names


def gold_arrays(pairs: Sequence[SemevalPair]) -> dict[str, np.ndarray]:
    return {d: np.array([p.gold[d] for p in pairs], dtype=np.float64) for d in DIMENSIONS}


def group_ids(pairs: Sequence[SemevalPair]) -> np.ndarray:
    """One group id per pair; pairs that share an article (by content id) share a group.

    Union-find over article ids, so grouped CV never tests a pair whose article the
    model saw in training (that leaks: the article's other pairs carry its score).
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p.a.id), find(p.b.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots: dict[str, int] = {}
    return np.array([roots.setdefault(find(p.a.id), len(roots)) for p in pairs], dtype=np.int64)
