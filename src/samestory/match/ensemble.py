"""A blend of three regressors over the same features, all as plain numpy arrays.

The learned scorer averages, per SemEval dimension, a multi-output random forest, one
gradient-boosted tree model per dimension and a ridge regression. Their errors differ
(bagged deep trees, boosted shallow trees, one linear function), so the mean beats
each of them: grouped 5-fold CV on SemEval-2022 Task 8 train, Overall r 0.777 forest,
0.775 boosting, 0.767 ridge, 0.784 the blend (0.786 mean over three fold seeds).

Every member is additive in per-feature contributions (tree paths for the trees,
coefficient x deviation from the training mean for the ridge), so the blend's
explanation is the mean of its members' and still sums exactly to its prediction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .trees import TreeEnsemble

__all__ = ["Blend", "LinearModel", "boosted_trees"]

# Shapes: forest as chosen for learned-v2 (100 trees 0.773 vs 200 trees 0.773 vs 60
# trees 0.770; leaf floor 5 and a third of the features per split beat leaf 8 / half);
# boosting as measured in BENCHMARKS.md since v2 (300 x 0.03 scored the same as
# 100 x 0.1 in the blend); ridge alpha 10 on standardised features (1: 0.766,
# 10: 0.766, 30: 0.765, 100: 0.761 alone). Few, sensible settings, not a search.
N_TREES = 100
MIN_LEAF = 5
MAX_FEATURES = 0.33
BOOST_ROUNDS = 300
BOOST_RATE = 0.03
BOOST_LEAVES = 8
BOOST_MIN_LEAF = 30
BOOST_L2 = 1.0
RIDGE_ALPHA = 10.0
MEMBERS = ("forest", "boosted", "linear")
_LINEAR_FIELDS = ("coef", "intercept", "mean", "low", "high")


@dataclass(frozen=True, slots=True)
class LinearModel:
    """`intercept + coef @ clip(x, low, high)`, one row of `coef` per output.

    Inputs are clipped to the training range first: a linear term must not
    extrapolate (a 20,000-word article's entity count is no stronger evidence than
    the longest training text's).
    """

    coef: np.ndarray  # (outputs, features), in raw feature units
    intercept: np.ndarray  # (outputs,)
    mean: np.ndarray  # (features,) training means: the contributions' origin
    low: np.ndarray  # (features,) training minimum
    high: np.ndarray  # (features,) training maximum

    @classmethod
    def fit_ridge(cls, X: np.ndarray, Y: np.ndarray, alpha: float = RIDGE_ALPHA) -> LinearModel:
        from sklearn.linear_model import Ridge

        mean, std = X.mean(axis=0), X.std(axis=0)
        std = np.where(std > 0, std, 1.0)
        ridge = Ridge(alpha=alpha).fit((X - mean) / std, Y)
        # C order, as a loaded model has it: BLAS sums a transposed F-order matrix in
        # another order, and a saved model must score bit-identically to the fitted one.
        coef = np.ascontiguousarray(np.atleast_2d(ridge.coef_) / std)
        return cls(
            coef=coef,
            intercept=np.atleast_1d(ridge.intercept_) - coef @ mean,
            mean=mean,
            low=X.min(axis=0),
            high=X.max(axis=0),
        )

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.clip(X, self.low, self.high) @ self.coef.T + self.intercept

    def contributions(self, X: np.ndarray, output: int = 0) -> np.ndarray:
        """(rows, features + 1): coef * (x - mean) per feature, then the bias."""
        c = self.coef[output] * (np.clip(X, self.low, self.high) - self.mean)
        bias = self.intercept[output] + self.coef[output] @ self.mean
        return np.column_stack([c, np.full(len(X), bias)])


def boosted_trees(models: Sequence[Any]) -> TreeEnsemble:
    """One fitted HistGradientBoostingRegressor per output -> one TreeEnsemble.

    Trees of output k carry values for output k only (zeros elsewhere), so summing
    every tree gives each output its own model. Internal nodes get the count-weighted
    mean of their leaves (scikit-learn leaves them unshrunk), which makes the
    tree-path contributions sum to the prediction.
    """
    k_out = len(models)
    parts = []
    for k, model in enumerate(models):
        for (predictor,) in model._predictors:
            nodes = predictor.nodes
            if nodes["is_categorical"].any():
                raise ValueError("categorical splits are not supported")
            leaf = nodes["is_leaf"].astype(bool)
            value = np.zeros((len(nodes), k_out))
            value[:, k] = _internal_means(nodes, leaf)
            feature = np.where(leaf, -1, nodes["feature_idx"])
            parts.append((feature, nodes["num_threshold"], nodes["left"], nodes["right"], value))
    baseline = np.array([float(np.ravel(m._baseline_prediction)[0]) for m in models])
    return TreeEnsemble.join(parts, scale=1.0, baseline=baseline, float32_inputs=False)


def _internal_means(nodes: np.ndarray, leaf: np.ndarray) -> np.ndarray:
    value = nodes["value"].astype(np.float64).copy()
    count = nodes["count"].astype(np.float64)
    for node in range(len(nodes) - 1, -1, -1):  # children come after their parent
        if not leaf[node]:
            left, right = nodes["left"][node], nodes["right"][node]
            total = count[left] + count[right]
            value[node] = (count[left] * value[left] + count[right] * value[right]) / max(
                total, 1.0
            )
    return value


@dataclass(frozen=True, slots=True)
class Blend:
    """Equal-weight mean of a random forest, boosted trees and (optionally) a ridge.

    The blend for pairs across languages has no ridge: it is trained on SemEval
    pairs, nine in ten in one language, and a linear function carries that
    distribution's offsets to cross-language pairs (on the example corpus it put
    same-story French/English/German pairs 0.2 higher on Overall than the trees did,
    splitting stories), where trees stay within the values they were trained on.
    """

    forest: TreeEnsemble
    boosted: TreeEnsemble
    linear: LinearModel | None

    @classmethod
    def fit(
        cls, X: np.ndarray, Y: np.ndarray, seed: int = 0, *, linear: bool = True
    ) -> tuple[Blend, np.ndarray]:
        """(the blend, out-of-sample predictions of output 0 for every training row).

        Output 0 is calibrated later (Platt), so it needs predictions from models
        that never saw the row: the forest's out-of-bag ones, and 5-fold ones for
        boosting and ridge.
        """
        from sklearn.model_selection import KFold

        forest = _forest(seed).fit(X, Y)
        held_out = np.zeros((len(X), 2))
        for train, test in KFold(5, shuffle=True, random_state=seed).split(X):
            held_out[test, 0] = _boost(seed).fit(X[train], Y[train, 0]).predict(X[test])
            if linear:
                ridge = LinearModel.fit_ridge(X[train], Y[train])
                held_out[test, 1] = ridge.predict(X[test])[:, 0]
        oob = (forest.oob_prediction_[:, 0] + held_out.sum(axis=1)) / (2 + linear)
        blend = cls(
            forest=TreeEnsemble.from_forest(forest),
            boosted=boosted_trees([_boost(seed).fit(X, Y[:, k]) for k in range(Y.shape[1])]),
            linear=LinearModel.fit_ridge(X, Y) if linear else None,
        )
        return blend, oob

    @property
    def n_outputs(self) -> int:
        return self.forest.n_outputs

    @property
    def members(self) -> tuple[str, ...]:
        return MEMBERS if self.linear is not None else MEMBERS[:2]

    def predict(self, X: np.ndarray, member: str | None = None) -> np.ndarray:
        """(rows, outputs): the blend's, or one member's alone (one of `members`)."""
        if member is not None:
            model: TreeEnsemble | LinearModel | None = getattr(self, member)
            if model is None:
                raise ValueError(f"this blend has no {member} member")
            return model.predict(X)
        total = self.forest.predict(X) + self.boosted.predict(X)
        if self.linear is not None:
            total += self.linear.predict(X)
        return total / len(self.members)

    def predict_output(self, X: np.ndarray, output: int = 0) -> np.ndarray:
        """(rows,): `predict(X)[:, output]` with the same arithmetic, at a fraction of
        the cost (the boosted member walks only that output's trees)."""
        total = self.forest.predict_output(X, output) + self.boosted.predict_output(X, output)
        if self.linear is not None:
            # The whole product, then the column: a one-column product may sum in
            # another order and differ in the last bit.
            total += self.linear.predict(X)[:, output]
        return total / len(self.members)

    def contributions(self, X: np.ndarray, n_features: int, output: int = 0) -> np.ndarray:
        """(rows, n_features + 1): the members' mean contributions, then the bias."""
        total = self.forest.contributions(X, n_features, output) + self.boosted.contributions(
            X, n_features, output
        )
        if self.linear is not None:
            total += self.linear.contributions(X, output)
        return total / len(self.members)

    # --- persistence (trees.write_arrays) ---
    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = self.forest.arrays(f"{prefix}.forest") | self.boosted.arrays(f"{prefix}.boosted")
        if self.linear is not None:
            out |= {f"{prefix}.linear.{k}": getattr(self.linear, k) for k in _LINEAR_FIELDS}
        return out

    def scalars(self) -> dict[str, Any]:
        return {
            "forest": self.forest.scalars(),
            "boosted": self.boosted.scalars(),
            "linear": self.linear is not None,
        }

    @classmethod
    def from_arrays(
        cls, arrays: dict[str, np.ndarray], prefix: str, scalars: dict[str, Any]
    ) -> Blend:
        forest = TreeEnsemble.from_arrays(arrays, f"{prefix}.forest", scalars["forest"])
        boosted = TreeEnsemble.from_arrays(arrays, f"{prefix}.boosted", scalars["boosted"])
        if forest.n_outputs != boosted.n_outputs:
            raise ValueError("blend members disagree on the number of outputs")
        linear = None
        if scalars["linear"]:
            linear = LinearModel(
                **{
                    k: np.asarray(arrays[f"{prefix}.linear.{k}"], dtype=np.float64)
                    for k in _LINEAR_FIELDS
                }
            )
            width = linear.coef.shape[1]
            if len(linear.coef) != forest.n_outputs or not (
                len(linear.mean) == len(linear.low) == len(linear.high) == width
            ):
                raise ValueError("linear member arrays disagree in shape")
        return cls(forest, boosted, linear)


def _forest(seed: int) -> Any:
    from sklearn.ensemble import RandomForestRegressor

    return RandomForestRegressor(
        n_estimators=N_TREES,
        min_samples_leaf=MIN_LEAF,
        max_features=MAX_FEATURES,
        oob_score=True,
        random_state=seed,
        n_jobs=1,
    )


def _boost(seed: int) -> Any:
    from sklearn.ensemble import HistGradientBoostingRegressor

    return HistGradientBoostingRegressor(
        max_iter=BOOST_ROUNDS,
        learning_rate=BOOST_RATE,
        max_leaf_nodes=BOOST_LEAVES,
        min_samples_leaf=BOOST_MIN_LEAF,
        l2_regularization=BOOST_L2,
        early_stopping=False,
        random_state=seed,
    )
