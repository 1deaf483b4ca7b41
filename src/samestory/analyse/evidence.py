"""Evidence that a name in an article is a place, beyond the gazetteer's say-so.

A gazetteer match alone gives false places: common words ("Paras", "Seul", "Tour"),
words of longer names ("Hart Island"), organisations and works ("Lime", "The Irishman"),
alternate names that double as other words ("Google", once Topeka's). These checks,
used by `entities`, each look at one candidate and its immediate context.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from .gazetteer import Place, fold, gazetteer
from .lexicon import common_lemma, proper_noun
from .namecues import german_nouns, noun_after
from .namelists import NameLists, Tok, name_lists, starts_sentence, tokens
from .places import (
    INFLECTING,
    NOUN_CAPITALISING,
    QUARTERS,
    PlaceHit,
    common_word,
    locative_before,
    pick_place,
    place_candidates,
)

__all__ = [
    "bare_opener",
    "bare_word",
    "common_not_name",
    "common_nouns",
    "credit",
    "feature_start",
    "named_thing",
    "noun_here",
    "one_line",
    "place_in_name",
    "product_article",
    "quoted_title",
    "set_apart",
    "street_head",
    "unrelated_alias",
    "wider_place",
]

_QUARTERS = QUARTERS
# Indefinite articles: a town's name takes none, a product named after one does
# ("in a Toyota Starlet", "une Peugeot", "ein Porsche").
_INDEFINITE = {
    "en": frozenset({"a", "an"}),
    "fr": frozenset({"un", "une"}),
    "es": frozenset({"un", "una"}),
    "it": frozenset({"un", "una", "uno"}),
    "pt": frozenset({"um", "uma"}),
    "de": frozenset({"ein", "eine", "einen", "einem", "einer"}),
}


def product_article(text: str, start: int, end: int, language: str) -> bool:
    """Whether a one-word town right after an indefinite article is rather a product or
    brand named after it: "travelling in a Toyota" is no Toyota City. Never a
    capitalised article ("A Coruña") or a name of several words."""
    if " " in text[start:end].strip():
        return False
    words = text[max(0, start - 8) : start].split()
    return bool(words) and words[-1] in _INDEFINITE.get(language, frozenset())


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
    words = text[max(0, start - 48) : start].split()
    if not words:
        return False
    if noun_after(words[-1], adjectives=False):
        return True
    # "in eigener Halle", "mit neuer Mitte": a preposition, an adjective, no article.
    if len(words) >= 2 and words[-2].lower() in _PREPOSITIONS and _inflected(words[-1]):
        return True
    # "der neuen Halle", "einer neuen und größeren Halle": adjectives after an article.
    k = len(words) - 1
    while (
        k > 0
        and not noun_after(words[k], adjectives=False)
        and (_inflected(words[k]) or words[k] in ("und", "oder"))
    ):
        k -= 1
    return k < len(words) - 1 and noun_after(words[k], adjectives=False)


# German prepositions a noun phrase without an article follows ("in eigener Halle").
_PREPOSITIONS = frozenset(
    {"in", "mit", "aus", "bei", "von", "zu", "nach", "auf", "unter", "über", "vor", "für", "ohne"}
)


def _inflected(word: str) -> bool:
    """A lower-case German word with an adjective's ending ("neuen", "größeren")."""
    return word[:1].islower() and len(word) > 3 and word.endswith(("en", "er", "es", "em", "e"))


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
    not NER (`ner_label` "LOC"), not a locative preposition, not an acronym's capitals,
    not a word the language's dictionary knows only as a proper noun ("Warszawa")."""
    return (
        ner_label != "LOC"
        and not text[start:end].isupper()  # an acronym ("CDMX.-") is no opener
        and starts_sentence(text, start)
        and not locative_before(text, start, language)
        # Where names decline, the dictionary lists place names as the base of their
        # case forms; elsewhere its proper nouns are as often surnames ("Navarro").
        and not (language in INFLECTING and proper_noun(text[start:end], language))
    )


def bare_word(text: str, start: int, end: int, language: str) -> bool:
    """Whether an unresolved one-word place of NER's is more likely a common word.

    It is when the language's dictionary knows it as a common word ("Flint", "Sea",
    "Chargé", "Serions"), or when it opens a sentence and the article never writes it
    capitalised mid-sentence ("Normalement, ...": NER's small models call many
    sentence-opening words places).
    """
    word = text[start:end]
    if " " in word.strip() or not word[:1].isupper() or word.isupper():
        return False
    if common_lemma(word, language):
        return True
    if not starts_sentence(text, start):
        return False
    return re.search(rf"[^\W\d][,;]? {re.escape(word)}\b", text) is None


def common_not_name(text: str, start: int, end: int, language: str, people: set[str]) -> bool:
    """Whether a one-word person is a common word of the language ("Territory",
    "Operativo", "Intrigués") rather than a surname: the dictionary knows it as a common
    word and no fuller person name of the article holds it (`people`: their folded
    words), as "Rice" does after "Condoleezza Rice"."""
    word = text[start:end]
    if " " in word.strip() or fold(word) in people:
        return False
    return common_lemma(word, language)


