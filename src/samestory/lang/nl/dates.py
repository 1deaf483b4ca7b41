"""Date words for 'nl': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "nl",
    weekdays={},
    relative={
        "vandaag": ("day", 0),
        "gisteren": ("day", -1),
        "morgen": ("day", 1),
        "vorige week": ("week", -1),
        "vorige maand": ("month", -1),
        "vorig jaar": ("year", -1),
    },
    ago=("{n} {u} geleden",),
    units={"jaar": ("year", 1), "maanden": ("month", 1), "weken": ("week", 1), "dagen": ("day", 1)},
    # A bare month is a date after these ("in mei").
    month_cues=("in", "sinds", "tot", "begin", "eind", "half", "medio", "vanaf"),
    before={"afgelopen": "last", "vorige": "last", "volgende": "next", "komende": "next"},
    # Three-letter months the locale loader leaves out as if abbreviations.
    months={"mei": 5},
)
