"""Russian and Ukrainian names, for `scriptnames`.

Russian goes through slovnet's NER (from the natasha package) and Ukrainian through
capitalised runs; both lemmatise with pymorphy3 ("Реджепом Тайипом Эрдоганом" ->
"Реджеп Тайип Эрдоган"), drop titles and read places from their lemma ("России" ->
Russia). Split out of `scriptnames` (session 13) to keep modules short; the place lookup
and `lang.world_names` come in as arguments, so this module does not import that one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .gazetteer import Place, fold, gazetteer
from .inflection import base_forms, country_adjective
from .langpacks import morph, russian_ner

__all__ = ["cyrillic_spans"]

_Span = tuple[int, int, str, str]  # start, end, label, base form
# The words of `scriptnames` (letters, joiners, apostrophes, inner hyphens).
_WORD = re.compile(r"[^\W\d_](?:[\w\u200c'’\"״׳-]*[^\W_])?")


# Without pymorphy3: the instrumental of a name, the one oblique case whose endings no
# nominative of a name has ("Лусией Ортегой", "Эрдоганом", uk "Лусією Ортегою"); the
# genitive and dative ("Путина", "Ортеги") are also nominatives of other names, so kept.
_INSTRUMENTAL = {
    "ru": (("ией", "ия"), ("ской", "ская"), ("цкой", "цкая"), ("ой", "а"), ("ом", ""),
           ("ем", "")),
    "uk": (("ією", "ія"), ("ською", "ська"), ("ою", "а"), ("єю", "я"), ("ею", "я"),
           ("ом", ""), ("ем", ""), ("єм", "й")),
}  # fmt: skip


def _guess_lemma(word: str, language: str) -> str:
    """`word` with an instrumental ending replaced by the nominative's (rules only)."""
    low = word.lower()
    for ending, base in _INSTRUMENTAL.get(language, ()):
        if low.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: len(word) - len(ending)] + base
    return word


def _lemma(word: str, language: str) -> tuple[str, set[str]]:
    analyser = morph(language)
    if analyser is None:
        return (_guess_lemma(word, language) if word[:1].isupper() else word), set()
    parses = analyser.parse(word)
    best = next((p for p in parses if {"Name", "Surn", "Geox", "Orgn"} & set(p.tag.grammemes)),
                parses[0])  # fmt: skip
    lemma = best.normal_form
    grammemes = set(best.tag.grammemes)
    named = {"Name", "Surn", "Patr", "Geox", "Orgn"} & grammemes
    if word[:1].isupper() and not named and not {"NOUN", "ADJF"} & grammemes:
        lemma = word  # "Катала" read as a verb: a foreign name keeps its form
    return (lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma), set(best.tag.grammemes)


def _geo_lemma(word: str, language: str, place_of: Callable[[str], Place | None]) -> str:
    """The first lemma of `word` that is a place ("Києві": "кий", a name, then "київ"),
    or "" (the Ukrainian dictionary has no Geox tag to ask for)."""
    analyser = morph(language)
    for p in analyser.parse(word) if analyser is not None else []:
        lemma = p.normal_form[:1].upper() + p.normal_form[1:]
        # only an inflected form: "Шевченко" as written is the surname, not a town
        if lemma.lower() != word.lower() and place_of(lemma) is not None:
            return lemma
    return ""


def _first_tags(word: str, language: str) -> set[str]:
    """The grammemes of the most likely reading of `word` (none without pymorphy3)."""
    analyser = morph(language)
    return set(analyser.parse(word)[0].tag.grammemes) if analyser is not None else set()


