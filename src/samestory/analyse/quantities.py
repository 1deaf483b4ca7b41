"""Numbers, money and percentages in news text, with the noun they count.

Per-language conventions (separators, scale and currency words, approximators, number
words) live in `lang/<code>/numbers.py`; a language without one gets digits, currency
symbols, ISO codes and "%" only. Numbers that belong to a date ("3 mai", "en 2016",
"2015-2019") are left to `dates`; times, phone numbers, ordinals and numbers glued to
identifiers ("F-35", "COVID-19") are skipped.

`Quantity.text` runs from the approximator or currency symbol through the scale and unit
("plus de 6 000", "4,85 milliards de dollars"); the counted noun is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..lang import resource
from ..lang.digits import western_digits
from ..models import Quantity, Sentence
from .cjk import CJK, cjk_quantities
from .dates import date_spans, phrase_pattern
from .durations import find_durations
from .sentences import locate_sentence

__all__ = ["extract_quantities"]

_H = r"[^\S\n]"
# fmt: off
_SYMBOLS = {
    "US$": "USD", "$US": "USD", "$ US": "USD", "A$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "R$": "BRL", "S$": "SGD", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₪": "ILS", "₺": "TRY", "₴": "UAH", "₩": "KRW",
    "₦": "NGN", "₼": "AZN",
}
_ISO = frozenset((
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "RUB", "INR", "ILS", "AZN", "UAH", "TRY", "CAD",
    "AUD", "BRL", "MXN", "KRW", "SEK", "NOK", "DKK", "PLN", "ZAR", "HKD", "SGD", "NZD", "ARS",
    "COP", "CLP", "SAR", "AED", "IRR", "EGP", "NGN", "CZK", "HUF", "RON",
))
_ORDINAL_ARTICLES = frozenset((
    "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim", "ab", "bis",
))
# fmt: on
_SYM_ALT = phrase_pattern(_SYMBOLS)
_ISO_ALT = "|".join(sorted(_ISO))
_MONEY = rf"(?:{_SYM_ALT}|(?<![A-Za-z])(?:{_ISO_ALT})(?![A-Za-z]))"
_MONEY_BEFORE = re.compile(rf"{_MONEY}{_H}?\Z")
_DOTTED = frozenset(("mrd", "mrds", "mio", "bio", "tsd", "md", "mds", "mln", "bln"))
_LABEL_GENERIC = ("n°", "nº", "no.", "nr.", "№", "#", "n.", "art.")
# Times ("14h30", "14:30", "14 Uhr", "2pm"), phone numbers and fractions are not counts.
_MASK = re.compile(
    r"(?<!\d)\d{1,2}(?:[:h]|[^\S\n]h[^\S\n])\d{2}(?!\d)"
    r"|(?<!\d)\d{1,2}[.:]\d{2}[^\S\n]?Uhr"
    r"|(?<!\d)\d{1,2}[^\S\n]?(?:h|Uhr|[ap]\.m\.)(?!\w)|(?<!\d)\d{1,2}[ap]m(?!\w)"
    r"|\+\d{1,3}(?:[ .-]?\(?\d+\)?){2,}|(?<!\d)0\d(?:[ .-]\d{2}){4}(?!\d)"
    r"|\(\d{3}\)[^\S\n]?\d{3}-\d{4}|(?<![\d,.])\d+/\d+(?![\d/])"
)
_RANGE_JOIN = re.compile(rf"{_H}*(?:[-–]|à|a|to|and|et|y|und|bis|or|ou|o|oder){_H}*", re.I)


@dataclass(frozen=True, slots=True)
class _Rules:
    digits: re.Pattern[str]
    words: re.Pattern[str] | None
    words_alt: str | None  # the number-word alternation inside `words`
    tail: re.Pattern[str]
    approx: re.Pattern[str]
    approx_glued: re.Pattern[str] | None
    label: re.Pattern[str]
    scales: dict[str, float]
    short: dict[str, float]
    currencies: dict[str, str]
    word_values: dict[str, int]
    ones: frozenset[str]
    connectors: frozenset[str]
    stopwords: frozenset[str]
    noun_capitalized: bool
    ordinal_dot: bool
    has_words: bool  # without a stopword list, what follows a number is not trusted as a noun
    percent_before: re.Pattern[str] | None = None  # Turkish "yüzde 20"


def _key(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").rstrip(".").split())


def _scale_alt(words: dict[str, float]) -> str:
    """Scale words; the abbreviations written with a dot ("Mrd.", "Mio.") carry it."""
    parts = [re.escape(w) + (r"\.?" if w in _DOTTED else "") for w in words]
    return "|".join(sorted(parts, key=len, reverse=True)) or "(?!)"


@cache
def _rules(language: str) -> _Rules:
    n: dict[str, Any] = resource(language, "numbers", "NUMBERS", None) or {}
    thousands = n.get("thousands", ",.\u00a0\u202f\u2009")
    sep = f"[{re.escape(thousands)}]"
    digits = re.compile(
        rf"(?<![\w.,/:#№])(?<![^\W\d_]-)(?P<int>\d{{1,3}}(?:(?P<sep>{sep})\d{{3}}(?!\d))"
        rf"(?:(?P=sep)\d{{3}}(?!\d))*|\d+)(?:[.,](?P<frac>\d+))?"
    )
    scales: dict[str, float] = {_key(k): v for k, v in n.get("scales", {}).items()}
    short: dict[str, float] = {_key(k): v for k, v in n.get("short_scales", {}).items()}
    currencies: dict[str, str] = {_key(k): v for k, v in n.get("currencies", {}).items()}
    preps = phrase_pattern(n.get("prepositions", ()))
    prep = rf"(?:(?P<{{}}>{preps})(?:{_H}+|(?<=['’])))?"
    tail = re.compile(
        rf"(?:{_H}*(?P<scale>(?i:{_scale_alt({**short, **scales})}))(?!\w))?"
        rf"(?:{_H}*(?P<pct>%|(?i:{phrase_pattern(n.get('percent', ()))})(?!\w))"
        rf"|{_H}*{prep.format('uprep')}(?P<cur>(?i:{phrase_pattern(currencies)})(?!\w)"
        rf"|{_MONEY}))?"
        rf"(?:(?:{_H}+|-){prep.format('nprep')}(?P<noun>[^\W\d_](?:[\w-]*\w)?))?",
    )
    approx = list(n.get("approximators", ()))
    word_values = {_key(k): v for k, v in n.get("words", {}).items()}
    ones = frozenset(_key(w) for w in n.get("ones", ()))
    connectors = frozenset(n.get("connectors", ()))
    words = None
    alt: str | None = None
    if word_values:
        w = phrase_pattern(word_values)
        joint = rf"(?:{_H}+|-)(?:(?:{'|'.join(connectors) or '(?!)'}){_H}+)?"
        # An article-one ("a", "un") stands alone: only a scale word may follow it.
        alt = rf"(?:{phrase_pattern(ones)})|(?:{w})(?:{joint}(?:{w}))*"
        words = re.compile(rf"(?<![\w-])(?P<w>{alt})(?!\w)", re.I)
    glued = [a for a in approx if a.isalpha() and len(a) >= 6]
    labels = phrase_pattern([*_LABEL_GENERIC, *n.get("labels", ())])
    return _Rules(
        digits=digits,
        words=words,
        words_alt=alt,
        tail=tail,
        approx=re.compile(
            rf"(?:(?<!\w)(?:{phrase_pattern(approx)})|[~≈])(?:{_H}+|(?<=['’]))\Z", re.I
        )
        if approx
        else re.compile(rf"[~≈]{_H}*\Z"),
        # Scraped text loses spaces at tag boundaries ("Stockholmenviron 60 %"); long
        # approximators are still recognisable glued to the previous word.
        approx_glued=re.compile(rf"(?:{'|'.join(glued)}){_H}+\Z", re.I) if glued else None,
        label=re.compile(rf"(?:(?<!\w)|(?<=[#№]))(?:{labels}){_H}*\Z", re.I),
        scales=scales,
        short={k: v for k, v in short.items() if k not in scales},
        currencies=currencies,
        word_values=word_values,
        ones=ones,
        connectors=connectors,
        stopwords=frozenset(str(n.get("stopwords", "")).split()) | {*scales, *currencies},
        noun_capitalized=bool(n.get("noun_capitalized", False)),
        ordinal_dot=bool(n.get("ordinal_dot", False)),
        has_words=bool(n.get("stopwords")),
        percent_before=re.compile(rf"(?i:{phrase_pattern(n['percent_before'])}){_H}+\Z")
        if n.get("percent_before")
        else None,
    )


@dataclass(frozen=True, slots=True)
class _Found:
    quantity: Quantity
    scaled: bool  # a scale word multiplied the number ("millions")
    scale: float


def _noun(word: str | None, r: _Rules) -> str | None:
    if not word or len(word) < 2 or word.lower() in r.stopwords:
        return None
    if r.noun_capitalized and not word[0].isupper():
        return None
    return word.lower()


def _words_value(phrase: str, r: _Rules) -> float:
    """Value of "vingt-cinq", "two hundred thousand", "quatre-vingt-dix"."""
    tokens = [t for t in re.split(r"[\s\-]+", phrase.lower()) if t and t not in r.connectors]
    total, current, prev = 0, 0, 0
    for token in tokens:
        v = 1 if token in r.ones else r.word_values.get(token, 0)
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total, current = total + (current or 1) * v, 0
        elif v == 20 and prev == 4 and current % 100 == 4:  # French "quatre-vingt(s)"
            current += 76
        else:
            current += v
        prev = v
    return float(total + current)


def _skip_number(text: str, start: int, end: int, r: _Rules) -> bool:
    """Ordinals, identifiers and labelled numbers ("n° 3", "article 49")."""
    nxt = text[end : end + 1]
    if nxt in "ºª°" and nxt:
        return True
    if r.label.search(text, max(0, start - 12), start):
        return True
    if r.ordinal_dot and nxt == ".":
        m = re.match(r"\.[^\S\n]+(\w+)", text[end : end + 40])
        prev = text[max(0, start - 8) : start].split()
        if m and (m[1][0].islower() or (prev and prev[-1].lower() in _ORDINAL_ARTICLES)):
            return True
    return False


def _build(
    text: str, start: int, end: int, value: float, r: _Rules, *, require: bool
) -> _Found | None:
    """The number at [start, end) with its scale, unit, noun and approximator.

    `require`: keep it only with a scale, a unit or a counted noun (number words).
    """
    tail = r.tail.match(text, end)
    assert tail is not None  # every part of the tail is optional
    g = tail.groupdict()
    attached = text[end : end + 1].isalpha()  # "1er", "3D", "F-35" unless a scale: "3bn"
    if attached and tail.start("scale") != end:
        return None
    if text[start - 1 : start] in ("-", "−") and not text[start - 2 : start - 1].isalnum():
        start, value = start - 1, -value  # "-3,5 %"; "2015-2019" and "F-35" never get here
    money_before = _MONEY_BEFORE.search(text, max(0, start - 6), start)
    unit: str | None = None
    if money_before:
        sym = money_before.group().strip()
        unit = _SYMBOLS.get(sym, sym if sym in _ISO else None)
        start = money_before.start()
    if g["cur"]:
        cur = " ".join(g["cur"].split())
        unit = _SYMBOLS.get(cur) or r.currencies.get(_key(cur)) or (cur if cur in _ISO else unit)
    if g["pct"] or (r.percent_before and r.percent_before.search(text, max(0, start - 12), start)):
        unit = "%"
    q_end = tail.end("cur") if g["cur"] else tail.end("pct") if g["pct"] else end
    scale_word, scale = g["scale"], 1.0
    counts = None
    if scale_word:
        key = _key(scale_word)
        if key in r.scales or (key in r.short and unit not in (None, "%")):
            scale = r.scales.get(key) or r.short[key]
            q_end = max(q_end, tail.end("scale"))
        elif attached:
            return None
        else:
            counts = key  # "3 m" without a currency: metres, not millions
    if (
        r.has_words
        and counts is None
        and g["noun"]
        and not (g["nprep"] and scale == 1.0 and unit is None)
    ):
        counts = _noun(g["noun"], r)
    if require and scale == 1.0 and unit is None and counts is None:
        return None
    lo = max(0, start - 40)
    hit = r.approx.search(text, lo, start)
    if hit:
        start = hit.start()
    glued_re = r.approx_glued
    glued = glued_re is not None and glued_re.search(text, lo, start) is not None
    approximate = hit is not None or glued
    q = Quantity(
        text=text[start:q_end],
        value=value * scale,
        unit=unit,
        counts=counts,
        start=start,
        end=q_end,
        approximate=approximate,
    )
    return _Found(q, scale != 1.0, scale)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _inherit_ranges(found: list[_Found], text: str) -> list[Quantity]:
    """ "entre 2 et 3 millions de dollars": the first number takes the second's unit."""
    out = [f.quantity for f in found]
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.scaled or a.quantity.unit or not (b.scaled or b.quantity.unit):
            continue
        if _RANGE_JOIN.fullmatch(text, a.quantity.end, b.quantity.start):
            out[i] = replace(
                a.quantity,
                value=a.quantity.value * b.scale,
                unit=b.quantity.unit,
                counts=a.quantity.counts or b.quantity.counts,
            )
    return out


