"""French number conventions: "6 000" groups with (narrow) spaces, "4,85" decimals."""

from __future__ import annotations

from typing import Any

# fmt: off
_WORDS = {
    "zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}

NUMBERS: dict[str, Any] = {
    "thousands": " \u00a0\u202f\u2009",
    "decimal": ",",
    "scales": {
        "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
        "billion": 1e12, "billions": 1e12, "mrd": 1e9, "mrds": 1e9, "md": 1e9, "mds": 1e9,
    },
    # Only read as scales next to a currency ("20 M€", "3 Md$"): alone "3 m" is metres.
    "short_scales": {"k": 1e3, "m": 1e6, "md": 1e9, "mds": 1e9, "g": 1e9},
    "currencies": {
        "dollars américains": "USD", "dollars us": "USD", "dollar": "USD", "dollars": "USD",
        "euro": "EUR", "euros": "EUR", "livres sterling": "GBP", "livre sterling": "GBP",
        "francs suisses": "CHF", "franc suisse": "CHF", "francs cfa": "XOF", "yen": "JPY",
        "yens": "JPY", "yuan": "CNY", "yuans": "CNY", "rouble": "RUB", "roubles": "RUB",
        "roupies": "INR", "shekel": "ILS", "shekels": "ILS", "shekalim": "ILS",
        "manat": "AZN", "manats": "AZN", "hryvnias": "UAH", "livres turques": "TRY",
        "dollars canadiens": "CAD", "dollars australiens": "AUD", "dirhams": "MAD",
    },
    "percent": ("pour cent", "pourcent", "pour-cent"),
    "approximators": (
        "presque", "près de", "près d'", "environ", "quelque", "plus de", "plus d'", "moins de",
        "moins d'", "au moins", "jusqu'à", "approximativement", "autour de", "quasiment",
        "pas moins de", "un peu plus de", "un peu moins de", "au-delà de", "plus ou moins",
        "quasi", "à peine", "pratiquement", "aux alentours de", "près de la moitié de",
    ),
    "words": _WORDS,
    "ones": ("un", "une"),  # read as 1 only before a scale: "un milliard de dollars"
    "connectors": ("et",),  # "vingt et un"
    # What may sit between a scale/unit and what it measures: "milliards de dollars".
    "prepositions": ("de la", "de", "d'", "des", "du"),
    "stopwords": (
        "a à ai au aux avec ce ces cette dans de des du elle elles en est et été il ils je la "
        "le les leur leurs lui ne ni nous on ont ou où par pas plus moins pour qu que qui sa "
        "se ses son sont sur un une vous y l d s c n selon contre entre après avant depuis "
        "sans sous vers chez aussi ainsi mais donc car tandis alors déjà encore seulement "
        "environ fois"
    ),
    "labels": ("article", "art.", "numéro", "page", "ligne", "vol", "chapitre", "résolution"),
    "noun_capitalized": False,
    "year_counts": True,  # "2000 soldats" is a count; "en 2000" is a year (see dates)
    "ordinal_dot": False,
}
# fmt: on
