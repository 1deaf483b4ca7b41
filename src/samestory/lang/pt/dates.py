"""Date words for 'pt': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "pt",
    weekdays={"segunda": 0, "terça": 1, "quarta": 2, "quinta": 3, "sexta": 4},
    relative={
        "hoje": ("day", 0),
        "ontem": ("day", -1),
        "amanhã": ("day", 1),
        "na semana passada": ("week", -1),
        "no mês passado": ("month", -1),
        "no ano passado": ("year", -1),
    },
    ago=("há {n} {u}", "{n} {u} atrás"),
    units={
        "anos": ("year", 1),
        "ano": ("year", 1),
        "meses": ("month", 1),
        "semanas": ("week", 1),
        "dias": ("day", 1),
    },
    connectors=("de",),
    # A bare month is a date after these ("em maio").
    month_cues=("em", "desde", "até", "início de", "fim de", "meados de", "mês de"),
    after={"passado": "last", "próximo": "next"},
)