# Generic words that name what follows as a place: seas, straits, gulfs and bays
# named after a land ("mar di Sardegna", "golfe de Gascogne": the water, not the land),
# islands, lakes, rivers and mountains ("isla Seymour", "lago di Garda"), streets and
# squares ("Avenida Paralela", "rue de Rivoli", "calle Mayor").
_WATER = ("sea", "mar", "mare", "mer", "morze", "channel", "canale", "canal", "kanal",
          "strait", "stretto", "estrecho", "detroit", "cieśnina", "gulf", "golfo", "golfe",
          "zatoka", "bay", "baia", "bahia", "baie")  # fmt: skip
_LAND = ("isla", "isola", "ile", "wyspa", "peninsula", "penisola", "monte", "mont", "lago",
         "lac", "jezioro", "rio", "fiume", "rzeka", "volcan", "vulcano", "cerro")  # fmt: skip
_STREETS = ("avenida", "avenue", "rua", "calle", "carrera", "via", "viale", "piazza", "plaza",
            "praca", "largo", "boulevard", "bulevar", "paseo", "ulica", "aleja", "plac", "rue",
            "place", "travessa", "estrada", "rodovia", "autopista")  # fmt: skip
_NAMING = frozenset(fold(w) for w in (*_WATER, *_LAND, *_STREETS))
_STREET_HEADS = frozenset(fold(w) for w in _STREETS)
_OF = re.compile(
    r"(\w+)\s+(?:(?:of(?: the)?|di|del|della|dello|de(?: la| los| las)?|du|des|d'|do|da|dos)\s+)?$"
)


# Street words that other languages write in lower case as common words: "via" is a
# preposition in German and English ("ihr Bild via DVB-T"), "place" a noun in English.
_OWN_LANGUAGE = {"via": "it", "place": "fr"}


def feature_start(text: str, start: int, end: int, language: str | None = None) -> int | None:
    """Where the place named by text[start:end] begins, if a generic word before it
    (lower-case: "mar di", "isla", "rue de") makes it a feature's or street's name; or
    `start` itself when the name opens with a street word ("Avenida Paralela")."""
    words = text[start:end].split()
    if len(words) > 1 and fold(words[0]) in _STREET_HEADS and words[1][:1].isupper():
        return start
    m = _OF.search(text[max(0, start - 30) : start])
    if m is None or fold(m.group(1)) not in _NAMING or not m.group(1)[:1].islower():
        return None
    own = _OWN_LANGUAGE.get(fold(m.group(1)))
    if own is not None and language is not None and language.split("-")[0] != own:
        return None
    return max(0, start - 30) + m.start(1)


def street_head(word: str) -> bool:
    """Whether a capitalised word opens a street's or square's name ("Avenida")."""
    return fold(word) in _STREET_HEADS


def one_line(doc: Any, ent: Any) -> Any | None:
    """`ent` cut at a line break or a " | " (NER runs a title bar into the next line)."""
    cut = min((i for i in (ent.text.find("\n"), ent.text.find("|")) if i > 0), default=-1)
    if cut < 0:
        return ent
    end = ent.start_char + len(ent.text[:cut].rstrip())
    return doc.char_span(ent.start_char, end, label=ent.label_, alignment_mode="contract")


def wider_place(doc: Any, ent: Any, language: str) -> tuple[int, int, tuple[Place, ...]] | None:
    """(start, end, places) of a known place that NER cut: the capitalised word before
    `ent` opens it, or capitalised words after it end it ("British" + "Virgin Islands")."""
    spans = []
    if ent.start > 0:
        prev = doc[ent.start - 1]
        if prev.text[:1].isupper() and prev.whitespace_ and prev.is_alpha:
            spans.append((prev.idx, ent.end_char))
    for n in (3, 2, 1):
        after = doc[ent.end : ent.end + n]
        if (
            len(after) == n
            and all(t.text[:1].isupper() and t.is_alpha for t in after)
            and all(t.whitespace_ for t in doc[ent.end - 1 : ent.end + n - 1])
        ):
            spans.append((ent.start_char, after[-1].idx + len(after[-1].text)))
    for start, end in spans:
        found, weak = place_candidates(doc.text[start:end], language)
        if found and not weak:
            return start, end, found
    return None


_CREDIT = re.compile(r"\s*/\s*[A-Z][A-Za-z]*[A-Z]\b|\s*/\s*(?:dpa|Reuters|Getty)\b")


def credit(text: str, start: int, end: int) -> bool:
    """Whether a name is a photo or copy credit ("Jonathan Nackstrand/AFP"), which is
    page furniture, not a person the article names."""
    return _CREDIT.match(text, end) is not None or "/" in text[start:end]


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
