"""German number conventions: "1.200" groups with dots, "2,5" decimals, capitalised nouns."""

from __future__ import annotations

from typing import Any

# fmt: off
_WORDS = {
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
    "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100,
    "tausend": 1000, "zweihundert": 200, "dreihundert": 300, "zweitausend": 2000,
    "dreitausend": 3000,
}
# fmt: on
# German writes 21..99 as one word ("einundzwanzig"), so they are listed, not parsed.
_TENS = ("zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig")
_ONES = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
for _t, _tens in enumerate(_TENS, start=2):
    for _o, _one in enumerate(_ONES, start=1):
        _WORDS[f"{_one}und{_tens}"] = _t * 10 + _o

# fmt: off
NUMBERS: dict[str, Any] = {
    "thousands": ". \u00a0\u202f\u2009",
    "decimal": ",",
    "scales": {
        "tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9,
        "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12, "bio": 1e12,
        "tsd": 1e3,
    },
    "short_scales": {"k": 1e3, "m": 1e6},
    "currencies": {
        "us-dollar": "USD", "dollar": "USD", "euro": "EUR", "pfund": "GBP",
        "britische pfund": "GBP", "franken": "CHF", "schweizer franken": "CHF", "yen": "JPY",
        "yuan": "CNY", "rubel": "RUB", "rupien": "INR", "schekel": "ILS", "manat": "AZN",
        "hrywnja": "UAH", "lira": "TRY",
    },
    "percent": ("prozent",),
    "approximators": (
        "fast", "etwa", "rund", "ungefähr", "circa", "ca.", "mehr als", "über", "knapp",
        "weniger als", "mindestens", "bis zu", "gut", "annähernd", "nahezu", "beinahe",
        "zirka", "an die", "gegen", "schätzungsweise",
    ),
    "words": _WORDS,
    "ones": ("ein", "eine", "einer", "einem", "einen"),
    "connectors": ("und",),
    "prepositions": ("der", "des", "von"),
    "stopwords": (
        "der die das den dem des ein eine einer einem einen und oder in im am an auf aus bei "
        "mit nach von vom zu zum zur für über unter ist sind war waren hat haben wird werden "
        "als wie auch nicht noch nur bis seit gegen pro mal prozent"
    ),
    "labels": ("artikel", "nr.", "nummer", "seite", "linie", "flug", "kapitel", "resolution"),
    "noun_capitalized": True,  # German nouns are capitalised: a lowercase word is no noun
    "year_counts": True,
    "ordinal_dot": True,  # "der 3. Platz": a digit+dot before a word is an ordinal
}
# fmt: on
