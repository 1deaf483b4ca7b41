"""What a name's own words, and the words glued to it, say it names (issue #16, point 3).

Applied once the mentions of an article are known, before `kindcues.by_context`:

* a handle or hashtag ("@UnivParis8", "#Paris") is an account or a tag, never a place
  or a person;
* a place name followed by a year ("Olympia 2022", "Tokio 2020", "Mitte 2018") names
  an event or a time, not the place, wherever the article writes that name;
* a name ending in a capitalised kind of street or way ("Dresden Drive", "Peachtree
  Road"), or followed by one, is that street: a place, not a person or the town; so is
  one ending in a capitalised kind of place ("Brookhaven Village"), or opening with one
  and holding no organisation word ("Base Aérea Chubunco", "Ciudad del Saber");
* a "person" opening with a well-known place and no first name ("California ISO") is
  none; followed by quarter words only ("Newcastle Central", a seat) it is a place;
* a capitalised quarter word glued before a place ("East Bronx", "Southern
  California") names a part of it, its own place;
* a "person" holding a word that makes organisations ("California Energy Commission",
  "CHU Beaujon") is an organisation, unless it opens with a first name; a one-word
  "person" that opens an organisation's name of the article ("Lenoge" beside "Lenoge
  Technology") is that organisation;
* a "person" of two or more words whose first word is a common word of the language
  and no first name ("Auteure de L'intestin", "Evaluación Pisa") is no person, or,
  when a first name follows that word, the person after a title ("Supervisor Alfredo
  Pedroza");
* a "person" alone on its line after a dash ("– David Dunkley"), or alone on one of
  the article's last lines (a signature), is page furniture, not a person it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Mention
from ..settings import DEFAULT_SETTINGS
from .gazetteer import fold, gazetteer
from .kindcues import PLACE_KINDS
from .lexicon import common_lemma
from .namecues import first_names
from .nameforms import base_name
from .namelists import name_lists
from .personnames import natural_name, person_key
from .places import place_candidates

__all__ = ["by_words"]

_YEAR_AFTER = re.compile(r"[ \u00a0]+(?:19|20)\d\d\b(?![.,]\d)")
# Capitalised last words of a street's or way's name (English writes the kind after).
STREET_KINDS = frozenset({
    "street", "st", "road", "rd", "drive", "dr", "avenue", "ave", "boulevard", "blvd",
    "lane", "parkway", "highway", "expressway", "freeway", "bridge", "square",
})  # fmt: skip
# Capitalised last words that make a name a place ("Brookhaven Village", "Silicon
# Valley"): the kind after the name, as English writes it; not "City" ("Manchester City").
PLACE_LAST = frozenset({"village", "valley", "island", "islands", "beach", "county", "township"})
_STREET_AFTER = re.compile(r"[ \u00a0]([A-Z][a-z]+)\.?(?![\w'’])")
# Capitalised words that name a part of the place glued after them.
PART_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower", "greater", "inner", "outer",
})  # fmt: skip
_PART_BEFORE = re.compile(r"(?:^|(?<=[^\w]))([A-Z][a-z]+)[ \u00a0]\Z")
_DASH_LINE = re.compile(r"^[ \t]*[-–—•][ \t]*\Z", re.MULTILINE)


def _is_place(m: Mention) -> bool:
    return m.label == "LOC" and not m.demonym


def _unnamed(m: Mention, label: str) -> Mention:
    return replace(m, label=label, key="name:" + fold(m.text), canonical=m.text)  # type: ignore[arg-type]


def _events(text: str, mentions: Sequence[Mention]) -> set[str]:
    """Folded place names the article writes right before a year ("Olympia 2022")."""
    return {
        fold(m.text)
        for m in mentions
        if _is_place(m)
        and not m.key.startswith("geo:country:")
        and _YEAR_AFTER.match(text, m.end) is not None
    }


def _street_end(text: str, m: Mention, next_start: int) -> int | None:
    """Where the street named by `m` ends: its own last word, or one glued after it."""
    last = m.text.split()[-1].rstrip(".")
    own = len(m.text.split()) > 1 and last[:1].isupper() and not m.key.startswith("geo:")
    if own and fold(last) in STREET_KINDS | PLACE_LAST:  # not a known "Virgin Islands"
        return m.end
    after = _STREET_AFTER.match(text, m.end)
    if after is not None and fold(after.group(1)) in STREET_KINDS and after.end() <= next_start:
        return after.end()
    return None


def _part_start(text: str, m: Mention, prev_end: int) -> int | None:
    """Where a capitalised quarter word glued before place `m` starts ("East Bronx")."""
    if m.text.split()[0].lower() in PART_WORDS:
        return None
    before = _PART_BEFORE.search(text, max(prev_end, m.start - 12), m.start)
    if before is None or before.group(1).lower() not in PART_WORDS:
        return None
    return before.start(1)


def _word_before(text: str, start: int) -> str:
    """The folded word before `start` on its line, a title's dot dropped ("rep")."""
    words = text[max(0, start - 40) : start].rsplit("\n", 1)[-1].split()
    return fold(words[-1].rstrip(".,")) if words else ""


