"""Date words for 'it': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "it",
    weekdays={},
    relative={
        "oggi": ("day", 0),
        "ieri": ("day", -1),
        "domani": ("day", 1),
        "la settimana scorsa": ("week", -1),
        "il mese scorso": ("month", -1),
        "l'anno scorso": ("year", -1),
    },
    ago=("{n} {u} fa",),
    units={
        "anni": ("year", 1),
        "anno": ("year", 1),
        "mesi": ("month", 1),
        "settimane": ("week", 1),
        "giorni": ("day", 1),
    },
    connectors=(),
    # A bare month is a date after these ("a maggio", "fino a marzo").
    month_cues=("a", "in", "da", "entro", "fino a", "inizio", "fine", "metà", "mese di"),
    after={"scorso": "last", "prossimo": "next"},
)
