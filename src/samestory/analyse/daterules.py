"""Per-language date patterns: the regexes and word tables `dates` reads with.

Built once per language from `lang/<code>/dates.py` (and its `numbers.py`); a language
without such a module gets month names and "today/yesterday" phrases from dateparser's
locale data. Kept apart from `dates`, which turns the matches into periods.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lang import resource
from .gazetteer import fold
from .tense import TenseCues

__all__ = ["Rules", "calendar_words", "fold_key", "phrase_pattern", "rules"]

H = r"[^\S\n]"  # horizontal space: a date never spans a line break
YEAR = r"(?:1\d{3}|20\d{2})(?!\d)"
# fmt: off
_DIGIT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    ("num", r"(?<![\d./])(?P<a>\d{1,2})(?P<s>[./])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?!\d)"),
    ("yrange", rf"(?<![\w.,/-])(?P<y1>(?:19|20)\d\d){H}*[-–—/]{H}*(?P<y2>(?:19|20)?\d\d)"
               r"(?![\w%]|[.,]\d)"),
    ("year", r"(?<![\w.,/])(?<!\d[-–])(?P<y>1\d{3}|20\d{2}|2100)(?![\w%]|[.,]\d)"),
)
# fmt: on


def phrase_pattern(phrases: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first; scraped news mixes quotes and
    spaces, so ' also matches ’ and a space any run of spaces."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        esc = re.sub("['’]", "['’]", re.escape(phrase))
        parts.append(esc.replace(r"\ ", H + "+"))
    return "|".join(parts) or r"(?!)"


def _tail_cue(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Matches text ending with one of `phrases` plus a space (none after ' or -)."""
    alt = phrase_pattern(phrases)
    return re.compile(rf"(?<!\w)(?:{alt})(?:{H}+|(?<=['’-]))\Z", re.I) if phrases else None


@dataclass(frozen=True, slots=True)
class Rules:
    data: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    month_cue: re.Pattern[str] | None
    year_cue: re.Pattern[str] | None
    numbers: dict[str, Any]
    unit_words: frozenset[str]
    stopwords: frozenset[str]
    tense: TenseCues


