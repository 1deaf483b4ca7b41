"""Number words for 'tr': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {"bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12},
    "currencies": {
        "dolar": "USD",
        "dolarlık": "USD",
        "euro": "EUR",
        "avro": "EUR",
        "lira": "TRY",
        "tl": "TRY",
        "ruble": "RUB",
    },
    "percent": (),
    "percent_before": ("yüzde",),
    "approximators": ("yaklaşık", "neredeyse", "en az"),
}
# Turkish writes case and "-lık" (worth) onto the currency: "900 dolardan" (from 900
# dollars), "600 milyon euroluk kredi", "3 milyar euroya"; the suffixes follow vowel harmony.
_SUFFIXED = {
    "dolar": ("dan", "a", "ı", "la", "ın", "lık"),
    "euro": ("dan", "ya", "yu", "yla", "nun", "luk"),
    "avro": ("dan", "ya", "yu", "yla", "nun", "luk"),
    "lira": ("dan", "ya", "yı", "yla", "nın", "lık"),
}
for _base, _ends in _SUFFIXED.items():
    for _end in _ends:
        NUMBERS["currencies"].setdefault(_base + _end, NUMBERS["currencies"][_base])
NUMBERS["words"] = {
    "iki": 2,
    # Turkish dotted capital: "İki" lower-cases to "i̇ki", which the regex's re.I misses
    "İki": 2,
    "i̇ki": 2,
    "üç": 3,
    "dört": 4,
    "beş": 5,
    "altı": 6,
    "yedi": 7,
    "sekiz": 8,
    "dokuz": 9,
    "on": 10,
}
NUMBERS["durations"] = {"gün": 86400.0, "saat": 3600.0, "dakika": 60.0}
