"""Date words for 'cs': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "cs",
    weekdays={},
    relative={
        "dnes": ("day", 0),
        "včera": ("day", -1),
        "zítra": ("day", 1),
        "minulý týden": ("week", -1),
        "minulý měsíc": ("month", -1),
        "loni": ("year", -1),
    },
    ago=("před {n} {u}",),
    units={
        "lety": ("year", 1),
        "roky": ("year", 1),
        "měsíci": ("month", 1),
        "týdny": ("week", 1),
        "týdnem": ("week", 1),
        "dnem": ("day", 1),
        "měsícem": ("month", 1),
        "rokem": ("year", 1),
        "dny": ("day", 1),
    },
    day_suffix=r"\.",
    month_cues=("v", "od", "do", "koncem", "začátkem", "během", "v polovině"),
)
