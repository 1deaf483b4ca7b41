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
)
