"""Dates and numbers in Chinese, Japanese and Korean, where words are not spaced.

The Latin-script rules in `dates` and `quantities` rely on word boundaries, and every
CJK character is a word character, so these languages get their own patterns:
"2026年1月15日" / "2026년 1월 15일", "周一" / "星期一" / "月曜日" / "월요일" (the most
recent such day on or before publication, as `dates` does with no tense cue),
"昨天" / "昨日" / "어제"; numbers with 万 / 亿 / 億 / 만 / 억 and a currency
("25亿美元" = 2.5e9 USD, "4000万ユーロ"), "%" / "％" / "퍼센트", and durations in hours
("四个小时", "4時間", "네 시간").
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import DateMention, Quantity, Sentence
from .sentences import locate_sentence

__all__ = ["CJK", "cjk_dates", "cjk_quantities"]

CJK = frozenset({"zh", "ja", "ko"})

_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_JA_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
_KO_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
_RELATIVE = {
    "今天": 0, "昨天": -1, "明天": 1, "前天": -2, "今日": 0, "昨日": -1, "明日": 1,
    "오늘": 0, "어제": -1, "내일": 1,
}  # fmt: skip
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s?[年년]\s?(?P<m>1[0-2]|0?[1-9])\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]"
    r"|(?<!\d)(?P<m2>1[0-2]|0?[1-9])\s?[月월]\s?(?P<d2>[0-3]?\d)\s?[日일号號]"
    r"|(?:周|星期|礼拜|禮拜)(?P<w>[一二三四五六日天])"
    r"|(?P<wj>[月火水木金土日])曜日?"
    r"|(?P<wk>[월화수목금토일])요일"
    r"|(?P<y2>(?:19|20)\d\d)\s?[年년](?!\s?\d{1,2}\s?[月월])"
    r"|(?P<rel>" + "|".join(_RELATIVE) + ")"
)
_SCALES = {"千": 1e3, "천": 1e3, "万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8}
_CURRENCIES = {
    "美元": "USD", "ドル": "USD", "달러": "USD", "欧元": "EUR", "ユーロ": "EUR", "유로": "EUR",
    "人民币": "CNY", "元": "CNY", "円": "JPY", "엔": "JPY", "원": "KRW", "卢布": "RUB",
    "ルーブル": "RUB", "루블": "RUB",
}  # fmt: skip
_PERCENT = ("%", "％", "퍼센트", "パーセント")
_NUMBER = re.compile(
    r"(?<![\d.,])(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<s>[千천万萬만亿億억])?"
    r"\s?(?P<u>" + "|".join(sorted([*_CURRENCIES, *_PERCENT], key=len, reverse=True)) + ")?"
)
_NATIVE = {
    "一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
    "여덟": 8, "아홉": 9, "열": 10,
}  # fmt: skip
_HOURS = re.compile(
    r"(?P<n>\d+|[一两兩二三四五六七八九十]|다섯|여섯|일곱|여덟|아홉|[한두세네열])"
    r"\s?(?:个|個)?\s?(?:小时|小時|時間|시간)"
)


def _published(published: dt.datetime | dt.date | None) -> dt.date | None:
    return published.date() if isinstance(published, dt.datetime) else published


def _day(pub: dt.date | None, month: int, day: int) -> dt.date | None:
    if pub is None:
        return None
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    return best


def _period(m: re.Match[str], pub: dt.date | None) -> tuple[dt.date, dt.date, str, bool] | None:
    g = m.groupdict()
    if g["y"]:
        d = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        return d, d, "day", False
    if g["y2"]:
        y = int(g["y2"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False
    if g["m2"]:
        found = _day(pub, int(g["m2"]), int(g["d2"]))
        return (found, found, "day", True) if found else None
    if pub is None:
        return None
    if g["rel"]:
        d = pub + dt.timedelta(days=_RELATIVE[g["rel"]])
        return d, d, "day", True
    wd = (
        _WEEKDAY_CHARS[g["w"]] if g["w"]
        else _JA_WEEKDAYS[g["wj"]] if g["wj"]
        else _KO_WEEKDAYS[g["wk"]]
    )  # fmt: skip
    d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    return d, d, "day", True


def cjk_dates(
    text: str, published: dt.datetime | dt.date | None, sentences: list[Sentence] | None = None
) -> list[DateMention]:
    """Date mentions of a Chinese, Japanese or Korean text."""
    pub = _published(published)
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        if m["wj"] and not m.group().endswith(("曜日", "曜")):
            continue
        try:
            period = _period(m, pub)
        except ValueError:  # "2月30日"
            continue
        if period is not None:
            sentence = locate_sentence(sentences, m.start()) if sentences else -1
            out.append(DateMention(m.group(), *period, m.start(), m.end(), sentence))  # type: ignore[arg-type]
    return out


def cjk_quantities(text: str, sentences: list[Sentence] | None = None) -> list[Quantity]:
    """Numbers, money, percentages and hour durations of a CJK text."""
    blocked = [(m.start(), m.end()) for m in _DATE.finditer(text) if not m["rel"]]
    found: list[Quantity] = []
    for m in _HOURS.finditer(text):
        n = m["n"]
        value = float(n) if n.isdigit() else float(_NATIVE.get(n, 0))
        if value:
            found.append(Quantity(m.group(), value * 3600, "s", None, m.start(), m.end()))
            blocked.append(m.span())
    for m in _NUMBER.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        value = float(m["n"].replace(",", "")) * _SCALES.get(m["s"] or "", 1.0)
        unit = m["u"]
        unit = "%" if unit in _PERCENT else _CURRENCIES.get(unit) if unit else None
        found.append(Quantity(m.group().strip(), value, unit, None, m.start(), m.end()))
    found.sort(key=lambda q: q.start)
    if sentences:
        found = [
            Quantity(q.text, q.value, q.unit, q.counts, q.start, q.end, q.approximate,
                     locate_sentence(sentences, q.start))
            for q in found
        ]  # fmt: skip
    return found
