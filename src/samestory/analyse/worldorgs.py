"""Organisations of `lang.world_orgs` in a caseless-script text (and by their English
names in English), merged into its mentions.

The title and cue rules of `scriptnames` find persons and some organisations; a body of
the list is surer than their guesses, so its span replaces an overlapping non-place
mention. Arabic and Hebrew write a one-letter conjunction or preposition onto the name
("واليونيسف", "ויוניסף"): the span starts after it, as the gold and the reader see the
name. Chinese, Japanese and Korean have no spaces, so a form matches anywhere.
"""

from __future__ import annotations

import re
from functools import cache

from ..lang.world_orgs import WORLD_ORGS
from ..models import Mention, Sentence
from .gazetteer import fold
from .sentences import locate_sentence

__all__ = ["merge_world_orgs", "world_org_mentions"]

# one-letter clitics written onto a word: "و" (and), "ب" (with), "ل" (for), "ו", "ב", "ל", "מ"
_CLITICS = {"ar": "وفبل", "fa": "", "he": "ובלמש"}
_UNSPACED = frozenset({"zh", "ja", "ko"})


@cache
def _english(language: str) -> dict[str, str]:
    if language == "en":  # "World Bank": "World" alone is no name word ("World Cup")
        return {en: en for en in WORLD_ORGS}
    return {f: en for en, by in WORLD_ORGS.items() for f in by.get(language, ())}


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    forms = _english(language)
    if not forms:
        return None
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    if language in _UNSPACED:
        return re.compile(f"(?P<o>{alt})")
    clitic = f"[{_CLITICS[language]}]?" if _CLITICS.get(language) else ""
    return re.compile(rf"(?<!\w){clitic}(?P<o>{alt})(?!\w)")


def world_org_mentions(
    text: str, language: str, sentences: list[Sentence] | None = None
) -> list[Mention]:
    """ORG mentions of the listed organisations, canonical the English name."""
    pattern = _pattern(language)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        en = _english(language)[m["o"]]
        start, end = m.span("o")
        sentence = locate_sentence(sentences, start) if sentences else -1
        out.append(Mention(m["o"], "ORG", en, "name:" + fold(en), start, end, sentence))
    return out


def merge_world_orgs(
    mentions: list[Mention], text: str, language: str, sentences: list[Sentence] | None = None
) -> list[Mention]:
    """`mentions` with the listed organisations added, in text order, no overlaps: an
    organisation of the list replaces the non-place mentions it overlaps and yields to a
    place."""
    orgs = world_org_mentions(text, language, sentences)
    if not orgs:
        return mentions
    places = [m for m in mentions if m.label == "LOC"]
    keep = [o for o in orgs if not any(p.start < o.end and o.start < p.end for p in places)]
    rest = [m for m in mentions if not any(o.start < m.end and m.start < o.end for o in keep)]
    return sorted([*rest, *keep], key=lambda m: m.start)
