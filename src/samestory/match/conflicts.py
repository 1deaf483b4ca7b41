"""Conflicts: the same kind of fact given different values by the two articles.

A conflict needs evidence that both sides talk about the same slot: either the two
sentences are aligned (they say the same thing, in any language), or the numbers
count the same noun. A value the other article also states anywhere is never a
conflict: the articles may just be reporting two different figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from ..models import AlignedPair, Analysis, Conflict, Mention, Quantity
from .facts import numbers_equal

__all__ = ["find_conflicts"]

_NAME_MIN_SIMILARITY = 0.75  # names/places differ legitimately between loosely aligned sentences


def _in_sentence(items: Iterable[Quantity], index: int) -> list[Quantity]:
    return [q for q in items if q.sentence == index]


def _slot(q: Quantity, other: Quantity) -> str:
    return q.counts or other.counts or (q.unit or "number")


def _number_conflicts(
    a: Analysis, b: Analysis, pairs: list[AlignedPair], tol: float
) -> list[Conflict]:
    out: list[Conflict] = []

    def stated(q: Quantity, side: Analysis) -> bool:
        return any(numbers_equal(q, r, tol) for r in side.quantities)

    def sentence(side: Analysis, q: Quantity) -> str:
        return side.sentences[q.sentence].text if 0 <= q.sentence < len(side.sentences) else q.text

    candidates: list[tuple[Quantity, Quantity]] = []
    for p in pairs:
        for x in _in_sentence(a.quantities, p.index_a):
            for y in _in_sentence(b.quantities, p.index_b):
                if x.unit == y.unit and (not x.counts or not y.counts or x.counts == y.counts):
                    candidates.append((x, y))
    # Same counted noun anywhere (same-language articles): "6 000 soldats" vs "5 000 soldats".
    for x in a.quantities:
        for y in b.quantities:
            if x.counts and x.counts == y.counts and x.unit == y.unit:
                candidates.append((x, y))
    for x, y in candidates:
        if numbers_equal(x, y, tol) or stated(x, b) or stated(y, a):
            continue
        out.append(
            Conflict(
                "number", _slot(x, y), x.canonical, y.canonical, sentence(a, x), sentence(b, y)
            )
        )
    return out


def _date_conflicts(a: Analysis, b: Analysis, pairs: list[AlignedPair]) -> list[Conflict]:
    out: list[Conflict] = []
    for p in pairs:
        for x in (d for d in a.dates if d.sentence == p.index_a):
            for y in (d for d in b.dates if d.sentence == p.index_b):
                if x.granularity != y.granularity or (x.value <= y.end and y.value <= x.end):
                    continue
                if any(d.canonical == x.canonical for d in b.dates) or any(
                    d.canonical == y.canonical for d in a.dates
                ):
                    continue
                slot = " ".join(p.text_a.split()[:8])
                out.append(Conflict("date", slot, x.canonical, y.canonical, p.text_a, p.text_b))
    return out


def _name_conflicts(
    pairs: list[AlignedPair], ma: list[Mention], mb: list[Mention]
) -> list[Conflict]:
    out: list[Conflict] = []
    keys_a = {m.key for m in ma}
    keys_b = {m.key for m in mb}
    for p in pairs:
        if p.similarity < _NAME_MIN_SIMILARITY:
            continue
        kinds: tuple[tuple[str, Literal["name", "place"]], ...] = (
            ("PERSON", "name"),
            ("LOC", "place"),
        )
        for label, kind in kinds:
            xs = [m for m in ma if m.sentence == p.index_a and m.label == label]
            ys = [m for m in mb if m.sentence == p.index_b and m.label == label]
            only_x = [m for m in xs if m.key not in keys_b]
            only_y = [m for m in ys if m.key not in keys_a]
            if len(only_x) == 1 and len(only_y) == 1:
                slot = " ".join(p.text_a.split()[:8])
                out.append(
                    Conflict(
                        kind, slot, only_x[0].canonical, only_y[0].canonical, p.text_a, p.text_b
                    )
                )
    return out


def find_conflicts(
    a: Analysis,
    b: Analysis,
    pairs: list[AlignedPair],
    ma: list[Mention],
    mb: list[Mention],
    tolerance: float,
) -> list[Conflict]:
    found = [
        *_number_conflicts(a, b, pairs, tolerance),
        *_date_conflicts(a, b, pairs),
        *_name_conflicts(pairs, ma, mb),
    ]
    seen: set[tuple[str, str, str]] = set()
    unique: list[Conflict] = []
    for c in found:
        key = (c.kind, c.value_a, c.value_b)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique
