"""Spanish date words: months, weekdays, relative phrases, "hace N años"."""

from __future__ import annotations

from typing import Any

# fmt: off
DATES: dict[str, Any] = {
    "months": {
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
        "diciembre": 12,
    },
    "month_abbr": {
        "ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dic": 12,
    },
    "weekdays": {
        "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
        "sábado": 5, "sabado": 5, "domingo": 6,
    },
    # Lowercase in Spanish: "Domingo" mid-sentence is a name.
    "names_case": "lower",
    "day_suffix": r"\.?º|°",
    "connectors": ("de", "del"),
    "mdy": False,
    "before": {"el pasado": "last", "pasado": "last", "el próximo": "next", "próximo": "next"},
    "after": {
        "pasado": "last", "último": "last", "próximo": "next", "que viene": "next",
        "del año pasado": "lastyear", "de este año": "thisyear",
        "del año que viene": "nextyear", "del próximo año": "nextyear",
        "de esta semana": "thisweek", "de la semana pasada": "lastweek",
        "de la semana que viene": "nextweek", "de la próxima semana": "nextweek",
    },
    "month_cues": (
        "en", "desde", "hasta", "a principios de", "a finales de", "a mediados de",
        "principios de", "finales de", "mediados de", "mes de", "a fines de", "fines de",
        "durante", "antes de", "después de", "para",
    ),
    "relative": {
        "hoy": ("day", 0), "esta mañana": ("day", 0), "esta tarde": ("day", 0),
        "esta noche": ("day", 0), "ayer": ("day", -1), "anoche": ("day", -1),
        "anteayer": ("day", -2), "antier": ("day", -2), "mañana": ("day", 1),
        "pasado mañana": ("day", 2), "esta semana": ("week", 0),
        "la semana pasada": ("week", -1), "la próxima semana": ("week", 1),
        "la semana que viene": ("week", 1), "este mes": ("month", 0),
        "el mes pasado": ("month", -1), "el próximo mes": ("month", 1),
        "el mes que viene": ("month", 1), "este año": ("year", 0),
        "el año pasado": ("year", -1), "el próximo año": ("year", 1),
        "el año que viene": ("year", 1),
        # "la mañana" is "the morning", not "tomorrow": these block the "mañana" reading.
        "la mañana": None, "una mañana": None, "cada mañana": None,
    },
    "ago": ("hace {n} {u}",),
    "units": {
        "año": ("year", 1), "años": ("year", 1), "mes": ("month", 1), "meses": ("month", 1),
        "semana": ("week", 1), "semanas": ("week", 1), "día": ("day", 1), "días": ("day", 1),
        "década": ("year", 10), "décadas": ("year", 10),
    },
    "year_cues": (
        "en", "desde", "hasta", "año", "el año", "entre",
        "antes de", "después de", "principios de", "finales de", "mediados de", "primavera",
        "verano", "otoño", "invierno", "durante",
    ),
    "decades": (r"(?:años|década\s+de(?:\s+los)?)\s+(?P<d>(?:19|20)?\d0)(?!\d)",),
    "ranges": (("de", "a"), ("desde", "hasta"), ("entre", "y")),
    # Tense around a bare weekday decides its direction: "se reunirá el martes" is the
    # coming one, "anunció el lunes" the last one; with neither, the nearest (the past
    # preferred).
    "future_cues": (
        "va", "van", "vamos", "prevé", "prevista", "previsto", "tiene previsto", "próximo",
        "próxima", "hasta", "antes", "a partir del", "mañana",
    ),
    "past_cues": (
        "ha", "han", "había", "habían", "fue", "fueron", "dijo", "pasado", "pasada",
        "desde", "ayer", "ya",
    ),
    "future_suffixes": ("rá", "rán"),
    "past_suffixes": ("ó", "aron", "ieron"),
}
# fmt: on
