"""The same-story model: per-evidence-case calibration, persistence, and its use."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from samestory.errors import ModelUnavailableError
from samestory.match.story import CASES, STORY_FEATURES, StoryModel, load_story_model

NAMES = list(STORY_FEATURES)
FULL = CASES.index("full text")


def _synthetic(n: int = 1500, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Full texts separate cleanly on semeval_overall; titles alone barely do."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(0, 1, size=(n, len(NAMES)))
    X[:, NAMES.index("same_language")] = 1.0
    case = rng.integers(0, len(CASES), size=n)
    X[:, NAMES.index("evidence_min")] = case
    y = rng.random(n) < 0.4
    noise = np.where(case == FULL, 0.2, 2.5)  # a title alone says little
    X[:, NAMES.index("semeval_overall")] = np.clip(
        np.where(y, 1.5, 3.5) + rng.normal(0, 1, n) * noise, 1, 4
    )
    return X, y.astype(np.int8)


@pytest.fixture(scope="module")
def model() -> StoryModel:
    X, y = _synthetic()
    return StoryModel.fit(X, NAMES, y, meta={"semeval_scorer": "learned-v3"})


def test_little_evidence_never_yields_a_confident_same(model: StoryModel) -> None:
    X, y = _synthetic(seed=1)
    p = model.predict(X)
    case = X[:, NAMES.index("evidence_min")]
    sure = p >= 0.9
    assert (sure & (case == FULL)).sum() > 50  # full texts: confident where right
    assert y[sure & (case == FULL)].mean() > 0.9
    assert p[case == 0].max() < 0.9  # titles alone: never that sure
    assert np.all((p >= 0.0) & (p <= 1.0))


def test_save_load_roundtrip(model: StoryModel, tmp_path: Path) -> None:
    X, _ = _synthetic(200, seed=2)
    path = tmp_path / "story.bin"
    model.save(path)
    loaded = StoryModel.load(path)
    assert loaded.names == NAMES and loaded.meta["semeval_scorer"] == "learned-v3"
    np.testing.assert_array_equal(model.predict(X), loaded.predict(X))
    assert model.probability(dict(zip(NAMES, X[0].tolist(), strict=True))) == pytest.approx(
        float(model.predict(X[:1])[0])
    )


def test_load_refuses_junk_and_unknown_features(model: StoryModel, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x80\x05junk")
    with pytest.raises(ModelUnavailableError):
        StoryModel.load(junk)
    other = StoryModel(["nope", *NAMES[1:]], model.within, model.cross, model.platt)
    path = tmp_path / "other.bin"
    path.write_bytes(other.to_bytes().replace(b'"nope"', b'"nope"', 1))
    with pytest.raises(ModelUnavailableError, match="features"):
        StoryModel.load(path)


def test_load_story_model_specs(tmp_path: Path) -> None:
    assert load_story_model("none") is None
    from samestory.errors import NotFoundError

    with pytest.raises(NotFoundError):
        load_story_model(str(tmp_path / "missing.bin"))


def test_title_frames_mask_names_and_numbers_and_need_plain_words() -> None:
    from samestory.match.titles import frame_key, title_frame

    a = "La météo du vendredi 10 janvier 2020 à Perros-Guirec"
    b = "La météo du vendredi 10 janvier 2020 à La Guerche-de-Bretagne"
    assert frame_key(a) == frame_key(b) != ""
    assert title_frame(a)[-2:] == ("à", "<N>")  # "La Guerche-de-Bretagne": one mask
    assert frame_key("Gimont. Rencontres du week-end") == ""  # two plain words: no series
    assert frame_key("Rennes : la météo du vendredi 10 janvier 2020") != frame_key(a)
