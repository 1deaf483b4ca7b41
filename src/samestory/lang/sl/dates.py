"""Date words for 'sl': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "sl",
    weekdays={
        "ponedeljek": 0,
        "torek": 1,
        "sredo": 2,
        "četrtek": 3,
        "petek": 4,
        "soboto": 5,
        "nedeljo": 6,
    },
    relative={
        "danes": ("day", 0),
        "včeraj": ("day", -1),
        "jutri": ("day", 1),
        "prejšnji teden": ("week", -1),
        "lani": ("year", -1),
    },
    ago=("pred {n} {u}",),
    units={"leti": ("year", 1), "meseci": ("month", 1), "tedni": ("week", 1), "dnevi": ("day", 1)},
    day_suffix=r"\.",
)
