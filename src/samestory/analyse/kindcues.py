"""Context that says what kind of thing a name is, applied once the mentions are known.

Capitalisation finds a name; its neighbours often say what it names (issue #16,
Deliver 3: "context such as a preposition of place or a known co-located place"):

* a word naming a kind of place right before or after it ("bairro da Sete Portas",
  "la base Juan Carlos I", "Napo province") makes it a place;
* a word naming a kind of organisation or publication right before it ("la empresa
  AEI Spaces", "la revue Effeuillage") makes it an organisation, not a person;
* an unresolved name after a preposition of place ("in Gran Bretagna", "en La
  Sierra"), or listed with a known place ("Marche, Abruzzo e Molise"), is a place
  unless it is a common word of the language or a word of a person's name the
  article gives;
* a two-word "person" without a first name after a preposition of place ("en Vaca
  Muerta") is a place;
* a "person" that opens a byline or credit line ("Par Jacques Munier", "By Evan
  Symon,", "© Denis Meyer") is page furniture, not a person the article names; one
  written in capitals only ("LREM") is an acronym, an organisation.

Places found so keep their "name:" key (no gazetteer entry to link them to).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from ..models import Mention
from .evidence import common_nouns
from .gazetteer import fold
from .lexicon import base_word, common_lemma, unknown_word
from .namecues import LOCATIVE, first_names
from .namelists import name_lists, starts_sentence
from .places import INFLECTING, NOUN_CAPITALISING, place_candidates

__all__ = ["by_context", "org_named"]

# Folded words naming a kind of place, in the analysed languages.
PLACE_KINDS = frozenset({
    "bairro", "regiao", "cidade", "municipio", "distrito", "barrio", "ciudad", "region",
    "provincia", "departamento", "localidad", "pueblo", "comuna", "corregimiento", "city",
    "town", "village", "district", "province", "suburb", "neighbourhood", "neighborhood",
    "ville", "commune", "quartier", "departement", "citta", "comune", "regione", "paese",
    "quartiere", "frazione", "stadt", "gemeinde", "provinz", "bezirk", "dorf", "ortsteil",
    "landkreis", "miasto", "gmina", "wies", "wojewodztwo", "powiat", "dzielnica", "base",
    "canton", "kanton", "prefecture", "bundesstaat", "bundesland", "stadtteil", "ortschaft",
})  # fmt: skip
# Kinds that follow the name in these languages ("Napo province", "Gangwon Province"
# is found by the gazetteer); "City"/"State" capitalised are part of a name.
_KINDS_AFTER = frozenset({"province", "region", "district", "county", "prefecture", "canton"})
# Folded words naming a kind of organisation, publication or product maker.
ORG_KINDS = frozenset({
    "empresa", "compania", "firma", "company", "firm", "revista", "revue", "magazine",
    "journal", "diario", "periodico", "newspaper", "zeitung", "zeitschrift", "magazin",
    "unternehmen", "konzern", "startup", "agencia", "agency", "entreprise", "societe",
    "sociedad", "marca", "marque", "brand", "plataforma", "platform", "plateforme", "partido",
    "parti", "partei", "banda", "gazeta", "tygodnik", "spolka", "czasopismo", "giornale",
    "azienda", "societa", "rivista", "jornal", "tabloid", "tabloide", "quotidien",
    "hebdomadaire", "daily", "weekly", "association", "asociacion", "associazione",
    "associacao", "verein", "stowarzyszenie", "foundation", "fundacion", "fondation",
    "stiftung", "fundacja", "fondazione", "fundacao",
})  # fmt: skip
_CONNECTORS = frozenset({"de", "del", "da", "do", "das", "dos", "di", "of", "du", "des", "d'"})
# Prepositions of place beyond `LOCATIVE` (which also vouches for small towns), used
# here only for names no other rule placed: Italian articulated forms ("sull'Appennino",
# "nel Lazio") and Spanish "hasta".
_ITALIAN_IN = ("sul", "sull'", "sulla", "sullo", "sulle", "nel", "nell'", "nella", "nello")
_MORE_LOCATIVE: dict[str, frozenset[str]] = {
    "it": frozenset((*_ITALIAN_IN, "nelle", "negli")),
    "es": frozenset({"hasta"}),
}
# Prepositions of `LOCATIVE` that as often mean "by" or "from" a person or thing
# ("provocate da Ciara", a storm).
# German "bei" is as often "with, at (an employer)": "Athlet bei Black Diamond".
_NOT_HERE = frozenset({"da", "from", "aus", "bei"})
# Platforms news says things "on" or "in" ("escribió en Twitter"): never places.
_PLATFORMS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "whatsapp",
    "telegram", "snapchat", "reddit", "netflix", "spotify", "google", "x",
    "android", "ios", "windows",
})  # fmt: skip
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*\b(?:e|y|und|and|et|i|oraz|ou|o|or)\b)\s*")
# Last words that make a "person" an organisation, event or competition.
_NOT_PERSON_LAST = frozenset({
    "club", "group", "gruppe", "grupo", "inc", "ltd", "gmbh", "corp", "league", "liga",
    "day", "cup", "awards", "festival",
})  # fmt: skip
_BYLINE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:posted|written|reporting|publicado|escrito|publi[ée]e?|[ée]crit)"
    r" (?:by|por|par)|(?:la |con )?informaci[óo]n (?:es )?de|by|par|por|von|di|od|autor"
    r"|autorin|author|texto?|fotos?|photos?|foto ?/ ?text|redaktion|©|\(c\))[ \t]*:?[ \t]*\Z",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+['’]?)[^\S\n]*\Z")
_WORD_AFTER = re.compile(r"\A[^\S\n]+([^\W\d_]+)")


def _before(text: str, start: int) -> list[str]:
    """The two folded words before `start` on its line, nearest last."""
    line = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    words = re.findall(r"[^\W\d_]+['’]?", line)
    return [fold(w).replace("’", "'") for w in words[-2:]]


def _kind_before(
    text: str, start: int, kinds: frozenset[str], connector: bool, nouns_capitalised: bool = False
) -> bool:
    """A lower-case kind word right before (or before a connector): "la base Juan Carlos
    I"; a capitalised one is part of the name ("City Council", "Base Aérea"), except
    where every noun is capitalised (`nouns_capitalised`: "Gemeinde Boltigen",
    "im US-Bundesstaat Ohio")."""
    line = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    raw = re.findall(r"[^\W\d_]+['’]?", line)[-2:]
    words = _before(text, start)
    if not words or not (raw[-1].islower() or (nouns_capitalised and raw[-1].istitle())):
        return False
    if words[-1] in kinds:
        return True
    return (
        connector and len(words) == 2 and words[-1] in _CONNECTORS and words[0] in kinds
        and raw[0].islower()
    )  # fmt: skip


def _kind_after(text: str, end: int) -> bool:
    m = _WORD_AFTER.match(text, end)
    return m is not None and m.group(1).islower() and fold(m.group(1)) in _KINDS_AFTER


def _locative(text: str, start: int, language: str) -> bool:
    words = _before(text, start)
    preps = LOCATIVE.get(language, frozenset()) | _MORE_LOCATIVE.get(language, frozenset())
    preps -= _NOT_HERE
    # An elided preposition sticks to the name: "sull’Appennino" -> "sull'".
    glued = re.search(r"([^\W\d_]+['’])\Z", text[max(0, start - 12) : start])
    if glued is not None and fold(glued.group(1)).replace("’", "'") in preps:
        return True
    return bool(words) and text[start - 1 : start].isspace() and words[-1] in preps


def _listed_with_place(text: str, k: int, mentions: Sequence[Mention]) -> bool:
    """Whether mention k is in an enumeration next to a place ("Marche, Abruzzo,
    Molise, Umbria e Lazio"); `mentions` as relabelled so far, so a list is followed
    from the place that anchors it."""
    for j in (k - 1, k + 1):
        if not 0 <= j < len(mentions):
            continue
        o = mentions[j]
        if o.label != "LOC" or o.demonym:
            continue
        a, b = (o, mentions[k]) if j < k else (mentions[k], o)
        if a.end <= b.start and _LIST_JOIN.fullmatch(text[a.end : b.start]):
            return True
    return False


# Quarter words that open a compound naming part of a place ("Südtirol", "Norditalien").
_PART_HEADS = ("nord", "sud", "ost", "west", "ober", "unter", "mittel", "nieder", "zentral")


def _part_compound(word: str, language: str) -> bool:
    """A one-word compound of a quarter and a known place ("Südtirol", "Ostafrika")."""
    key = fold(word)
    head = next((h for h in _PART_HEADS if key.startswith(h)), "")
    rest = word[len(head) :] if head and len(key) - len(head) >= 4 else ""
    if not rest or not word[:1].isupper() or not rest.isalpha():
        return False
    return bool(place_candidates(rest.capitalize(), language)[0])


def _plain_name(m: Mention) -> bool:
    words = m.text.split()
    return m.text[:1].isupper() and not m.text.isupper() and 1 <= len(words) <= 4


def by_context(text: str, language: str, mentions: Sequence[Mention]) -> list[Mention]:
    """`mentions` relabelled by the context rules of the module docstring."""
    people = {fold(w) for m in mentions if m.label == "PERSON" for w in m.text.split()}
    common: list[frozenset[str]] = []  # the article's common nouns, read on first need
    out = list(mentions)
    for k, m in enumerate(mentions):
        if (
            m.key.startswith("geo:")
            and m.label == "LOC"
            and not m.demonym
            and _plain_name(m)
            and " " not in m.text
            and _kind_before(text, m.start, ORG_KINDS, connector=False)
        ):
            # "Betting company Bally's": a firm named like a town ("Bally", India)
            out[k] = replace(m, label="ORG", canonical=m.text, key="name:" + fold(m.text))
            continue
        if m.key.startswith("geo:") or not m.text:
            continue
        if m.label == "PERSON":
            line = text[max(0, m.start - 40) : m.start]
            last = fold(m.text.split()[-1]).replace("'s", "")
            if (
                _BYLINE.search(line) is not None
                or (m.text.isupper() and " " not in m.text)
                or (
                    last in _NOT_PERSON_LAST
                    and fold(m.text.split()[0]) not in first_names(language)
                )
            ):  # "Premier League", "Valentine's Day"; "Doris Day" keeps her first name
                misc = _BYLINE.search(line) is not None or last in ("day", "cup")
                out[k] = replace(m, label="MISC" if misc else "ORG", key="name:" + fold(m.text))
                continue
        words = m.text.split()
        if (
            m.label == "PERSON"
            and len(words) > 1
            and fold(words[0]) not in first_names(language)
            and _locative(text, m.start, language)
        ):  # "se mostrara en Vaca Muerta": no first name, after a preposition of place
            out[k] = replace(m, label="LOC", key="name:" + fold(m.text))
            continue
        if m.label == "MISC" and " " not in m.text and _part_compound(m.text, language):
            out[k] = replace(m, label="LOC")  # "Südtirol", "Ostdeutschland": part of a place
            continue
        if m.label in ("PERSON", "MISC", "ORG", "LOC") and _plain_name(m):
            if _kind_before(text, m.start, ORG_KINDS, connector=False):
                if m.label != "ORG":
                    out[k] = replace(m, label="ORG", key="name:" + fold(m.text))
                continue
            if m.label != "LOC" and (
                _kind_before(text, m.start, PLACE_KINDS, True, language in NOUN_CAPITALISING)
                or _kind_after(text, m.end)
            ):
                out[k] = replace(m, label="LOC", key="name:" + fold(m.text))
                continue
    # Unresolved names by a preposition of place or in a list with a place, both ways
    # along the text so that a list is followed from the place anchoring it.
    for order in (range(len(out)), range(len(out) - 1, -1, -1)):
        for k in order:
            m = out[k]
            if m.label == "MISC" and _placed(text, language, k, out, people, common):
                out[k] = replace(m, label="LOC")
    # A name no gazetteer knows is no place when a word of it names an organisation
    # ("l'université Paris-8", "w Sądzie Ochrony Konsumenta", "w Parlamencie Europejskim").
    return [
        replace(m, label="ORG")
        if m.label == "LOC" and not m.key.startswith("geo:") and org_named(m.text, language)
        else m
        for m in out
    ]


def org_named(name: str, language: str) -> bool:
    """Whether a word of `name`, as written or by its dictionary form, is an organisation
    cue of `language` ("Universität", "Bank", "Sądzie" -> "sąd") or a kind of organisation."""
    lists = name_lists(language)
    for word in re.findall(r"[^\W\d_]+", name):
        key = fold(word)
        base = base_word(word, language) if language in INFLECTING else None
        keys = (key, fold(base)) if base else (key,)
        if any(lists.is_org_cue(w) or w in ORG_KINDS for w in keys):
            return True
    return False


def _placed(
    text: str, language: str, k: int, mentions: Sequence[Mention], people: set[str],
    common: list[frozenset[str]],
) -> bool:  # fmt: skip
    m = mentions[k]
    if m.key.startswith("geo:") or not _plain_name(m):
        return False
    if text[m.end : m.end + 1] in ("-", "\u2010"):
        return False  # "Merkel Jagd- und Sportwaffen": a compound cut short, a firm's name
    if not (_locative(text, m.start, language) or _listed_with_place(text, k, mentions)):
        return False
    words = m.text.split()
    folded = [fold(w) for w in words]
    if any(w in people for w in folded) or (len(words) > 1 and folded[0] in first_names(language)):
        return False  # "en Varela" after "Florencio Varela" the mayor; "nach Samuel Beckett"
    if len(words) == 1 and not common:
        common.append(common_nouns(text, language))
    if len(words) == 1 and (
        folded[0] in common[0]
        or common_lemma(words[0], language)
        # A lone German capital is no evidence of a name, unless no dictionary word.
        or (language in NOUN_CAPITALISING and not unknown_word(words[0], language))
    ):
        return False  # "in Italia" is a place, "en Resumen", "w Sejmie" words
    if starts_sentence(text, m.start) and common_lemma(words[0], language):
        return False  # "Interessate Marche, ...": a sentence's first word glued on
    # "en Twitter", "w Link4", "in DiveInside": platforms and brands are no places.
    return folded[0] not in _PLATFORMS and not any(
        c.isdigit() or (c.isupper() and p.islower()) for w in words for p, c in pairwise(w)
    )
