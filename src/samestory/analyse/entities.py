"""Named entities: who, which organisations and which places an article names.

French and English go through spaCy's NER (`nerspans.py`); every other language
goes through the capitalisation rules in `capitalised.py`. Both are followed by the
gazetteer pass, which adds the places and demonyms NER missed ("israélien" -> Israel)
and gives every place its language-free key. Titles are cut from spans, so "ministre
de la Défense Hasanov Zakir Asgar Oglu" becomes the person "Hasanov Zakir Asgar Oglu".

A place known only by a "weak" alternate name (see `gazetteer`) counts only when the
article also names its country; every place reading also needs the evidence
`evidence.py` asks for (not a quoted title, not a sentence-opening alternate name, not
a German noun after its article). Organisations and works NER found keep their label
over an alternate place name ("Lime", "Google"). Keys are preliminary (one article, no linking);
`aliases.link_entities` unifies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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
    noun_here,
    product_article,
    quoted_title,
    unrelated_alias,
)
from .featurenames import feature_names
from .gazetteer import fold, gazetteer
from .kindcues import by_context
from .lexicon import common_lemma, plain_word
from .nameforms import base_name, relink_declined
from .namelists import (
    NameLists,
    Tok,
    name_lists,
    starts_sentence,
    tokens,
)
from .namewords import by_words
from .nationality import demonym_only
from .nerspans import MODELS, Candidate, from_hit, person_words, spacy_candidates, spacy_model
from .personchecks import checked_persons
from .personnames import natural_name, person_key
from .places import (
    NOUN_CAPITALISING,
    find_places,
    locative_before,
    outlet_countries,
    particle_name,
    pick_place,
    prior_countries,
)
from .scriptnames import SCRIPT_LANGUAGES, caseless, script_mentions
from .sentences import locate_sentence
from .worldorgs import merge_world_orgs

__all__ = ["extract_mentions", "spacy_model"]


def _evidenced(text: str, language: str, cands: list[Candidate]) -> list[Candidate]:
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
    out: list[Candidate] = []
    for c in cands:
        if c.places:
            key = fold(text[c.start : c.end])
            single = " " not in key
            if quoted_title(text, c.start, c.end, not g.lookup(key)):
                c = Candidate(c.start, c.end, "MISC", ner_label="MISC")
            elif single and (
                (not german and key in g.alternate and key not in mid
                 and bare_opener(text, language, c.start, c.end, c.ner_label))
                or (german and c.places[0].kind == "city" and noun_here(text, c.start))
            ):  # fmt: skip
                if not c.ner_label or c.ner_label == "LOC":
                    continue
                c = Candidate(c.start, c.end, c.ner_label, ner_label=c.ner_label)
        out.append(c)
    return out


def _rule_candidates(
    text: str, toks: list[Tok], language: str, lists: NameLists, min_repeats: int
) -> list[Candidate]:
    # A capitalised run that is only weakly a place stays a name if unconfirmed.
    return [
        Candidate(
            toks[r.first][1], toks[r.last - 1][2], r.label, r.places, r.weak,
            ner_label="MISC" if r.weak and r.name_if_unconfirmed else "",
        )
        for r in rule_spans(text, toks, language, lists, min_repeats)
    ]  # fmt: skip


def _covered(toks: Sequence[Tok], cands: Sequence[Candidate]) -> set[int]:
    spans = sorted((c.start, c.end) for c in cands)
    out: set[int] = set()
    k = 0
    for i, (_, s, e) in enumerate(toks):
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] < e:
            out.add(i)
    return out


def _context_countries(cands: Sequence[Candidate]) -> set[str]:
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
    text: str, language: str, cands: list[Candidate], context: set[str], home: Sequence[str] = ()
) -> list[Candidate]:
    """Keep weak places only where the article names their country; a region ("Somerset",
    "Hauts-de-Seine") also in its outlet's country by the site's domain (`home`), not
    by its language alone ("Le Marche sono dolci": no region without Italy named).

    A small town or a region also counts after a locative preposition ("en Algemesí",
    "in Tennessee"), unless the
    same word is part of a person's name in the article. An unconfirmed weak place
    that NER found keeps NER's label, unresolved.
    """
    small = gazetteer().small
    people = person_words(text, cands)
    # One "en Carcaixent" confirms every "Carcaixent" of the article.
    located = {
        fold(text[c.start : c.end])
        for c in cands
        if c.weak and c.places and locative_before(text, c.start, language)
    }
    out = []
    for c in cands:
        if c.weak and c.places:
            word = text[c.start : c.end]
            # A common word of the language ("Federal", "Esplanada", "Google": googeln)
            # needs its preposition: an article naming Argentina is no evidence for it.
            # A region is named as one ("le Marche" beside Italy): the rule is for towns.
            lexical = _word(word, language)
            places = tuple(
                p for p in c.places
                if (p.country in context and not (lexical and p.kind == "city"))
                or (p.kind == "region" and p.country in home)
            )  # fmt: skip
            surface = fold(word)
            if not places and surface in located - people:
                # A small town after "en"; a region after "in" too ("in Tennessee").
                regions = tuple(p for p in c.places if p.kind == "region")
                places = c.places if surface in small else regions
            if places:
                c = Candidate(c.start, c.end, "LOC", places)
            elif c.ner_label:
                c = Candidate(c.start, c.end, c.ner_label)
            else:
                continue
        out.append(c)
    return out


def _word(word: str, language: str) -> bool:
    """A one-word name that is also a common word of `language`; in German, whose
    capitals say nothing, a verb or adjective only (`lexicon.plain_word`)."""
    if " " in word or "-" in word:
        return False
    if language in NOUN_CAPITALISING:
        return plain_word(word, language)
    return common_lemma(word, language)


def _mention(
    text: str, cand: Candidate, context: set[str], prior: Sequence[str],
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
        found = script_mentions(text, lang, sentences)
        return merge_world_orgs(found, text, lang, sentences)  # "الصليب الأحمر", "赤十字"
    lists = name_lists(lang)
    toks = tokens(text)
    nlp = spacy_model(lang) if lang in MODELS else None
    if nlp is not None:
        cands = spacy_candidates(text[:max_chars], nlp, lang, lists)
        people = person_words(text, cands)
        for hit in find_places(text, toks, lang, skip=_covered(toks, cands)):
            single = hit.last - hit.first == 1 and hit.place.kind == "city"
            if single and fold(toks[hit.first][0]) in people:
                continue  # "Marchand said" after "Hélène Marchand": the person, not a town
            if unrelated_alias(text, toks, hit, lang):
                continue  # NER saw no place there: "would Google the words" is no Topeka
            cands.append(from_hit(toks, hit))
    else:
        cands = _rule_candidates(text, toks, lang, lists, min_repeats)
    cands = _evidenced(text, lang, cands)
    context = _context_countries(cands)
    cands = _settle(text, lang, cands, context, outlet_countries(url))
    prior = prior_countries(lang, url)
    people = person_words(text, cands)
    capitals = gazetteer().capitals
    for k, c in enumerate(cands):
        named = feature_start(text, c.start, c.end, lang) if text[c.start].isupper() else None
        if named is not None:  # "mar di | Sardegna": the sea, not the island
            cands[k] = Candidate(named, c.end, "LOC")
        elif (
            (c.label == "PERSON" and credit(text, c.start, c.end))
            or (c.label == "PERSON" and common_not_name(text, c.start, c.end, lang, people))
            or (c.label == "LOC" and not c.places and bare_word(text, c.start, c.end, lang))
            or (c.label == "LOC" and particle_name(text, c.start, c.end, lang))
            or (
                c.places
                and c.places[0].kind == "city"
                and c.places[0].key not in capitals
                and product_article(text, c.start, c.end, lang)
            )
        ):
            cands[k] = Candidate(c.start, c.end, "MISC", ner_label="MISC")
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
    out = feature_names(text, lang, out, sentences)  # "Markgrafendamm", "Frankfurter Allee"
    if lang == "en":  # the capitalisation rules cut "World" off "World Bank"
        out = merge_world_orgs(out, text, lang, sentences)
    return checked_persons(text, _short_forms(relink_declined(out, lang)), lang)


def _short_forms(mentions: list[Mention]) -> list[Mention]:
    """A one-word place that opens a longer place of the same article is that place:
    "Em Minas" after "Minas Gerais" is the state, not the town Minas; "Rio" after "Rio
    de Janeiro" is the city."""
    heads: dict[str, Mention] = {}
    for m in mentions:
        words = m.text.split()
        # Only a known place: NER's "Barcelona Ende" must not swallow "Barcelona".
        if m.label == "LOC" and m.key.startswith("geo:") and not m.demonym and len(words) > 1:
            heads.setdefault(fold(words[0]), m)
    if not heads:
        return mentions
    out = []
    for m in mentions:
        longer = heads.get(fold(m.text)) if m.label == "LOC" and " " not in m.text else None
        if longer is not None and longer.key != m.key:
            m = replace(m, key=longer.key, canonical=longer.canonical)
        out.append(m)
    return out
