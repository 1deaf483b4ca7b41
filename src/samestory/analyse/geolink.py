"""Place keys agreed across articles, before names are linked (`aliases.link_entities`).

Each article resolves its places alone, so two articles may disagree on the same name:
"Valencia" is Spain's city where the article names Spain and Venezuela's (the larger)
where it does not; "Algemesí" is a place after "in" and an unresolved name elsewhere.
Across the articles being compared:

1. place mentions with the same name (folded surface or canonical) but different keys
   get one key: the one whose country the most articles name, then the one the most
   articles chose;
2. an unresolved non-person mention whose surface another article resolved to a place
   takes that place.

All lookups are dicts over the mentions at hand (plus a key -> country map built once),
so this stays linear: it runs on every pair comparison.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from ..models import Mention
from .gazetteer import fold, gazetteer

__all__ = ["unify_places"]

# Place names repeat across every pair comparison: fold each once per process.
_fold = lru_cache(maxsize=65_536)(fold)


@cache
def _key_countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for places in gazetteer().names.values():
        for place in places:
            out.setdefault(place.key, place.country)
    return out


def _named_countries(groups: Sequence[Sequence[Mention]]) -> Counter[str]:
    """ISO code -> number of groups naming that country."""
    out: Counter[str] = Counter()
    for ms in groups:
        out.update({m.key[12:] for m in ms if m.key.startswith("geo:country:")})
    return out


def unify_places(groups: Sequence[Sequence[Mention]]) -> list[list[Mention]]:
    """`groups` with one key per place name across groups (see module docstring)."""
    out = [list(ms) for ms in groups]
    if len(groups) < 2:
        return out
    by_name: dict[str, set[str]] = defaultdict(set)
    used: Counter[str] = Counter()
    for ms in groups:
        keys = set()
        for m in ms:
            if m.key.startswith("geo:city:"):
                by_name[_fold(m.text)].add(m.key)
                by_name[_fold(m.canonical)].add(m.key)
                keys.add(m.key)
        used.update(keys)
    # Union keys that share a name (a name may join two keys, a key two names).
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for keys in by_name.values():
        if len(keys) > 1:
            first, *rest = sorted(keys)
            for k in rest:
                parent[find(k)] = find(first)
    if parent:
        sets: dict[str, set[str]] = defaultdict(set)
        for k in used:
            sets[find(k)].add(k)
        named, countries = _named_countries(groups), _key_countries()

        def score(k: str) -> tuple[int, int, str]:
            return named[countries.get(k, "")], used[k], k

        target = {k: max(ks, key=score) for ks in sets.values() if len(ks) > 1 for k in ks}
        by_key = {m.key: m for ms in groups for m in ms if m.key in target.values()}
        for ms in out:
            for j, m in enumerate(ms):
                if m.key in target and target[m.key] != m.key:
                    best = by_key[target[m.key]]
                    ms[j] = replace(m, key=best.key, canonical=best.canonical)
    return _adopt(out)


def _adopt(groups: list[list[Mention]]) -> list[list[Mention]]:
    """Unresolved non-person mentions take the place another group resolved them to."""
    places: dict[str, dict[int, Mention]] = defaultdict(dict)
    for g, ms in enumerate(groups):
        for m in ms:
            if m.key.startswith("geo:"):
                places[_fold(m.text)].setdefault(g, m)
    if not places:
        return groups
    for g, ms in enumerate(groups):
        for j, m in enumerate(ms):
            if m.label == "PERSON" or m.key.startswith("geo:"):
                continue
            found = places.get(_fold(m.text))
            other = next((p for h, p in found.items() if h != g), None) if found else None
            if other is not None:
                ms[j] = replace(m, label="LOC", key=other.key, canonical=other.canonical)
    return groups
