"""Demonyms as nationality evidence, kept apart from place mentions.

"azéri", "Australian", "danoise" name a country's people or things, not a place: the
gold guideline of issue #16 never labels them as places, and a reader would not call
"the French minister" a mention of France. samestory still reads them as their
country (`Mention.key` "geo:country:AZ"), because two articles about the same story
share that evidence ("azéri" ~ "Azerbaïdjan"; the seed acceptance relies on it), so a
demonym stays a LOC-labelled mention for matching and shared facts, flagged
`Mention.demonym`, and whatever lists an article's places leaves it out.
"""

from __future__ import annotations

from .gazetteer import fold, gazetteer
from .inflection import local_place
from .places import place_candidates, resolve_demonym

__all__ = ["demonym_only"]

# Languages that write demonyms and country adjectives in lower case ("danoise",
# "polski", "venezolano") while capitalising place names.
_LOWER_DEMONYMS = frozenset({"fr", "es", "it", "pt", "pl", "cs", "sk", "sl", "hr", "ro", "ca"})


def demonym_only(surface: str, language: str | None) -> bool:
    """Whether `surface` reaches a country only as a demonym, never as a place's name.

    "Deutsche" and "australiens" are demonyms; "Israel", "Deutschland" and "Georgia"
    are names (a place called so exists), so they stay places even where a demonym is
    spelt the same. In languages that write demonyms in lower case, a lower-case word
    their country-name lists resolve ("polskie" -> Poland) is a demonym too.
    """
    key = fold(surface)
    if not key:
        return False
    found = gazetteer().lookup(key)
    country = resolve_demonym(surface, language)
    if found:
        # The language's own demonym that some other language's list gives as the
        # country's name ("Somali" American: Somalia in English is "Somalia").
        top = found[0]
        if language and language.split("-")[0] in gazetteer().translated.get(key, ()):
            return False  # the language's own name of the country ("Polen": Poland, Poles)
        return country is not None and country.key == top.key and fold(top.name) != key
    if country is not None:
        return True
    lang = (language or "").split("-")[0]
    if surface[:1].islower() and lang in _LOWER_DEMONYMS:
        found, _ = place_candidates(surface, lang)
        return bool(found) or local_place(key, lang) is not None
    return False
