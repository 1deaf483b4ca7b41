"""Places: resolve a country, city or demonym in any language to one language-free key.

    resolve_place("Bakou") == resolve_place("Bakı") == resolve_place("Баку")
        -> Place("geo:city:587084", "Baku", "city", "AZ")
    resolve_place("azéri", "fr") -> Place("geo:country:AZ", "Azerbaijan", "country", "AZ")

`find_places` scans tokenised text for the same names (n-grams up to the longest
indexed name) and demonyms, so languages without an NER model still get places.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .dates import calendar_words
from .gazetteer import Place, fold, gazetteer
from .inflection import base_forms, local_place
from .lexicon import common_lemma, plain_word, proper_lemma
from .namecues import LOCATIVE, stop_words
from .namelists import NameLists, Tok, name_lists, starts_sentence

# Languages whose country names and demonyms come from `inflection.local_place`.
LOCAL_NAMES = frozenset({"it", "pt", "nl", "pl", "cs", "sl", "tr", "vi"})
__all__ = [
    "INFLECTING",
    "LOCATIVE",
    "NOUN_CAPITALISING",
    "QUARTERS",
    "Place",
    "PlaceHit",
    "common_word",
    "country_place",
    "find_places",
    "locative_before",
    "outlet_countries",
    "particle_name",
    "pick_place",
    "place_candidates",
    "prior_countries",
    "resolve_demonym",
    "resolve_place",
]

# Languages that capitalise every noun: a capital there is no evidence of a name.
NOUN_CAPITALISING = frozenset({"de", "lb"})
# Words naming a part of a place ("Western Balkans", "Nordrhein"), not another place.
QUARTERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "upper", "lower", "inner", "outer", "nord", "sud", "est", "ouest", "centre",
    "norte", "sur", "este", "oeste", "centro", "ost", "nordost", "sudost", "nordwest",
    "sudwest", "mittel", "mitte", "zentrum", "ober", "unter", "north-east", "north-west",
    "south-east", "south-west", "northeastern", "northwestern", "southeastern", "southwestern",
})  # fmt: skip
# Languages that inflect names by case: an unknown capitalised word is also tried by
# its dictionary base form ("Warszawie" -> "Warszawa", "Helsingissä" -> "Helsinki"), and
# by the case endings of `inflection.base_forms` ("Soçi'de").
INFLECTING = frozenset({"pl", "fi", "cs", "sk", "sl", "hr", "tr"})
# Leading words that name the kind of place rather than the place itself; tried away
# only when the full name is unknown ("l'Arménie", "the Netherlands", "die Türkei").
_LEADING = frozenset(
    ("the", "la", "le", "les", "l'", "el", "los", "las", "die", "der", "das", "den", "dem")
)


# Weak country prior per article language: where a news article in the language is
# most likely set when it names no country. Only breaks ties between same-named
# places ("Valencia" in a Spanish article is Spain's, not Venezuela's).
_PRIOR: dict[str, tuple[str, ...]] = {
    "es": ("ES",), "fr": ("FR", "BE", "CH"), "de": ("DE", "AT", "CH"), "it": ("IT", "CH"),
    "en": ("GB", "US", "IE"), "pt": ("PT", "BR"), "nl": ("NL", "BE"), "pl": ("PL",),
}  # fmt: skip


# Surname particles that are also one-word places ("Van"): see `_particle`.
_PARTICLES = frozenset({"van", "von", "de", "di", "da", "du", "der", "den", "ter", "ten"})
# Country-code domains that sites use for their letters, not their country.
_VANITY_DOMAINS = frozenset(
    {"co", "io", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "gg", "la", "im", "is", "it"}
)


def prior_countries(language: str | None, url: str | None = None) -> tuple[str, ...]:
    """ISO codes an article in `language` is set in when it names no country: first
    its outlet's country by the site's domain ("correio24horas.com.br" -> BR), then
    its language's."""
    return (*outlet_countries(url), *_PRIOR.get(language or "", ()))


