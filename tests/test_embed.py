from __future__ import annotations

import numpy as np
import pytest

from samestory.analyse.embed import HashingEmbedder, UseEmbedder, get_embedder, model_cache_dir
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


def test_e5_precision_and_cache_settings_reach_the_model(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from samestory.engine import Engine
    from samestory.models import Article
    from samestory.settings import Settings

    cache = tmp_path / "models"
    env = {"SAMESTORY_E5_PRECISION": "fp32", "SAMESTORY_MODEL_CACHE_DIR": str(cache)}
    fp32_settings = Settings.from_env(env, embedder="none")
    int8_settings = fp32_settings.with_(e5_precision="int8")
    article = Article.create("Gantz visits Baku", "The minister met Aliyev on Monday.")
    fp32 = Engine(fp32_settings).analyse(article).scorer_embedding
    assert not cache.exists()  # fp32 derives nothing
    int8 = Engine(int8_settings).analyse(article).scorer_embedding
    assert fp32 is not None and int8 is not None
    assert len(list(cache.glob("e5-small-int8-*.onnx"))) == 1  # kept where the setting says
    assert 0.99 < float(fp32 @ int8) < 0.99999  # close, yet not the same model
    backend = get_embedder("e5", int8_settings.embed_threads, "int8", str(cache))  # the loaded one
    assert getattr(backend, "runtime", "") == "onnxruntime int8"
    with pytest.raises(ConfigError):
        get_embedder("e5", 2, "int4")


def test_model_cache_dir_setting(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    assert model_cache_dir("none") is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/x")
    assert model_cache_dir("") == Path("/var/cache/x/samestory")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert model_cache_dir("") == Path.home() / ".cache" / "samestory"
    assert model_cache_dir("~/m") == Path.home() / "m"
