"""Person names: natural order, spelling-insensitive tokens, keys, token similarity.

The string side of alias linking (`aliases.py` does the linking): Azerbaijani and
Russian official forms are turned into "Given Surname" ("Hasanov Zakir Asgar Oglu"
-> "Zakir Hasanov"), and name tokens are reduced to *skeletons*, transliterated to
ASCII with the spelling conventions that differ between languages collapsed (j/y,
w/v, ou/u, sch/sh, doubled letters), so "Alijew", "Aliyev" and "Aliev" are one token.
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from ..lang import SUPPORTED, resource
from .gazetteer import fold

__all__ = ["name_tokens", "natural_name", "person_key", "similar", "skeleton"]

# "Asgar oglu" (son of Asgar), "Vladimirovich": the father's name, not the person's.
_PATRONYMIC_MARKERS = frozenset({
    "oglu", "ogly", "ogli", "ugli", "qizi", "gizi", "kizi", "kyzy", "uulu",
})  # fmt: skip
_PATRONYMIC_ENDINGS = (
    "ovich", "evich", "ovitch", "evitch", "ovych", "ovna", "evna", "ivna", "ichna",
)  # fmt: skip
_SURNAME_ENDINGS = (
    "ov", "ev", "ova", "eva", "in", "ina", "li", "lu", "zade", "ski", "sky", "skiy", "enko",
    "yan", "ian", "dze", "shvili", "uk", "yuk", "ovic", "evic",
)  # fmt: skip
# Name particles of every language's names.py, plus Arabic and Dutch/German ones that
# turn up in any language's text; dropped when comparing ("al-Assad" ~ "Assad").
_UNIVERSAL_PARTICLES = (
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "da",
    "di",
    "bin",
    "ibn",
    "al",
    "el",
)
_SPELLINGS = (
    ("tsch", "ch"), ("tx", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("ou", "u"),
    ("w", "v"), ("j", "y"), ("iy", "i"), ("yy", "y"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")
# "ティギスト・アレム", "蒂吉斯特·阿莱穆": a dot parts CJK names (session 16); Catalan's
# "l·l" inside a Latin word ("Marcel·lí") does not.
_SPLIT = re.compile(r"[\s\-‐・]+|·(?![A-Za-z\u00c0-\u024f])")


def skeleton(word: str) -> str:
    """Spelling-insensitive form of one name token: Aliyev, Alijew, Aliev -> "aliev"."""
    s = "".join(c for c in anyascii(word).casefold() if c.isalnum())
    for a, b in _SPELLINGS:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    if len(s) > 4 and s.endswith("e"):
        s = s[:-1]  # French transcriptions add a mute e: "Poutine" ~ "Putin"
    if len(s) > 4 and s.endswith("y"):
        s = s[:-1] + "i"  # Zelensky ~ Zelenski
    return s


@cache
def _particles() -> frozenset[str]:
    words = set(_UNIVERSAL_PARTICLES)
    for lang in SUPPORTED:
        words.update((resource(lang, "names", "NAMES") or {}).get("particles", ()))
    return frozenset(fold(w) for w in words)


def _looks_like_surname(word: str) -> bool:
    return fold(word).endswith(_SURNAME_ENDINGS)


def _display(word: str) -> str:
    return word.title() if word.isupper() and len(word) > 2 else word


def natural_name(text: str) -> str:
    """A person name in "Given Surname" order without patronymic.

    Azerbaijani and Russian official forms put the surname first and the patronymic
    last ("Hasanov Zakir Asgar Oglu", "Putin Vladimir Vladimirovich"): when the
    patronymic closes the name and the first of the two remaining words looks like a
    surname, they are swapped.
    """
    words = text.split()
    out: list[str] = []
    patronymic_last = False
    for i, word in enumerate(words):
        f = fold(word)
        last = i == len(words) - 1
        if f in _PATRONYMIC_MARKERS and i > 0:
            if out and len(out) > 1:
                out.pop()  # the father's name before "oglu"
            patronymic_last = last
        elif len(words) >= 3 and len(f) > 6 and f.endswith(_PATRONYMIC_ENDINGS):
            patronymic_last = last
        else:
            out.append(word)
    swap = len(out) == 2 and _looks_like_surname(out[0]) and not _looks_like_surname(out[1])
    if patronymic_last and swap:
        out.reverse()
    return " ".join(_display(w) for w in out) if out else text


def name_tokens(text: str) -> list[str]:
    """Skeleton tokens of a name, without particles ("al-Assad" -> ["asad"])."""
    out = []
    for raw in _SPLIT.split(text):
        word = raw.strip(".,;:'’\"()")
        if not word or fold(word) in _particles():
            continue
        sk = skeleton(word)
        if sk:
            out.append(sk)
    return out


def person_key(name: str) -> str:
    """The key of a person: sorted folded tokens ("Benny Gantz" -> "person:benny gantz")."""
    words = [fold(w) for w in _SPLIT.split(name) if w and fold(w) not in _particles()]
    return "person:" + " ".join(sorted(w for w in words if w))


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def similar(a: str, b: str, min_similarity: float) -> bool:
    """Normalised edit similarity (1 - distance / longer length) >= `min_similarity`."""
    longest = max(len(a), len(b))
    allowed = int((1 - min_similarity) * longest + 1e-9)
    if allowed == 0:
        return a == b
    if allowed == 1:
        return _within_one_edit(a, b)
    return 1 - _levenshtein(a, b) / longest >= min_similarity
