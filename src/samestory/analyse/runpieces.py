"""One capitalised run into pieces: a place, a person, an organisation or a maybe-name.

`capitalised.rule_spans` finds the runs and decides what needs the whole article (a
repeated surname, a frequent German capital); this module reads one run with what is
known around it (`Cues`): a demonym opening it, a place after a connector, a first name
inside it that starts a person, an organisation cue, the number of capitalised words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import langrules
from .evidence import street_head
from .gazetteer import Place, fold
from .lexicon import available, proper_lemma, unknown_word
from .namecues import foreign_looking
from .namelists import NameLists, Tok
from .places import INFLECTING, PlaceHit, find_places

__all__ = ["Cues", "Piece", "RuleSpan", "is_cap", "segment"]


@dataclass(frozen=True, slots=True)
class RuleSpan:
    first: int  # token indices, [first, last)
    last: int
    label: str
    places: tuple[Place, ...] = ()
    weak: bool = False  # see `places.place_candidates`
    name_if_unconfirmed: bool = True  # else a plain word ("Oba lídři": "both", a town)


@dataclass(slots=True)
class Cues:
    """What is known around one capitalised run besides its words."""

    german: bool
    names: frozenset[str]  # folded first names
    office: bool = False  # after "ministra de": the office, not its holder
    locative: bool = False  # after "in", "en": a place more likely than a person
    language: str = ""
    repeated: frozenset[str] = frozenset()  # folded words capitalised twice or more


@dataclass(slots=True)
class Piece:
    first: int
    last: int
    kind: str  # "person", "maybe", "start", "misc", "org", "weak"


def is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _classify(
    toks: Sequence[Tok], lo: int, hi: int, titled: bool, at_start: bool, cues: Cues,
    mid_caps: set[str], lists: NameLists,
) -> Piece | None:  # fmt: skip
    words = [fold(t[0]) for t in toks[lo:hi]]
    if any(lists.is_org_cue(w) for w in words):
        return Piece(lo, hi, "org")
    caps = sum(1 for t in toks[lo:hi] if is_cap(t[0]))
    if caps > 4:
        return Piece(lo, hi, "misc")
    if caps >= 2:
        if titled and not cues.office:
            return Piece(lo, hi, "person")
        # A person needs a first name ("Anna Krainz"), not just two capitals.
        if words[0] in cues.names and not cues.locative:
            return Piece(lo, hi, "person")
        # German sentence openers are often just capitalised nouns ("Neue Regeln").
        unsure = cues.german and at_start and words[0] not in mid_caps
        return Piece(lo, hi, "start" if unsure else "maybe")
    word = toks[lo][0]
    if len(word) < 2 or fold(word) in langrules.plain_words(cues.language):
        return None  # "I+D", initials; "15 Ocak", "İki lider": a month, a number
    if word.isupper() and 2 <= len(word) <= 6 and word.isalpha():
        return Piece(lo, hi, "org")
    if titled and not cues.office:
        return Piece(lo, hi, "person")
    if cues.german:
        # A lone German capital is a noun unless it looks foreign ("Júcar") or follows
        # "in" and is no word of the dictionary ("in Tulln").
        strong = not at_start and (
            foreign_looking(word) or (cues.locative and unknown_word(word, cues.language))
        )
        return Piece(lo, hi, "misc" if strong else "weak")
    named = langrules.unknown_name(word, cues.repeated, cues.language)  # "Siemens investuje"
    if at_start and words[0] not in mid_caps and not named:
        return None
    return Piece(lo, hi, "misc")


def _split_at_place(
    text: str, toks: Sequence[Tok], lo: int, hi: int, language: str, lists: NameLists
) -> tuple[int, PlaceHit | None]:
    """Where a trailing place joined by a connector starts ("Ribera Alta de | Valencia")."""
    for k in range(lo + 1, hi - 1):
        if fold(toks[k][0]) in lists.connectors and is_cap(toks[k + 1][0]):
            hits = find_places(text, toks[k + 1 : hi], language)
            if len(hits) == 1 and hits[0].last == hi - k - 1 and hits[0].first == 0:
                return k, hits[0]
    return hi, None


def segment(
    text: str, toks: Sequence[Tok], lo: int, hi: int, titled: bool, starts: set[int],
    cues: Cues, mid_caps: set[str], lists: NameLists, language: str,
    spans: list[RuleSpan], pieces: list[Piece],
) -> None:  # fmt: skip
    """Classify one name candidate [lo, hi) into `spans` (places) or `pieces`."""
    hits = find_places(text, toks[lo:hi], language)
    if len(hits) == 1 and hits[0].last - hits[0].first == hi - lo:
        spans.append(RuleSpan(lo, hi, "LOC", hits[0].candidates, hits[0].weak))
        return
    # A demonym opening the run describes the name that follows
    # ("Äthiopierin Tigist Alemayehu"): a place mention and a person cue.
    if hits and hits[0].first == 0 and hits[0].demonym:
        spans.append(RuleSpan(lo, lo + hits[0].last, "LOC", hits[0].candidates))
        # A full name after it, not one word: "Deutsche | Presse-Agentur" is a noun phrase.
        start, lo = lo, lo + hits[0].last
        titled = titled or (hi - lo >= 2 and _name_after_demonym(toks[lo][0], cues))
        rest = hits[1] if len(hits) == 2 else None
        if rest is not None and (rest.first, rest.last) == (hits[0].last, hi - start):
            spans.append(RuleSpan(lo, hi, "LOC", rest.candidates, rest.weak))
            return
        if lo >= hi:
            return
    # Inside a longer run a one-word place is usually part of a name ("Carmen
    # Llorens", "Santiago Abascal"); only a place after a connector is split off.
    if street_head(toks[lo][0]):
        pieces.append(Piece(lo, hi, "misc"))  # "Avenida Antero de Brito": one street
        return
    cut_at, hit = _split_at_place(text, toks, lo, hi, language, lists)
    if hit is not None:
        spans.append(RuleSpan(cut_at + 1, hi, "LOC", hit.candidates, hit.weak))
        hi = cut_at
    # "Lewicy | Borys Budka", "PSL | Władysław Kosiniak-Kamysz": a first name inside a
    # run starts a person; the words before it are another name (a party, an office).
    for k in range(lo + 1, hi - 1):
        if (
            hi - k <= 3
            and _is_first_name(toks[k][0], cues.names, language)
            and not _is_first_name(toks[k - 1][0], cues.names, language)  # "Juan Carlos I"
        ):
            head = _classify(toks, lo, k, titled, lo in starts, cues, mid_caps, lists)
            if head is not None:
                pieces.append(head)
            pieces.append(Piece(k, hi, "person"))
            return
    first = toks[lo][0]
    inflected = fold(first) not in cues.names and _is_first_name(first, cues.names, language)
    if hi - lo >= 2 and not cues.locative and inflected:
        pieces.append(Piece(lo, hi, "person"))  # "Zbigniewa Ziobry": an inflected first name
        return
    piece = _classify(toks, lo, hi, titled, lo in starts, cues, mid_caps, lists)
    if piece is not None:
        pieces.append(piece)


def _name_after_demonym(word: str, cues: Cues) -> bool:
    """Whether the word after an opening demonym starts a person's name: a first name,
    or a word the language's dictionary does not know ("Äthiopierin | Tigist"), not a
    noun or adjective it knows ("Schweizer | Outdoorausrüster Mammut", "Deutsche |
    Olympische Sportbund"). Without a dictionary, any two words still count."""
    if fold(word) in cues.names or not available(cues.language):
        return True
    return unknown_word(word, cues.language)


def _is_first_name(word: str, names: frozenset[str], language: str) -> bool:
    """A first name as written or, where names inflect, by its base form ("Zbigniewa")."""
    if fold(word) in names:
        return True
    base = proper_lemma(word, language) if language in INFLECTING else None
    return base is not None and fold(base) in names
