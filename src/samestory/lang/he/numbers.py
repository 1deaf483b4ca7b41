"""Number words for 'he': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ",",
    "decimal": ".",
    "scales": {"אלף": 1e3, "מיליון": 1e6, "מיליארד": 1e9},
    "currencies": {
        "דולר": "USD",
        "יורו": "EUR",
        "אירו": "EUR",
        "שקל": "ILS",
        "שקלים": "ILS",
        "רובל": "RUB",
    },
    "percent": ("אחוז", "אחוזים"),
    "approximators": ("כ", "כמעט", "יותר מ", "לפחות"),
}
NUMBERS["words"] = {
    "שתי": 2,
    "שלוש": 3,
    "ארבע": 4,
    "חמש": 5,
    "שש": 6,
    "שבע": 7,
    "שמונה": 8,
    "תשע": 9,
    "עשר": 10,
    # masculine forms, as before "ימים": "שלושה ימים"
    "שלושה": 3,
    "ארבעה": 4,
    "חמישה": 5,
    "שישה": 6,
    "שבעה": 7,
    "תשעה": 9,
    "עשרה": 10,
}
NUMBERS["durations"] = {"ימים": 86400.0, "שעות": 3600.0, "שעה": 3600.0, "דקות": 60.0}
