"""Rule-based names for languages without an NER model (German, Spanish, any other).

A name is a run of capitalised words, possibly joined by lower-case connectors
("Ursula von der Leyen", "Banco de España"). Per run:

1. articles and titles are cut ("Bundeskanzler Olaf Scholz" -> "Olaf Scholz"); a
   title there or just before makes the rest a PERSON;
2. a run with an organisation cue ("Ministerium", "Agencia", "AG", "S.A.") is an ORG;
3. a run that is a gazetteer place is a LOC; a demonym opening it is split off and
   cues a person ("Äthiopierin | Tigist Alemayehu"), as is a place after a connector
   ("Ribera Alta de | Valencia"); a one-word place inside a longer run stays part of
   the name ("Carmen Llorens", "Santiago Abascal");
4. what is left: 2-4 words -> PERSON when titled or when its last word also stands
   alone elsewhere in the article (news repeat surnames), else MISC; one word ->
   ORG for an acronym, MISC otherwise -- except in German, where every noun is
   capitalised, so a lone word is kept only when it repeats a word of a longer name,
   and a run opening a sentence ("Neue Regeln") needs that repeated surname too.

A capitalised word opening a sentence is not evidence of a name, so a one-word run
there is kept only when the word is also capitalised mid-sentence or is a place.
Lower-case demonyms ("israelische", "israelí") are found outside the runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import Place, fold
from .namelists import NameLists, Tok, only_generic, strip_span, title_before
from .places import PlaceHit, find_places, resolve_place

__all__ = ["RuleSpan", "rule_spans"]

_SENTENCE_END = frozenset('.!?:;…«»"“”„()—–-•|')
# Languages that capitalise every noun: a lone capitalised word is no evidence.
_NOUN_CAPITALISING = frozenset({"de", "lb"})


@dataclass(frozen=True, slots=True)
class RuleSpan:
    first: int  # token indices, [first, last)
    last: int
    label: str
    places: tuple[Place, ...] = ()
    weak: bool = False  # see `places.place_candidates`


@dataclass(slots=True)
class _Piece:
    first: int
    last: int
    kind: str  # "person", "maybe", "start", "misc", "org", "weak"


def _sentence_starts(text: str, toks: Sequence[Tok]) -> set[int]:
    starts = {0}
    for i in range(1, len(toks)):
        if toks[i - 1][0] in _SENTENCE_END or "\n" in text[toks[i - 1][2] : toks[i][1]]:
            starts.add(i)
    return starts


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _runs(text: str, toks: Sequence[Tok], lists: NameLists) -> list[tuple[int, int]]:
    """[first, last) token ranges of capitalised words, connectors allowed inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_cap(toks[i][0]):
            i += 1
            continue
        first = last = i
        j = i + 1
        # Glued tokens ("O'" + "Brien") or one space apart, never across punctuation.
        while j < len(toks) and text[toks[j - 1][2] : toks[j][1]] in ("", " ", "\u00a0"):
            word = toks[j][0]
            if _is_cap(word):
                last = j
            elif fold(word) not in lists.connectors:
                break
            j += 1
        runs.append((first, last + 1))
        i = last + 1
    return runs


def _classify(
    toks: Sequence[Tok], lo: int, hi: int, titled: bool, at_start: bool, language: str,
    mid_caps: set[str], lists: NameLists,
) -> _Piece | None:  # fmt: skip
    words = [fold(t[0]) for t in toks[lo:hi]]
    if any(lists.is_org_cue(w) for w in words):
        return _Piece(lo, hi, "org")
    caps = sum(1 for t in toks[lo:hi] if _is_cap(t[0]))
    if caps > 4:
        return _Piece(lo, hi, "misc")
    if caps >= 2:
        if titled:
            return _Piece(lo, hi, "person")
        # German sentence openers are often just capitalised nouns ("Neue Regeln").
        unsure = language in _NOUN_CAPITALISING and at_start and words[0] not in mid_caps
        return _Piece(lo, hi, "start" if unsure else "maybe")
    word = toks[lo][0]
    if word.isupper() and 2 <= len(word) <= 6 and word.isalpha():
        return _Piece(lo, hi, "org")
    if titled:
        return _Piece(lo, hi, "person")
    if language in _NOUN_CAPITALISING:
        return _Piece(lo, hi, "weak")
    if at_start and words[0] not in mid_caps:
        return None
    return _Piece(lo, hi, "misc")