def _durations(text: str, language: str, r: _Rules, dates: list[tuple[int, int]]) -> list[_Found]:
    """Durations outside dates, with their approximator ("about 48 hours")."""
    out: list[_Found] = []
    spans = find_durations(text, language, r.words_alt, lambda p: _words_value(p, r), r.ones)
    for q in spans:
        if _overlaps(q.start, q.end, dates):
            continue
        hit = r.approx.search(text, max(0, q.start - 40), q.start)
        if hit:
            q = replace(q, text=text[hit.start() : q.end], start=hit.start(), approximate=True)
        out.append(_Found(q, False, 1.0))
    return out


def extract_quantities(
    text: str, language: str, sentences: list[Sentence] | None = None
) -> list[Quantity]:
    """Numbers, amounts of money and percentages in `text`, in text order."""
    language = (language or "").lower()
    if language in CJK:
        return cjk_quantities(text, sentences, language)
    text = western_digits(text, language)
    r = _rules(language)
    dates = date_spans(text, language)
    found = _durations(text, language, r, dates)
    blocked = dates + [m.span() for m in _MASK.finditer(text)]
    blocked += [(f.quantity.start, f.quantity.end) for f in found]
    taken: list[tuple[int, int]] = []
    for m in r.digits.finditer(text):
        start, end = m.span()
        if _overlaps(start, end, blocked) or _skip_number(text, start, end, r):
            continue
        whole = m["int"].replace(m["sep"] or "\0", "")
        value = float(f"{whole}.{m['frac']}" if m["frac"] else whole)
        f = _build(text, start, end, value, r, require=False)
        if f is not None:
            found.append(f)
            taken.append((f.quantity.start, max(f.quantity.end, end)))
    if r.words is not None:
        occupied = blocked + taken
        for m in r.words.finditer(text):
            start, end = m.span()
            phrase = m["w"]
            if _overlaps(start, end, occupied):
                continue
            if r.noun_capitalized and not phrase.islower() and start > 0:
                continue  # German number words are lowercase; "Acht" is a noun
            only_ones = all(t in r.ones for t in re.split(r"[\s\-]+", phrase.lower()) if t)
            f = _build(text, start, end, _words_value(phrase, r), r, require=True)
            if f is not None and (not only_ones or f.scaled):
                found.append(f)
    found.sort(key=lambda f: f.quantity.start)
    out = _inherit_ranges(found, text)
    if sentences:
        out = [replace(q, sentence=locate_sentence(sentences, q.start)) for q in out]
    return out
