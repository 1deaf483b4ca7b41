"""The nearest-story index of the online clusterer: story centroids by slot.

Each active story owns a slot: its unit centroid (quick embedding) and the first/last
publication time of its articles. `search` returns the stories nearest an article
within its time window.

Search is exact (one product over every slot) until `cluster_index_train` articles
have been seen; then the index becomes an inverted file (faiss `IndexIVFFlat`):
k-means cells trained on the articles seen so far, and a search scans only the
`cluster_index_probe` cells nearest the article. That keeps the per-article cost flat
as the number of active stories grows (benchmarks/bench_scale.py), at the price of
an approximate shortlist; the entity-key candidates of the clusterer do not depend on it.

Everything here is a deterministic function of the sequence of calls (k-means is
seeded, cells are trained when the same article count is reached), so a clusterer
rebuilt by replaying its event log holds the very same index as the live run.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from functools import cache
from typing import Any

import faiss
import numpy as np
from threadpoolctl import ThreadpoolController

from ..settings import Settings

__all__ = ["StoryIndex", "one_thread"]

_SEED = 1234


@cache
def _controller() -> ThreadpoolController:
    return ThreadpoolController()  # after faiss is imported, so its OpenMP is seen too


def one_thread() -> AbstractContextManager[Any]:
    """BLAS and OpenMP on one thread while clustering.

    Every search is one small product (one article against a few thousand stories).
    Multi-threaded OpenBLAS spends longer waking its threads than computing it, and on
    a busy machine a waiting thread turns 0.25 ms into 8 ms (measured on 2 cores).
    """
    return _controller().limit(limits=1)


class StoryIndex:
    def __init__(self, dim: int, settings: Settings, invert: bool = True) -> None:
        """`invert` False: searches stay exact and no training sample is kept (the
        regrouping clusterer finds its candidates in its window graph and never
        searches this index; the sample held a copy of every article's vector for its
        first `cluster_index_train` articles, ~1 KB each with the hashing embedder)."""
        self.settings = settings
        self.dim = dim
        self.matrix = np.zeros((64, dim), dtype=np.float32)  # unit centroids by slot
        self.live = np.zeros(64, dtype=bool)
        self.span = np.full((64, 2), np.nan)  # first/last publication time by slot
        self.slot_story: list[str | None] = []
        self._free: list[int] = []
        self._seen = 0
        self._sample: list[np.ndarray] | None = [] if invert else None  # to train the cells on
        self.build_seconds = 0.0  # time spent training the cells (benchmarks report it)
        self.build_cpu_seconds = 0.0  # the same in CPU time (on a shared machine)
        self._ivf: Any = None  # faiss.IndexIVFFlat (its stubs miss the numpy overloads)
        self._quantizer: Any = None  # faiss.IndexFlatIP: its cells' centroids
        # The cells nearest each slot's centroid (ids, similarities), found when it was
        # last filed: a search from a story's own centroid (the merge pass) reuses them.
        self._probe_cells = np.zeros((64, 1), dtype=np.int64)
        self._probe_sims = np.zeros((64, 1), dtype=np.float32)
        self._probed = np.zeros(64, dtype=bool)
        self._one_id = np.zeros(1, dtype=np.int64)  # the slot a selector removes
        self._remove_one: Any = None
        self._results: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # k -> (sims, slots)

    @property
    def width(self) -> int:
        return len(self.slot_story)

    @property
    def inverted(self) -> bool:
        """Whether searches scan probed cells (True) or every slot (False)."""
        return self._ivf is not None

    # --- slots ---
    def allocate(self, story: str) -> int:
        slot = self._free.pop() if self._free else len(self.slot_story)
        if slot == len(self.slot_story):
            self.slot_story.append(None)
            if slot >= len(self.matrix):
                grown = np.zeros((len(self.matrix) * 2, self.dim), dtype=np.float32)
                grown[: len(self.matrix)] = self.matrix
                self.matrix = grown
                self.live = np.concatenate([self.live, np.zeros(len(self.live), bool)])
                self.span = np.concatenate([self.span, np.full(self.span.shape, np.nan)])
                self._probe_cells = np.concatenate([self._probe_cells, self._probe_cells])
                self._probe_sims = np.concatenate([self._probe_sims, self._probe_sims])
                self._probed = np.concatenate([self._probed, np.zeros(len(self._probed), bool)])
        self.slot_story[slot] = story
        self.live[slot] = True
        self.span[slot] = np.nan
        return slot

    def set_centroid(self, slot: int, centroid: np.ndarray) -> None:
        norm = float(np.linalg.norm(centroid))
        self.matrix[slot] = centroid / norm if norm > 0 else 0.0
        if self._ivf is not None:
            self._refile(slot)

    def _refile(self, slot: int) -> None:
        """Move the slot to the cell nearest its centroid, as `add_with_ids` would.

        The quantizer is asked for the `nprobe` nearest cells rather than the one
        `add_with_ids` needs (the same scan of every cell): the first is the slot's
        cell, and all of them are what a search from this centroid would probe.
        """
        row = self.matrix[slot]
        self._one_id[0] = slot
        self._ivf.remove_ids_c(self._remove_one)  # the wrapper's checks cost more than this
        self._quantizer.search_c(
            1,
            faiss.swig_ptr(row),
            self._ivf.nprobe,
            faiss.swig_ptr(self._probe_sims[slot]),
            faiss.swig_ptr(self._probe_cells[slot]),
        )
        self._ivf.add_core(
            1,
            faiss.swig_ptr(row),
            faiss.swig_ptr(self._one_id),
            faiss.swig_ptr(self._probe_cells[slot]),
        )
        self._probed[slot] = True

    def widen(self, slot: int, first: float | None, last: float | None = None) -> None:
        """Stretch the slot's time span to cover [first, last] (last defaults to first)."""
        last = first if last is None else last
        span = self.span[slot]
        if first is not None and not np.isnan(first):
            span[0] = first if np.isnan(span[0]) else min(span[0], first)
        if last is not None and not np.isnan(last):
            span[1] = last if np.isnan(span[1]) else max(span[1], last)

    def release(self, slot: int) -> None:
        self.slot_story[slot] = None
        self.live[slot] = False
        self.matrix[slot] = 0.0
        self.span[slot] = np.nan
        self._probed[slot] = False
        self._free.append(slot)
        if self._ivf is not None:
            self._one_id[0] = slot
            self._ivf.remove_ids_c(self._remove_one)

    # --- time ---
    def in_window(self, slot: int, time: float | None) -> bool:
        first, last = self.span[slot]
        if time is None or np.isnan(first):
            return True
        window = self.settings.cluster_window_hours * 3600
        return bool(first - window <= time <= last + window)

    def spans_meet(self, x: int, y: int) -> bool:
        (f1, l1), (f2, l2) = self.span[x], self.span[y]
        if np.isnan(f1) or np.isnan(f2):
            return True
        window = self.settings.cluster_window_hours * 3600
        return bool(f1 - window <= l2 and f2 - window <= l1)

    # --- search ---
    def observe(self, vector: np.ndarray) -> None:
        """Count an article; the cells are trained when `cluster_index_train` are seen."""
        self._seen += 1
        if self._sample is None:
            return
        self._sample.append(np.asarray(vector, dtype=np.float32))
        if self._seen >= self.settings.cluster_index_train:
            self._build(np.stack(self._sample))
            self._sample = None

    def search(
        self, vector: np.ndarray, k: int, time: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(slots, cosines) of at most k live stories nearest `vector`, best first.

        With `time`, only stories whose span lies within the time window of it.
        """
        query = np.ascontiguousarray(vector, dtype=np.float32)
        if self._ivf is None:
            slots, sims = self._exact(query, time)
        else:
            # Fetch more than k: some of the nearest fall outside the time window.
            fetch = 4 * k if time is not None else k
            d, i = self._result(fetch)
            self._ivf.search_c(
                1, faiss.swig_ptr(query), fetch, faiss.swig_ptr(d), faiss.swig_ptr(i)
            )
            slots, sims = self._found(d, i, time)
        order = np.lexsort((slots, -sims))[:k]
        return slots[order], sims[order]

    def search_from(self, slot: int, k: int) -> tuple[np.ndarray, np.ndarray]:
        """`search(matrix[slot], k)`, without finding the cells to probe again."""
        if self._ivf is None or not self._probed[slot]:
            return self.search(self.matrix[slot].copy(), k)
        # the same cells (and similarities) the quantizer would find for this centroid
        d, i = self._result(k)
        self._ivf.search_preassigned_c(
            1,
            faiss.swig_ptr(self.matrix[slot]),
            k,
            faiss.swig_ptr(self._probe_cells[slot]),
            faiss.swig_ptr(self._probe_sims[slot]),
            faiss.swig_ptr(d),
            faiss.swig_ptr(i),
            False,
        )
        slots, sims = self._found(d, i, None)
        order = np.lexsort((slots, -sims))[:k]
        return slots[order], sims[order]

    def _result(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        if k not in self._results:  # reused: the wrapper allocates two arrays a call
            self._results[k] = (np.empty(k, dtype=np.float32), np.empty(k, dtype=np.int64))
        return self._results[k]

    def _found(
        self, d: np.ndarray, i: np.ndarray, time: float | None
    ) -> tuple[np.ndarray, np.ndarray]:
        keep = i >= 0
        slots, sims = i[keep], d[keep]  # copies: the buffers are reused
        if time is not None and len(slots):
            slots, sims = self._within(slots, sims, time)
        return slots, sims

    def _exact(self, query: np.ndarray, time: float | None) -> tuple[np.ndarray, np.ndarray]:
        width = self.width
        slots = np.flatnonzero(self.live[:width])
        sims = (self.matrix[:width] @ query)[slots]  # no row gather: one contiguous pass
        if time is not None and len(slots):
            return self._within(slots, sims, time)
        return slots, sims

    def _within(
        self, slots: np.ndarray, sims: np.ndarray, time: float
    ) -> tuple[np.ndarray, np.ndarray]:
        window = self.settings.cluster_window_hours * 3600
        first, last = self.span[slots, 0], self.span[slots, 1]
        with np.errstate(invalid="ignore"):
            outside = (time < first - window) | (time > last + window)
        return slots[~outside], sims[~outside]

    def _build(self, sample: np.ndarray) -> None:
        started, started_cpu = time.perf_counter(), time.process_time()
        s = self.settings
        cells = max(1, min(s.cluster_index_cells, len(sample)))
        kmeans = faiss.Kmeans(
            self.dim,
            cells,
            niter=10,
            seed=_SEED,
            spherical=True,
            min_points_per_centroid=1,
            max_points_per_centroid=256,
            verbose=False,
        )
        kmeans.train(sample)
        quantizer = faiss.IndexFlatIP(self.dim)
        quantizer.add(kmeans.centroids)
        # a hash table from slot to list position: removing a slot is O(1)
        ivf: Any = faiss.IndexIVFFlat(quantizer, self.dim, cells, faiss.METRIC_INNER_PRODUCT)
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)  # type: ignore[attr-defined]
        ivf.nprobe = min(cells, s.cluster_index_probe)
        live = np.flatnonzero(self.live[: self.width]).astype(np.int64)
        if len(live):
            ivf.add_with_ids(self.matrix[live], live)
        self._ivf = ivf
        self._quantizer = quantizer  # the IVF does not own it: keep it alive
        self._remove_one = faiss.IDSelectorArray(1, faiss.swig_ptr(self._one_id))
        self._probe_cells = np.zeros((len(self.matrix), ivf.nprobe), dtype=np.int64)
        self._probe_sims = np.zeros((len(self.matrix), ivf.nprobe), dtype=np.float32)
        for slot in live.tolist():  # one at a time: the cells a lone search would probe
            self._quantizer.search_c(
                1,
                faiss.swig_ptr(self.matrix[slot]),
                ivf.nprobe,
                faiss.swig_ptr(self._probe_sims[slot]),
                faiss.swig_ptr(self._probe_cells[slot]),
            )
            self._probed[slot] = True
        self.build_seconds += time.perf_counter() - started
        self.build_cpu_seconds += time.process_time() - started_cpu
