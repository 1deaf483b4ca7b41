"""Shared numbers are matched over distinct numbers, not every pair of mentions
(match/facts.py): the same result as all pairs, at a cost that does not grow with a
page's repeats."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samestory.match import facts
from samestory.models import Quantity

_UNITS = st.sampled_from([None, "USD", "EUR", "%", "s"])
_QUANTITY = st.builds(
    lambda v, u, c, a: Quantity(
        text=str(v), value=v, unit=u, counts=c, start=0, end=1, approximate=a
    ),
    st.sampled_from([0.0, 1.0, 2.0, 2.05, 47.0, 52.0, 60.0, 3600.0, 2.5e9, 2.6e9, -3.0]),
    _UNITS,
    st.sampled_from([None, "soldats", "soldat", "semaines", "États"]),
    st.booleans(),
)


def _all_pairs(
    qa: list[Quantity], qb: list[Quantity], tolerance: float, same_language: bool
) -> tuple[set[str], set[str]]:
    hit_a: set[str] = set()
    hit_b: set[str] = set()
    for x in qa:
        for y in qb:
            if facts.numbers_equal(x, y, tolerance) and (
                not same_language or facts._same_noun(x.counts, y.counts)
            ):
                hit_a.add(facts._number_key(x))
                hit_b.add(facts._number_key(y))
    return hit_a, hit_b


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_QUANTITY, max_size=12),
    st.lists(_QUANTITY, max_size=12),
    st.sampled_from([0.0, 0.05, 0.2]),
    st.booleans(),
)
def test_distinct_matching_equals_all_pairs(
    qa: list[Quantity], qb: list[Quantity], tolerance: float, same_language: bool
) -> None:
    got = facts._match_numbers(qa, qb, tolerance, same_language)
    assert got == _all_pairs(qa, qb, tolerance, same_language)


def test_repeated_mentions_cost_one_comparison_per_distinct_pair(monkeypatch) -> None:
    calls = 0
    real = facts.numbers_equal

    def counted(x: Quantity, y: Quantity, tolerance: float) -> bool:
        nonlocal calls
        calls += 1
        return real(x, y, tolerance)

    monkeypatch.setattr(facts, "numbers_equal", counted)
    q = Quantity(text="47", value=47.0, unit=None, counts="cas", start=0, end=2)
    money = Quantity(text="2,5 Mrd $", value=2.5e9, unit="USD", counts=None, start=0, end=2)
    hit_a, hit_b = facts._match_numbers([q, money] * 500, [q, money] * 400, 0.05)
    assert hit_a == hit_b == {"47|cas", "2.5e+09 USD|"}
    assert calls == 2  # one per distinct number of the same unit, not 900,000
