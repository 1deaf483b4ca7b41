"""Conflicts: the same kind of fact given different values by the two articles.

A conflict needs evidence that both sides talk about the same slot: the numbers'
digit-masked contexts embed alike (in any language), their sentences are aligned,
or they count the same noun. A value the other article also states anywhere is
never a conflict: the articles may just be reporting two different figures.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

from ..analyse.durations import DURATION_UNIT
from ..models import AlignedPair, Analysis, Conflict, Mention, Quantity
from .facts import numbers_equal

__all__ = ["find_conflicts"]

_NAME_MIN_SIMILARITY = 0.75  # names/places differ legitimately between loosely aligned sentences


# Conflicting reports of one figure are near each other (7 vs 8 dead, 1.2 vs 1.25 bn);
# two figures an order of magnitude apart are different facts (42 km vs 2 h).
_MAX_RATIO = 1.5
# Cosine of the digit-masked contexts ("au moins # morts" ~ "al menos # muertos")
# above which two numbers may fill the same slot. Multilingual USE puts true
# cross-language matches at only 0.45-0.6 on the example corpus, so the value-ratio
# guard and one-to-one matching carry much of the precision.
_SLOT_MIN_SIMILARITY = 0.45


def _slot(q: Quantity, other: Quantity) -> str:
    if q.unit == DURATION_UNIT:
        return "duration"
    return q.counts or other.counts or (q.unit or "number")


def _comparable(x: Quantity, y: Quantity, same_language: bool) -> bool:
    if x.unit != y.unit or min(abs(x.value), abs(y.value)) <= 0:
        return False
    if max(abs(x.value), abs(y.value)) / min(abs(x.value), abs(y.value)) > _MAX_RATIO:
        return False
    # Counted nouns can only be compared inside one language.
    return not (same_language and x.counts and y.counts and x.counts != y.counts)


def _slot_similarity(a: Analysis, b: Analysis) -> np.ndarray | None:
    """Cosine of every number of `a` with every number of `b` as one slot.

    That is the cosine of their digit-masked contexts, except between two durations:
    masked, "# h # min # s" and "#:#:#" say more about how a time is written than
    whose time it is, so their sentences' cosine stands in.
    """
    qa, qb = a.quantity_embeddings, b.quantity_embeddings
    if qa is None or qb is None or not len(qa) or not len(qb):
        return None
    sim = np.asarray(qa @ qb.T, dtype=np.float64)
    sa, sb = a.sentence_embeddings, b.sentence_embeddings
    if sa is None or sb is None:
        return sim
    for i, x in enumerate(a.quantities[: len(qa)]):
        if x.unit != DURATION_UNIT or not 0 <= x.sentence < len(sa):
            continue
        for j, y in enumerate(b.quantities[: len(qb)]):
            if y.unit == DURATION_UNIT and 0 <= y.sentence < len(sb):
                sim[i, j] = float(sa[x.sentence] @ sb[y.sentence])
    return sim


def _slot_pairs(
    a: Analysis, b: Analysis, pairs: list[AlignedPair], sim: np.ndarray | None
) -> list[tuple[int, int, float]]:
    """(index in a.quantities, index in b.quantities, evidence) for numbers in one slot."""
    out: list[tuple[int, int, float]] = []
    if sim is not None:
        for i, j in zip(*(sim >= _SLOT_MIN_SIMILARITY).nonzero(), strict=True):
            out.append((int(i), int(j), float(sim[i, j])))
    aligned = {(p.index_a, p.index_b): p.similarity for p in pairs}
    for i, x in enumerate(a.quantities):
        for j, y in enumerate(b.quantities):
            score = aligned.get((x.sentence, y.sentence))
            if score is not None:
                out.append((i, j, score))
            elif x.counts and x.counts == y.counts:  # "6 000 soldats" vs "5 000 soldats"
                out.append((i, j, 1.0))
    return out


def _number_conflicts(
    a: Analysis, b: Analysis, pairs: list[AlignedPair], tol: float
) -> list[Conflict]:
    slot_sim = _slot_similarity(a, b)

    def stated(i: int, j: int) -> bool:
        """Is A's i-th (or B's j-th) value given by the other side for an equally close slot?

        An equal value elsewhere explains a number better than a differing one, unless
        the differing one sits in a clearly more similar context.
        """
        x, y = a.quantities[i], b.quantities[j]
        pair = slot_sim[i, j] if slot_sim is not None else 0.0
        for jj, r in enumerate(b.quantities):
            if numbers_equal(x, r, tol) and (slot_sim is None or slot_sim[i, jj] >= pair - 0.1):
                return True
        for ii, r in enumerate(a.quantities):
            if numbers_equal(y, r, tol) and (slot_sim is None or slot_sim[ii, j] >= pair - 0.1):
                return True
        return False

    def anywhere(q: Quantity, side: Analysis) -> bool:
        return any(numbers_equal(q, r, tol) for r in side.quantities)

    def sentence(side: Analysis, q: Quantity) -> str:
        return side.sentences[q.sentence].text if 0 <= q.sentence < len(side.sentences) else q.text

    same_language = a.language == b.language
    out: list[Conflict] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    # Best evidence first, each number in at most one conflict.
    for i, j, _ in sorted(_slot_pairs(a, b, pairs, slot_sim), key=lambda t: -t[2]):
        if i in used_a or j in used_b:
            continue
        x, y = a.quantities[i], b.quantities[j]
        if not _comparable(x, y, same_language) or numbers_equal(x, y, tol):
            continue
        if stated(i, j) or (anywhere(x, b) and anywhere(y, a)):  # both report both figures
            continue
        used_a.add(i)
        used_b.add(j)
        out.append(
            Conflict(
                "number",
                _slot(x, y),
                x.canonical,
                y.canonical,
                sentence(a, x),
                sentence(b, y),
                x.display,
                y.display,
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
