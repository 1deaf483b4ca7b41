"""LearnedScorer, grouped CV and the Pearson report: synthetic units + one real-data check."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn")

from samestory.errors import ModelUnavailableError, NotFoundError
from samestory.match.evaluate import (
    cross_validate,
    grouped_folds,
    pearson_report,
)
from samestory.match.features import FEATURE_DOCS, WITHIN_LANGUAGE
from samestory.match.learned import LearnedScorer, load_scorer, shipped_model_path
from samestory.match.trees import TreeEnsemble
from samestory.models import DIMENSIONS

NAMES = sorted(FEATURE_DOCS)


def _synthetic(n: int = 240, seed: int = 0) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(0, 1, size=(n, len(NAMES)))
    # Overall driven by the first two columns, like head_cos/align features do.
    base = 4.0 - 2.5 * X[:, 0] - 0.5 * X[:, 1] + rng.normal(0, 0.2, n)
    gold = {d: np.clip(base + 0.1 * i, 1.0, 4.0) for i, d in enumerate(DIMENSIONS)}
    return X, gold


@pytest.fixture(scope="module")
def trained() -> tuple[LearnedScorer, np.ndarray]:
    X, gold = _synthetic()
    return LearnedScorer.fit(X, NAMES, gold), X


def test_score_follows_protocol(trained: tuple[LearnedScorer, np.ndarray]) -> None:
    model, X = trained
    scores, prob = model.score(dict(zip(NAMES, X[0].tolist(), strict=True)))
    assert set(scores) == set(DIMENSIONS)
    assert all(1.0 <= v <= 4.0 for v in scores.values())
    assert 0.0 <= prob <= 1.0
    # Missing features read as -1 ("no evidence") rather than failing.
    partial, _ = model.score({NAMES[0]: 0.9})
    full, _ = model.score({**{n: -1.0 for n in NAMES}, NAMES[0]: 0.9})
    assert partial == full


def test_save_load_roundtrip(trained: tuple[LearnedScorer, np.ndarray], tmp_path: Path) -> None:
    model, X = trained
    path = tmp_path / "scorer.bin"
    model.save(path)
    loaded = LearnedScorer.load(path)
    assert loaded.names == NAMES and loaded.name == model.name
    assert loaded.meta["data_hash"] == model.meta["data_hash"]
    before, after = model.predict(X), loaded.predict(X)
    # Equal to the last bits but one: the loaded arrays' memory layout may change the
    # order of a dot product's sums (seen at 8.9e-16 once the feature count changed).
    for d in DIMENSIONS:
        np.testing.assert_allclose(before[0][d], after[0][d], rtol=0, atol=1e-12)
    np.testing.assert_allclose(before[1], after[1], rtol=0, atol=1e-12)


def test_fit_is_deterministic(trained: tuple[LearnedScorer, np.ndarray]) -> None:
    model, X = trained
    again = LearnedScorer.fit(X, NAMES, _synthetic()[1])
    assert again.to_bytes() == model.to_bytes()  # the shipped file is reproducible


def test_numpy_trees_match_sklearn() -> None:
    from sklearn.ensemble import RandomForestRegressor

    X, gold = _synthetic(300, seed=2)
    Y = np.column_stack([gold[d] for d in DIMENSIONS])
    forest = RandomForestRegressor(n_estimators=15, min_samples_leaf=3, random_state=0).fit(X, Y)
    trees = TreeEnsemble.from_forest(forest)
    probe = np.random.default_rng(5).uniform(-0.2, 1.2, size=(200, X.shape[1]))
    np.testing.assert_allclose(trees.predict(probe), forest.predict(probe), atol=1e-5)
    # The very leaves sklearn reaches (node ids are global: each tree's root offset).
    np.testing.assert_array_equal(trees.leaves(probe) - trees.roots, forest.apply(probe))
    # Tree-path contributions plus the bias rebuild each prediction.
    c = trees.contributions(probe, X.shape[1], output=3)
    np.testing.assert_allclose(c.sum(axis=1), trees.predict(probe)[:, 3], atol=1e-9)


def test_numpy_boosted_trees_and_ridge_match_sklearn() -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge

    from samestory.match.ensemble import LinearModel, boosted_trees

    X, gold = _synthetic(300, seed=3)
    models = [
        HistGradientBoostingRegressor(max_iter=40, max_leaf_nodes=8, random_state=0).fit(X, gold[d])
        for d in DIMENSIONS[:3]
    ]
    trees = boosted_trees(models)
    probe = np.random.default_rng(6).uniform(-0.2, 1.2, size=(200, X.shape[1]))
    want = np.column_stack([m.predict(probe) for m in models])
    np.testing.assert_allclose(trees.predict(probe), want, atol=1e-5)
    c = trees.contributions(probe, X.shape[1], output=1)
    np.testing.assert_allclose(c.sum(axis=1), trees.predict(probe)[:, 1], atol=1e-9)
    # Ridge in raw feature units equals sklearn's on standardised ones, inside the
    # training range; outside it the inputs are clipped, never extrapolated.
    Y = np.column_stack([gold[d] for d in DIMENSIONS])
    linear = LinearModel.fit_ridge(X, Y, alpha=10.0)
    std = X.std(axis=0)
    ref = Ridge(alpha=10.0).fit((X - X.mean(axis=0)) / std, Y)
    inside = X[:50]
    np.testing.assert_allclose(
        linear.predict(inside), ref.predict((inside - X.mean(axis=0)) / std), atol=1e-9
    )
    far = np.full((1, X.shape[1]), 50.0)
    np.testing.assert_allclose(linear.predict(far), linear.predict(X.max(axis=0)[None, :]))
    c = linear.contributions(probe, output=2)
    np.testing.assert_allclose(c.sum(axis=1), linear.predict(probe)[:, 2], atol=1e-9)


def test_explain_decomposes_overall(trained: tuple[LearnedScorer, np.ndarray]) -> None:
    model, X = trained
    for row in X[:20]:
        features = dict(zip(NAMES, row.tolist(), strict=True))
        drivers = model.explain(features, top=len(NAMES))
        assert drivers[-1]["feature"] == "bias"
        total = sum(d["contribution"] for d in drivers)
        unclipped = model.raw_predict(model.vector(features))[0, 0]
        assert total == pytest.approx(unclipped, abs=1e-3)  # rounded to 4 places each
        sizes = [abs(d["contribution"]) for d in drivers[:-1]]
        assert sizes == sorted(sizes, reverse=True)
    # The synthetic Overall is driven by the first column: it leads the explanation.
    top = model.explain(dict(zip(NAMES, X[0].tolist(), strict=True)), top=1)[0]["feature"]
    assert top in (NAMES[0], NAMES[1])


def test_pairs_across_languages_ignore_surface_features(
    trained: tuple[LearnedScorer, np.ndarray],
) -> None:
    model, X = trained
    base = dict(zip(NAMES, X[3].tolist(), strict=True))
    across = {**base, "same_language": 0.0}
    moved = {**across, **{n: 0.99 for n in WITHIN_LANGUAGE if n != "same_language"}}
    assert model.score(across) == model.score(moved)
    assert {d["feature"] for d in model.explain(across, top=len(NAMES))} <= (
        set(NAMES) - WITHIN_LANGUAGE
    ) | {"bias"}


def test_load_refuses_other_features(tmp_path: Path) -> None:
    X, gold = _synthetic(120)
    names = [f"x{i}" for i in range(len(NAMES))]
    path = tmp_path / "old.bin"
    LearnedScorer.fit(X, names, gold).save(path)
    with pytest.raises(ModelUnavailableError, match="features"):
        LearnedScorer.load(path)
    assert LearnedScorer.load(path, expected=names).names == names


def test_load_refuses_non_model(trained: tuple[LearnedScorer, np.ndarray], tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(b"\x80\x05junk")
    with pytest.raises(ModelUnavailableError):
        LearnedScorer.load(path)
    cut = tmp_path / "cut.bin"
    cut.write_bytes(trained[0].to_bytes()[:-1000])  # header intact, arrays truncated
    with pytest.raises(ModelUnavailableError, match="damaged"):
        LearnedScorer.load(cut)


def test_load_scorer_specs(tmp_path: Path) -> None:
    assert load_scorer("hand-set") is None
    with pytest.raises(NotFoundError, match=r"nope\.bin"):
        load_scorer(str(tmp_path / "nope.bin"))


def test_shipped_model_matches_this_version() -> None:
    """The packaged model loads and was trained on the features computed today, but the
    identity and title-frame evidence (`identity`, `titles`: for the story model and
    clustering; the SemEval scorer stays as it was for `compare`'s seven dimensions)."""
    from samestory.match.identity import IDENTITY_DOCS
    from samestory.match.titles import TITLE_DOCS

    path = shipped_model_path()
    assert path is not None, "src/samestory/data/ lacks the trained scorer"
    model = load_scorer("learned")
    assert model is not None
    assert model.names == sorted(set(NAMES) - set(IDENTITY_DOCS) - set(TITLE_DOCS))
    assert model.meta["n_train"] == 1453  # all of SemEval-2022 Task 8 train
    scores, prob = model.score(dict.fromkeys(NAMES, -1.0))
    assert set(scores) == set(DIMENSIONS) and 0.0 <= prob <= 1.0


def test_grouped_folds_keep_groups_apart() -> None:
    rng = np.random.default_rng(1)
    groups = rng.integers(0, 40, size=300)
    folds = grouped_folds(groups, folds=5, seed=3)
    seen = np.zeros(len(groups), dtype=int)
    for train, test in folds:
        assert not set(groups[train]) & set(groups[test])
        assert len(train) + len(test) == len(groups)
        seen[test] += 1
    assert (seen == 1).all()  # every pair is predicted exactly once
    assert [t.tolist() for _, t in folds] == [t.tolist() for _, t in grouped_folds(groups, 5, 3)]


def test_pearson_report_contract() -> None:
    X, gold = _synthetic(60)
    langs = np.array(["en"] * 30 + ["de-en"] * 30)
    pred = {d: gold[d] + 0.01 * X[:, 2] for d in DIMENSIONS}
    report = pearson_report(pred, gold, langs)
    assert report["n"] == 60
    assert set(report["pearson"]) == set(DIMENSIONS)
    assert all(isinstance(r, float) and r > 0.9 for r in report["pearson"].values())
    assert set(report["by_language"]) == {"en", "de-en"}
    assert report["by_language"]["de-en"]["n"] == 30
    assert isinstance(report["by_language"]["en"]["overall"], float)


def test_cross_validate_synthetic() -> None:
    X, gold = _synthetic(200)
    langs = np.array(["en", "fr"] * 100)
    report = cross_validate(X, NAMES, gold, langs, np.arange(200) // 4, folds=4)
    assert report["pearson"]["overall"] > 0.8
    assert report["same_story"]["auc"] > 0.8


def test_group_ids_join_pairs_sharing_an_article() -> None:
    from samestory.match.dataset import SemevalPair, group_ids
    from samestory.models import Article

    a, b, c, d, e = (Article.create(t, f"body {t}") for t in "abcde")
    gold = dict.fromkeys(DIMENSIONS, 1.0)
    pairs = [
        SemevalPair(str(i), "en", x, y, gold)
        for i, (x, y) in enumerate([(a, b), (c, d), (b, c), (e, e)])
    ]
    groups = group_ids(pairs)
    assert groups[0] == groups[1] == groups[2] != groups[3]


def test_overall_alone_is_the_full_prediction_bit_for_bit() -> None:
    """Clustering reads only Overall: `score_overall` walks one output's boosted trees
    (a seventh of them) and must give exactly `score`'s numbers, one row or many."""
    scorer = load_scorer("learned")
    assert scorer is not None
    rng = np.random.default_rng(3)
    X = rng.uniform(-1, 3, size=(300, len(scorer.names)))
    X[::3, scorer.names.index("same_language")] = 0.0  # the cross-language blend too
    full = scorer.raw_predict(X)[:, 0]
    assert np.array_equal(scorer.raw_overall(X), full)
    for row in X[:60]:
        features = dict(zip(scorer.names, row.tolist(), strict=True))
        scores, p = scorer.score(features)
        assert scorer.score_overall(features) == (scores["overall"], p)
    boosted = scorer.within.boosted
    assert np.array_equal(boosted.predict_output(X, 2), boosted.predict(X)[:, 2])
    # A verbatim copy keeps its shortcut.
    copy = {"same_language": 1.0, "shingle_containment": 1.0}
    assert scorer.score_overall(copy) == (1.0, 1.0)