def _split_at_place(
    text: str, toks: Sequence[Tok], lo: int, hi: int, language: str, lists: NameLists
) -> tuple[int, PlaceHit | None]:
    """Where a trailing place joined by a connector starts ("Ribera Alta de | Valencia")."""
    for k in range(lo + 1, hi - 1):
        if fold(toks[k][0]) in lists.connectors and _is_cap(toks[k + 1][0]):
            hits = find_places(text, toks[k + 1 : hi], language)
            if len(hits) == 1 and hits[0].last == hi - k - 1 and hits[0].first == 0:
                return k, hits[0]
    return hi, None


def rule_spans(text: str, toks: Sequence[Tok], language: str, lists: NameLists) -> list[RuleSpan]:
    """Named spans of `text` found by capitalisation and word lists (see module doc)."""
    starts = _sentence_starts(text, toks)
    mid_caps = {fold(t[0]) for i, t in enumerate(toks) if i not in starts and _is_cap(t[0])}

    def is_place(word: str) -> bool:
        return resolve_place(word, language) is not None

    spans: list[RuleSpan] = []
    pieces: list[_Piece] = []
    in_runs: set[int] = set()
    for first, last in _runs(text, toks, lists):
        in_runs.update(range(first, last))
        titled = title_before(toks[max(0, first - 6) : first], lists, is_place)
        a, b, cut = strip_span(toks[first:last], lists, titled, first in starts)
        lo, hi = first + a, first + b
        if lo >= hi or only_generic(toks[lo:hi], lists):
            continue
        words = [fold(t[0]) for t in toks[lo:hi]]
        if hi - lo > 1 and any(lists.is_org_cue(w) for w in words):
            pieces.append(_Piece(lo, hi, "org"))  # "Deutsche Bank", "Banco de España"
            continue
        hits = find_places(text, toks[lo:hi], language)
        if len(hits) == 1 and hits[0].last - hits[0].first == hi - lo:
            spans.append(RuleSpan(lo, hi, "LOC", hits[0].candidates, hits[0].weak))
            continue
        # A demonym opening the run describes the name that follows
        # ("Äthiopierin Tigist Alemayehu"): a place mention and a person cue.
        if hits and hits[0].first == 0 and hits[0].demonym:
            spans.append(RuleSpan(lo, lo + hits[0].last, "LOC", hits[0].candidates))
            lo, titled = lo + hits[0].last, True
            rest = hits[1] if len(hits) == 2 else None
            if rest is not None and (rest.first, rest.last) == (hits[0].last, hi - first - a):
                spans.append(RuleSpan(lo, hi, "LOC", rest.candidates, rest.weak))
                continue
        # Inside a longer run a one-word place is usually part of a name ("Carmen
        # Llorens", "Santiago Abascal"); only a place after a connector is split off.
        cut_at, hit = _split_at_place(text, toks, lo, hi, language, lists)
        if hit is not None:
            spans.append(RuleSpan(cut_at + 1, hi, "LOC", hit.candidates, hit.weak))
            hi = cut_at
        piece = _classify(toks, lo, hi, titled or cut, lo in starts, language, mid_caps, lists)
        if piece is not None:
            pieces.append(piece)
    # Lower-case demonyms sit outside capitalised runs.
    for h in find_places(text, toks, language, skip=in_runs):
        spans.append(RuleSpan(h.first, h.last, "LOC", h.candidates, h.weak))
    spans.extend(_resolve_pieces(toks, pieces))
    return spans


def _resolve_pieces(toks: Sequence[Tok], pieces: list[_Piece]) -> list[RuleSpan]:
    """Decide "maybe" persons and German lone words once the whole article is seen."""
    alone = {fold(toks[p.first][0]) for p in pieces if p.last - p.first == 1}
    in_names: set[str] = set()
    for p in pieces:
        if p.kind in ("person", "maybe", "start", "org") and p.last - p.first > 1:
            in_names.update(fold(t[0]) for t in toks[p.first : p.last])
    out = []
    for p in pieces:
        kind = p.kind
        if kind in ("maybe", "start"):
            repeated = fold(toks[p.last - 1][0]) in alone
            if not repeated and kind == "start":
                continue
            kind = "person" if repeated else "misc"
        elif kind == "weak":
            if fold(toks[p.first][0]) not in in_names:
                continue
            kind = "misc"
        label = {"person": "PERSON", "org": "ORG"}.get(kind, "MISC")
        out.append(RuleSpan(p.first, p.last, label))
    return out
