"""Dates and numbers in Chinese, Japanese and Korean, where words are not spaced.

The Latin-script rules in `dates` and `quantities` rely on word boundaries, and every
CJK character is a word character, so these languages get their own patterns:
"2026年1月15日" / "2026년 1월 15일", "周一" / "星期一" / "月曜日" / "월요일" (the coming
one when `cjktense` reads a future around it, else the most recent on or before
publication, as `dates` does),
"昨天" / "昨日" / "어제"; numbers with 万 / 亿 / 億 / 만 / 억 and a currency
("25亿美元" = 2.5e9 USD, "4000万ユーロ"), "%" / "％" / "퍼센트", and durations in hours
("四个小时", "4時間", "네 시간") and days ("三天", "3日間", "사흘"); "两周前" / "2週間前" /
"2주 전" (N units ago, a week being its Monday-to-Sunday week) and a bare "5月" / "5월"
(the nearest May).
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import DateMention, Quantity, Sentence
from .cjknumbers import NUMERAL, RATE_DAY, is_rank, numeral_parts
from .cjktense import cjk_tense
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
# year words before a month: "去年5月" (May last year), "今年", "明年", "올해", "내년"
_YEAR_WORDS = {
    "去年": -1, "昨年": -1, "지난해": -1, "작년": -1, "今年": 0, "올해": 0, "明年": 1, "来年": 1,
    "내년": 1,
}  # fmt: skip
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s?[年년]\s?(?P<m>1[0-2]|0?[1-9])\s?[月월]\s?(?P<d>[0-3]?\d)\s?[日일]"
    r"|(?<!\d)(?P<m2>1[0-2]|0?[1-9])\s?[月월]\s?(?P<d2>[0-3]?\d)\s?[日일号號]"
    r"|(?:周|星期|礼拜|禮拜)(?P<w>[一二三四五六日天])"
    r"|(?P<wj>[月火水木金土日])曜日?"
    r"|(?P<wk>[월화수목금토일])요일"
    r"|(?P<y2>(?:19|20)\d\d)\s?[年년](?!\s?\d{1,2}\s?[月월])"
    r"|(?P<rel>" + "|".join(_RELATIVE) + ")"
    # "两周前", "2週間前", "2주 전", "3天前", "3개월 전": N units ago
    r"|(?P<an>\d{1,3}|[一两兩二三四五六七八九十]|[한두세네])\s?"
    r"(?P<au>个星期|個星期|星期|週間|周|週|주|个月|個月|か月|ヶ月|カ月|개월|달|天|日|일|年|년)"
    r"\s?(?P<ago>前|전)"
    # "去年5月", "昨年5月", "지난해 5월": a month of a year named relative to publication
    r"|(?P<ry>" + "|".join(_YEAR_WORDS) + r")"
    r"\s?(?P<rm>1[0-2]|0?[1-9])\s?[月월](?![\d\s]*[日일号號])"
    # "去年", "明年", "지난해" alone: that year ("今年", this year, names no period of news)
    r"|(?P<yb>" + "|".join(w for w, n in _YEAR_WORDS.items() if n) + ")"
    # "5月", "5월에": a bare month, the nearest one (as `dates` does after a cue)
    r"|(?<![\d年년])(?P<mo>1[0-2]|0?[1-9])\s?[月월](?![\d\s]*[日일号號])(?!曜)"
)
_AGO_UNITS = {
    "个星期": "week", "個星期": "week", "星期": "week", "週間": "week", "周": "week",
    "週": "week", "주": "week", "个月": "month", "個月": "month", "か月": "month",
    "ヶ月": "month", "カ月": "month", "개월": "month", "달": "month", "天": "day", "日": "day",
    "일": "day", "年": "year", "년": "year",
}  # fmt: skip
_SCALES = {"千": 1e3, "천": 1e3, "万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8}
_CURRENCIES = {
    "美元": "USD", "ドル": "USD", "달러": "USD", "欧元": "EUR", "ユーロ": "EUR", "유로": "EUR",
    "人民币": "CNY", "元": "CNY", "円": "JPY", "엔": "JPY", "원": "KRW", "卢布": "RUB",
    "ルーブル": "RUB", "루블": "RUB",
}  # fmt: skip
_PERCENT = ("%", "％", "퍼센트", "パーセント")
# The unit after a number (compound numerals in `cjknumbers`).
_UNIT = re.compile(
    r"[^\S\n]?(?P<u>" + "|".join(sorted([*_CURRENCIES, *_PERCENT], key=len, reverse=True)) + ")"
)
_NATIVE = {
    "一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10, "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
    "여덟": 8, "아홉": 9, "열": 10,
}  # fmt: skip
_HOURS = re.compile(
    r"(?P<n>\d+|[一两兩二三四五六七八九十]|다섯|여섯|일곱|여덟|아홉|[한두세네열])"
    r"\s?(?:个|個)?\s?(?P<h>小时|小時|時間|시간)"
    # days: "三天", "3日間", "3일간"; Korean counts 1-4 days with words of their own
    r"|(?P<dn>\d+|[一两兩二三四五六七八九十])\s?(?P<d>天(?!前)|日間|日间|일간|일 동안)"
    # "30日かかる", "3日後", "30일이 걸린다", "3일 뒤": a day count by what follows it
    r"|(?<![\d月월])(?P<dd>\d+)(?P<dday>日(?=後|かか|以内|ぶり|連続)"
    r"|일(?=\s?(?:뒤|후|만에|[이가]\s?걸)))"
    r"|(?P<kd>하루|이틀|사흘|나흘)"
)
_KO_DAYS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4}


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
    if g["an"]:
        return _ago(pub, _count(g["an"]), _AGO_UNITS[g["au"]])
    if g["ry"]:
        y, month = pub.year + _YEAR_WORDS[g["ry"]], int(g["rm"])
        last = dt.date(y + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(y, month, 1), last, "month", True
    if g["yb"]:
        y = pub.year + _YEAR_WORDS[g["yb"]]
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
    if g["mo"]:
        month = int(g["mo"])
        year = min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs(
            (dt.date(y, month, 15) - pub).days))  # fmt: skip
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, 1), last, "month", True
    wd = (
        _WEEKDAY_CHARS[g["w"]] if g["w"]
        else _JA_WEEKDAYS[g["wj"]] if g["wj"]
        else _KO_WEEKDAYS[g["wk"]]
    )  # fmt: skip
    if cjk_tense(m.string, m.start(), m.end()) == "future":  # "将于周五开幕": the coming one
        d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    else:
        d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
    return d, d, "day", True


def _count(n: str) -> int:
    return int(n) if n.isdigit() else _NATIVE.get(n, 1)


def _ago(pub: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date, str, bool]:
    """The period N units before `pub`, as `dates` resolves "two weeks ago": a week is
    the Monday-to-Sunday week holding the day N weeks back."""
    if unit == "day":
        d = pub - dt.timedelta(days=n)
        return d, d, "day", True
    if unit == "week":
        d = pub - dt.timedelta(weeks=n)
        monday = d - dt.timedelta(days=d.weekday())
        return monday, monday + dt.timedelta(days=6), "week", True
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        first = dt.date(y, m + 1, 1)
        last = dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)
        return first, last, "month", True
    return dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year", True


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


def cjk_quantities(
    text: str, sentences: list[Sentence] | None = None, language: str | None = None
) -> list[Quantity]:
    """Numbers, money, percentages and hour and day durations of a CJK text."""
    blocked = [(m.start(), m.end()) for m in _DATE.finditer(text) if not m["rel"]]
    found: list[Quantity] = []
    for m in _HOURS.finditer(text):
        n = m["n"] or m["dn"] or m["dd"]
        if m["kd"] and RATE_DAY.match(text, m.start()):
            continue  # "하루에 4000만 달러": per day
        if m["kd"]:
            value, per = float(_KO_DAYS[m["kd"]]), 86400.0
        else:
            value = float(n) if n.isdigit() else float(_NATIVE.get(n, 0))
            per = 3600.0 if m["h"] else 86400.0
        if value:
            found.append(Quantity(m.group(), value * per, "s", None, m.start(), m.end()))
            blocked.append(m.span())
    blocked += [r.span() for r in RATE_DAY.finditer(text)]
    for m in NUMERAL.finditer(text):
        for start, end, value in numeral_parts(m.group()):
            start, end = m.start() + start, m.start() + end
            if any(s < end and start < e for s, e in blocked):
                continue
            if is_rank(text, start, end, language):
                continue
            u = _UNIT.match(text, end)
            unit = u["u"] if u else None
            unit = "%" if unit in _PERCENT else _CURRENCIES.get(unit) if unit else None
            end = u.end() if u else end
            found.append(Quantity(text[start:end].strip(), value, unit, None, start, end))
    found.sort(key=lambda q: q.start)
    if sentences:
        found = [
            Quantity(q.text, q.value, q.unit, q.counts, q.start, q.end, q.approximate,
                     locate_sentence(sentences, q.start))
            for q in found
        ]  # fmt: skip
    return found
