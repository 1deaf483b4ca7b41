"""Per-language name word lists, folded once, and the span rules built on them.

The lists live in `lang/<code>/names.py`; this module folds them for lookup,
tokenises text the way the rule-based passes need it, and strips titles from
name spans ("le ministre de la Défense Hasanov Zakir Asgar Oglu" -> the name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..lang import resource
from .gazetteer import fold

__all__ = [
    "NameLists",
    "Tok",
    "is_punct",
    "name_lists",
    "only_generic",
    "starts_sentence",
    "strip_span",
    "title_before",
    "tokens",
]

Tok = tuple[str, int, int]  # (text, start, end)

# Acronyms with dots ("U.S.", "EE.UU."), elided articles ("l'", "d’") as their own
# token, words with inner hyphens ("Haut-Karabakh"), and any other single character.
_TOKEN = re.compile(
    r"(?:[^\W\d_]{1,2}\.){2,}|[^\W\d_]{1,2}['’](?=[^\W\d_])|[^\W_]+(?:[-‐][^\W_]+)*|[^\s]"
)
_LOOKBACK = 6
_OPENERS = frozenset('.!?:;…«»"“”„(—–-•|\n')


@dataclass(frozen=True, slots=True)
class NameLists:
    titles: frozenset[str]
    title_suffixes: tuple[str, ...]
    title_words: frozenset[str]
    function_words: frozenset[str]
    pronouns: frozenset[str]
    non_names: frozenset[str]
    connectors: frozenset[str]
    org_cues: frozenset[str]
    org_suffixes: frozenset[str]
    demonyms: frozenset[str]
    demonyms_capitalised: bool
    # Common words that are also place names ("tour" -> Tours, "namen" -> Namur).
    common_words: frozenset[str] = frozenset()

    def is_title(self, folded: str) -> bool:
        if folded in self.titles:
            return True
        return any(folded.endswith(s) and len(folded) > len(s) for s in self.title_suffixes)

    def is_org_cue(self, folded: str) -> bool:
        return folded in self.org_cues or folded in self.org_suffixes


def _folded(values: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


@cache
def name_lists(language: str | None) -> NameLists:
    """Folded word lists for `language` (empty lists for a language without names.py)."""
    raw = resource(language, "names", "NAMES") or {}
    return NameLists(
        titles=_folded(raw.get("titles", ())),
        title_suffixes=tuple(fold(s) for s in raw.get("title_suffixes", ())),
        title_words=_folded(raw.get("title_words", ())),
        function_words=_folded(raw.get("function_words", ())),
        pronouns=_folded(raw.get("pronouns", ())),
        non_names=_folded(raw.get("non_names", ())),
        connectors=_folded(raw.get("connectors", ())),
        org_cues=_folded(raw.get("org_cues", ())),
        org_suffixes=_folded(raw.get("org_suffixes", ())),
        demonyms=_folded(raw.get("demonyms", {})),
        demonyms_capitalised=bool(raw.get("demonyms_capitalised", False)),
        common_words=_folded(raw.get("common_words", ())),
    )


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Word, elision and punctuation tokens of text[start:end], with absolute offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end or len(text))]


def is_punct(tok: str) -> bool:
    return not any(c.isalnum() for c in tok)


def starts_sentence(text: str, pos: int) -> bool:
    """Whether `pos` opens a sentence, line or quotation (capitals there prove nothing)."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    return k == 0 or text[k - 1] in _OPENERS


def strip_span(
    toks: Sequence[Tok], lists: NameLists, titled: bool = False, at_start: bool = False
) -> tuple[int, int, bool]:
    """[first, last) of the name inside a span's tokens, and whether a title was cut.

    Leading titles and lower-case or elided articles always go ("l'Arménie"); a
    capitalised article only opening a sentence ("La Agencia..."), never mid-sentence
    ("Le Pen", "Los Angeles"). Office words ("Défense") and demonyms go once a title
    was seen, here or just before the span (`titled`), so "Service national des
    frontières" keeps its first word; a generic noun goes when a real name follows
    ("Region Valencia", "État d'Israël").
    """
    first, last = 0, len(toks)
    seen_title = titled
    cut_title = False
    while first < last:
        word = toks[first][0]
        f = fold(word)
        if lists.is_title(f):
            seen_title = cut_title = True
        elif f in lists.function_words or is_punct(f):
            if word[:1].isupper() and not f.endswith("'") and not (first == 0 and at_start):
                break
        elif seen_title and (f in lists.title_words or f in lists.demonyms):
            cut_title = True
        elif f in lists.non_names and _name_follows(toks[first + 1 : last], lists):
            pass
        else:
            break
        first += 1
    # Trailing articles and punctuation; trailing titles only in a plain run of
    # capitalised words ("Nordwind Chief Executive"), not in "Court of Justice".
    plain = not any(fold(t[0]) in lists.function_words for t in toks[first:last])
    while last > first:
        f = fold(toks[last - 1][0])
        article = f in lists.function_words or is_punct(f) or f == "s"
        if not (article or (plain and last - first > 1 and lists.is_title(f))):
            break
        last -= 1
    return first, last, cut_title


def _name_follows(rest: Sequence[Tok], lists: NameLists) -> bool:
    for word, _, _ in rest:
        f = fold(word)
        if f in lists.function_words or is_punct(f):
            continue
        return word[:1].isupper() and not only_generic([(word, 0, 0)], lists)
    return False


def title_before(
    before: Sequence[Tok], lists: NameLists, is_place: Callable[[str], bool] | None = None
) -> bool:
    """Whether a person title introduces what follows `before` (tokens, nearest last).

    Walks back over articles, office words, demonyms, commas, place names and a few
    lower-case words: "le président du pays | Ilham Aliyev", "son homologue azéri, |
    Zakir Hasanov", "el presidente de Azerbaiyán, | Ilham Aliyev".
    """
    lowercase_budget = 2
    for n, (text, _, _) in enumerate(reversed(before[-_LOOKBACK:])):
        f = fold(text)
        if lists.is_title(f):
            return True
        if n == 0 and text[:1].isupper() and f in lists.demonyms:
            return True  # "L'Éthiopienne Tigist Alemayehou", "Israeli Benny Gantz"
        if f in lists.function_words or f in lists.title_words or f in lists.demonyms:
            continue
        if f == ",":
            continue
        if text[:1].islower() and lowercase_budget > 0:
            lowercase_budget -= 1
            continue
        if text[:1].isupper() and is_place is not None and is_place(text):
            continue
        return False
    return False


def only_generic(toks: Sequence[Tok], lists: NameLists) -> bool:
    """True when no token of the span can be part of a name ("État", "Défense", "il")."""
    for text, _, _ in toks:
        f = fold(text)
        if not (
            is_punct(f)
            or f in lists.function_words
            or f in lists.pronouns
            or f in lists.non_names
            or f in lists.title_words
            or lists.is_title(f)
        ):
            return False
    return True
