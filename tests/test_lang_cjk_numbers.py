"""Compound CJK numerals, ranks, per-day rates and day counts (issue #17, session 16)."""

from __future__ import annotations

import pytest

from samestory.analyse.cjk import cjk_quantities
from samestory.analyse.cjknumbers import numeral_parts


@pytest.mark.parametrize(
    ("text", "language", "canonical"),
    [
        ("同社は3億5000万ドルを投資し", "ja", ["3.5e+08 USD"]),
        ("約1万4000人が参加した", "ja", ["14000"]),
        ("약 1만4000명이 참가했다", "ko", ["14000"]),
        ("2억5000만 달러가 들었으며", "ko", ["2.5e+08 USD"]),
        ("3억 5천만 달러", "ko", ["3.5e+08 USD"]),
        ("1조 2천억 원", "ko", ["1.2e+12 KRW"]),
        ("2천600명", "ko", ["2600"]),
        ("5백만 달러", "ko", ["5e+06 USD"]),
        ("12亿5千万元", "zh", ["1.25e+09 CNY"]),
        ("投资3.5亿美元", "zh", ["3.5e+08 USD"]),
        # side by side, not one number: the second is not smaller than a scale before it
        ("2600 4000", "zh", ["2600", "4000"]),
        ("5万 3万", "zh", ["50000", "30000"]),
    ],
)
def test_compound_numerals(text: str, language: str, canonical: list[str]) -> None:
    assert [q.canonical for q in cjk_quantities(text, language=language)] == canonical


@pytest.mark.parametrize(
    ("text", "language", "canonical"),
    [
        ("東京で2位に入った", "ja", []),
        ("도쿄에서 2위를 차지했다", "ko", []),
        ("第2个工厂", "zh", []),
        ("제2 공장", "ko", []),
        ("45位专家", "zh", ["45"]),  # a classifier in Chinese, not a rank
        ("1日4000万ドルの損失", "ja", ["4e+07 USD"]),
        ("하루에 4000만 달러의 손실", "ko", ["4e+07 USD"]),
        ("하루 동안", "ko", ["1 d"]),
        ("修復には30日かかる", "ja", ["30 d"]),
        ("嵐は3日後に弱まった", "ja", ["3 d"]),
        ("30일이 걸린다", "ko", ["30 d"]),
        ("폭풍은 3일 뒤 약해져", "ko", ["3 d"]),
        ("9月2日、政府は", "ja", []),  # a date, left to `cjk_dates`
    ],
)
def test_ranks_rates_and_days(text: str, language: str, canonical: list[str]) -> None:
    assert [q.canonical for q in cjk_quantities(text, language=language)] == canonical


def test_parts_keep_offsets() -> None:
    assert numeral_parts("48억5천만") == [(0, 6, 4.85e9)]
    assert numeral_parts("1万 2万") == [(0, 2, 1e4), (3, 5, 2e4)]
