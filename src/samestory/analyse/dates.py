"""Date expressions: absolute ones as written, relative ones resolved on the publication date.

Candidates come from per-language regexes built in `daterules` from `lang/<code>/dates.py`
and are resolved here into periods (first day .. last day). Languages without such a module
get month names and "today/yesterday" phrases from dateparser's locale data. dateparser.parse
itself is not called: it costs 0.3-6 ms per expression, returns instants not periods, and
returns nothing for "mai dernier".

Choices: a bare weekday goes the way the tense around it says ("will meet on Tuesday",
"ahead of Tuesday's debate": the coming one), else it is the most recent one on or before
publication ("a annoncé lundi"; also German narrative present, "Am Sonntag kommt die
Mail"); "Mittwoch dieser Woche" is that week's; a month or a day
without a year is the occurrence nearest publication; a year range ("2015-2019") has
granularity "year" with `end` on the last year's Dec 31; a decade ("années 1990") has
granularity "decade". Relative expressions are skipped when `published` is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ..lang.digits import western_digits
from ..models import DateMention, Sentence
from .cjk import CJK, cjk_dates
from .daterules import Rules, calendar_words, fold_key, phrase_pattern, rules
from .sentences import locate_sentence
from .tense import tense_at

__all__ = ["calendar_words", "date_spans", "extract_dates", "phrase_pattern"]

Granularity = Literal["day", "week", "month", "year", "decade"]
_Period = tuple[dt.date, dt.date, Granularity, bool]

_YEAR_SHIFT = {"last": 0, "next": 0, "lastyear": -1, "thisyear": 0, "nextyear": 1}
_WEEK_SHIFT = {"lastweek": -1, "thisweek": 0, "nextweek": 1}
# Kinds whose digits belong to the date: quantities must not count them.
_NUMERIC_KINDS = frozenset({"day", "month", "year", "decade"})
_NEXT = re.compile(r"[^\S\n]?([%$€£¥₹₽₪])|[^\S\n]+([^\W\d_][\w-]*)")
_MONEY_BEFORE = re.compile(r"[$€£¥₹₽₪][^\S\n]?\Z")


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # day, month, monthrel, weekday, rel, ago, year, decade, block
    data: tuple[Any, ...]


def _is_year(text: str, start: int, end: int, year: int, r: Rules) -> bool:
    """Whether a bare number is a year rather than a count ("en 2000" vs "2000 soldats")."""
    before = text[max(0, start - 30) : start]
    cued = r.year_cue is not None and r.year_cue.search(before) is not None
    if not cued and (before.endswith("-") or not 1900 <= year <= 2100):
        return False
    if _MONEY_BEFORE.search(before):
        return False
    m = _NEXT.match(text, end)
    if m is None:
        return True
    if m[1] or m[2].lower() in r.unit_words:
        return False
    # Counts that look like years are round ("2000 soldats"); "de 2023 prévoit" is a year.
    if cued or not r.numbers.get("year_counts", False) or year % 50:
        return True
    word = m[2]
    if word.lower() in r.stopwords or fold_key(word) in r.months or fold_key(word) in r.weekdays:
        return True
    return bool(r.numbers.get("noun_capitalized")) and not word[0].isupper()


def _name_ok(text: str, start: int, name: str, r: Rules) -> bool:
    """Casing rules for month/weekday names: "may" is a verb, "Mars" a planet."""
    case = r.data.get("names_case")
    if case == "upper":
        return name[0].isupper()
    if case == "lower" and name[0].isupper():
        before = text[max(0, start - 12) : start].rstrip()
        return (not before and start < 12) or before[-1:] in set('.!?:;«»"“”(—–-\n')
    return True


def _candidate(kind: str, m: re.Match[str], text: str, r: Rules) -> _Cand | None:
    g = m.groupdict()
    start, end = m.span()
    if kind in ("iso", "num", "dmy", "mdy"):
        if kind == "num":
            a, b = int(g["a"]), int(g["b"])
            month_first = (r.data.get("mdy") and a <= 12) or b > 12
            day, month = (b, a) if month_first else (a, b)
        else:
            day = int(g["d"])
            month = int(g["m"]) if kind == "iso" else r.months.get(fold_key(g["m"]), 0)
        y = int(g["y"]) if g.get("y") else None
        return _Cand(start, end, "day", (y, month, day)) if 1 <= day <= 31 and month else None
    if kind == "my":
        month = r.months.get(fold_key(g["m"]), 0)
        return _Cand(start, end, "month", (int(g["y"]), month)) if month else None
    if kind in ("monthrel", "weekday"):
        name = g["m"] if kind == "monthrel" else g["w"]
        mod = g.get("b") or g.get("a")
        key = r.data.get("before", {}) if g.get("b") else r.data.get("after", {})
        mod_kind = key.get(_norm(mod)) if mod else None
        if not _name_ok(text, m.start("m" if kind == "monthrel" else "w"), name, r):
            return None
        table = r.weekdays if kind == "weekday" else r.months
        number = table.get(fold_key(name))
        if number is None:  # matched case-insensitively but spelt outside the table
            return None
        if kind == "weekday":
            return _Cand(
                start, end, kind, (number, mod_kind or tense_at(text, start, end, r.tense))
            )
        if mod_kind not in _YEAR_SHIFT:  # a week modifier ("this week") says nothing of months
            mod_kind = None
        cue, tail = r.month_cue, r.data.get("month_tail")
        # a cue after the month where the language puts it there: "Mayıs'ta", "Mayıs ayında"
        after_ok = tail is not None and re.match(tail, text[end : end + 12], re.I)
        # a month form that holds its own cue: Hebrew "בספטמבר" (in September)
        self_cued = name.lower() in r.data.get("cued_months", ())
        if mod_kind is None and not after_ok and not self_cued \
                and (cue is None or not cue.search(text[max(0, start - 30) : start])):  # fmt: skip
            return None
        return _Cand(start, end, kind, (number, mod_kind))
    if kind == "rel":
        phrase = _norm(g["p"])
        if phrase in r.data.get("case_sensitive", ()) and g["p"] != phrase:
            return None
        if _title_cased(text, start, g["p"]):
            return _Cand(start, end, "block", ())  # "CBS This Morning": a show's name
        value = _match_key(r.data["relative"], g["p"], None)
        return _Cand(start, end, "rel" if value else "block", value or ())
    if kind == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else r.numbers.get("words", {}).get(n, 1)
        unit, mult = _match_key(r.data["units"], g["u"])
        return _Cand(start, end, "ago", (unit, count * mult))
    if kind == "yrange":
        y1, y2 = int(g["y1"]), int(g["y2"])
        y2 = y2 if y2 >= 100 else y1 // 100 * 100 + y2
        if not y1 < y2 <= y1 + 100 or not _is_year(text, start, end, y1, r):
            return None
        return _Cand(start, end, "year", (y1, y2))
    if kind == "year":
        if not _is_year(text, start, end, int(g["y"]), r):
            return None
        return _Cand(start, end, "year", (int(g["y"]), int(g["y"])))
    digits = re.sub(r"\D", "", g["d"])
    return _Cand(start, end, "decade", (int(digits),))


def _title_cased(text: str, start: int, phrase: str) -> bool:
    """A several-word relative phrase written in title case mid-sentence is a name."""
    words = phrase.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 3) : start].rstrip(" \u00a0")
    return bool(before) and before[-1:] not in ".!?:;\n" and not before.endswith(("\n",))


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _match_key(table: dict[str, Any], matched: str, default: Any = KeyError) -> Any:
    """The entry of `table` a case-insensitive match stands for. The patterns ignore
    case, under which Turkish "yıl" also matches "yil" and "YIL": compare with dotted and
    dotless i alike, or the match finds no entry (a KeyError on Turkish texts)."""
    want = _dotless(_norm(matched))
    for key, value in table.items():
        if _dotless(_norm(key)) == want:
            return value
    if default is KeyError:
        raise KeyError(matched)
    return default


def _dotless(text: str) -> str:
    return text.replace("ı", "i").replace("i\u0307", "i")


@lru_cache(maxsize=32)
def _candidates(text: str, language: str) -> tuple[_Cand, ...]:
    """Non-overlapping date candidates, longest first wins; independent of `published`."""
    r = rules(language.lower() if language else "")
    found: list[_Cand] = []
    for kind, pattern in r.patterns:
        for m in pattern.finditer(text):
            cand = _candidate(kind, m, text, r)
            if cand is not None:
                found.append(cand)
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken: list[_Cand] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return tuple(sorted(taken, key=lambda c: c.start))


def date_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of dates written with digits ("3 mai", "2016", "2015-2019"): quantities skips
    numbers inside them, so a day of month or a year is never a count."""
    text = western_digits(text, language)
    return [
        (c.start, c.end)
        for c in _candidates(text, language)
        # a month written as a number: Vietnamese "vào tháng 6", "tháng 5 năm ngoái"
        if c.kind in _NUMERIC_KINDS or (c.kind == "monthrel" and _digit(text, c.start, c.end))
    ]


