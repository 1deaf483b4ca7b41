"""Evidence that a name in an article is a place, beyond the gazetteer's say-so.

A gazetteer match alone gives false places: common words ("Paras", "Seul", "Tour"),
words of longer names ("Hart Island"), organisations and works ("Lime", "The Irishman"),
alternate names that double as other words ("Google", once Topeka's). These checks,
used by `entities`, each look at one candidate and its immediate context.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .gazetteer import Place, fold, gazetteer
from .namecues import german_nouns, noun_after
from .namelists import NameLists, Tok, name_lists, starts_sentence, tokens
from .places import (
    NOUN_CAPITALISING,
    PlaceHit,
    common_word,
    locative_before,
    pick_place,
    place_candidates,
)

__all__ = [
    "bare_opener",
    "common_nouns",
    "named_thing",
    "noun_here",
    "place_in_name",
    "quoted_title",
    "set_apart",
    "unrelated_alias",
]

# Words naming a part of a place ("Western Balkans", "Nordrhein"), not another place.
_QUARTERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "upper", "lower", "inner", "outer", "nord", "sud", "est", "ouest", "centre",
    "norte", "sur", "este", "oeste", "centro", "ost", "nordost", "sudost", "nordwest",
    "sudwest", "mittel", "ober", "unter", "north-east", "north-west", "south-east",
    "south-west", "northeastern", "northwestern", "southeastern", "southwestern",
})  # fmt: skip


def named_thing(label: str, surface: str) -> bool:
    """Whether NER's product or work ("Lime", a scooter firm NER calls MISC) outranks an
    alternate place name, or its organisation an unrelated one ("Google", once Topeka's).

    Not for an organisation that is a place's spelling ("la police de | Bruxelles"), nor
    on capitals-only text ("FRANKFURT, Germany (AP)"), where NER's labels are noise.
    """
    if surface.isupper():
        return False
    g, key = gazetteer(), fold(surface)
    return (label == "MISC" and key in g.alternate) or (label == "ORG" and key in g.weak)


def set_apart(name: Sequence[Tok], hit: PlaceHit, lists: NameLists) -> bool:
    """Whether a place inside a longer span stands apart from the capitalised words
    around it ("Nord de la | France", "A | Paris") rather than ending a longer name
    ("Hart Island")."""
    before = fold(name[hit.first - 1][0]) if hit.first > 0 else ""
    after = name[hit.last][0] if hit.last < len(name) else ""
    apart = not before or before in _QUARTERS or before in lists.function_words
    return (apart or not name[hit.first - 1][0][:1].isupper()) and not after[:1].isupper()


_OPEN_QUOTES = frozenset("“‘«„‹\"'")
_CLOSE_QUOTES = frozenset("”’»“›\"'")


def quoted_title(text: str, start: int, end: int, demonym: bool) -> bool:
    """A name in quotes, or a demonym after a mid-sentence "The": a work's title
    ("“The Irishman”", "‘IRISHMAN’"), not a place ("in The Netherlands" stays one)."""
    before = text[max(0, start - 5) : start]
    if demonym and before.endswith(("The ", "THE ")):
        return before[:1] in _OPEN_QUOTES or not starts_sentence(text, start - 4)
    # A quote glued to a letter is an apostrophe: Turkish "'Ankara'ya", "Türkiye'de".
    closing = text[end : end + 1] in _CLOSE_QUOTES and not text[end + 1 : end + 2].isalnum()
    return start > 0 and text[start - 1] in _OPEN_QUOTES and closing


def noun_here(text: str, start: int) -> bool:
    """A German city name used right here as a common noun ("die Lage", "das Essen").

    Not after a word ending like an adjective: verbs end so too ("stecken | Potsdam.").
    """
    words = text[max(0, start - 24) : start].split()
    return bool(words) and noun_after(words[-1], adjectives=False)


def unrelated_alias(text: str, toks: Sequence[Tok], hit: PlaceHit, language: str) -> bool:
    """A one-word hit known only as an unrelated alternate name ("Google", once Topeka's),
    NER did not call a place and no locative preposition introduces."""
    if hit.last - hit.first != 1 or not hit.weak:
        return False
    g, key = gazetteer(), fold(toks[hit.first][0])
    unrelated = key in g.weak and key not in g.small
    return unrelated and not locative_before(text, toks[hit.first][1], language)


def bare_opener(text: str, language: str, start: int, end: int, ner_label: str) -> bool:
    """Whether text[start:end] opens a sentence with nothing else saying it is a place:
    not NER (`ner_label` "LOC"), not a locative preposition, not an acronym's capitals."""
    return (
        ner_label != "LOC"
        and not text[start:end].isupper()  # an acronym ("CDMX.-") is no opener
        and starts_sentence(text, start)
        and not locative_before(text, start, language)
    )


_PARTS = re.compile(r"[^\s\-‐]+")


def common_nouns(text: str, language: str | None) -> frozenset[str]:
    """Folded words `text` uses as common nouns: written lower-case somewhere, or, in a
    language that capitalises nouns, after an article ("den Paris-Marathon")."""
    toks = tokens(text)
    out = {fold(w) for w, _, _ in toks if w[:1].islower()}
    if language in NOUN_CAPITALISING:
        out |= german_nouns(toks)
    return frozenset(out)


def place_in_name(
    name: str,
    language: str | None,
    common: Collection[str],
    context: Collection[str] = (),
    prior: Sequence[str] = (),
) -> Place | None:
    """The town an event's name or a compound is set in ("Marathon de Paris",
    "Paris-Marathon", "Paris Marathon"), or None.

    Only when exactly one word is a town the gazetteer knows by its own name, no
    other word is a place ("Paris-Roubaix", "Tour de France" name no one town) and
    every other word is a connector or one of the article's `common` nouns (see
    `common_nouns`): a club or a firm named after its town ("Real Madrid", "Paris
    Saint-Germain") has a name there, not a noun.
    """
    if place_candidates(name, language)[0]:
        return None  # the whole name is a place ("Baden-Baden"): NER's business
    lists = name_lists(language)
    town: Place | None = None
    for word in _PARTS.findall(name):
        key = fold(word)
        if key in lists.connectors or key in lists.function_words:
            continue
        found, weak = place_candidates(word, language)
        if found:
            if town is not None or weak or found[0].kind != "city" or not word[:1].isupper():
                return None
            if common_word(key, lists, language, opener=False):
                return None
            town = pick_place(found, context, prior)
        elif key not in common and fold(name) not in common:
            return None
    return town
