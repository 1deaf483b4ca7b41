"""English number conventions: "1,200" groups with commas, "4.85" decimals."""

from __future__ import annotations

from typing import Any

# fmt: off
_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}

NUMBERS: dict[str, Any] = {
    "thousands": ",\u202f\u2009",
    "decimal": ".",
    "scales": {
        "hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
        "billions": 1e9, "trillion": 1e12, "trillions": 1e12,
    },
    # Only read as scales next to a currency ("$4.85bn", "£3m"): alone "3m" is metres.
    "short_scales": {
        "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
        "tn": 1e12, "trn": 1e12,
    },
    "currencies": {
        "us dollars": "USD", "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
        "pounds sterling": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
        "swiss francs": "CHF", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
        "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupees": "INR",
        "shekel": "ILS", "shekels": "ILS", "manat": "AZN", "manats": "AZN",
        "hryvnias": "UAH", "lira": "TRY", "canadian dollars": "CAD",
        "australian dollars": "AUD",
    },
    "percent": ("percent", "per cent", "pct"),
    "approximators": (
        "about", "around", "nearly", "almost", "approximately", "roughly", "more than",
        "over", "less than", "under", "at least", "up to", "some", "an estimated",
        "close to", "upwards of", "fewer than", "just over", "just under", "as many as",
        "as much as", "no fewer than", "no less than", "well over", "circa", "estimated",
    ),
    "words": _WORDS,
    "ones": ("a", "an", "one"),
    "connectors": ("and",),
    "prepositions": ("of the", "of"),
    "stopwords": (
        "a an and are as at be been but by for from had has have he her his i in into is it "
        "its of on or our per she than that the their them they this those these to was we "
        "were which who will with would more less times over under after before since until "
        "during against between among percent each"
    ),
    "labels": (
        "article", "no.", "number", "page", "line", "flight", "chapter", "resolution", "route",
        "version", "room", "gate",
    ),
    "noun_capitalized": False,
    # "the 2020 election": a bare year-like number is a year in English; counts of that
    # size are written "2,000".
    "year_counts": False,
    "ordinal_dot": False,
}
# fmt: on
