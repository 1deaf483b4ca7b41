"""Number words for 'pl': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": " \u00a0",
    "decimal": ",",
    "scales": {
        "tys": 1e3,
        "tysięcy": 1e3,
        "mln": 1e6,
        "miliona": 1e6,
        "milionów": 1e6,
        "mld": 1e9,
        "miliarda": 1e9,
        "miliardów": 1e9,
        "miliardy": 1e9,
    },
    "currencies": {
        "dolarów": "USD",
        "dolary": "USD",
        "dolara": "USD",
        "euro": "EUR",
        "złotych": "PLN",
        "zł": "PLN",
        "rubli": "RUB",
    },
    "percent": ("proc", "procent", "procent."),
    "approximators": ("około", "prawie", "ponad", "blisko"),
}
NUMBERS["words"] = {
    "dwa": 2,
    "dwie": 2,
    "trzy": 3,
    "cztery": 4,
    "pięć": 5,
    "sześć": 6,
    "siedem": 7,
    "osiem": 8,
    "dziewięć": 9,
    "dziesięć": 10,
}
NUMBERS["durations"] = {
    "dni": 86400.0,
    "dzień": 86400.0,
    "godziny": 3600.0,
    "godzin": 3600.0,
    "godzinę": 3600.0,
    "minut": 60.0,
}
