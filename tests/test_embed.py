from __future__ import annotations

import numpy as np
import pytest

from samestory.analyse.embed import HashingEmbedder, UseEmbedder, get_embedder
from samestory.errors import ConfigError, ModelUnavailableError


def test_use_is_cross_lingual_and_normalised() -> None:
    emb = UseEmbedder(threads=2)
    v = emb.encode(
        [
            "The defence minister visited Baku on Monday.",
            "Le ministre de la Défense s'est rendu à Bakou lundi.",
            "A recipe for chocolate cake with butter.",
        ]
    )
    assert v.shape == (3, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


def test_batch_order_is_preserved_despite_length_sorting() -> None:
    emb = UseEmbedder(threads=2)
    texts = ["a much longer sentence about the economy and the budget", "short", "mid length one"]
    batch = emb.encode(texts)
    for i, t in enumerate(texts):
        assert np.allclose(batch[i], emb.encode([t])[0], atol=1e-4)


def test_hashing_fake_is_deterministic() -> None:
    h = HashingEmbedder(64)
    a, b = h.encode(["same text", "same text"])
    assert np.allclose(a, b) and h.encode([]).shape == (0, 64)


def test_e5_backend_loads_its_bundled_model() -> None:
    v = get_embedder("e5", 2)
    assert v is not None
    out = v.encode(["Gantz visits Baku", "Gantz en visite à Bakou", "chocolate cake"])
    assert out.shape == (3, 384)
    assert out[0] @ out[1] > out[0] @ out[2]


def test_unknown_and_unavailable_backends_are_clear_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError):
        get_embedder("word2vec", 2)
    with pytest.raises(ModelUnavailableError):
        get_embedder(f"st:{tmp_path}/missing", 2)
    assert get_embedder("none", 2) is None