def outlet_countries(url: str | None) -> tuple[str, ...]:
    """The country of a site's country-code domain, if it has one ("lesoir.be" -> BE)."""
    if not url:
        return ()
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _VANITY_DOMAINS:
        return ()
    code = "GB" if tld == "uk" else tld.upper()
    return (code,) if country_place(code) is not None else ()


def locative_before(text: str, start: int, language: str | None) -> bool:
    """Whether the word before `start` is a locative preposition of `language`."""
    words = text[max(0, start - 16) : start].split()
    return bool(words) and fold(words[-1]) in LOCATIVE.get(language or "", frozenset())


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place name found in tokens [first, last) of a token list."""

    first: int
    last: int
    place: Place
    demonym: bool
    candidates: tuple[Place, ...]
    weak: bool = False  # see `place_candidates`


def pick_place(
    candidates: Sequence[Place], context: Collection[str], prior: Sequence[str] = ()
) -> Place | None:
    """Best candidate, preferring one in a country the article already mentions.

    Candidates come population-ranked, so "Valencia" is Venezuela's city unless the
    article also mentions Spain -- or, when no candidate is in a mentioned country,
    unless the language's `prior` countries (see `prior_countries`) include Spain.
    """
    if not candidates:
        return None
    if len(candidates) > 1:
        for place in candidates:
            if place.country in context:
                return place
        for code in prior:
            for place in candidates:
                if place.country == code:
                    return place
    return candidates[0]


def _genitive(key: str, language: str | None) -> str:
    """A German genitive's base ("russlands" -> "russland"), else "". Only a name a
    place has in its own right: "Basis" is no genitive of Basi, an alternate name;
    but a German-speaking land's German name is one too ("Thüringens", "Tirols"), not
    a foreign region's transliteration ("Geräts" is no Herat)."""
    if language != "de" or not key.endswith("s") or len(key) <= 4:
        return ""
    g, base = gazetteer(), key[:-1]
    if base not in g.alternate:
        return base
    top = next(iter(g.lookup(base)), None)
    return base if top and top.kind == "region" and top.country in _PRIOR["de"] else ""


def _uninflected(key: str, language: str | None) -> str:
    """A German place name's adjectives in their base form ("vereinigten staaten" ->
    "vereinigte staaten", after "den", "der"), else ""."""
    words = key.split()
    if language != "de" or len(words) < 2 or not words[0].endswith("en") or len(words[0]) < 6:
        return ""
    return " ".join([words[0][:-1], *words[1:]])


def _candidates(key: str, language: str | None) -> tuple[Place, ...]:
    g = gazetteer()
    found = g.lookup(key) or g.lookup(_uninflected(key, language))
    if not found and _genitive(key, language):
        found = g.lookup(key[:-1])  # genitive: "Aserbaidschans", "Israels"
    if not found and language in INFLECTING:  # "Warszawie", "Soçi'de" (issue #17)
        found = next((f for b in base_forms(key, language) if (f := g.lookup(b))), ())
    if not found and language in LOCAL_NAMES:  # "Rusya", "Nga": Babel's country names
        local = next(
            (p for b in (key, *base_forms(key, language)) if (p := local_place(b, language))), None
        )
        found = (local,) if local else ()
    return found


def place_candidates(name: str, language: str | None = None) -> tuple[tuple[Place, ...], bool]:
    """(places the name may refer to, best first; whether the match is weak).

    A weak match is an alternate name unlike the city's own ("Nadia" for Navadwip,
    "Pékin" for Beijing), or a country's name in another language than the article's
    ("Island" in English): callers should want some other evidence, such as the
    article naming the same country. Demonyms resolve to their country.
    """
    key = fold(name)
    if not key:
        return (), False
    found = _candidates(key, language)
    if not found:
        head, _, rest = key.partition(" ")
        if rest and head in _LEADING:
            key = rest
        elif "'" in head and key.split("'", 1)[1]:
            key = key.split("'", 1)[1]
        found = _candidates(key, language)
    if found:
        g = gazetteer()
        return found, key in g.weak or (g.foreign(key, language) and not name.isupper())
    country = resolve_demonym(name, language) or local_place(key, language)
    return ((country,), False) if country else ((), False)


