"""Number words for 'it': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {
        "mila": 1e3,
        "milione": 1e6,
        "milioni": 1e6,
        "miliardo": 1e9,
        "miliardi": 1e9,
        "mln": 1e6,
        "mld": 1e9,
    },
    "currencies": {
        "dollari": "USD",
        "dollaro": "USD",
        "euro": "EUR",
        "euros": "EUR",
        "sterline": "GBP",
        "rubli": "RUB",
    },
    "percent": ("per cento", "percento"),
    "approximators": ("circa", "quasi", "oltre", "più di", "almeno"),
}
NUMBERS["words"] = {
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "dodici": 12,
}
NUMBERS["prepositions"] = ("di", "d'")
