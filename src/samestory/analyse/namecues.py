"""Evidence that a capitalised word is (part of) a name, for the rule-based languages.

Without an NER model, capitalisation is the main signal, and it is weak: German
capitalises every noun and every language capitalises sentence openers. This module
gives the other signals `capitalised.py` weighs:

* first names (our own list of common given names from many countries,
  `data/first_names.txt`): a PERSON needs one, or a title, before the surname;
* spaCy's stop-word list for the language ("Solche", "Nel"), cut from span edges;
* for German, whether a word is a plausible common noun: a noun ending ("-ung",
  "-heit"), or somewhere in the article an article, number or inflected adjective
  before it ("das Abkommen", "50 Liter", "schwere Unwetter"); and whether it looks
  foreign (letters German does not use: "Algemesí", "Marés"), which makes it a name.
"""

from __future__ import annotations

import importlib
import importlib.resources
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from .gazetteer import fold, gazetteer
from .lexicon import available, unknown_word
from .namelists import NameLists, Tok

__all__ = [
    "LOCATIVE",
    "first_names",
    "foreign_looking",
    "german_kind",
    "german_nouns",
    "german_segments",
    "noun_after",
    "rule_lists",
    "stop_words",
]

_GERMAN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüß-")
_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät",
    "täten", "ion", "ionen", "ismus", "nis", "nisse", "tum", "tümer", "ment", "mente",
    "chen", "lein", "ling", "linge", "erei", "ität", "ik", "ie", "ien", "eure", "enten",
)  # fmt: skip
# Words before a German noun that a name rarely has: articles, determiners and
# contracted prepositions ("im", "zum").
_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
    "einen", "im", "am", "zum", "zur", "vom", "beim", "ins", "kein", "keine", "solche",
    "solchen", "diese", "dieser", "dieses", "diesen", "jede", "jeder", "jedes", "alle",
    "mehrere", "viele", "weitere", "einige", "sein", "seine", "ihr", "ihre", "unser",
})  # fmt: skip
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em")


@cache
def raw_stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for `language` as written (empty when spaCy has none)."""
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except (ImportError, ValueError):
        return frozenset()
    return frozenset(getattr(module, "STOP_WORDS", ()))


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for `language`, folded (empty when spaCy has none)."""
    return frozenset(fold(w) for w in raw_stop_words(language))


# Prepositions that put a small town in a place reading ("in Algemesí", "en Xàtiva").
# Not Spanish/French "a"/"à"/"de": they as often precede a person ("condenó a Reindl").
LOCATIVE: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "near", "outside", "from"}),
    "fr": frozenset({"en", "dans", "pres", "vers"}),
    "de": frozenset({"in", "im", "bei", "nach", "aus"}),
    "es": frozenset({"en", "desde", "hacia", "cerca"}),
    "it": frozenset({"a", "in", "da", "presso", "vicino"}),
    # Not "no"/"na" (em + article): "na Esplanada dos Ministérios" is a building's name.
    "pt": frozenset({"em", "perto"}),
    "nl": frozenset({"in", "bij", "nabij"}),
    "pl": frozenset({"w", "we", "pod", "koło"}),
}


@cache
def _place_words() -> frozenset[str]:
    return frozenset(w for name in gazetteer().names for w in name.split())


def _locatives(language: str) -> frozenset[str]:
    return LOCATIVE.get(language, frozenset())


@cache
def rule_lists(lists: NameLists, language: str) -> NameLists:
    """`lists` with the language's stop words added to its function words.

    Words of place names are left out: span edges are cut at function words, and
    "Estados Unidos" or "Oriente Medio" must survive.
    """
    # A locative preposition opening a run ("In Spagna") is never part of the place.
    extra = (stop_words(language) - _place_words() - lists.titles) | _locatives(language)
    return replace(lists, function_words=lists.function_words | extra)


@cache
def _all_first_names() -> frozenset[str]:
    """Folded names of the bundled list, longer than two letters."""
    text = (importlib.resources.files("samestory") / "data" / "first_names.txt").read_text(
        encoding="utf-8"
    )
    lines = (line.strip() for line in text.splitlines())
    folded = (fold(line) for line in lines if line and not line.startswith("#"))
    return frozenset(name for name in folded if len(name) > 2)


@cache
def first_names(language: str) -> frozenset[str]:
    """Folded common first names, without the language's stop words ("Ella", "Hanno")."""
    return _all_first_names() - stop_words(language)