def resolve_place(
    name: str, language: str | None = None, *, context: Collection[str] = ()
) -> Place | None:
    """The place a name or demonym refers to, or None.

    `context` holds ISO country codes the surrounding text mentions; it breaks ties
    between cities of the same name.
    """
    found, _ = place_candidates(name, language)
    return pick_place(found, context)


def resolve_demonym(word: str, language: str | None = None) -> Place | None:
    """The country a demonym names ("israélienne" -> Israel), or None."""
    return gazetteer().demonym(fold(word), language)


def country_place(code: str) -> Place | None:
    """The country with ISO 3166-1 alpha-2 `code`."""
    return gazetteer().countries.get(code.upper())


def _joined(text: str, toks: Sequence[Tok], i: int, n: int) -> str | None:
    """Text of tokens i..i+n when they sit on one line separated only by spaces."""
    if i + n > len(toks):
        return None
    for k in range(i + 1, i + n):
        gap = text[toks[k - 1][2] : toks[k][1]]
        if gap.strip(" \u00a0") or not toks[k][0][:1].isalpha():
            return None
    return text[toks[i][1] : toks[i + n - 1][2]]


def find_places(
    text: str,
    toks: Sequence[Tok],
    language: str | None,
    *,
    skip: Collection[int] = (),
) -> list[PlaceHit]:
    """Place names and demonyms in `toks` (tokens of `text`), longest match first.

    A name must start with a capital letter; demonyms match lower-case too where the
    language writes them so ("israélien", "israelische"). Tokens whose index is in
    `skip` (already inside an NER entity) are never part of a hit.
    """
    g = gazetteer()
    lists = name_lists(language)
    hits: list[PlaceHit] = []
    i = 0
    while i < len(toks):
        word = toks[i][0]
        if i in skip or not word[:1].isalpha():
            i += 1
            continue
        capital = word[:1].isupper()
        head = fold(word).split(" ", 1)[0]  # "Saint-Pétersbourg" starts with "saint"
        as_name = (
            capital
            and (
                head in g.first_tokens
                or _base_form(word, language) is not None
                or _genitive(head, language) in g.first_tokens  # "Russlands", "Berlins"
                or (language == "de" and head.endswith("en") and head[:-1] in g.first_tokens)
            )
        )
        as_demonym = (capital or not lists.demonyms_capitalised) and head in g.demonym_heads
        if language in LOCAL_NAMES and not (as_name or as_demonym):  # issue #17 languages
            as_name = capital and any(b in g.first_tokens for b in base_forms(head, language))
            as_demonym = (capital or not lists.demonyms_capitalised) and (
                local_place(head, language, names=capital) is not None
            )
        hit = (
            _longest(text, toks, i, language, lists, skip, as_name, as_demonym)
            if (as_name or as_demonym)
            else None
        )
        if hit is None or (language != "tr" and _particle(toks, hit)):
            i += 1
            continue
        hits.append(hit)
        i = hit.last
    return hits


_NAME_AFTER = re.compile(r"[ \u00a0]+(?:(?:van|von|de|der|den|ter|ten)[ \u00a0]+)*[A-ZÀ-Þ]")


def particle_name(text: str, start: int, end: int, language: str | None) -> bool:
    """Whether text[start:end] is a surname particle opening a name ("Van der Bellen"),
    as `_particle` tells for a gazetteer hit; for places NER found."""
    return (
        language != "tr"
        and fold(text[start:end]) in _PARTICLES
        and _NAME_AFTER.match(text, end) is not None
    )


def _particle(toks: Sequence[Tok], hit: PlaceHit) -> bool:
    """A one-word place that is a surname particle before a name ("Van der Bellen",
    "Van Aert"): the start of a person's name, not the Turkish city (Turkish, where
    "Van Gölü" is the lake, is left out by the caller)."""
    if hit.last - hit.first != 1 or hit.last >= len(toks):
        return False
    after = toks[hit.last][0]
    return fold(toks[hit.first][0]) in _PARTICLES and (after[:1].isupper() or after in _PARTICLES)


