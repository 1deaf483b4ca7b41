"""Number words for 'nl': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ".\u00a0",
    "decimal": ",",
    "scales": {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "mln": 1e6, "mld": 1e9},
    "currencies": {"dollar": "USD", "euro": "EUR", "euros": "EUR", "pond": "GBP", "roebel": "RUB"},
    "percent": ("procent",),
    "approximators": ("ongeveer", "bijna", "ruim", "meer dan", "zo.n"),
}
NUMBERS["words"] = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
}
NUMBERS["durations"] = {
    "dagen": 86400.0,
    "dag": 86400.0,
    "uur": 3600.0,
    "uren": 3600.0,
    "minuten": 60.0,
}