def _fallback(language: str) -> dict[str, Any]:
    """Month names and relative day/week/month/year phrases from dateparser's locale data."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # unknown locale: digits only
        return {}
    months = {
        name.lower(): i
        for i, key in enumerate(calendar.month_name[1:], start=1)
        for name in info.get(key.lower(), [])
        if len(name) >= 3 and name.isalpha()
    }
    relative: dict[str, tuple[str, int]] = {}
    for key, phrases in info.get("relative-type", {}).items():
        m = re.fullmatch(r"(in )?(\d) (day|week|month|year)( ago)?", key)
        if m and int(m[2]) <= 2:
            offset = int(m[2]) * (1 if m[1] else -1)
            relative.update({p: (m[3], offset) for p in phrases if len(p) >= 4})
    return {"months": months, "relative": relative}


@cache
def rules(language: str) -> Rules:
    data: dict[str, Any] = resource(language, "dates", "DATES", None) or _fallback(language)
    nums: dict[str, Any] = resource(language, "numbers", "NUMBERS", None) or {}
    full: dict[str, int] = data.get("months", {})
    abbr: dict[str, int] = data.get("month_abbr", {})
    weekdays: dict[str, int] = data.get("weekdays", {})
    connectors = data.get("connectors", ())
    conn = rf"(?:(?:{phrase_pattern(connectors)}){H}+)?" if connectors else ""
    month = rf"(?P<m>(?:{phrase_pattern(full)})(?!\w)|(?:{phrase_pattern(abbr)})(?!\w)\.?)"
    wday = rf"(?:(?P<w>{phrase_pattern(weekdays)}),?{H}+(?:(?:le|the|el|den|dem){H}+)?)?"
    suffix = data.get("day_suffix") or "(?!)"
    year = rf"(?:,?{H}+{conn}(?P<y>{YEAR}))"
    pats = list(_DIGIT_PATTERNS)
    if full:
        pats += [
            ("dmy", rf"(?<![\w.,]){wday}(?P<d>[0-3]?\d)(?:{suffix})?{H}*{conn}{month}{year}?"),
            ("my", rf"(?<!\w){month}{H}+{conn}(?P<y>{YEAR})"),
        ]
        mdy = rf"(?<!\w){wday}{month}{H}+(?P<d>[0-3]?\d)(?:{suffix})?(?!\w){year}?"
        pats += [("mdy", mdy)] if data.get("mdy") else []
    before, after = data.get("before", {}), data.get("after", {})
    mods_b = rf"(?:(?P<b>{phrase_pattern(before)}){H}+)?" if before else ""
    mods_a = rf"(?:{H}+(?P<a>{phrase_pattern(after)})(?!\w))?" if after else ""
    if data.get("month_cues") or data.get("month_tail") or before or after:
        pats.append(("monthrel", rf"(?<!\w){mods_b}(?P<m>{phrase_pattern(full)})(?!\w){mods_a}"))
    if weekdays:
        pats.append(("weekday", rf"(?<!\w){mods_b}(?P<w>{phrase_pattern(weekdays)})(?!\w){mods_a}"))
    # A one-letter conjunction written onto the phrase: Arabic "وقبل أسبوعين".
    clitic = rf"(?:[{data['clitics']}])?" if data.get("clitics") else ""
    if data.get("relative"):
        pats.append(("rel", rf"(?<!\w){clitic}(?P<p>{phrase_pattern(data['relative'])})(?!\w)"))
    units = data.get("units", {})
    counts = [*nums.get("words", {}), *nums.get("ones", ())]
    n_alt = rf"(?P<n>\d{{1,4}}|{phrase_pattern(counts)})"
    u_alt = f"(?P<u>{phrase_pattern(units)})"
    for template in data.get("ago", ()) if units else ():
        lit = phrase_pattern([template]).replace(r"\{n\}", n_alt).replace(r"\{u\}", u_alt)
        pats.append(("ago", rf"(?<!\w){clitic}{lit}(?!\w)"))
    for decade in data.get("decades", ()):
        pats.append(("decade", rf"(?<!\w){decade}"))
    ranges = data.get("ranges", ())
    if ranges:
        first, second = (phrase_pattern(r[i] for r in ranges) for i in (0, 1))
        span = rf"(?<!\w)(?:{first}){H}+(?P<y1>{YEAR}){H}+(?:{second}){H}+(?P<y2>{YEAR})"
        pats.append(("yrange", span))
    approximators = nums.get("approximators", ())
    unit_words = {w.split()[0] for key in ("scales", "currencies") for w in nums.get(key, {})}
    unit_words |= {w.split()[0] for w in nums.get("percent", ())}
    return Rules(
        data=data,
        months={fold_key(k): v for k, v in (*abbr.items(), *full.items())},
        weekdays={fold_key(k): v for k, v in weekdays.items()},
        patterns=tuple((kind, re.compile(p, re.I)) for kind, p in pats),
        month_cue=_tail_cue(data.get("month_cues", ())),
        year_cue=_tail_cue(data.get("year_cues", ())),
        numbers=nums,
        unit_words=frozenset(unit_words),
        stopwords=frozenset(
            [*str(nums.get("stopwords", "")).split(), *(a.split()[-1] for a in approximators)]
        ),
        tense=TenseCues.of(data),
    )


@cache
def calendar_words(language: str) -> frozenset[str]:
    """Folded month and weekday names of `language` ("salı", "mai"): words, not places.

    From `lang/<code>/dates.py`, else dateparser's locale data; names of 4+ letters.
    """
    r = rules(language)
    names = {*r.months, *r.weekdays}
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # unknown locale
        info = {}
    keys = [*calendar.month_name[1:], *calendar.day_name]
    names.update(fold_key(n) for key in keys for n in info.get(key.lower(), ()))
    return frozenset(n for n in names if len(n) >= 4 and n.isalpha())


def fold_key(word: str) -> str:
    """Table key: "MAYIS", "NİSAN" and "Mai." must find "mayıs", "nisan" and "mai"."""
    return fold(word.rstrip("."))