def _digit(text: str, start: int, end: int) -> bool:
    return any(ch.isdigit() for ch in text[start:end])


def _month(y: int, m: int, shift: int = 0) -> tuple[dt.date, dt.date]:
    y, m = y + (m - 1 + shift) // 12, (m - 1 + shift) % 12 + 1
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _week(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _nearest_year(pub: dt.date, month: int, day: int = 15) -> int:
    """Year putting (month, day) nearest publication; news looks back more than ahead, so
    future days count 1.5x ("en mars" in October is last March, "en novembre" the next)."""

    def distance(year: int) -> float:
        try:
            days = (dt.date(year, month, day) - pub).days
        except ValueError:  # 29 February
            return float("inf")
        return days * 1.5 if days > 0 else -days

    return min((pub.year - 1, pub.year, pub.year + 1), key=distance)


def _resolve(c: _Cand, pub: dt.date | None) -> _Period | None:
    if c.kind == "year":
        return dt.date(c.data[0], 1, 1), dt.date(c.data[1], 12, 31), "year", False
    if c.kind == "month":
        return (*_month(*c.data), "month", False)
    if c.kind == "day" and c.data[0] is not None:
        d = dt.date(*c.data)
        return d, d, "day", False
    if c.kind == "decade":
        d = c.data[0]
        if d < 100:  # "années 90": the latest such decade that has started
            d += 2000 if 2000 + d <= (pub.year if pub else 2029) else 1900
        return dt.date(d, 1, 1), dt.date(d + 9, 12, 31), "decade", False
    if pub is None:
        return None
    if c.kind == "day":
        _, month, day = c.data
        d = dt.date(_nearest_year(pub, month, day), month, day)
        return d, d, "day", True
    if c.kind == "monthrel":
        month, mod = c.data
        year = _nearest_year(pub, month) if mod is None else pub.year + _YEAR_SHIFT[mod]
        year -= mod == "last" and month >= pub.month
        year += mod == "next" and month <= pub.month
        return (*_month(year, month), "month", True)
    if c.kind == "weekday":
        wd, mod = c.data
        if mod in _WEEK_SHIFT:  # "Mittwoch dieser Woche", "Thursday last week"
            d = _week(pub)[0] + dt.timedelta(days=wd, weeks=_WEEK_SHIFT[mod])
        elif mod in ("next", "future"):
            d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        else:  # "past", "last" or no cue: news mostly tells what happened
            back = (pub.weekday() - wd) % 7
            d = pub - dt.timedelta(days=back or (7 if mod == "last" else 0))
        return d, d, "day", True
    unit, n = c.data
    n = -n if c.kind == "ago" else n
    if unit == "day":
        d = pub + dt.timedelta(days=n)
        return d, d, "day", True
    if unit == "week":
        return (*_week(pub + dt.timedelta(weeks=n)), "week", True)
    if unit == "month":
        return (*_month(pub.year, pub.month, n), "month", True)
    return dt.date(pub.year + n, 1, 1), dt.date(pub.year + n, 12, 31), "year", True


def extract_dates(
    text: str,
    language: str,
    published: dt.datetime | dt.date | None,
    sentences: list[Sentence] | None = None,
) -> list[DateMention]:
    """Date mentions in `text`, relative ones resolved against `published`."""
    if language in CJK:
        return cjk_dates(text, published, sentences)
    text = western_digits(text, language)
    pub = published.date() if isinstance(published, dt.datetime) else published
    out: list[DateMention] = []
    for c in _candidates(text, language):
        try:
            period = None if c.kind == "block" else _resolve(c, pub)
        except ValueError:  # "31 février", a year out of range
            period = None
        if period is not None:  # period is (value, end, granularity, relative)
            sentence = locate_sentence(sentences, c.start) if sentences else -1
            out.append(DateMention(text[c.start : c.end], *period, c.start, c.end, sentence))
    return out
