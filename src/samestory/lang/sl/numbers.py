"""Number words for 'sl': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {
        "tisoč": 1e3,
        "milijon": 1e6,
        "milijona": 1e6,
        "milijonov": 1e6,
        "milijarda": 1e9,
        "milijarde": 1e9,
        "milijard": 1e9,
    },
    "currencies": {
        "dolarjev": "USD",
        "dolarja": "USD",
        "evrov": "EUR",
        "evra": "EUR",
        "evro": "EUR",
    },
    "percent": ("odstotkov", "odstotka", "odstotek", "odstotke"),
    "approximators": ("okoli", "skoraj", "več kot", "vsaj"),
}
NUMBERS["words"] = {
    "dve": 2,
    "dva": 2,
    # instrumental, as "pred dvema tednoma" (two weeks ago) asks
    "dvema": 2,
    "tremi": 3,
    "štirimi": 4,
    "tri": 3,
    "štiri": 4,
    "pet": 5,
    "šest": 6,
    "sedem": 7,
    "osem": 8,
    "devet": 9,
    "deset": 10,
}
NUMBERS["durations"] = {
    "dni": 86400.0,
    "dan": 86400.0,
    "ure": 3600.0,
    "ur": 3600.0,
    "uro": 3600.0,
    "minut": 60.0,
}