def _place_first(word: str, language: str, names: frozenset[str]) -> bool:
    """A word that is a well-known place (a country, region or city by its own, strong
    name) and no first name: "Newcastle", "California"; not "Paris" (Paris Hilton)."""
    if fold(word) in names or not word[:1].isupper():
        return False
    found, weak = place_candidates(word, language)
    if not found:
        return False
    if found[0].kind != "city":  # countries, continents, ISO regions ("California")
        return True
    return not weak and fold(word) not in gazetteer().alternate


def _signature(text: str, m: Mention, tail_lines: int) -> bool:
    """A name alone on its line after a dash, or alone on one of the last lines."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    if text[m.end : line_end].strip(" \t.,;:*") or len(m.text.split()) < 2:
        return False
    if _DASH_LINE.search(text, line_start, m.start) is not None:
        return True
    if text[line_start : m.start].strip():
        return False
    later = [x for x in text[line_end:].split("\n") if x.strip()]
    return len(later) < tail_lines


def by_words(
    text: str,
    language: str,
    mentions: Sequence[Mention],
    tail_lines: int = DEFAULT_SETTINGS.signature_tail_lines,
) -> list[Mention]:
    """`mentions` relabelled (and streets or parts of places widened) by the rules of
    the module docstring; `tail_lines`: how near the end a name-only line signs."""
    lists = name_lists(language)
    names = first_names(language)
    events = _events(text, mentions)
    org_heads = {
        fold(m.text.split()[0]) for m in mentions if m.label == "ORG" and len(m.text.split()) > 1
    }
    people = {
        fold(w) for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()
    }
    # Surnames the article also writes alone ("Ocasio-Cortez" after "Alexandria ...").
    surnames = {fold(m.text) for m in mentions if m.label == "PERSON" and " " not in m.text}
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        words = m.text.split()
        if not words:
            out.append(m)
            continue
        prev_end = out[-1].end if out else 0
        next_start = mentions[k + 1].start if k + 1 < len(mentions) else len(text)
        folded = [fold(w) for w in words]
        if m.text[:1] in "@#" or (_is_place(m) and fold(m.text) in events):
            m = _unnamed(m, "MISC")
        elif (
            m.label in ("PERSON", "MISC", "ORG", "LOC")
            and not m.demonym
            and ((end := _street_end(text, m, next_start)) is not None)
        ):
            m = _unnamed(replace(m, text=text[m.start : end], end=end), "LOC")
        elif _is_place(m) and (start := _part_start(text, m, prev_end)) is not None:
            m = _unnamed(replace(m, text=text[start : m.end], start=start), "LOC")
        elif (
            m.label in ("PERSON", "MISC", "ORG")
            and len(words) > 1
            and words[0][:1].isupper()
            and folded[0] in PLACE_KINDS
            and not any(lists.is_org_cue(w) for w in folded)
        ):  # "Base Aérea Chubunco", "Ciudad del Saber": the kind opens the place's name
            m = _unnamed(m, "LOC")
        elif (
            m.label == "PERSON"
            and len(words) > 1
            and folded[-1] not in surnames
            and not any(lists.is_org_cue(w) for w in folded)  # an organisation, below
            and not lists.is_title(_word_before(text, m.start))  # "Rep. Alexandria ..."
            and _place_first(words[0], language, names)
        ):
            # "Newcastle Central" (a seat), "California ISO": no person opens with a place
            rest_parts = all(f in PART_WORDS for f in folded[1:])
            m = _unnamed(m, "LOC" if rest_parts else "MISC")
        elif m.label == "PERSON" and folded[0] not in names:
            org = any(lists.is_org_cue(w) for w in folded) if len(words) > 1 else (
                folded[0] in org_heads and folded[0] not in people
            )  # fmt: skip
            if org:
                m = _unnamed(m, "ORG")
            elif len(words) > 1 and common_lemma(words[0], language):
                if folded[1] in names:  # "Supervisor Alfredo Pedroza": a title before
                    rest = m.start + len(m.text) - len(m.text.split(None, 1)[1])
                    name = base_name(natural_name(text[rest : m.end]), language)
                    m = replace(
                        m, text=text[rest : m.end], start=rest, canonical=name,
                        key=person_key(name),
                    )  # fmt: skip
                else:
                    m = _unnamed(m, "MISC")
            elif _signature(text, m, tail_lines):
                m = _unnamed(m, "MISC")
        elif m.label == "PERSON" and _signature(text, m, tail_lines):
            m = _unnamed(m, "MISC")
        out.append(m)
    return out
