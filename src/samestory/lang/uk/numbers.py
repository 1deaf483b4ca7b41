"""Number words for 'uk': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": " \u00a0",
    "decimal": ",",
    "scales": {
        "тис": 1e3,
        "тисяч": 1e3,
        "млн": 1e6,
        "мільйонів": 1e6,
        "мільйона": 1e6,
        "млрд": 1e9,
        "мільярдів": 1e9,
        "мільярда": 1e9,
    },
    "currencies": {
        "доларів": "USD",
        "долара": "USD",
        "євро": "EUR",
        "гривень": "UAH",
        "грн": "UAH",
        "рублів": "RUB",
    },
    "percent": ("відсотків", "відсотка", "відсоток"),
    "approximators": ("близько", "майже", "понад", "щонайменше"),
}
NUMBERS["words"] = {
    "два": 2,
    "дві": 2,
    "три": 3,
    "чотири": 4,
    "пʼять": 5,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
    "девʼять": 9,
    "десять": 10,
}
NUMBERS["durations"] = {
    "дні": 86400.0,
    "днів": 86400.0,
    "години": 3600.0,
    "годин": 3600.0,
    "годину": 3600.0,
    "хвилин": 60.0,
}
