"""Number words for 'cs': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": " \u00a0",
    "decimal": ",",
    "scales": {
        "tisíc": 1e3,
        "milion": 1e6,
        "milionů": 1e6,
        "miliony": 1e6,
        "miliard": 1e9,
        "miliardy": 1e9,
        "mld": 1e9,
        "mil": 1e6,
    },
    "currencies": {
        "dolarů": "USD",
        "dolary": "USD",
        "eur": "EUR",
        "euro": "EUR",
        "korun": "CZK",
        "kč": "CZK",
    },
    "percent": ("procent", "procenta", "procento"),
    "approximators": ("asi", "téměř", "přes", "nejméně", "zhruba"),
}
NUMBERS["words"] = {
    "dva": 2,
    "dvě": 2,
    # instrumental, as "před dvěma týdny" (two weeks ago) asks
    "dvěma": 2,
    "třemi": 3,
    "čtyřmi": 4,
    "tři": 3,
    "čtyři": 4,
    "pět": 5,
    "šest": 6,
    "sedm": 7,
    "osm": 8,
    "devět": 9,
    "deset": 10,
}
NUMBERS["durations"] = {
    "dny": 86400.0,
    "dní": 86400.0,
    "hodiny": 3600.0,
    "hodin": 3600.0,
    "hodinu": 3600.0,
    "minut": 60.0,
}
