"""Numbers of Chinese, Japanese and Korean text written with scale characters, for `cjk`.

East Asian numerals group by ten thousands, and news writes the groups with digits
between scale characters: "3億5000万ドル" (3.5e8 USD), "1万4000人", "48억5천만 달러",
"2천600명", "12亿5千万元". A run of groups is read as one number while each group is
smaller than the scale before it ("3억 5천만": 5e7 < 1e8), so two numbers that merely
stand side by side are not summed.

Not numbers: ranks ("2位", "2위", "두 번째", "第2", "제2"), and the one day of a rate
("1日4000万ドル", "하루에 4000만 달러": per day, not a duration of a day).
"""

from __future__ import annotations

import re

__all__ = ["NUMERAL", "RATE_DAY", "is_rank", "numeral_parts"]

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SMALL = {"十": 10.0, "百": 100.0, "千": 1e3, "백": 100.0, "천": 1e3}
_BIG = {"万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8, "兆": 1e12, "조": 1e12}
_S = "[" + "".join(_SMALL) + "]"
_B = "[" + "".join(_BIG) + "]"
# One group: digits, then a small scale, a big one or both ("5千万", "5천만"); the last
# group of a run may have no scale ("1万4000", "2천600").
_GROUP = rf"{_DIGITS}[^\S\n]?(?:{_S}(?:[^\S\n]?{_B})?|{_B})"
NUMERAL = re.compile(
    rf"(?<![\d.,])(?:{_GROUP}[^\S\n]?)*{_DIGITS}(?:[^\S\n]?{_S})?(?:[^\S\n]?{_B})?"
)
_PART = re.compile(rf"(?P<n>{_DIGITS})[^\S\n]?(?P<s>{_S})?[^\S\n]?(?P<b>{_B})?")
# A rank after the number: "2位" (ja), "2위", "2번째", "2등" (ko), "2番目" (ja).
RANK_AFTER = re.compile(r"[^\S\n]?(?:番目|번째|위(?!원|해|한|치|험|기)|등(?!급))")
RANK_AFTER_JA = re.compile(r"位(?!置)")
RANK_BEFORE = re.compile(r"(?:第|제)[^\S\n]?\Z")
# A rate's "per day": "1日4000万ドル", "1日あたり105万人", "하루에 4000만 달러".
RATE_DAY = re.compile(r"(?:(?<!\d)1日|하루)(?:あたり|当たり|に|에|당)?[^\S\n]?(?=\d)")


def numeral_parts(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of the numbers in one NUMERAL match: its groups summed while
    each is smaller than the scale of the one before, else split there."""
    out: list[tuple[int, int, float]] = []
    total, floor, start, end = 0.0, float("inf"), -1, -1
    for m in _PART.finditer(text):
        if not m.group().strip():
            continue
        n = float(m["n"].replace(",", ""))
        value = n * _SMALL.get(m["s"] or "", 1.0) * _BIG.get(m["b"] or "", 1.0)
        scale = _BIG.get(m["b"] or "", 1.0) * _SMALL.get(m["s"] or "", 1.0)
        if start >= 0 and value >= floor:  # not a smaller group: a number of its own
            out.append((start, end, total))
            total, start = 0.0, -1
        if start < 0:
            start = m.start()
        total += value
        end = m.end()
        floor = scale if scale > 1 else 0.0  # after a bare group nothing can follow
    if start >= 0:
        out.append((start, end, total))
    return out


def is_rank(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether the number at [start, end) is a rank: "2位" (ja), "2위", "第2", "제2"."""
    if RANK_BEFORE.search(text, max(0, start - 3), start):
        return True
    if RANK_AFTER.match(text, end):
        return True
    return language == "ja" and RANK_AFTER_JA.match(text, end) is not None
