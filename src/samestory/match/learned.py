"""A trained pair scorer: the `Scorer` protocol backed by a model blend as numpy arrays.

A blend (`ensemble.Blend`: random forest + boosted trees + ridge, averaged) predicts
the seven SemEval dimensions from the named features of `pair_features`; Platt
scaling of its held-out Overall gives a calibrated probability of "same story" (gold
Overall <= 2). Pairs across two languages are scored by a second blend (no ridge), trained on
the same pairs without the surface-text features (`features.WITHIN_LANGUAGE`):
SemEval train has one cross-lingual pair in ten, all de-en, so a single model learns
"little shared wording = another story", which is wrong across languages (a French
and an English report of one story scored 2.35).

Training uses scikit-learn (CPU, one thread, fixed seed: deterministic, seconds); the
fitted models are then converted to plain arrays (`trees.TreeEnsemble`,
`ensemble.LinearModel`), so scoring and loading need neither scikit-learn nor
pickle, and every score can be decomposed into per-feature contributions (`explain`).

Saved file format (version 3): one line of JSON header, then raw arrays
(`trees.write_arrays`). The header is checked before anything else is read, so a file
for other features or an older format is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelUnavailableError, NotFoundError
from ..models import DIMENSIONS
from .ensemble import Blend
from .features import FEATURE_DOCS, WITHIN_LANGUAGE
from .trees import read_arrays, read_header, write_arrays

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "LearnedScorer",
    "data_hash",
    "fit",
    "load_scorer",
    "shipped_model_path",
]

FORMAT = "samestory-learned-scorer"
FORMAT_VERSION = 3
SAME_STORY_MAX_OVERALL = 2.0  # the SemEval-2022 Task 8 cut the hand-set scorer uses too
COPY_CONTAINMENT = 0.95  # share of word 3-grams shared: above it, a pair is a copy
SHIPPED_MODEL = "scorer-semeval2022.bin"
MODEL_NAME = "learned-v3"


def shipped_model_path() -> Path | None:
    """The model trained on SemEval-2022 Task 8 train that ships in the package, if present."""
    path = Path(str(resources.files("samestory") / "data" / SHIPPED_MODEL))
    return path if path.is_file() else None


def load_scorer(spec: str) -> LearnedScorer | None:
    """The scorer a `Settings.scorer` value names; None means the hand-set scorer.

    "learned" (the default) is the model shipped in the package, "hand-set" the
    transparent formula, anything else the path of a `samestory train scorer` file.
    """
    if spec == "hand-set":
        return None
    if spec in ("", "learned"):
        shipped = shipped_model_path()
        if shipped is None:
            raise ModelUnavailableError(
                f"the packaged scorer model ({SHIPPED_MODEL}) is missing from this install; "
                "reinstall samestory, or set SAMESTORY_SCORER=hand-set"
            )
        return LearnedScorer.load(shipped)
    if not Path(spec).is_file():
        raise NotFoundError(f"scorer model {spec!r} not found (SAMESTORY_SCORER / --scorer)")
    return LearnedScorer.load(spec)


def data_hash(X: np.ndarray, gold: Mapping[str, np.ndarray]) -> str:
    """Short content hash of a training set, recorded so a model says what it learnt from.

    Features are rounded to 6 decimals first: multithreaded embedding leaves run-to-run
    noise in the last bits, which changes neither the trees nor, so, the hash.
    """
    h = hashlib.sha256(np.ascontiguousarray(np.round(X, 6), dtype=np.float64).tobytes())
    for d in DIMENSIONS:
        h.update(np.ascontiguousarray(gold[d], dtype=np.float64).tobytes())
    return h.hexdigest()[:16]


def _one_thread() -> Any:
    from threadpoolctl import threadpool_limits

    # Tree models on ~1k rows are faster on one OpenMP thread than on many, and many
    # threads spin badly when the machine is busy (10x slower measured); one thread
    # also keeps results bit-identical everywhere.
    return threadpool_limits(limits=1, user_api="openmp")


def _platt(x: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression().fit(x.reshape(-1, 1), labels)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


class LearnedScorer:
    """Per-dimension regression + a calibrated same-story probability over named features.

    `within` predicts every dimension at once (outputs in DIMENSIONS order) for pairs
    in one language, `cross` for pairs across languages (it reads only the columns
    not in WITHIN_LANGUAGE). The probability is
    `1 / (1 + exp(-(coef * overall + intercept)))`, fitted on held-out Overall
    predictions (out-of-bag, out-of-fold) so the calibration never sees a pair's own
    models.
    """

    def __init__(
        self,
        names: Sequence[str],
        within: Blend,
        cross: Blend,
        platt: tuple[float, float],
        *,
        name: str = MODEL_NAME,
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.names = list(names)
        self.within = within
        self.cross = cross
        self.cross_columns = np.array(
            [i for i, n in enumerate(self.names) if n not in WITHIN_LANGUAGE], dtype=np.int64
        )
        self._same_language = self.names.index("same_language") if "same_language" in names else -1
        self.platt = (float(platt[0]), float(platt[1]))
        self.meta: dict[str, Any] = dict(meta or {})

    # --- training ---
    @classmethod
    def fit(
        cls, X: np.ndarray, names: Sequence[str], gold: Mapping[str, np.ndarray], *, seed: int = 0
    ) -> LearnedScorer:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != len(names):
            raise ValueError(f"X has shape {X.shape} but {len(names)} feature names")
        labels = np.asarray(gold["overall"]) <= SAME_STORY_MAX_OVERALL
        if labels.all() or not labels.any():
            raise ValueError("same-story labels hold one class only; cannot train")
        Y = np.column_stack([np.asarray(gold[d], dtype=np.float64) for d in DIMENSIONS])
        cols = [i for i, n in enumerate(names) if n not in WITHIN_LANGUAGE]

        with _one_thread():
            within, oob = Blend.fit(X, Y, seed)
            # Trained on every pair, same-language ones included: it learns how far
            # meaning, names and numbers alone go, which is all a cross-lingual pair has.
            across, oob_across = Blend.fit(X[:, cols], Y, seed, linear=False)
        if "same_language" in names:
            other = X[:, list(names).index("same_language")] < 0.5
            oob[other] = oob_across[other]
        # A separate classifier over the features did no better (grouped CV AUC 0.899
        # calibrated forest, 0.898 boosting, 0.893 logistic vs 0.901 with learned-v1).
        platt = _platt(oob, labels)
        meta = {"n_train": len(X), "data_hash": data_hash(X, gold), "seed": seed}
        return cls(names, within, across, platt, meta=meta)

    # --- scoring ---
    def vector(self, features: Mapping[str, float]) -> np.ndarray:
        # -1 is the features' own "no evidence" value, so a missing one reads the same.
        return np.array([[float(features.get(n, -1.0)) for n in self.names]], dtype=np.float64)

    def probability(self, overall: np.ndarray) -> np.ndarray:
        z = self.platt[0] * np.asarray(overall, dtype=np.float64) + self.platt[1]
        return 1.0 / (1.0 + np.exp(-z))

    def _across(self, X: np.ndarray) -> np.ndarray:
        """Rows whose two articles are in different languages (unknown counts as different)."""
        if self._same_language < 0:
            return np.ones(len(X), dtype=bool)
        return np.asarray(X[:, self._same_language] < 0.5)

    def raw_predict(self, X: np.ndarray, member: str | None = None) -> np.ndarray:
        """(rows, dimensions) blend predictions, unclipped, each row by its blend.

        `member` ("forest", "boosted", "linear") gives that member's alone (benchmarks);
        a blend without that member (the cross-language one has no "linear") gives its
        full prediction.
        """
        X = np.asarray(X, dtype=np.float64)
        across = self._across(X)
        Y = np.zeros((len(X), len(DIMENSIONS)))
        if (~across).any():
            own = member if member in self.within.members else None
            Y[~across] = self.within.predict(X[~across], own)
        if across.any():
            own = member if member in self.cross.members else None
            Y[across] = self.cross.predict(X[across][:, self.cross_columns], own)
        return Y

    def raw_overall(self, X: np.ndarray) -> np.ndarray:
        """(rows,): `raw_predict(X)[:, 0]`, the Overall alone (what clustering reads)."""
        X = np.asarray(X, dtype=np.float64)
        across = self._across(X)
        out = np.zeros(len(X))
        if (~across).any():
            out[~across] = self.within.predict_output(X[~across], 0)
        if across.any():
            out[across] = self.cross.predict_output(X[across][:, self.cross_columns], 0)
        return out

    def predict(self, X: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """Batch scoring: (scores per dimension clipped to 1..4, same-story probabilities)."""
        Y = self.raw_predict(X)
        return (
            {d: np.clip(Y[:, i], 1.0, 4.0) for i, d in enumerate(DIMENSIONS)},
            self.probability(Y[:, 0]),
        )

    @staticmethod
    def _copy(features: Mapping[str, float]) -> bool:
        return (
            features.get("same_language", 0.0) == 1.0
            and features.get("shingle_containment", 0.0) >= COPY_CONTAINMENT
        )

    def score(self, features: dict[str, float]) -> tuple[dict[str, float], float]:
        if self._copy(features):
            # A verbatim copy (or the article itself) is the same story on every
            # dimension by construction; SemEval has too few copies to teach the model
            # that (an article against itself came out at Overall 1.96).
            return {d: 1.0 for d in DIMENSIONS}, 1.0
        scores, prob = self.predict(self.vector(features))
        return {d: float(v[0]) for d, v in scores.items()}, float(prob[0])

    def score_overall(self, features: dict[str, float]) -> tuple[float, float]:
        """(Overall clipped to 1..4, same-story probability): `score` without the other
        six dimensions, for the clusterer's pair scores (the same two numbers)."""
        if self._copy(features):
            return 1.0, 1.0
        overall = self.raw_overall(self.vector(features))
        return float(np.clip(overall, 1.0, 4.0)[0]), float(self.probability(overall)[0])

    def score_overall_many(
        self, rows: Sequence[Mapping[str, float]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """`score_overall` for many pairs in one pass of the models (the same numbers:
        every row walks the same trees with the same arithmetic)."""
        copy = np.array([self._copy(f) for f in rows], dtype=bool)
        overall = np.ones(len(rows))
        p = np.ones(len(rows))
        if not copy.all():
            X = np.array([[float(f.get(n, -1.0)) for n in self.names] for f in rows])
            raw = self.raw_overall(X[~copy])
            overall[~copy] = np.clip(raw, 1.0, 4.0)
            p[~copy] = self.probability(raw)
        return overall, p

    def explain(self, features: Mapping[str, float], top: int = 6) -> list[dict[str, Any]]:
        """The features that moved this pair's Overall most, from the blend's members.

        Each entry: feature name, its value, and its signed contribution to Overall on
        the 1..4 scale (negative = pushed towards "same story"); the contributions of
        all features plus `bias` (the training mean) sum to the unclipped prediction.
        """
        x = self.vector(features)
        if self._across(x)[0]:
            used = [self.names[i] for i in self.cross_columns]
            c = self.cross.contributions(x[:, self.cross_columns], len(used), output=0)[0]
        else:
            used = self.names
            c = self.within.contributions(x, len(used), output=0)[0]
        order = np.argsort(-np.abs(c[:-1]), kind="stable")[:top]
        drivers: list[dict[str, Any]] = [
            {
                "feature": used[i],
                "value": round(float(features.get(used[i], -1.0)), 4),
                "contribution": round(float(c[i]), 4),
            }
            for i in order
            if c[i] != 0.0
        ]
        drivers.append({"feature": "bias", "value": None, "contribution": round(float(c[-1]), 4)})
        return drivers

    # --- persistence ---
    def header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "name": self.name,
            "features": self.names,
            "dimensions": list(DIMENSIONS),
            "platt": list(self.platt),
            "within": self.within.scalars(),
            "cross": self.cross.scalars(),
            **self.meta,
        }

    def to_bytes(self) -> bytes:
        arrays = self.within.arrays("within") | self.cross.arrays("cross")
        return write_arrays(self.header(), arrays)

    def save(self, path: str | Path) -> None:
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def read_header(cls, path: str | Path) -> dict[str, Any]:
        return read_header(path, FORMAT, "scorer")

    @classmethod
    def load(cls, path: str | Path, *, expected: Sequence[str] | None = None) -> LearnedScorer:
        """Load a saved scorer; refuse one built for other features or another format.

        `expected` (exact feature list) defaults to any sorted subset of the features
        `pair_features` computes today.
        """
        header = cls.read_header(path)
        if header.get("version") != FORMAT_VERSION:
            raise ModelUnavailableError(
                f"{path}: model format version {header.get('version')}, expected "
                f"{FORMAT_VERSION}; retrain it with `samestory train scorer`"
            )
        # A model reads only the features it names, so one trained before newer
        # features were added (identity evidence) still loads; one naming a feature
        # this version does not compute does not.
        names = list(header.get("features", []))
        fits = (
            names == sorted(names) and set(names) <= set(FEATURE_DOCS)
            if expected is None
            else names == list(expected)
        )
        want = sorted(FEATURE_DOCS) if expected is None else list(expected)
        if not fits or not names:
            raise ModelUnavailableError(
                f"{path}: model was trained on features {header.get('features')}, "
                f"this version computes {want}; retrain it"
            )
        try:
            header, arrays = read_arrays(Path(path).read_bytes())
            within = Blend.from_arrays(arrays, "within", header["within"])
            cross = Blend.from_arrays(arrays, "cross", header["cross"])
            platt = (float(header["platt"][0]), float(header["platt"][1]))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelUnavailableError(f"{path}: damaged scorer model ({exc})") from exc
        outputs = {within.n_outputs, cross.n_outputs}
        width = len(header["features"]) if within.linear is None else within.linear.coef.shape[1]
        if (
            not all(math.isfinite(p) for p in platt)
            or outputs != {len(DIMENSIONS)}
            or width != len(header["features"])
        ):
            raise ModelUnavailableError(f"{path}: damaged scorer model")
        reserved = {
            "format",
            "version",
            "name",
            "features",
            "dimensions",
            "platt",
            "within",
            "cross",
        }
        meta = {k: v for k, v in header.items() if k not in reserved}
        return cls(
            header["features"],
            within,
            cross,
            platt,
            name=str(header.get("name", MODEL_NAME)),
            meta=meta,
        )


def fit(
    X: np.ndarray, names: Sequence[str], gold: Mapping[str, np.ndarray], *, seed: int = 0
) -> LearnedScorer:
    return LearnedScorer.fit(X, names, gold, seed=seed)
