"""Inflected place names in Polish, Czech, Slovenian and Turkish (and Russian / Ukrainian
when pymorphy3 is not installed), and the countries every
issue-#17 language names in its own words.

"w Warszawie", "ve Varšavě", "v Sočiju", "Soçi'de": the gazetteer knows the nominative
(or the English name), so a folded word that is not found is tried again with its case
ending replaced by the nominative's (a few endings per language, longest first), and a
Turkish word without the suffix after its apostrophe. Babel's country names in the
article's language ("Rosja", "Thổ Nhĩ Kỳ") and the `demonym_stems` of
`lang/<code>/names.py` ("rusk-" -> Russia) are read for the languages outside the
gazetteer's own lists; en, fr, de and es never come here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..lang import SUPPORTED, resource
from .gazetteer import Place, fold, gazetteer

__all__ = ["base_forms", "country_adjective", "local_place"]

# Folded ending -> nominative ending, longest first.
# fmt: off
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": (("cji", "cja"), ("ji", "ja"), ("ie", "a"), ("iu", ""), ("u", ""), ("y", "a"),
           ("i", "a"), ("em", ""), ("a", "")),
    "cs": (("ii", "ie"), ("ii", "ia"), ("e", "a"), ("i", "a"), ("u", "a"), ("y", "a"),
           ("em", ""), ("u", "")),
    "sl": (("iju", "i"), ("ji", "ja"), ("ii", "ia"), ("ju", ""), ("i", "a"), ("o", "a"),
           ("u", ""), ("om", ""), ("em", "")),
    # Russian and Ukrainian, folded to Latin ("я" is "ya"), for when pymorphy3 is not
    # installed: "Турции", "Испанией", "Дохой", "Марракешем"; uk "Кенії", "Іспанією",
    # "Лімою", "Парижі", "Гамбурзі" (г -> з before і).
    "ru": (("ii", "iya"), ("iei", "iya"), ("ei", "ya"), ("e", "a"), ("yu", "ya"), ("i", "ya"),
           ("y", "a"), ("u", "a"), ("oi", "a"), ("oi", "aya"), ("om", ""), ("em", ""),
           ("e", ""), ("u", ""), ("a", ""), ("ami", "y"), ("", "y")),
    "uk": (("ii", "iya"), ("ieyu", "iya"), ("eyu", "ya"), ("oyu", "a"), ("zi", "g"),
           ("i", "a"), ("i", ""), ("u", "a"), ("u", ""), ("om", ""), ("em", ""), ("a", ""),
           ("", "i")),
}
# fmt: on


def base_forms(key: str, language: str | None) -> Iterator[str]:
    """Nominative candidates of a folded place word in an inflecting language."""
    if language == "tr" and "'" in key:
        yield key.split("'", 1)[0]
        return
    for ending, base in _ENDINGS.get(language or "", ()):
        if key.endswith(ending) and len(key) - len(ending) >= 3:  # "" adds a plural's
            yield key[: len(key) - len(ending)] + base


@cache
def _local(language: str) -> dict[str, Place]:
    g = gazetteer()
    out: dict[str, Place] = {}
    try:
        from babel import Locale

        for code, name in Locale.parse(language).territories.items():
            if code in g.countries:
                out[fold(name)] = g.countries[code]
    except Exception:  # Babel missing or no such locale
        pass
    # The language's own list adds the nations Babel has no territory for ("Inghilterra").
    extra: dict[str, str] = (resource(language, "names", "NAMES") or {}).get("country_names", {})
    for name, code in extra.items():
        if code in g.countries:
            out.setdefault(fold(name), g.countries[code])
    return out


@cache
def _stems(language: str) -> tuple[tuple[str, Place], ...]:
    g = gazetteer()
    stems: dict[str, str] = (resource(language, "names", "NAMES") or {}).get("demonym_stems", {})
    pairs = [(fold(s), g.countries[c]) for s, c in stems.items() if c in g.countries]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def local_place(key: str, language: str | None, names: bool = True) -> Place | None:
    """A country by its name in `language` or by a demonym stem, for the languages the
    gazetteer's own per-language lists leave out. `names=False` (a lower-case word) asks
    for demonyms only: "reunião" (a meeting) is no Réunion, "brasileira" is Brazil."""
    if not language or language in SUPPORTED:
        return None
    found = _local(language).get(key) if names else None
    if found is not None:
        return found
    for stem, place in _stems(language):
        if key.startswith(stem) and len(key) - len(stem) <= 4:
            return place
    # A suffix of origin on the country's own name: Turkish "Etiyopyalı", "Kenyalı".
    suffixes: tuple[str, ...] = (resource(language, "names", "NAMES") or {}).get(
        "demonym_suffixes", ()
    )
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            country = _local(language).get(key[: -len(suffix)])
            if country is not None and country.kind == "country":
                return country
    return None


# A Ukrainian or Russian country adjective is the country's stem with "-ськ-" ("-цьк-")
# and an adjective ending: "ефіопська" (Ефіопія), "данський" (Данія), "кенійський"
# (Кенія), "угандійська" (Уганда), "аргентинський" (Аргентина).
_ADJECTIVE = re.compile(r"(?:с|ц)ь?к(?:ий|ая|ое|ие|а|е|і|ого|ої|ому|им|их|ою|у|ім|ій|ой|ую|ей|ая)$")
_COUNTRY_ENDS = ("ія", "ия", "я", "а", "")


def country_adjective(word: str, language: str) -> Place | None:
    """The country a lower-case or capitalised Cyrillic country adjective names, by
    Babel's country names in `language`; None for any other word."""
    if language not in ("ru", "uk"):
        return None
    low = word.lower()
    m = _ADJECTIVE.search(low)
    if m is None or m.start() < 3:
        return None
    stem = low[: m.start()]
    stems = [stem]
    if stem.endswith(("й", "і", "и")):  # "кеній-", "індій-", "угандій-"
        stems += [stem[:-1], stem[:-2]]
    table = _local(language)
    for s in stems:
        for end in _COUNTRY_ENDS:
            country = table.get(fold(s + end))
            if country is not None and country.kind == "country" and len(s) >= 3:
                return country
    return None