def _longest(
    text: str, toks: Sequence[Tok], i: int, language: str | None, lists: NameLists,
    skip: Collection[int], as_name: bool, as_demonym: bool,
) -> PlaceHit | None:  # fmt: skip
    g = gazetteer()
    for n in range(min(g.max_tokens, len(toks) - i), 0, -1):
        if any(k in skip for k in range(i + 1, i + n)):
            continue
        joined = _joined(text, toks, i, n)
        if joined is None:
            continue
        key = fold(joined)
        opener = n == 1 and starts_sentence(text, toks[i][1])
        if as_name and (n > 1 or _single_ok(joined, key, lists, language, opener)):
            found = _candidates(key, language)
            if not found and language in INFLECTING:
                key = fold(" ".join(_base_form(w, language) or w for w in joined.split()))
                found = _candidates(key, language)
            if found:
                # An acronym ("USA") is international, whatever language lists it.
                weak = key in g.weak or (g.foreign(key, language) and not joined.isupper())
                # A word the language also uses as a common word ("Coronel", "Tours",
                # "Flint") is a place only with other evidence, as a weak name is;
                # countries and capitals are known enough to stand alone ("Roma").
                weak = weak or (n == 1 and _lexical(joined, found, language))
                return PlaceHit(i, i + n, found[0], False, found, weak)
        if as_demonym:
            lower = not toks[i][0][:1].isupper()  # a lower-case country name is a word
            country = g.demonym(key, language) or local_place(key, language, names=not lower)
            if country is not None:
                return PlaceHit(i, i + n, country, True, (country,))
    return None


def _base_form(word: str, language: str | None) -> str | None:
    """The dictionary base form of an inflected name, in a language that inflects them."""
    return proper_lemma(word, language) if language in INFLECTING else None


def _lexical(word: str, found: Sequence[Place], language: str | None) -> bool:
    """Whether one-word `word` is a common word of the language and its place no
    country or capital (see `lexicon.common_lemma`), or an acronym's capitals."""
    top = found[0]
    if top.kind == "country" or top.key in gazetteer().capitals:
        return False
    if word.isupper():  # capitals only: an acronym ("ICA") before a town ("Ica")
        return len(word) > 1
    if language in NOUN_CAPITALISING:
        # Its capital says nothing, but a verb or adjective ("Leiden", "Klar" opening a
        # sentence, "Gold") is the word, unless the place is in the language's own
        # countries, where the town is what its readers know ("Essen", "Singen").
        return top.country not in _PRIOR.get(language, ()) and plain_word(word, language)
    return common_lemma(word, language)


def _single_ok(word: str, key: str, lists: NameLists, language: str | None, opener: bool) -> bool:
    # A one-word name that is also a common word of the language ("Este", "Mai") is
    # more often the word than the place; an acronym ("US") is never the word.
    if word.isupper() and len(word) >= 2:
        # Unless a whole line in capitals spells a common word ("LIFT OFF TOUR").
        return len(word) < 4 or not common_lemma(word.capitalize(), language)
    # A quarter alone is a direction ("al Centro e al Sud"), whatever town bears its name.
    return len(key) >= 3 and not common_word(key, lists, language, opener) and key not in QUARTERS


def common_word(key: str, lists: NameLists, language: str | None, opener: bool = True) -> bool:
    """Whether folded `key` is more likely a common word of `language` than a place.

    Listed words always are ("este", "tour", "namen"), and so are month and weekday
    names ("salı"). A stop word ("tämä", "seul",
    "oman") is where its capital proves nothing: opening a sentence (`opener`), or
    anywhere in a language that capitalises nouns.
    """
    if key in lists.function_words or key in lists.non_names or key in lists.common_words:
        return True
    if key in calendar_words(language or ""):
        return True  # Turkish "Salı" (Tuesday) is no Salé
    return (opener or language in NOUN_CAPITALISING) and key in stop_words(language or "")
