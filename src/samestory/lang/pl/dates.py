"""Date words for 'pl': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "pl",
    weekdays={},
    relative={
        "dzisiaj": ("day", 0),
        "dziś": ("day", 0),
        "wczoraj": ("day", -1),
        "jutro": ("day", 1),
        "w zeszłym tygodniu": ("week", -1),
        "w zeszłym miesiącu": ("month", -1),
        "w zeszłym roku": ("year", -1),
    },
    ago=("{n} {u} temu",),
    units={
        "lat": ("year", 1),
        "lata": ("year", 1),
        "miesięcy": ("month", 1),
        "tygodni": ("week", 1),
        "tygodnie": ("week", 1),
        "miesiące": ("month", 1),
        "dni": ("day", 1),
    },
    year_cues=("w", "roku", "od", "do"),
    # A bare month is a date after these ("w maju"; "maja" alone may be a name).
    month_cues=("w", "od", "do", "na początku", "pod koniec", "w połowie"),
)
