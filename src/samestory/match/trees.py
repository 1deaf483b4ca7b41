"""Tree ensembles as plain numpy arrays: prediction, per-feature contributions, a file format.

scikit-learn forests are converted once, after training, into flat
node tables. Scoring then needs neither scikit-learn nor pickle: one pair walks all
trees at once in a few vectorised numpy steps (tens of microseconds, where sklearn's
per-call validation costs milliseconds), a model file loads with no code execution,
and it does not depend on the scikit-learn version that trained it.

Contributions are the tree-path decomposition (Saabas): every split on a sample's
path moves the node value from parent to child, and that move is credited to the
split feature. Bias + the sum of contributions equals the prediction exactly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelUnavailableError

__all__ = ["TreeEnsemble", "read_arrays", "write_arrays"]


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Trees of one ensemble in one node table; node ids are global across trees.

    `value[node]` holds the mean target of the node's training samples (internal
    nodes too: the decomposition needs them). A prediction is
    `baseline + scale * sum over trees of value[leaf]` (a forest: scale 1/n_trees,
    baseline 0; boosted trees: scale 1 and the initial prediction as baseline, see
    `ensemble.boosted_trees`).
    """

    feature: np.ndarray  # int32, -1 at leaves
    threshold: np.ndarray  # float64; go left when x <= threshold
    left: np.ndarray  # int32
    right: np.ndarray  # int32
    value: np.ndarray  # float32 (nodes, outputs): half the file, errors ~1e-7 of a 1..4 score
    roots: np.ndarray  # int32 (trees,)
    baseline: np.ndarray  # float64 (outputs,)
    scale: float
    depth: int
    float32_inputs: bool  # sklearn's own trees compare float32 copies of X
    _walk: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # output -> (roots of the trees carrying values for it, that column of `value`).
    _outputs: dict[int, tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def n_outputs(self) -> int:
        return int(self.value.shape[1])

    def _prepare(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        return X.astype(np.float32).astype(np.float64) if self.float32_inputs else X

    def _walk_tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(feature, threshold, child) where a leaf is its own child: every step is
        then the same three gathers, with no leaf test (a pair is scored one at a time
        in clustering, so the per-step numpy calls are what a prediction costs)."""
        if self._walk is None:
            leaf = self.feature < 0
            node = np.arange(len(self.feature), dtype=np.int32)
            # child[1] where x <= threshold (left), child[0] otherwise; a leaf's
            # threshold is +inf, and either way it stays where it is (NaN included).
            child = np.stack([np.where(leaf, node, self.right), np.where(leaf, node, self.left)])
            walk = (np.maximum(self.feature, 0), np.where(leaf, np.inf, self.threshold), child)
            object.__setattr__(self, "_walk", walk)
        assert self._walk is not None
        return self._walk

    def leaves(self, X: np.ndarray, roots: np.ndarray | None = None) -> np.ndarray:
        """(rows, trees) leaf node ids (of the trees at `roots`, default all)."""
        X = self._prepare(X)
        feature, threshold, child = self._walk_tables()
        roots = self.roots if roots is None else roots
        if len(X) == 1:
            # One pair at a time (clustering): 1-d gathers, the same nodes reached.
            x, idx = X[0], roots.copy()
            for _ in range(self.depth):
                idx = child[(x[feature[idx]] <= threshold[idx]).view(np.int8), idx]
            return idx[None, :]
        idx = np.broadcast_to(roots, (len(X), len(roots))).copy()
        rows = np.arange(len(X))[:, None]
        for _ in range(self.depth):
            go_left = X[rows, feature[idx]] <= threshold[idx]
            idx = child[go_left.view(np.int8), idx]
        return idx

    def predict(self, X: np.ndarray) -> np.ndarray:
        """(rows, outputs)."""
        leaf = self.leaves(X)
        return self.baseline + self.scale * self.value[leaf].sum(axis=1, dtype=np.float64)

    def predict_output(self, X: np.ndarray, output: int = 0) -> np.ndarray:
        """(rows,): `predict(X)[:, output]`, walking only the trees that carry values
        for it (boosted trees: one output's in seven). The skipped trees add exact
        zeros, so the sums are the same numbers (tests check bit for bit)."""
        if output not in self._outputs:
            ends = np.append(self.roots, len(self.feature))
            column = np.ascontiguousarray(self.value[:, output])
            nonzero = np.zeros(len(self.roots), dtype=bool)
            if len(self.roots):
                nonzero = np.add.reduceat(column != 0, ends[:-1]) > 0
            keep = self.roots[nonzero]
            self._outputs[output] = (keep, column)
        roots, column = self._outputs[output]
        leaf = self.leaves(X, roots)
        return self.baseline[output] + self.scale * column[leaf].sum(axis=1, dtype=np.float64)

    def contributions(self, X: np.ndarray, n_features: int, output: int = 0) -> np.ndarray:
        """(rows, n_features + 1): per-feature contributions to `output`, then the bias."""
        X = self._prepare(X)
        n = len(X)
        out = np.zeros((n, n_features + 1))
        idx = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        root = self.value[idx, output].sum(axis=1, dtype=np.float64)
        out[:, -1] = self.baseline[output] + self.scale * root
        rows = np.arange(n)[:, None]
        row_ids = np.broadcast_to(rows, idx.shape)
        for _ in range(self.depth):
            f = self.feature[idx]
            inner = f >= 0
            if not inner.any():
                break
            go_left = X[rows, np.maximum(f, 0)] <= self.threshold[idx]
            child = np.where(inner, np.where(go_left, self.left[idx], self.right[idx]), idx)
            delta = self.scale * (
                self.value[child, output].astype(np.float64) - self.value[idx, output]
            )
            np.add.at(out, (row_ids[inner], f[inner]), delta[inner])
            idx = child
        return out

    # --- conversion from scikit-learn ---
    @classmethod
    def from_forest(cls, forest: Any) -> TreeEnsemble:
        """A fitted RandomForestRegressor / ExtraTreesRegressor (any number of outputs)."""
        trees = [e.tree_ for e in forest.estimators_]
        parts = [
            (t.feature, t.threshold, t.children_left, t.children_right, t.value[:, :, 0])
            for t in trees
        ]
        return cls.join(parts, scale=1.0 / len(trees), baseline=None, float32_inputs=True)

    @classmethod
    def join(
        cls,
        parts: Sequence[tuple[Any, ...]],
        *,
        scale: float,
        baseline: np.ndarray | None,
        float32_inputs: bool,
    ) -> TreeEnsemble:
        """Trees given as (feature, threshold, left, right, value) node arrays, each with
        its root at node 0 and feature < 0 at leaves."""
        feats, thrs, lefts, rights, values, roots = [], [], [], [], [], []
        offset = 0
        depth = 0
        for feature, threshold, left, right, value in parts:
            feature = np.asarray(feature, dtype=np.int32)
            left, right = np.asarray(left), np.asarray(right)
            leaf = feature < 0
            feats.append(np.where(leaf, -1, feature).astype(np.int32))
            thrs.append(np.asarray(threshold, dtype=np.float64))
            lefts.append(np.where(leaf, 0, left + offset).astype(np.int32))
            rights.append(np.where(leaf, 0, right + offset).astype(np.int32))
            values.append(np.asarray(value, dtype=np.float32))
            roots.append(offset)
            depth = max(depth, _depth(left, right, leaf))
            offset += len(feature)
        value = np.vstack(values)
        return cls(
            feature=np.concatenate(feats),
            threshold=np.concatenate(thrs),
            left=np.concatenate(lefts),
            right=np.concatenate(rights),
            value=value,
            roots=np.array(roots, dtype=np.int32),
            baseline=np.zeros(value.shape[1]) if baseline is None else baseline,
            scale=scale,
            depth=depth,
            float32_inputs=float32_inputs,
        )

    # --- persistence (see write_arrays) ---
    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}.{k}": getattr(self, k)
            for k in ("feature", "threshold", "left", "right", "value", "roots", "baseline")
        }

    def scalars(self) -> dict[str, Any]:
        return {"scale": self.scale, "depth": self.depth, "float32_inputs": self.float32_inputs}

    @classmethod
    def from_arrays(
        cls, arrays: dict[str, np.ndarray], prefix: str, scalars: dict[str, Any]
    ) -> TreeEnsemble:
        get = {
            k: arrays[f"{prefix}.{k}"]
            for k in ("feature", "threshold", "left", "right", "value", "roots", "baseline")
        }
        return cls(
            **get,
            scale=float(scalars["scale"]),
            depth=int(scalars["depth"]),
            float32_inputs=bool(scalars["float32_inputs"]),
        )


def _depth(left: np.ndarray, right: np.ndarray, leaf: np.ndarray) -> int:
    """Edges on the longest root-to-leaf path of one tree (root = node 0)."""
    level = np.zeros(len(left), dtype=np.int64)
    for node in range(len(left)):  # children always come after their parent
        if not leaf[node]:
            level[left[node]] = level[right[node]] = level[node] + 1
    return int(level.max()) if len(level) else 0


def write_arrays(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """One JSON line (header + array directory), then the raw little-endian array bytes.

    Byte-for-byte deterministic (no timestamps, unlike .npz) and loadable without pickle.
    """
    directory, blobs, offset = [], [], 0
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        a = a.astype(a.dtype.newbyteorder("<"), copy=False)
        blob = a.tobytes()
        directory.append(
            {"name": name, "dtype": a.dtype.str, "shape": list(a.shape), "offset": offset}
        )
        blobs.append(blob)
        offset += len(blob)
    line = json.dumps({**header, "arrays": directory}, sort_keys=True, ensure_ascii=True)
    return line.encode("ascii") + b"\n" + b"".join(blobs)


def read_arrays(raw: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Inverse of write_arrays; raises ValueError on a malformed file."""
    end = raw.index(b"\n")
    header = json.loads(raw[:end].decode("ascii"))
    body = memoryview(raw)[end + 1 :]
    arrays: dict[str, np.ndarray] = {}
    for spec in header.pop("arrays"):
        dtype = np.dtype(spec["dtype"])
        if dtype.hasobject:
            raise ValueError("object arrays are not allowed in a model file")
        count = int(np.prod(spec["shape"], dtype=np.int64))
        a = np.frombuffer(body, dtype=dtype, count=count, offset=int(spec["offset"]))
        arrays[spec["name"]] = a.reshape(spec["shape"])
    return header, arrays


def read_header(path: str | Path, fmt: str, kind: str) -> dict[str, Any]:
    """The first line of a write_arrays file, checked to be of format `fmt` (cheap: the
    arrays are not read); ModelUnavailableError names `kind` ("scorer", "story")."""
    try:
        with Path(path).open("rb") as fh:
            header = json.loads(fh.readline().decode("ascii"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelUnavailableError(f"{path}: not a readable {kind} model ({exc})") from exc
    if not isinstance(header, dict) or header.get("format") != fmt:
        raise ModelUnavailableError(f"{path}: not a samestory {kind} model")
    return header
