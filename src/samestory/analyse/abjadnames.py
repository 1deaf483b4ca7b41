"""Places in Arabic and Hebrew script by sound and by their adjective, for `scriptnames`.

Two rules (session 13):

- `sounds_like`: geonames' Arabic, Persian and Hebrew names of big cities ("تولوز",
  "קיוטו") are "weak" in the gazetteer, since folded they look nothing like the English
  name, and a weak name alone is mostly a common word in these scripts. A name whose
  consonants match the English name's ("twlwz" and "Toulouse": t-l-s) is the city's own
  transliteration, not a common word, and counts without other evidence;
- `nisba_bases`: the Arabic, Hebrew and Persian adjective of a country is its name with
  "-ي" ("-ية"), "-י" ("-ית") or "-ی", under the article ("اليوناني", "الكينية", "היפני",
  "מצרי", "دانمارکی"):
  the candidate country names it may come from, for a lookup in Babel's names.
"""

from __future__ import annotations

from functools import cache

__all__ = ["nisba_bases", "sounds_like", "written_country"]

_DIGRAPHS = (("gh", "g"), ("kh", "k"), ("sh", "s"), ("th", "t"), ("ph", "f"), ("ch", "k"))
# Letters Arabic and Hebrew write alike or not at all: vowels, h, w/y as vowels.
# Hebrew folds bet and vav alike to "v" ("המבורג" is "hmvvrg"), so b, p, f and v are one.
_SAME = {"z": "s", "q": "k", "c": "k", "p": "f", "b": "f", "j": "g", "v": "f", "x": "ks"}
_MIN_SKELETON = 2


def _skeleton(folded: str, drop_v: bool) -> str:
    s = folded.lower()
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    out: list[str] = []
    for c in s:
        if not c.isalpha() or c in "aeiouyhw" or (drop_v and c == "v"):
            continue  # Hebrew vav is a vowel as often as a v: "טולוז" is t-(v)-l-(v)-z
        for m in _SAME.get(c, c):
            if not out or out[-1] != m:
                out.append(m)
    return "".join(out)


def sounds_like(key: str, english: str) -> bool:
    """Whether folded `key` (an abjad name) has the consonants of folded `english`."""
    target = _skeleton(english, False)
    if len(target) < _MIN_SKELETON:
        return False
    return target in (_skeleton(key, False), _skeleton(key, True))


# Persian adds "-ی" ("دانمارکی"), "-ایی" / "-یی" after a vowel ("اتیوپیایی") or "-ای"
# after a silent h, and has no article.
_ENDINGS = {
    "ar": ("ية", "ي"), "he": ("ית", "י"), "fa": ("\u200cای", "ایی", "یی", "ی"),
}  # fmt: skip
_ARTICLE = {"ar": "ال", "he": "ה", "fa": ""}
# Country names the adjective shortens: "كينيا" -> "كيني", "מצרים" -> "מצרי", "אתיופיה"
# -> "אתיופי", "הודו" -> "הודי".
_RESTORED = {"ar": ("", "ا", "يا"), "he": ("", "ים", "ה", "יה", "ו"), "fa": ("",)}


def nisba_bases(word: str, language: str) -> list[str]:
    """Country names `word` may be the adjective of, with and without the article."""
    endings = _ENDINGS.get(language)
    if not endings or len(word) < 4:
        return []
    article = _ARTICLE[language]
    bare = word[len(article) :] if word.startswith(article) else word
    ending = next((e for e in endings if bare.endswith(e)), "")
    stem = bare[: -len(ending)] if ending else ""
    if len(stem) < 2:
        return []
    return list(dict.fromkeys(f"{a}{stem}{r}" for r in _RESTORED[language] for a in ("", article)))


@cache
def _written_countries(language: str) -> frozenset[str]:
    """Babel's country names in `language` as written, with and without the article."""
    try:
        from babel import Locale

        names = set(Locale.parse(language).territories.values())
    except Exception:  # Babel missing or no such locale
        return frozenset()
    out = set(names)
    for article in _ARTICLES.get(language, ()):
        out |= {n[len(article) :] for n in names if n.startswith(article)}
    return frozenset(out)


_ARTICLES = {"ar": ("ال",), "he": ("ה",)}


def written_country(stem: str, language: str) -> bool:
    """Whether `stem`, left after a clitic was cut, is a country's name as written: its
    folded form drops the long vowels, so "بابلو" (Pablo) less "ب" folds as "بالاو"
    (Palau) does; a clitic before a country is checked on the letters themselves."""
    return stem in _written_countries(language)
