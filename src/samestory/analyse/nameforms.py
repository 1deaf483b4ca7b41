"""Base forms of inflected person names in the Latin-script languages that decline them.

Czech, Polish and Slovenian put a name in the case its role asks: "s Recepem Tayyipem
Erdoganem" (with), "Putinovi" (to). Without a packaged morphological analyser for these
languages, the endings of `lang/<code>/names.py` ("case_endings") are cut where the
cut is safe: every word of a two- to four-word name carries one of them (the words of a
name agree in case), or one word whose stem is long enough not to be a short name of
its own ("Tom" is not "T" + "om").
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..lang import resource
from ..models import Mention

__all__ = ["base_name", "relink_declined"]

_MIN_STEM = 3  # letters left in each word of a multi-word name
_MIN_STEM_ALONE = 5  # letters left in a one-word name


@cache
def _endings(language: str) -> tuple[str, ...]:
    names = resource(language, "names", "NAMES") or {}
    return tuple(sorted(names.get("case_endings", ()), key=len, reverse=True))


def _cut(word: str, endings: tuple[str, ...], min_stem: int) -> str | None:
    for e in endings:
        if word.endswith(e) and len(word) - len(e) >= min_stem and word[-len(e) - 1].isalpha():
            return word[: -len(e)]
    return None


def base_name(name: str, language: str | None) -> str:
    """`name` with its case endings cut ("Recepem Tayyipem Erdoganem" -> "Recep Tayyip
    Erdogan" in Czech), or unchanged where the language lists none or a word lacks one."""
    endings = _endings(language) if language and language.isalpha() else ()
    words = name.split()
    if not endings or not 1 <= len(words) <= 4:
        return name
    min_stem = _MIN_STEM if len(words) > 1 else _MIN_STEM_ALONE
    cut = [_cut(w, endings, min_stem) for w in words]
    if any(c is None for c in cut):
        return name
    return " ".join(c for c in cut if c is not None)


def relink_declined(mentions: list[Mention], language: str) -> list[Mention]:
    """One-word names whose base form is the surname of a person of the article
    ("Erdoganem" in a headline, beside "Recepem Tayyipem Erdoganem") become that person."""
    if not _endings(language):
        return mentions
    surnames = {
        m.canonical.split()[-1]: m for m in mentions if m.label == "PERSON" and " " in m.canonical
    }
    out = []
    for m in mentions:
        person = surnames.get(base_name(m.text, language)) if " " not in m.text else None
        if m.label != "LOC" and m.label != "PERSON" and person is not None:
            m = replace(m, label="PERSON", canonical=person.canonical, key=person.key)
        out.append(m)
    return out