def foreign_looking(word: str) -> bool:
    """Letters German never writes ("Algemesí", "Galați") or an acronym ("UME", "A-7")."""
    if any(c.isdigit() for c in word) or (word.isupper() and len(word) >= 2):
        return True
    return any(c.isalpha() and c not in _GERMAN_LETTERS for c in word.lower())


def german_nouns(toks: Sequence[Tok]) -> set[str]:
    """Folded capitalised words of a German text that behave like common nouns."""
    out: set[str] = set()
    stops = stop_words("de")
    for i, (word, _, _) in enumerate(toks):
        if not word[:1].isupper() or foreign_looking(word):
            continue
        lower = word.lower()
        if lower.endswith(_NOUN_ENDINGS) and len(lower) > 5:
            out.add(fold(word))
            continue
        if noun_after(toks[i - 1][0] if i else "", stops):
            out.add(fold(word))
    return out


def noun_after(prev: str, stops: frozenset[str] | None = None, adjectives: bool = True) -> bool:
    """Whether a German capital after `prev` is a common noun: after an article,
    a number or (with `adjectives`) an inflected adjective ("das Abkommen", "50 Liter",
    "schwere Unwetter"); not after "-e" ("sagte Keller") nor a stop word ("über")."""
    low = prev.lower()
    if low in _DETERMINERS or prev[:1].isdigit():
        return True
    stops = stop_words("de") if stops is None else stops
    adjective = prev[:1].islower() and len(prev) > 3 and low.endswith(_ADJECTIVE_ENDINGS)
    return adjectives and adjective and low not in stops


def german_kind(
    word: str, names: frozenset[str], nouns: set[str], lists: NameLists,
    is_place: Callable[[str], bool],
) -> str:  # fmt: skip
    """ "name" (first name, place, foreign-looking, acronym), "noun" or "unknown"."""
    f = fold(word)
    if f in lists.non_names and f not in names:
        return "noun"  # a listed noun, whatever town bears its name ("Ende", Flores)
    if f in names or foreign_looking(word) or is_place(word):
        return "name"
    lower = word.lower()
    if (
        f in nouns
        or f in lists.non_names
        or f in lists.function_words
        or (lower.endswith(_NOUN_ENDINGS) and len(lower) > 5)
    ):
        return "noun"
    return "unknown"


def german_segments(
    toks: Sequence[Tok], lo: int, hi: int, lists: NameLists, names: frozenset[str],
    nouns: set[str], is_place: Callable[[str], bool],
) -> list[tuple[int, int]]:  # fmt: skip
    """A German capitalised run cut into the names inside it.

    Connectors split it ("Spezialeinheit der Armee", "Debüt von Lena Hartmann") unless
    a first name comes before ("Ursula von der Leyen"); then leading common nouns go,
    as do words before a first name ("Finanzvorstand Thomas Reindl") or before a
    foreign-looking word ("Kleinstädte Algemesí"); a segment left with only common
    nouns is dropped ("Liter Regen").
    """
    segments: list[tuple[int, int]] = []
    start = lo
    for k in range(lo, hi):
        f = fold(toks[k][0])
        if k > start and f in lists.connectors and fold(toks[k - 1][0]) not in names:
            segments.append((start, k))
            start = k + 1
    segments.append((start, hi))
    out = []
    for a, b in segments:
        while a < b and not toks[a][0][:1].isupper():
            a += 1  # a connector run together with the next ("der Armee")
        kinds = [german_kind(t[0], names, nouns, lists, is_place) for t in toks[a:b]]
        cut = 0
        if "name" in kinds[1:]:
            cut = kinds.index("name", 1) if kinds[0] != "name" else 0
        while cut < len(kinds) - 1 and kinds[cut] == "noun":
            cut += 1
        a += cut
        kinds = kinds[cut:]
        # A common noun after a place is the sentence's object, not part of a name
        # ("in der Hauptstadt Managua | Universitätsgebäude besetzten").
        if (
            b - a >= 2
            and kinds[-1] != "name"
            # As written, not inflected: "Morenos Warnungen" is a surname's genitive.
            and bool(gazetteer().lookup(fold(toks[b - 2][0])))
            and fold(toks[b - 2][0]) not in names  # "Nico | Schulz", "Marco | Rose"
            and (
                kinds[-1] == "noun" or (available("de") and not unknown_word(toks[b - 1][0], "de"))
            )
        ):
            b -= 1
            kinds = kinds[:-1]
        if a < b and any(k != "noun" for k in kinds):
            out.append((a, b))
    return out
