"""Durations in news text ("2 h 18 min 42 s", "2:18:42", "2 Stunden 18 Minuten").

A duration becomes a `Quantity` whose unit is "s" and whose value is the whole
length in seconds, so "two hours, 18 minutes and 24 seconds", "2:18:24" and
"2:18:24 Stunden" are one value in any language, and "48 hours" equals "two days".

Three forms are read:

- clock-style H:MM:SS ("2:18:42", "2:05:51.3"); H:MM only with an hours word after
  it ("2:18 Stunden"), since "14:30" alone is a time of day;
- a chain of components with units in decreasing order ("2 h 18 min 42 s",
  "two hours, 18 minutes and 24 seconds", "2 horas y 10 minutos");
- one component with a unit word ("48 hours", "vingt-quatre heures", "90 min").
  Bare "h" and "s" are not read alone: "14 h" is a time of day.

Unit words are listed here for en, fr, de, es and it, and as `durations` in
`lang/<code>/numbers.py` for the others; a language with neither gets the clock-style
form only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..lang import resource
from ..models import Quantity

__all__ = ["DURATION_UNIT", "find_durations"]

DURATION_UNIT = "s"

_DAY, _HOUR, _MINUTE = 86400.0, 3600.0, 60.0
# fmt: off
_UNITS: dict[str, dict[str, float]] = {
    "en": {
        "days": _DAY, "day": _DAY, "hours": _HOUR, "hour": _HOUR, "hrs": _HOUR, "hr": _HOUR,
        "h": _HOUR, "minutes": _MINUTE, "minute": _MINUTE, "mins": _MINUTE, "min": _MINUTE,
        "seconds": 1.0, "second": 1.0, "secs": 1.0, "sec": 1.0, "s": 1.0,
    },
    "fr": {
        "jours": _DAY, "jour": _DAY, "heures": _HOUR, "heure": _HOUR, "h": _HOUR,
        "minutes": _MINUTE, "minute": _MINUTE, "min": _MINUTE, "mn": _MINUTE,
        "secondes": 1.0, "seconde": 1.0, "sec": 1.0, "s": 1.0,
    },
    "de": {
        "tage": _DAY, "tagen": _DAY, "tag": _DAY, "stunden": _HOUR, "stunde": _HOUR,
        "std": _HOUR, "h": _HOUR, "minuten": _MINUTE, "minute": _MINUTE, "min": _MINUTE,
        "sekunden": 1.0, "sekunde": 1.0, "sek": 1.0, "s": 1.0,
    },
    "es": {
        "días": _DAY, "dias": _DAY, "día": _DAY, "dia": _DAY, "horas": _HOUR, "hora": _HOUR,
        "h": _HOUR, "minutos": _MINUTE, "minuto": _MINUTE, "min": _MINUTE,
        "segundos": 1.0, "segundo": 1.0, "seg": 1.0, "s": 1.0,
    },
    "it": {
        "giorni": _DAY, "giorno": _DAY, "ore": _HOUR, "ora": _HOUR, "h": _HOUR,
        "minuti": _MINUTE, "minuto": _MINUTE, "min": _MINUTE, "secondi": 1.0,
        "secondo": 1.0, "sec": 1.0, "s": 1.0,
    },
}
# Abbreviations that only count inside a chain ("2 h 18 min"), never alone.
_CHAIN_ONLY = frozenset(("h", "hr", "hrs", "s", "sec", "secs", "seg", "sek", "std"))
# Written with a dot in German ("Std.", "Min.", "Sek."): the dot belongs to the unit.
_DOTTED = frozenset(("std", "min", "sek", "seg", "sec", "hrs", "mins", "secs"))
# What may stand between two components: "2 h 18 min", "2 hours, 18 minutes and 24".
_JOIN = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:and|et|und|y|e)[^\S\n]+)?", re.I)
# fmt: on
_CLOCK = re.compile(
    r"(?<![\d:.,/])(?P<h>\d{1,2}):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,](?P<f>\d{1,3}))?)?"
    r"(?![\d:])"
)


def _alt(words: list[str]) -> str:
    parts = [re.escape(w) + (r"\.?" if w in _DOTTED else "") for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


@cache
def _units(language: str) -> dict[str, float]:
    if language in _UNITS:
        return _UNITS[language]
    listed: dict[str, float] = (resource(language, "numbers", "NUMBERS") or {}).get("durations", {})
    return {w.lower(): v for w, v in listed.items()}


@cache
def _component(language: str, words_alt: str | None) -> re.Pattern[str] | None:
    units = _units(language)
    if not units:
        return None
    number = r"\d+(?:[.,]\d+)?" + (f"|(?:{words_alt})" if words_alt else "")
    return re.compile(
        rf"(?<![\w.,:/-])(?P<num>{number})(?:[^\S\n]*|-)(?P<unit>{_alt(list(units))})(?!\w)",
        re.I,
    )


@cache
def _hours_after(language: str) -> re.Pattern[str]:
    hours = [w for w, v in _units(language).items() if v == _HOUR] or ["h"]
    return re.compile(rf"[^\S\n]*(?:{_alt(hours)})(?!\w)", re.I)


def _clock(text: str, language: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _CLOCK.finditer(text):
        hours = _hours_after(language).match(text, m.end())
        if m["s"] is None and hours is None:
            continue  # "14:30" is a time of day
        seconds = float(f"{m['s']}.{m['f']}" if m["f"] else m["s"] or 0)
        value = int(m["h"]) * _HOUR + int(m["m"]) * _MINUTE + seconds
        end = hours.end() if hours else m.end()
        out.append(Quantity(text[m.start() : end], value, DURATION_UNIT, None, m.start(), end))
    return out


def find_durations(
    text: str,
    language: str,
    words_alt: str | None = None,
    words_value: Callable[[str], float] | None = None,
    ones: frozenset[str] = frozenset(),
) -> list[Quantity]:
    """Durations in `text`, in text order, values in seconds.

    `words_alt` is a regular-expression alternation of the language's number words
    and `words_value` reads one ("vingt-quatre" -> 24); `ones` are the words that
    double as articles ("a", "une"), which never start a duration on their own.
    """
    language = (language or "").lower()
    found = _clock(text, language)
    taken = [(q.start, q.end) for q in found]
    units = _units(language)
    pattern = _component(language, words_alt if words_value else None)
    if pattern is None:
        return found

    def value_of(num: str) -> float:
        if num[0].isdigit():
            return float(num.replace(",", "."))
        return words_value(num) if words_value else 0.0

    chain: list[re.Match[str]] = []

    def close() -> None:
        if not chain:
            return
        first, last = chain[0], chain[-1]
        unit = last["unit"].lower().rstrip(".")
        if len(chain) == 1 and (unit in _CHAIN_ONLY or first["num"].lower() in ones):
            return
        start, end = first.start(), last.end()
        if any(s < end and start < e for s, e in taken):
            return
        value = sum(value_of(c["num"]) * units[c["unit"].lower().rstrip(".")] for c in chain)
        if value > 0:
            found.append(Quantity(text[start:end], value, DURATION_UNIT, None, start, end))

    for m in pattern.finditer(text):
        if chain:
            prev = chain[-1]
            step = units[prev["unit"].lower().rstrip(".")]
            here = units[m["unit"].lower().rstrip(".")]
            # A later component is a whole number below the larger unit: "3 days, 2,5
            # hours" and "2 hours 90 minutes" are two durations, not one.
            count = value_of(m["num"])
            fits = count == int(count) and count * here < step
            if here < step and fits and _JOIN.fullmatch(text, prev.end(), m.start()):
                chain.append(m)
                continue
            close()
        chain = [m]
    close()
    found.sort(key=lambda q: q.start)
    return found
