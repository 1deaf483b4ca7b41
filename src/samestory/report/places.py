"""Place conflicts inside one fact: outlets that put the same event in different towns.

The pairwise detector only reports a place no other article names anywhere, which
misses the common case: "the levee broke near Laško" / "bei Celje ist ein Damm
gebrochen", where the first article names Celje too, in another sentence and role.
Inside one fact the role is known: the sentences state the same thing, so two of
them that *locate* it ("in", "near", "bei", "près de"...) in different places of
one kind (a city and a city) disagree. Countries are left out: "in Slovenia" and
"in Austria" in one fact are usually scope, not a disagreement.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .facts import Fact, Story

__all__ = ["place_conflicts"]

# fmt: off
_LOCATIVE: dict[str, tuple[str, ...]] = {
    "en": ("in", "at", "near", "outside", "close to", "in the town of", "in the city of",
           "near the town of", "near the city of", "in the village of"),
    "fr": ("à", "près de", "près d'", "en", "dans", "aux abords de", "non loin de",
           "dans la ville de", "dans la commune de"),
    "de": ("in", "im", "bei", "nahe", "nahe bei", "unweit von", "unweit", "in der Nähe von",
           "in der Stadt"),
    "es": ("en", "cerca de", "junto a", "en la ciudad de", "en la localidad de"),
    "it": ("a", "ad", "in", "presso", "vicino a", "nei pressi di", "nella città di"),
}
# fmt: on
_WIDE_KINDS = frozenset(("country", ""))


@cache
def _locative(language: str) -> re.Pattern[str] | None:
    words = _LOCATIVE.get(language)
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(«\"“„])(?:{alt})(?:[^\S\n]+|(?<=['’]))\Z", re.I)


def _kind(key: str) -> str:
    parts = key.split(":")
    return parts[1] if len(parts) > 2 and parts[0] == "geo" else ""


def located(story: Story, doc: int, sentence: int) -> dict[str, str]:
    """Places the sentence locates something in: key -> display name (not countries)."""
    a = story.analyses[doc]
    pattern = _locative(a.language)
    if pattern is None:
        return {}
    out: dict[str, str] = {}
    for m in story.mentions[doc]:
        if m.sentence != sentence or m.label != "LOC" or _kind(m.key) in _WIDE_KINDS:
            continue
        if pattern.search(a.text, max(0, m.start - 40), m.start):
            out[m.key] = m.canonical
    return out


def _aligned(story: Story, xs: set[tuple[int, int]], ys: set[tuple[int, int]]) -> bool:
    """Does some sentence of `xs` say the same as one of `ys` (aligned, not just grouped)?

    A fact gathers loosely related sentences too ("engineer trained in Toulouse"
    beside "told staff in Lisbon"); a place stated by both must be in one role.
    """
    rows_x = [story.row_of[x] for x in xs if x in story.row_of]
    rows_y = [story.row_of[y] for y in ys if y in story.row_of]
    if not rows_x or not rows_y:
        return False
    sim = story.embeddings[rows_x] @ story.embeddings[rows_y].T
    return bool((sim >= story.settings.align_min_similarity).any())


def place_conflicts(story: Story, fact: Fact) -> list[dict[str, Any]]:
    """Competing places of one kind given for one fact, each with its sentences.

    A sentence counts when it locates the fact in exactly one place of that kind;
    two places conflict when sentences giving them are aligned (one role), neither
    names the other place at all, and no outlet gives both.
    """
    named: dict[tuple[int, int], set[str]] = {}
    for ref in fact.refs:
        named[(ref.doc, ref.sentence)] = {
            m.key for m in story.mentions[ref.doc] if m.sentence == ref.sentence
        }
    # kind -> key -> (display, sentences)
    by_kind: dict[str, dict[str, tuple[str, set[tuple[int, int]]]]] = {}
    for ref in fact.refs:
        places = located(story, ref.doc, ref.sentence)
        kinds: dict[str, list[str]] = {}
        for key in places:
            kinds.setdefault(_kind(key), []).append(key)
        for kind, keys in kinds.items():
            if len(keys) == 1:
                slot = by_kind.setdefault(kind, {})
                slot.setdefault(keys[0], (places[keys[0]], set()))[1].add((ref.doc, ref.sentence))
    out: list[dict[str, Any]] = []
    for kind, values in sorted(by_kind.items()):
        if len(values) < 2:
            continue
        outlets = {key: {story.outlets[d] for d, _ in refs} for key, (_, refs) in values.items()}
        keys = sorted(values)
        # Each competing place must come from an outlet that names no other one here,
        # in sentences that do not mention the other places at all.
        clean = all(
            not (outlets[x] & outlets[y])
            and _aligned(story, values[x][1], values[y][1])
            and not any(y in named[r] for r in values[x][1])
            and not any(x in named[r] for r in values[y][1])
            for i, x in enumerate(keys)
            for y in keys[i + 1 :]
        )
        if not clean:
            continue
        for key in keys:
            shown, refs = values[key]
            out.append(
                {
                    "kind": "place",
                    "slot": kind,
                    "value": shown,
                    "sources": [story.ref(d, i).to_dict() for d, i in sorted(refs)],
                }
            )
    return out
