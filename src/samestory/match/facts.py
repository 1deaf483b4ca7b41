"""What two analyses share and what only one of them has: entities, places, dates, numbers.

Comparison happens on language-independent keys (linked entity keys, place keys,
resolved dates, normalised values), and is reported with canonical display names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..analyse.durations import DURATION_UNIT
from ..models import Analysis, DateMention, Mention, Quantity

__all__ = ["FactSets", "fact_sets", "numbers_equal", "overlap_features", "split_facts"]

KINDS = ("entities", "places", "dates", "numbers")


# A duration is stated to the second ("2:18:42" vs "2:18:24" is a different finish
# time, though only 0.2 % apart): it is equal within this many seconds, unless one
# side says it is approximate ("about 48 hours"), which takes the relative tolerance.
_DURATION_PRECISION_S = 1.0


def numbers_equal(x: Quantity, y: Quantity, tolerance: float) -> bool:
    if x.unit != y.unit:
        return False
    if x.unit == DURATION_UNIT and not (x.approximate or y.approximate):
        return abs(x.value - y.value) < _DURATION_PRECISION_S
    scale = max(abs(x.value), abs(y.value), 1e-9)
    return abs(x.value - y.value) / scale <= tolerance


@dataclass(slots=True)
class FactSets:
    """Per kind: key -> display string, for one side of a comparison."""

    entities: dict[str, str]
    places: dict[str, str]
    dates: dict[str, str]
    numbers: dict[str, str]

    def get(self, kind: str) -> dict[str, str]:
        return dict(getattr(self, kind))


def _entity_map(mentions: Iterable[Mention], places: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in mentions:
        if (m.label == "LOC") == places:
            out.setdefault(m.key, m.canonical)
    return out


def _date_map(dates: Iterable[DateMention]) -> dict[str, str]:
    return {d.canonical: d.canonical for d in dates}


def _number_key(q: Quantity) -> str:
    return f"{q.canonical}|{q.counts or ''}"


def _number_map(quantities: Iterable[Quantity]) -> dict[str, str]:
    return {_number_key(q): q.display for q in quantities}


def fact_sets(a: Analysis, mentions: list[Mention]) -> FactSets:
    """Fact sets of `a`, using `mentions` (its mentions after cross-article linking)."""
    return FactSets(
        entities=_entity_map(mentions, places=False),
        places=_entity_map(mentions, places=True),
        dates=_date_map(a.dates),
        numbers=_number_map(a.quantities),
    )


def _match_numbers(
    qa: list[Quantity], qb: list[Quantity], tolerance: float, same_language: bool = False
) -> tuple[set[str], set[str]]:
    """Keys of A's and B's numbers that have an equal on the other side.

    With `same_language`, numbers that both count something must count the same noun:
    "2 semaines" is not "deux États".
    """
    hit_a: set[str] = set()
    hit_b: set[str] = set()
    # Every pair of distinct numbers of one unit, not every pair of mentions: a page
    # that repeats a block (or a fuzzed one) can hold thousands of mentions of a few
    # numbers, and all-pairs of mentions was most of a compare's time there.
    by_unit: dict[str | None, list[Quantity]] = {}
    for y in _distinct(qb):
        by_unit.setdefault(y.unit, []).append(y)
    for x in _distinct(qa):
        for y in by_unit.get(x.unit, ()):
            if numbers_equal(x, y, tolerance) and (
                not same_language or _same_noun(x.counts, y.counts)
            ):
                hit_a.add(_number_key(x))
                hit_b.add(_number_key(y))
    return hit_a, hit_b


def _distinct(quantities: Iterable[Quantity]) -> list[Quantity]:
    """One quantity per (unit, value, approximate, counted noun): all that matching
    and the keys read."""
    seen: dict[tuple[str | None, float, bool, str | None], Quantity] = {}
    for q in quantities:
        seen.setdefault((q.unit, q.value, q.approximate, q.counts), q)
    return list(seen.values())


def _same_noun(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return True
    x, y = x.lower(), y.lower()
    # "soldat" / "soldats", "Stunde" / "Stunden": one noun, singular or plural.
    return x == y or x.rstrip("sn") == y.rstrip("sn") or x.startswith(y) or y.startswith(x)


def _dates_overlap(
    da: list[DateMention], db: list[DateMention], same_period: bool = False
) -> tuple[set[str], set[str]]:
    """Dates whose periods intersect a period on the other side (2020 ~ 2020-05), or,
    with `same_period`, that the other side gives as the very same period."""
    hit_a: set[str] = set()
    hit_b: set[str] = set()
    for x in da:
        for y in db:
            same = (x.value, x.end) == (y.value, y.end)
            if same or (not same_period and x.value <= y.end and y.value <= x.end):
                hit_a.add(x.canonical)
                hit_b.add(y.canonical)
    return hit_a, hit_b


def split_facts(
    a: Analysis,
    b: Analysis,
    ma: list[Mention],
    mb: list[Mention],
    tolerance: float,
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], dict[str, float]]:
    """(shared, only_a, only_b, overlap features) over the four fact kinds."""
    fa, fb = fact_sets(a, ma), fact_sets(b, mb)
    shared: dict[str, list[str]] = {}
    only_a: dict[str, list[str]] = {}
    only_b: dict[str, list[str]] = {}
    features: dict[str, float] = {}
    same_language = a.language == b.language
    for kind in KINDS:
        xa, xb = fa.get(kind), fb.get(kind)
        # The overlap features keep the looser matching the scorer was trained on; what
        # is shown as shared is stricter (the same period; the same counted noun).
        if kind == "numbers":
            hit_a, hit_b = _match_numbers(a.quantities, b.quantities, tolerance)
            show_a, show_b = _match_numbers(a.quantities, b.quantities, tolerance, same_language)
        elif kind == "dates":
            hit_a, hit_b = _dates_overlap(a.dates, b.dates)
            show_a, show_b = _dates_overlap(a.dates, b.dates, same_period=True)
        else:
            hit_a = hit_b = show_a = show_b = set(xa) & set(xb)
        shared[kind] = sorted({xa[k] for k in show_a if k in xa})
        only_a[kind] = sorted({v for k, v in xa.items() if k not in show_a})
        only_b[kind] = sorted({v for k, v in xb.items() if k not in show_b})
        counts = [len(xa), len(xb), len(hit_a), len(hit_b)]
        if kind == "numbers":  # features count distinct values, as before nouns were kept
            counts = [len({k.split("|", 1)[0] for k in keys}) for keys in (xa, xb, hit_a, hit_b)]
        features.update(overlap_features(kind, *counts))
    return shared, only_a, only_b, features


def overlap_features(kind: str, na: int, nb: int, hit_a: int, hit_b: int) -> dict[str, float]:
    """Overlap of one fact kind: coverage both ways and their harmonic mean.

    -1 marks "nothing to compare" (both sides empty), so a scorer can tell absence
    of evidence from disagreement.
    """
    if na == 0 and nb == 0:
        return {f"{kind}_overlap": -1.0, f"{kind}_cov_min": -1.0, f"{kind}_count": 0.0}
    ca = hit_a / na if na else 0.0
    cb = hit_b / nb if nb else 0.0
    f1 = 2 * ca * cb / (ca + cb) if ca + cb else 0.0
    return {f"{kind}_overlap": f1, f"{kind}_cov_min": min(ca, cb), f"{kind}_count": float(na + nb)}
