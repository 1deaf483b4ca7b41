"""A language's own word list (simplemma's dictionaries): common words and lemmas.

Two questions the place rules ask of a capitalised word, answered from the
lemmatisation dictionaries simplemma ships (Wiktionary-derived, 50+ languages):

* `common_lemma("Coronel", "es")` -> True: the language knows the word as a common
  word (its lemma is written lower-case: "coronel", "femme", "flint"), so its capital
  proves little; a proper noun keeps a capitalised lemma ("Valencia", "Paris").
* `proper_lemma("Warszawie", "pl")` -> "Warszawa": the base form of an inflected
  name, where the language inflects names by case.

simplemma is optional: without it both answer "unknown" (False / None) and the
rules fall back to the shipped word lists. Languages that capitalise every noun
(German) are never asked `common_lemma`: a capital there says nothing either way; but
a German capital the dictionary does not know at all (`unknown_word`) is a name.
"""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "available",
    "common_lemma",
    "proper_lemma",
    "proper_noun",
    "unknown_word",
]

# Languages whose simplemma dictionary is used (it loads in ~1-3 s per language).
_LANGUAGES = frozenset(
    {"en", "fr", "es", "it", "pt", "nl", "pl", "fi", "cs", "sk", "sl", "hr", "sv", "da", "ro",
     "de"}
)  # fmt: skip
_NOUN_CAPITALISING = frozenset({"de", "lb"})
# Where simplemma names a language otherwise: Croatian is in its Serbo-Croatian list
# (asking for "hr" raised ValueError out of the analysis: an HTTP 500 found by fuzzing).
_SIMPLEMMA_CODE = {"hr": "hbs"}


@cache
def _module() -> Any | None:
    if importlib.util.find_spec("simplemma") is None:
        return None
    import simplemma

    return simplemma


def available(language: str | None) -> bool:
    """Whether a word list for `language` is installed and used."""
    return language in _LANGUAGES and _module() is not None


@lru_cache(maxsize=65_536)
def _lemma(word: str, language: str) -> str | None:
    mod = _module()
    if mod is None or language not in _LANGUAGES:
        return None
    code = _SIMPLEMMA_CODE.get(language, language)
    if not mod.is_known(word, lang=code):
        return None
    return str(mod.lemmatize(word, lang=code))


def common_lemma(word: str, language: str | None) -> bool:
    """Whether capitalised `word` is a common word of `language` (lower-case lemma)."""
    if not language or language in _NOUN_CAPITALISING or not word[:1].isupper():
        return False
    lemma = _lemma(word, language)
    return lemma is not None and lemma[:1].islower()


def plain_word(word: str, language: str | None) -> bool:
    """Whether `word`, lower-cased, is a word of `language` whose base form is lower-case
    too: a verb, adjective or adverb ("Leiden": "leiden", "Klar": "klar"), never a noun,
    which a language capitalising nouns (German) lemmatises capitalised ("Hof")."""
    if not language:
        return False
    lemma = _lemma(word.lower(), language)
    return lemma is not None and lemma[:1].islower()


def base_word(word: str, language: str | None) -> str | None:
    """The dictionary form of `word` read as a common word ("Sądzie" -> "sąd",
    "Parlamencie" -> "parlament"), or None when the dictionary does not know it."""
    if not language:
        return None
    return _lemma(word.lower(), language)


def proper_lemma(word: str, language: str | None) -> str | None:
    """The capitalised base form of an inflected name ("Moskwy" -> "Moskwa"), or None."""
    if not language or not word[:1].isupper():
        return None
    lemma = _lemma(word, language)
    if lemma is None or not lemma[:1].isupper() or lemma == word:
        return None
    return lemma


def proper_noun(word: str, language: str | None) -> bool:
    """Whether the dictionary of `language` knows `word` and only as a proper noun
    (capitalised lemma): "Warszawa" in Polish, not "Paras" ("paras", best) in Finnish."""
    if not language or language in _NOUN_CAPITALISING or not word[:1].isupper():
        return False
    lemma = _lemma(word, language)
    return lemma is not None and lemma[:1].isupper()


def unknown_word(word: str, language: str | None) -> bool:
    """Whether the dictionary of `language` knows `word` in no case ("Siemens" in
    Czech, not "Povodně"; "Tulln" in German, not "Gefahr"): a capital opening a
    sentence, or a German one, is then a name, not a word. False where no dictionary
    is used (unknown is not evidence there)."""
    if not language or not available(language):
        return False
    if _lemma(word, language) is not None or _lemma(word.lower(), language) is not None:
        return False
    return not (language in _NOUN_CAPITALISING and _compound(word, language))


_MIN_PART = 4  # letters of the shortest dictionary word ending a German compound


def _compound(word: str, language: str) -> bool:
    """A German compound noun the dictionary lacks but whose last part it knows
    ("Käfigformat": "Format"; "Industrie-Anlagen": "Anlagen"), so a word, no name."""
    last = word.rsplit("-", 1)[-1]
    return any(
        _lemma(last[i:].capitalize(), language) is not None
        for i in range(1, len(last) - _MIN_PART + 1)
    ) or (last != word and _lemma(last, language) is not None)


def in_dictionary(word: str, language: str | None) -> bool:
    """Whether the dictionary of `language` lists `word` itself, as written or
    lower-cased: unlike `unknown_word`, a compound of known parts is not listed
    ("Stausee" is, "Kinzigstausee" is not). False where no dictionary is used."""
    if not language or not available(language):
        return False
    return _lemma(word, language) is not None or _lemma(word.lower(), language) is not None
