"""Number words for 'fa': scale words, currency words, percent words."""

from __future__ import annotations

from typing import Any

NUMBERS: dict[str, Any] = {
    "thousands": ",\u066c",
    "decimal": ".\u066b/",
    "scales": {"هزار": 1e3, "میلیون": 1e6, "میلیارد": 1e9},
    "currencies": {"دلار": "USD", "یورو": "EUR", "ریال": "IRR", "تومان": "IRR", "روبل": "RUB"},
    "percent": ("درصد",),
    "approximators": ("حدود", "حدودا", "نزدیک به", "بیش از"),
}
NUMBERS["words"] = {
    "دو": 2,
    "سه": 3,
    "چهار": 4,
    "پنج": 5,
    "شش": 6,
    "هفت": 7,
    "هشت": 8,
    "نه": 9,
    "ده": 10,
}
NUMBERS["durations"] = {"روز": 86400.0, "ساعت": 3600.0, "دقیقه": 60.0}
