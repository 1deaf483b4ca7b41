"""Name rules of single languages that the capitalisation rules ask (issue #17).

Kept apart from `capitalised` so each rule reads on its own, with its resource in
`lang/<code>/names.py` or `numbers.py`:

- `plain_words`: month, weekday and number words ("Ocak", "İki") are never a name alone;
- `suffixed_place`: Turkish writes a case suffix after a proper noun and an apostrophe
  ("Soçi'de"), so a place there ends the run ("Erdoğan | Soçi'de");
- `places_in_cut_title`: a country inside a cut title stays a place ("Prezydent Rosji");
- `org_extent`: organisations whose other words are lower case ("Evropská komise",
  "Commissione europea"), found by the language's `org_cues`;
- `org_prefix_extent`: Vietnamese organisations open with a cue of several syllables
  ("Ủy ban", "Tổ chức"), the name's own syllables capitalised after it, and the
  lower-case second syllable of its last word before a break ("Thế giới đã");
- `country_after_title`: Vietnamese puts the country after the title, in capitals like
  the name ("Thủ tướng Hy Lạp Kyriakos Mitsotakis"): it opens the run and is cut off;
  `country_before_title`: Turkish before it ("Yunanistan Başbakanı Kiryakos Miçotakis").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..lang import resource
from .dates import calendar_words
from .gazetteer import fold
from .lexicon import unknown_word
from .namecues import raw_stop_words, stop_words
from .namelists import NameLists, Tok
from .places import find_places

__all__ = [
    "country_after_title",
    "country_before_title",
    "org_extent",
    "org_prefix_extent",
    "places_in_cut_title",
    "plain_words",
    "suffixed_place",
    "vi_syllable",
]

_MAX_LOWER = 3  # lower-case words an organisation's name may carry ("zdravotnická organizace")


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


@cache
def plain_words(language: str) -> frozenset[str]:
    """Folded month, weekday, number and currency words of `language` ("ocak", "iki",
    "USD"): capitalised in a date, a sum or opening a sentence, never a name alone."""
    if not language:
        return frozenset()
    numbers = resource(language, "numbers", "NUMBERS") or {}
    words = {fold(w) for key in ("words", "currencies") for w in numbers.get(key, {})}
    return calendar_words(language) | words


def repeated_caps(toks: Sequence[Tok]) -> frozenset[str]:
    """Folded words the text writes capitalised more than once."""
    caps = Counter(fold(t[0]) for t in toks if _is_cap(t[0]))
    return frozenset(w for w, n in caps.items() if n > 1)


def unknown_name(word: str, repeated: frozenset[str], language: str) -> bool:
    """A word opening a sentence is a name when the language's dictionary does not know
    it and the article writes it capitalised again ("Siemens investuje"): a verb form
    the dictionary lacks ("Síguenos", "Pomyślamy") comes once."""
    return fold(word) in repeated and unknown_word(word, language)


def plain_opener(word: str, at_start: bool, mid_caps: set[str], language: str) -> bool:
    """A one-word weak place that is a plain word: a known word opening a sentence
    ("Oba lídři", "both", a Turkish town) or a month, number or currency word."""
    if fold(word) in plain_words(language):
        return True
    return at_start and fold(word) not in mid_caps and not unknown_word(word, language)


def suffixed_place(
    text: str, toks: Sequence[Tok], lo: int, hi: int, language: str
) -> tuple[int, int, tuple, bool] | None:
    """The place that ends a run with a place's case suffix after an apostrophe, where
    the language writes one after the whole proper noun (Turkish "Soçi'de", "New
    York'ta"): the words before it are another name ("Erdoğan | Soçi'de"). Only the
    suffixes of place (`place_suffixes`: in, from, to), not the genitive of a person
    named like a city ("Selahattin Aydın'ın"); the longest such place, never a weak one."""
    names = resource(language, "names", "NAMES") or {}
    suffixes = names.get("place_suffixes", ())
    if not suffixes or hi - lo < 2 or hi + 1 >= len(toks):
        return None
    if toks[hi][0] not in ("'", "’") or toks[hi][1] != toks[hi - 1][2]:
        return None
    if toks[hi + 1][1] != toks[hi][2] or toks[hi + 1][0].lower() not in suffixes:
        return None
    for k in range(lo + 1, hi):
        hits = find_places(text, toks[k:hi], language)
        if len(hits) == 1 and (hits[0].first, hits[0].last) == (0, hi - k):
            if hits[0].demonym or hits[0].weak:
                return None
            return k, hi, hits[0].candidates, hits[0].weak
    return None


def places_in_cut_title(
    text: str, toks: Sequence[Tok], first: int, lo: int, language: str
) -> list[tuple[int, int, tuple, bool]]:
    """Places among the words cut as a title ("Prezydent Rosji | Władimir Putin",
    "Rusya Devlet Başkanı | Vladimir Putin"): the office is cut, its country stays."""
    out: list[tuple[int, int, tuple, bool]] = []
    for h in find_places(text, toks[first:lo], language) if lo - first > 1 else ():
        if not h.demonym or _is_cap(toks[first + h.first][0]):
            out.append((first + h.first, first + h.last, h.candidates, h.weak))
    return out


def org_extent(
    text: str, toks: Sequence[Tok], lo: int, hi: int, lists: NameLists, language: str
) -> int | None:
    """Where an organisation's name that goes on in lower case ends, or None.

    Two shapes, both anchored on an `org_cues` noun of the language: a capitalised
    run followed by lower-case words up to the cue noun ("Evropská | komise",
    "Světová | zdravotnická organizace"), and a capitalised cue noun followed by
    lower-case words that are no function words, connectors allowed inside
    ("Commissione | europea", "Organizzazione | mondiale della sanità"). Which shape
    a language writes is its `org_lower_case_words`: "before" the cue (Slavic: the
    adjectives lead; a lower-case word after "Sąd" is its verb, "Sąd uznał") or
    "after" it (Romance)."""
    names = resource(language, "names", "NAMES") or {}
    shape = names.get("org_lower_case_words")
    if not lists.org_cues or shape not in ("before", "after"):
        return None  # German's lower-case word after a noun is its verb ("… rät")

    def joined(k: int) -> bool:
        return k < len(toks) and text[toks[k - 1][2] : toks[k][1]] == " "

    stops = stop_words(language)  # all of them: "ha" is also a place's word

    def lower(k: int) -> bool:
        w, f = toks[k][0], fold(toks[k][0])
        return w.isalpha() and w.islower() and f not in lists.function_words and f not in stops

    k = hi
    while shape == "before" and joined(k) and k - hi < _MAX_LOWER and lower(k):
        if fold(toks[k][0]) in lists.org_cues:
            return k + 1
        k += 1
    if shape == "before" or fold(toks[hi - 1][0]) not in lists.org_cues:
        return None
    end, k = hi, hi
    while joined(k) and k - hi < _MAX_LOWER:
        f = fold(toks[k][0])
        if f in lists.connectors and joined(k + 1) and lower(k + 1):
            k += 1
            continue
        if not lower(k):
            break
        k += 1
        end = k
    return end if end > hi else None


_MAX_SYLLABLES = 6  # after the cue: "Ủy ban | châu Âu", "Ngân hàng | Nhà nước Việt Nam"


def org_prefix_extent(text: str, toks: Sequence[Tok], first: int, language: str) -> int | None:
    """End of an organisation opening at token `first` with one of the language's
    `org_prefixes` ("Ủy ban châu Âu hứa" -> "Ủy ban châu Âu"): the cue's syllables, then
    up to the last capitalised one before a break (punctuation, a stop word, a number).
    Tones are meaning in Vietnamese, so the cue is compared lower-cased, not folded."""
    prefixes = (resource(language, "names", "NAMES") or {}).get("org_prefixes", ())
    for prefix in prefixes:
        words = prefix.split()
        end = first + len(words)
        if end > len(toks) or [t[0].lower() for t in toks[first:end]] != words:
            continue
        if any(text[toks[k - 1][2] : toks[k][1]] != " " for k in range(first + 1, end)):
            continue
        stops = raw_stop_words(language)  # as written: folding merges Vietnamese words by tone
        last, k = None, end
        while k < len(toks) and k - end < _MAX_SYLLABLES:
            w = toks[k][0]
            if text[toks[k - 1][2] : toks[k][1]] != " " or not w.isalpha() or w in stops:
                break  # a lower-case stop word ("đã", "sẽ"); a capital "Y" is a name's
            if _is_cap(w):
                last = k + 1
            k += 1
        # Each word of a name is capitalised on its first syllable only: a lower-case
        # syllable right after the last capital, before a break, ends that word
        # ("Ngân hàng Thế giới đã hứa"), unless the capital is itself a word's second
        # syllable after a lower-case generic ("châu Âu hứa sẽ": Europe, then a verb).
        generic = (resource(language, "names", "NAMES") or {}).get("lower_generics", ())
        after_generic = last is not None and toks[last - 2][0] in generic
        if last is not None and last == k - 1 and not after_generic:
            nxt = toks[k] if k < len(toks) else None
            broken = nxt is None or text[toks[k - 1][2] : nxt[1]] != " " or nxt[0] in stops \
                or not nxt[0].isalpha()  # fmt: skip
            if broken and toks[last][0].islower():
                last += 1
        return last
    return None


def country_after_title(
    text: str, toks: Sequence[Tok], lo: int, hi: int, language: str
) -> tuple[int, tuple, bool] | None:
    """(end, places, weak) of a country opening tokens [lo, hi) after a cut title, with
    two or more words of the name after it; None elsewhere or in other languages."""
    if not (resource(language, "names", "NAMES") or {}).get("country_after_title"):
        return None
    hits = [h for h in find_places(text, toks[lo:hi], language) if h.first == 0]
    if not hits or hits[0].place.kind != "country" or hits[0].weak or hi - lo - hits[0].last < 2:
        return None
    return lo + hits[0].last, hits[0].candidates, hits[0].weak


def country_before_title(
    text: str, toks: Sequence[Tok], lo: int, hi: int, lists: NameLists, language: str
) -> int | None:
    """Index of the title after a country opening tokens [lo, hi), with a name after
    the title; None elsewhere or in other languages. The country stays a place as part
    of the cut title (`places_in_cut_title`)."""
    if not (resource(language, "names", "NAMES") or {}).get("country_before_title"):
        return None
    hits = [h for h in find_places(text, toks[lo:hi], language) if h.first == 0]
    if not hits or hits[0].place.kind != "country" or hits[0].demonym:
        return None
    k = lo + hits[0].last
    # the ministry's field may stand between, one or two words of any field: "Kazakistan
    # Sanayi Bakanı Aigerim Nurlanova", "Kenya Ulaştırma Bakanı Daniel Kiptoo"
    for j in range(k, min(k + 3, hi - 1)):
        if lists.is_title(fold(toks[j][0])):
            return j
    return None


# Letters of Vietnamese syllables that foreign one-word names seldom have (ă â đ ê ô ơ ư,
# the tone-marked vowels of Latin Extended Additional, and the Latin-1 tones "Tài", "Giá").
_VI_LETTERS = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáèéìíòóùúýãõÀÁÈÉÌÍÒÓÙÚÝ\u1ea0-\u1ef9]")


def vi_syllable(text: str, toks: Sequence[Tok], span: Any) -> bool:
    """Whether a one-token Vietnamese name span is a capitalised syllable of a common word
    ("Bộ trưởng", "Giá đồng", "Lao động", "Năng lượng"): a person or an organisation
    has two syllables or more, and a foreign one-word name ("Codelco", "Airbus") has no
    Vietnamese letter; a short plain syllable ("Lao") counts when a Vietnamese word
    follows it. "ông Hùng", "bà Lan": a name after its honorific stays."""
    if span.last - span.first != 1:
        return False
    word = toks[span.first][0]
    if word.isupper() or (span.first and fold(toks[span.first - 1][0]) in ("ong", "ba")):
        return False
    if _VI_LETTERS.search(word):
        return True
    nxt = toks[span.first + 1][0] if span.first + 1 < len(toks) else ""
    return (
        len(word) <= 3
        and nxt[:1].islower()
        and text[toks[span.first][2] : toks[span.first + 1][1]] == " "
        and _VI_LETTERS.search(nxt) is not None
    )
