"""German date words: months, weekdays, relative phrases, "vor N Jahren"."""

from __future__ import annotations

from typing import Any

# fmt: off
DATES: dict[str, Any] = {
    "months": {
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
        "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    },
    "month_abbr": {
        "jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "okt": 10, "nov": 11, "dez": 12,
    },
    "weekdays": {
        "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
        "samstag": 5, "sonnabend": 5, "sonntag": 6,
    },
    "names_case": "upper",
    "day_suffix": r"\.",
    "connectors": (),
    "mdy": False,
    "before": {
        "vergangenen": "last", "letzten": "last", "vorigen": "last", "nächsten": "next",
        "kommenden": "next",
    },
    "after": {
        "letzten jahres": "lastyear", "vergangenen jahres": "lastyear",
        "des vergangenen jahres": "lastyear", "des letzten jahres": "lastyear",
        "dieses jahres": "thisyear", "nächsten jahres": "nextyear",
        "kommenden jahres": "nextyear",
        "dieser woche": "thisweek", "vergangener woche": "lastweek",
        "letzter woche": "lastweek", "nächster woche": "nextweek",
        "kommender woche": "nextweek",
    },
    "month_cues": (
        "im", "anfang", "mitte", "ende", "seit", "bis", "ab", "vom", "zum", "monat", "bis ende",
        "seit anfang",
    ),
    "relative": {
        "heute": ("day", 0), "heute morgen": ("day", 0), "gestern": ("day", -1),
        "vorgestern": ("day", -2), "morgen": ("day", 1), "übermorgen": ("day", 2),
        "diese woche": ("week", 0), "dieser woche": ("week", 0), "letzte woche": ("week", -1),
        "letzten woche": ("week", -1), "vergangene woche": ("week", -1),
        "vergangenen woche": ("week", -1), "vorige woche": ("week", -1),
        "nächste woche": ("week", 1), "nächsten woche": ("week", 1),
        "kommende woche": ("week", 1), "diesen monat": ("month", 0),
        "diesem monat": ("month", 0), "letzten monat": ("month", -1),
        "vergangenen monat": ("month", -1), "nächsten monat": ("month", 1),
        "dieses jahr": ("year", 0), "diesem jahr": ("year", 0), "letztes jahr": ("year", -1),
        "letzten jahr": ("year", -1), "vergangenes jahr": ("year", -1),
        "vergangenen jahr": ("year", -1), "voriges jahr": ("year", -1),
        "nächstes jahr": ("year", 1), "nächsten jahr": ("year", 1),
    },
    # "Morgen" capitalised is "the morning" (am Morgen); only lowercase is "tomorrow".
    "case_sensitive": ("morgen",),
    "ago": ("vor {n} {u}",),
    "units": {
        "jahr": ("year", 1), "jahren": ("year", 1), "monat": ("month", 1),
        "monaten": ("month", 1), "woche": ("week", 1), "wochen": ("week", 1),
        "tag": ("day", 1), "tagen": ("day", 1), "jahrzehnt": ("year", 10),
        "jahrzehnten": ("year", 10),
    },
    "year_cues": (
        "im", "in", "seit", "bis", "ab", "jahr", "jahre", "jahres",
        "anfang", "ende", "mitte", "vor", "nach", "zwischen", "frühjahr", "sommer", "herbst",
        "winter", "frühling", "zum",
    ),
    "decades": (r"(?P<d>(?:19|20)?\d0)er(?:n|[-\s]?jahren?)?(?!\w)",),
    "ranges": (("von", "bis"), ("zwischen", "und")),
    # Tense around a bare weekday decides its direction: "wird am Dienstag beraten" is the
    # coming one, "sagte am Montag" the last one; with neither, the nearest (the past
    # preferred).
    "future_cues": (
        "wird", "werden", "soll", "sollen", "will", "wollen", "kommenden", "kommende",
        "bevorstehenden", "geplant", "geplante", "erwartet", "bis", "nächsten",
        "nächste", "morgen",
    ),
    "past_cues": (
        "hat", "haben", "hatte", "hatten", "war", "waren", "wurde", "wurden", "sagte",
        "sagten", "teilte", "erklärte", "kündigte", "gab", "kam", "vergangenen", "letzten",
        "seit", "gestern", "bereits", "schon",
    ),
}
# fmt: on
