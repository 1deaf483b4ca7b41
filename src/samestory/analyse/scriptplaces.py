"""Places in the scripts and languages the capitalisation rules cannot read.

A word is a place when it, or the word left once its clitics are cut ("بال", "ב",
"에서"), is one of Babel's country names or CLDR's exemplar cities in the language, a
`city_names` or `demonyms` entry of `lang/<code>/names.py`, or a gazetteer name. Kept
apart from `scriptnames`, which finds the names (persons, organisations) around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..lang import resource
from ..lang._locale import locale_cities
from .gazetteer import Place, fold, gazetteer
from .inflection import base_forms
from .langpacks import morph

__all__ = ["lang_names", "place_key", "place_of", "place_pattern", "places_all"]

_CLITICS = {
    "ar": ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ف", "ل", "ك"),
    "he": (
        "שבה",
        "וה",
        "שה",
        "מה",
        "בה",
        "לה",
        "כש",
        "שב",
        "וב",
        "ול",
        "ה",
        "ב",
        "ו",
        "ל",
        "מ",
        "ש",
        "כ",
    ),
    "fa": (),
    "ko": (),
}
_KO_PARTICLES = ("에서는", "에서", "으로", "에게", "과", "와", "의", "은", "는", "이", "가",
                 "을", "를", "에", "로", "도", "만")  # fmt: skip


@cache
def _places(language: str) -> dict[str, Place]:
    """Folded name -> place: Babel's country names in `language`, its `city_names` and
    `demonyms` from `lang/<code>/names.py`."""
    g = gazetteer()
    out: dict[str, Place] = {}
    try:
        from babel import Locale

        for code, name in Locale.parse(language).territories.items():
            if code in g.countries:
                out[fold(name)] = g.countries[code]
    except Exception:  # Babel missing or no such locale: the gazetteer alone
        pass
    names: dict[str, Any] = resource(language, "names", "NAMES") or {}
    for native, english in names.get("city_names", {}).items():
        found = g.lookup(fold(english))
        if found:
            out[fold(native)] = found[0]
    for native, code in names.get("demonyms", {}).items():
        if code in g.countries:
            out[fold(native)] = g.countries[code]
    return out


@cache
def _cldr_places(language: str) -> dict[str, Place]:
    """CLDR's exemplar cities in `language`, by their written form: folded, an abjad's
    names lose their vowels and meet common words ("دوالا", Douala, and "دول")."""
    g = gazetteer()
    out: dict[str, Place] = {}
    for native, english in locale_cities(language).items():
        found = g.lookup(fold(english))
        if found and found[0].kind == "city" and fold(english) not in g.small:
            out[native] = found[0]
    return out


def _lookup(word: str, language: str) -> Place | None:
    if word in _cldr_places(language):
        return _cldr_places(language)[word]
    key = fold(word)
    table = _places(language)
    if key in table:
        return table[key]
    g = gazetteer()
    # A romanised key this short ("man" from a Hangul word) meets Latin names by chance.
    found = g.lookup(key) if len(key) >= 4 else ()
    if not found and language in ("ru", "uk") and morph(language) is None:
        found = next((f for b in base_forms(key, language) if (f := g.lookup(b))), ())
    if not found or key in g.small:
        return None
    # Every Cyrillic name is "unlike" the English one, so weak is no evidence against it
    # there, where a capital and a lemma back it; in caseless scripts a weak name is
    # mostly a common word ("مدينة", city, is an old name of Medina).
    weak_ok = language in ("ru", "uk") and word[:1].isupper()
    return found[0] if key not in g.weak or weak_ok else None


def _stems(word: str, language: str) -> Iterator[str]:
    yield word
    for prefix in _CLITICS.get(language, ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            yield word[len(prefix) :]
            if language == "he" and word[len(prefix) :].startswith("וו"):
                yield word[len(prefix) + 1 :]  # a prefix doubles an initial vav: "בווינה"
    if language == "ko":
        for p in _KO_PARTICLES:
            if word.endswith(p) and len(word) > len(p) + 1:
                yield word[: -len(p)]


def place_of(word: str, language: str) -> Place | None:
    return next((p for s in _stems(word, language) if (p := _lookup(s, language))), None)


def lang_names(language: str) -> dict[str, Any]:
    return resource(language, "names", "NAMES") or {}


@cache
def places_all(language: str) -> dict[str, Place]:
    """Surface -> place for the CJK names of Babel and `city_names` (raw, not folded)."""
    g = gazetteer()
    out: dict[str, Place] = {}
    try:
        from babel import Locale

        for code, name in Locale.parse(language).territories.items():
            if code in g.countries and len(name) >= 2:
                out[name] = g.countries[code]
    except Exception:  # Babel missing: the city names alone
        pass
    cities = {**locale_cities(language), **lang_names(language).get("city_names", {})}
    for native, english in cities.items():
        found = g.lookup(fold(english))
        if found and len(native) >= 2:
            out[native] = found[0]
    return out


@cache
def place_pattern(language: str) -> re.Pattern[str] | None:
    names = sorted(places_all(language), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


@cache
def _place_index() -> dict[str, Place]:
    g = gazetteer()
    out: dict[str, Place] = dict((p.key, p) for p in g.countries.values())
    for ps in g.names.values():
        for p in ps:
            out.setdefault(p.key, p)
    return out


def place_key(key: str) -> Place:
    return _place_index()[key]