def cyrillic_spans(
    text: str, language: str, names: dict[str, Any], place_of: Callable[[str], Place | None],
    world: dict[str, str],
) -> list[_Span]:  # fmt: skip
    """Place, person and organisation spans of a Russian or Ukrainian `text` (overlaps
    resolved by the caller)."""
    titles = {fold(t) for t in names.get("titles", ())}
    org_cues = {fold(t) for t in names.get("org_cues", ())}
    ner = russian_ner() if language == "ru" else None
    runs: list[tuple[int, int, str]] | None = None
    if ner is not None and any(c.isalpha() for c in text):
        try:
            runs = [(s.start, s.stop, s.type) for s in ner(text).spans]
        except (IndexError, ValueError):  # slovnet on a text of no words: the rules
            runs = None
    if runs is None:
        runs = []
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            if not words[i].group()[:1].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(words) and words[j + 1].group()[:1].isupper() and \
                    text[words[j].end() : words[j + 1].start()] == " ":  # fmt: skip
                j += 1
            end = words[j].end()
            nxt = words[j + 1] if j + 1 < len(words) else None
            if nxt is not None and fold(_lemma(nxt.group(), language)[0]) in org_cues:
                end, j = nxt.end(), j + 1
            gap = text[words[i - 1].end() : words[i].start()] if i else "."
            before = gap.strip()
            # the title ends with no stop: a line break opens the body's first sentence
            opener = (bool(before) and before[-1] in ".!?") or "\n" in gap
            single = j == i and words[i].group().isalpha() and not words[i].group().isascii()
            # A capital opening a sentence names nothing by itself unless the word reads
            # as a name and its most likely reading is no adjective ("Лісова пожежа": an
            # adjective first, a surname only far down) or it is in `world_names`; a
            # lone capital letter is a preposition ("З", "У").
            named = {"Name", "Surn", "Geox", "Orgn"}
            lone = (
                opener
                and single
                and fold(words[i].group()) not in world
                and not (
                    _lemma(words[i].group(), language)[1] & named
                    and not _first_tags(words[i].group(), language) & {"ADJF", "PRTF"}
                )
            )
            first = i + 1 if len(words[i].group()) == 1 and j > i else i  # "У Києві"
            if not lone and len(words[i].group()) + j - i > 1:
                runs.append((words[first].start(), end, ""))
            i = j + 1
    out: list[_Span] = []
    demonyms = names.get("demonyms", {})
    for w in _WORD.finditer(text):  # "в испанском городе": the adjective names Spain
        # a country adjective opening a sentence too: "Ефіопська бігунка"
        lem = _lemma(w.group(), language)[0]
        if (w.group()[:1].islower() and lem in demonyms) or country_adjective(lem, language):
            place = place_of(lem)
            if place is not None:
                out.append((w.start(), w.end(), "LOC", place.key))
    for start, end, kind in runs:
        toks = list(_WORD.finditer(text, start, end))
        lemmas = [_lemma(t.group(), language) for t in toks]
        # A title or a place at the edge of a name is not part of it.
        group: list[int] = []
        for k, (lem, tags) in enumerate([*lemmas, ("", set())]):
            person_word = kind == "PER" or bool({"Name", "Surn", "Patr"} & tags)
            place = None
            given = k + 1 < len(toks) and "Surn" in lemmas[k + 1][1]  # "Володимир Путін"
            lone = k == 0 and len(toks) == 1 and kind != "PER" and person_word
            alone = _lone_place(toks[0].group(), language, place_of) if lone else None
            if alone is not None:  # "у Момбасі": read as the surname "Момбас" first
                out.append((toks[0].start(), toks[0].end(), "LOC", alone.key))
                continue
            if k < len(toks) and not person_word and not given:
                place = place_of(lem) or place_of(toks[k].group())
                if place is not None and not tags and len(toks) > 1 and \
                        not _spelled_like(toks[k].group(), place):  # fmt: skip
                    place = None  # "Пабло Эррера": no Herrera by sound inside a name
            elif k == 0 and len(toks) == 1 and kind != "PER" and \
                    (geo := _geo_lemma(toks[0].group(), language, place_of)):  # fmt: skip
                place = place_of(geo)  # "У Києві": read as the name "Кий" first
            elif k < len(toks) and given and not person_word:
                # a country is no given name: "Прем'єр-міністр Греції Кіріакос Міцотакіс"
                found = place_of(lem)
                place = found if found is not None and found.kind == "country" else None
            # Latin and Cyrillic words are two names: "Airbus Поль Морель"
            if (
                k < len(toks)
                and group
                and toks[k].group().isascii() != toks[group[-1]].group().isascii()
            ):
                out.append(_cyrillic_name(toks, lemmas, group, kind, world))
                group = []
            title = k < len(toks) and fold(lem) in titles
            if k == len(toks) or place is not None or title:
                if group:
                    out.append(_cyrillic_name(toks, lemmas, group, kind, world))
                group = []
                if place is not None:
                    out.append((toks[k].start(), toks[k].end(), "LOC", place.key))
                continue
            group.append(k)
    return out


