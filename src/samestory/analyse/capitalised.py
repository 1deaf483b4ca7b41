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

from . import langrules
from .gazetteer import fold, gazetteer
from .namecues import first_names, german_nouns, german_segments, rule_lists
from .namelists import NameLists, Tok, only_generic, strip_span, title_before
from .places import (
    NOUN_CAPITALISING,
    find_places,
    locative_before,
    resolve_place,
)
from .runpieces import Cues, Piece, RuleSpan, is_cap, segment

__all__ = ["RuleSpan", "rule_spans"]

_SENTENCE_END = frozenset('.!?:;…«»"“”„()—–-•|')


def _sentence_starts(text: str, toks: Sequence[Tok]) -> set[int]:
    starts = {0}
    for i in range(1, len(toks)):
        if toks[i - 1][0] in _SENTENCE_END or "\n" in text[toks[i - 1][2] : toks[i][1]]:
            starts.add(i)
    return starts


def _runs(text: str, toks: Sequence[Tok], lists: NameLists) -> list[tuple[int, int]]:
    """[first, last) token ranges of capitalised words, connectors allowed inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not is_cap(toks[i][0]):
            i += 1
            continue
        first = last = i
        j = i + 1
        # Glued tokens ("O'" + "Brien") or one space apart, never across punctuation.
        while j < len(toks) and text[toks[j - 1][2] : toks[j][1]] in ("", " ", "\u00a0"):
            word = toks[j][0]
            if is_cap(word):
                last = j
            elif word == "." and _initial(text, toks, j, lists):
                pass  # a middle initial: "Boris T. Kaiser", "George W. Bush"
            elif fold(word) not in lists.connectors:
                break
            j += 1
        runs.append((first, last + 1))
        i = last + 1
    return runs


def _initial(text: str, toks: Sequence[Tok], j: int, lists: NameLists) -> bool:
    """Whether the "." at token `j` closes a capital initial between two names (not a
    sentence's end: "Plan B. Die Lage ..." opens the next with an article)."""
    before, after = toks[j - 1][0], toks[j + 1][0] if j + 1 < len(toks) else ""
    return (
        len(before) == 1
        and before.isupper()
        and j >= 2
        and is_cap(toks[j - 2][0])
        and is_cap(after)
        and fold(after) not in lists.function_words
        and text[toks[j][2] : toks[j + 1][1]] == " "
    )


def rule_spans(
    text: str, toks: Sequence[Tok], language: str, lists: NameLists, min_repeats: int = 4
) -> list[RuleSpan]:
    """Named spans of `text` found by capitalisation and word lists (see module doc).

    A lone German capital the article repeats `min_repeats` times and never uses as
    a common noun is its subject's name ("Rheinmetall"), not a noun.
    """
    lists = rule_lists(lists, language)
    starts = _sentence_starts(text, toks)
    mid_caps = {fold(t[0]) for i, t in enumerate(toks) if i not in starts and is_cap(t[0])}
    repeated = langrules.repeated_caps(toks)
    german = language in NOUN_CAPITALISING
    names = first_names(language)
    nouns = german_nouns(toks) if german else set()

    def is_place(word: str) -> bool:
        return resolve_place(word, language) is not None

    spans: list[RuleSpan] = []
    pieces: list[Piece] = []
    in_runs: set[int] = set()
    runs = _runs(text, toks, lists)
    plain_runs = [r for r in runs if not langrules.suffixed_place(text, toks, *r, language)]
    surnames = _surnames(toks, plain_runs, names)  # "Erdoğan Soçi'de": no surname "Soçi"
    org_until = 0
    for first, last in runs:
        if first < org_until:
            continue  # inside an organisation's name found from its opening words
        in_runs.update(range(first, last))
        org_until = langrules.org_prefix_extent(text, toks, first, language) or 0
        if org_until:  # Vietnamese "Ủy ban châu Âu": a cue, then its capitalised words
            pieces.append(Piece(first, org_until, "org"))
            in_runs.update(range(first, org_until))
            continue
        titled = title_before(toks[max(0, first - 6) : first], lists, is_place)
        before = fold(toks[first - 1][0]) if first else ""
        if german and titled and last - first == 1:
            # "der Sprecher auf | Nachfrage": a German title names the word right after it.
            titled = lists.is_title(before) or before in lists.demonyms
        apposed = last - first >= 2 and _title_after(toks, last, lists)
        titled = titled or apposed
        cues = Cues(
            german, names, office=titled and before in lists.connectors,
            locative=locative_before(text, toks[first][1], language), language=language,
            repeated=repeated,
        )  # fmt: skip
        a, b, cut = strip_span(toks[first:last], lists, titled, first in starts)
        lo, hi = first + a, first + b
        head = langrules.country_before_title(text, toks, lo, hi, lists, language)
        if head is not None:  # Turkish "Yunanistan Başbakanı | Kiryakos Miçotakis"
            lo, cut, titled = head + strip_span(toks[head:hi], lists, True)[0], True, True
        whole = _place_with_cut_words(text, toks, first, lo, hi, language)
        if whole is not None:  # "Estados Unidos": a generic word that is part of the place
            spans.append(whole)
            continue
        cut_places = langrules.places_in_cut_title(text, toks, first, lo, language)
        spans.extend(RuleSpan(a, b, "LOC", c, w) for a, b, c, w in cut_places)
        lead = langrules.country_after_title(text, toks, lo, hi, language)
        if lead is not None and (titled or cut):  # "Thủ tướng | Hy Lạp | Kyriakos Mitsotakis"
            spans.append(RuleSpan(lo, lead[0], "LOC", lead[1], lead[2]))
            lo = lead[0]
        while lo < hi and len(toks[lo][0]) == 1:
            lo += 1  # initials and stray letters ("D de Zamudio" from "I+D de Zamudio")
        if lo >= hi or only_generic(toks[lo:hi], lists):
            continue
        words = [fold(t[0]) for t in toks[lo:hi]]
        if words == [fold(toks[lo][0])] and words[0] in surnames:
            pieces.append(Piece(lo, hi, "person"))  # "Moreno" after "Juan Moreno"
            continue
        if hi - lo > 1 and any(lists.is_org_cue(w) for w in words):
            pieces.append(Piece(lo, hi, "org"))  # "Deutsche Bank", "Banco de España"
            continue
        hits = find_places(text, toks[lo:hi], language)
        if len(hits) == 1 and hits[0].last - hits[0].first == hi - lo:
            plain = hi - lo == 1 and langrules.plain_opener(
                toks[lo][0], lo in starts, mid_caps, language
            )
            spans.append(RuleSpan(lo, hi, "LOC", hits[0].candidates, hits[0].weak, not plain))
            continue
        suffixed = langrules.suffixed_place(text, toks, lo, hi, language)
        if suffixed is not None:  # "Erdoğan | Soçi'de", "Siemens | Varşova'da"
            spans.append(RuleSpan(suffixed[0], suffixed[1], "LOC", suffixed[2], suffixed[3]))
            hi = suffixed[0]
        org_end = langrules.org_extent(text, toks, lo, hi, lists, language)
        if org_end is not None:  # "Evropská komise", "Commissione europea"
            pieces.append(Piece(lo, org_end, "org"))
            in_runs.update(range(hi, org_end))
            continue
        if apposed and german and 2 <= hi - lo <= 4 and hi == last:
            pieces.append(Piece(lo, hi, "person"))  # no noun or place split: one name
            continue
        segments = german_segments(toks, lo, hi, lists, names, nouns, is_place) if german else []
        for seg_lo, seg_hi in segments if german else [(lo, hi)]:
            seg_titled = (
                titled or cut or (german and seg_lo > lo and _after_title(toks, seg_lo, lists))
            )
            segment(text, toks, seg_lo, seg_hi, seg_titled, starts, cues, mid_caps, lists,
                     language, spans, pieces)  # fmt: skip
    # Lower-case demonyms sit outside capitalised runs.
    for h in find_places(text, toks, language, skip=in_runs):
        spans.append(RuleSpan(h.first, h.last, "LOC", h.candidates, h.weak))
    frequent = _frequent(toks, pieces, nouns, lists, min_repeats) if german else set()
    spans.extend(_resolve_pieces(toks, pieces, german, frequent))
    if language == "vi":
        # a weak place unconfirmed is a name too ("Lao" of "Lao động" as Laos)
        return [
            s for s in spans
            if (s.label == "LOC" and not s.weak) or not langrules.vi_syllable(text, toks, s)
        ]  # fmt: skip
    return spans


def _frequent(
    toks: Sequence[Tok], pieces: Sequence[Piece], nouns: set[str], lists: NameLists,
    min_repeats: int,
) -> set[str]:  # fmt: skip
    """Folded lone German capitals repeated `min_repeats` times and never a noun.

    Nouns repeat too ("auf Anfrage"), but an article's own subject repeats most.
    """
    counts: dict[str, int] = {}
    for p in pieces:
        if p.kind == "weak" and p.last - p.first == 1:
            f = fold(toks[p.first][0])
            counts[f] = counts.get(f, 0) + 1
    if counts:
        for word, _, _ in toks:
            head, dash, _ = word.partition("-")
            if dash and head[:1].isupper() and fold(head) in counts:
                counts[fold(head)] += 1  # "Rheinmetall-Daten": a name as a compound's head
    return {
        f for f, n in counts.items()
        if n >= min_repeats and f not in nouns and f not in lists.function_words
        and f not in lists.non_names and len(f) > 2
    }  # fmt: skip


def _place_with_cut_words(
    text: str, toks: Sequence[Tok], first: int, lo: int, hi: int, language: str
) -> RuleSpan | None:
    """The place that words cut from a run's start belong to ("Estados | Unidos")."""
    for k in range(first, lo):
        if not is_cap(toks[k][0]):
            continue
        hits = find_places(text, toks[k:hi], language)
        if len(hits) == 1 and (hits[0].first, hits[0].last) == (0, hi - k):
            return RuleSpan(k, hi, "LOC", hits[0].candidates, hits[0].weak)
    return None


def _surnames(
    toks: Sequence[Tok], runs: Sequence[tuple[int, int]], names: frozenset[str]
) -> set[str]:
    """Folded last words of short runs with a first name before them ("Reporter Juan
    Moreno"): alone elsewhere they name that person, not a place. Not a run that is a
    place itself ("Santiago de Chile"), nor a country's name."""
    g = gazetteer()
    out: set[str] = set()
    for first, last in runs:
        words = [fold(t[0]) for t in toks[first:last]]
        if not 2 <= len(words) <= 5 or not any(w in names for w in words[:-1]):
            continue
        if g.lookup(" ".join(words)) or any(p.kind == "country" for p in g.lookup(words[-1])):
            continue
        out.add(words[-1])
    return out


def _title_after(toks: Sequence[Tok], last: int, lists: NameLists) -> bool:
    """A title in apposition right after a run ("Ivette Mora, directora de mercadeo",
    "Madelaine Caracas, die Sprecherin"): news introduces people so, places never."""
    k = last + 1
    if last >= len(toks) or toks[last][0] != ",":
        return False
    if k < len(toks) and fold(toks[k][0]) in lists.function_words:
        k += 1  # an article: "die Sprecherin", "la directora"
    return k < len(toks) and lists.is_title(fold(toks[k][0]))


def _after_title(toks: Sequence[Tok], k: int, lists: NameLists) -> bool:
    return lists.is_title(fold(toks[k - 1][0]))


def _resolve_pieces(
    toks: Sequence[Tok], pieces: list[Piece], german: bool, frequent: set[str]
) -> list[RuleSpan]:
    """Decide "maybe" persons and German lone words once the whole article is seen.

    A repeated surname makes a person only outside German, where two capitalised
    words repeated are as often a noun phrase ("Genfer Abkommen" ... "Abkommen").
    """
    alone = {fold(toks[p.first][0]) for p in pieces if p.last - p.first == 1}
    in_names: set[str] = set()
    for p in pieces:
        if p.kind in ("person", "maybe", "start", "org") and p.last - p.first > 1:
            in_names.update(fold(t[0]) for t in toks[p.first : p.last])
    kept = in_names | frequent
    out = []
    for p in pieces:
        kind = p.kind
        if kind in ("maybe", "start"):
            repeated = fold(toks[p.last - 1][0]) in alone
            if not repeated and kind == "start":
                continue
            kind = "person" if repeated and not german else "misc"
        elif kind == "weak":
            if fold(toks[p.first][0]) not in kept:
                continue
            kind = "misc"
        label = {"person": "PERSON", "org": "ORG"}.get(kind, "MISC")
        out.append(RuleSpan(p.first, p.last, label))
    return out
