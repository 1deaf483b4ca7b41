"""Summary figures the benchmarks share."""

from __future__ import annotations

from collections.abc import Iterable


def percentile(values: Iterable[float], q: float) -> float:
    """The q-quantile by nearest rank: the value at index floor(q * n) of the n sorted
    values (the largest for q near 1), nan for none. No interpolation, so a p99 is a
    latency that was measured."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