def _lone_place(word: str, language: str, place_of: Callable[[str], Place | None]) -> Place | None:
    """The city or country a one-word name the dictionary reads as a person's is, as
    written ("Момбаса") or with its case ending undone (`inflection.base_forms`), where
    it spells the place's English name letter for letter ("Шевченко" is the surname,
    though Aktau was once so called), and a name the dictionary knows keeps its reading."""
    analyser = morph(language)
    if analyser is not None and analyser.word_is_known(word.lower()):
        return None
    place = place_of(word)
    if place is not None and fold(place.name) == fold(word):
        return place if place.kind in ("city", "country") else None
    for base in base_forms(fold(word), language):
        found = gazetteer().lookup(base)
        if found and found[0].kind in ("city", "country") and fold(found[0].name) == base:
            return found[0]
    return None


def morph_missing(lemmas: list[tuple[str, set[str]]]) -> bool:
    """Whether these lemmas came from the rules (no word got a grammeme)."""
    return not any(tags for _, tags in lemmas)


def _spelled_like(word: str, place: Place) -> bool:
    """Without morphology a run's words are all untagged; a place inside a run of names
    counts only as a country ("Кении Дэниел Отиено"): given names and surnames are
    city names too ("Владимир Путин", "Пабло Эррера", "Роланд Буш")."""
    return place.kind == "country"


# First words of organisations, not persons, in a run of capitals ("Красный Крест").
_ADJECTIVAL = ("ый", "ая", "яя", "ое", "ые", "ский", "ская", "ський", "ська", "ной", "ний")


def _personal(toks: list[re.Match[str]], lemmas: list[tuple[str, set[str]]],
              group: list[int], world: dict[str, str]) -> bool:  # fmt: skip
    """Rules only: a name of `lang.world_names`, or two or three capitalised Cyrillic
    words with no adjective first ("Клэр Дюбуа", "Дэниел Отиено"): Russian and
    Ukrainian capitalise an organisation's first word only ("Всемирный банк")."""
    if any(fold(lemmas[k][0]) in world for k in group):
        return True
    words = [toks[k].group() for k in group]
    return (
        2 <= len(words) <= 3
        and not any(w.isascii() for w in words)
        and not words[0].lower().endswith(_ADJECTIVAL)
    )


def _cyrillic_name(toks: list[re.Match[str]], lemmas: list[tuple[str, set[str]]],
                   group: list[int], kind: str, world: dict[str, str]) -> _Span:  # fmt: skip
    start, end = toks[group[0]].start(), toks[group[-1]].end()
    tags = set().union(*(lemmas[k][1] for k in group))
    person = kind == "PER" or (not kind and bool({"Name", "Surn", "Patr"} & tags))
    if not kind and morph_missing(lemmas):
        person = _personal(toks, lemmas, group, world)
    if person:
        return start, end, "PERSON", " ".join(lemmas[k][0] for k in group)
    label = "ORG" if kind == "ORG" or not kind else "MISC"
    surface = " ".join(t.group() for t in toks[group[0] : group[-1] + 1])
    if not tags and " ".join(lemmas[k][0] for k in group) != " ".join(
        toks[k].group() for k in group
    ):
        return start, end, label, " ".join(lemmas[k][0] for k in group)  # rules only
    return start, end, label, surface
