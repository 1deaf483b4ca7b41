"""French date words: months, weekdays, relative phrases, "il y a N ans"."""

from __future__ import annotations

from typing import Any

# fmt: off
DATES: dict[str, Any] = {
    "months": {
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
        "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
        "décembre": 12, "decembre": 12,
    },
    # Abbreviations only count next to a day or a year ("3 janv. 2022").
    "month_abbr": {
        "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11,
        "déc": 12,
    },
    "weekdays": {
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
        "dimanche": 6,
    },
    # Month and weekday names are lowercase in French: "Mars" mid-sentence is the planet.
    "names_case": "lower",
    "day_suffix": r"er|re|e",
    "connectors": (),
    "mdy": False,
    "before": {},
    "after": {
        "dernier": "last", "passé": "last", "prochain": "next",
        "de l'année dernière": "lastyear", "de l'an dernier": "lastyear",
        "de l'année passée": "lastyear", "de l'an passé": "lastyear",
        "de cette année": "thisyear", "de l'année prochaine": "nextyear",
        "de l'an prochain": "nextyear",
        "de cette semaine": "thisweek", "de la semaine dernière": "lastweek",
        "de la semaine prochaine": "nextweek",
    },
    # A bare month ("mai") is only a date after one of these: "mars" is also a planet.
    "month_cues": (
        "en", "début", "fin", "mi-", "courant", "depuis", "dès", "jusqu'en", "d'ici", "avant",
        "après", "mois de", "mois d'", "milieu", "à partir de", "à la mi-", "au début de",
        "à la fin de",
    ),
    "relative": {
        "aujourd'hui": ("day", 0), "ce matin": ("day", 0), "ce soir": ("day", 0),
        "cet après-midi": ("day", 0), "hier": ("day", -1), "avant-hier": ("day", -2),
        "demain": ("day", 1), "après-demain": ("day", 2), "cette semaine": ("week", 0),
        "la semaine dernière": ("week", -1), "la semaine passée": ("week", -1),
        "la semaine prochaine": ("week", 1), "ce mois-ci": ("month", 0),
        "le mois dernier": ("month", -1), "le mois passé": ("month", -1),
        "le mois prochain": ("month", 1), "cette année": ("year", 0),
        "l'année dernière": ("year", -1), "l'an dernier": ("year", -1),
        "l'année passée": ("year", -1), "l'an passé": ("year", -1),
        "l'année prochaine": ("year", 1), "l'an prochain": ("year", 1),
    },
    "ago": ("il y a {n} {u}", "voilà {n} {u}"),
    "units": {
        "an": ("year", 1), "ans": ("year", 1), "année": ("year", 1), "années": ("year", 1),
        "mois": ("month", 1), "semaine": ("week", 1), "semaines": ("week", 1),
        "jour": ("day", 1), "jours": ("day", 1), "décennie": ("year", 10),
        "décennies": ("year", 10),
    },
    # A year-like number after these is a year even when a noun follows ("en 2020 les...").
    # Not "de"/"et": "plus de 2000 soldats" is a count; "la guerre de 2020." needs no cue.
    "year_cues": (
        "en", "depuis", "dès", "jusqu'en", "avant", "après", "année", "l'année", "années",
        "fin", "début", "mi-", "entre", "vers", "printemps", "été", "automne", "hiver",
        "courant", "l'an", "an", "saison", "exercice",
    ),
    "decades": (r"années\s+(?P<d>(?:19|20)?\d0)(?!\d)",),
    "ranges": (("de", "à"), ("entre", "et"), ("depuis", "jusqu'à")),
    # Tense around a bare weekday decides its direction: "se réunira mardi" is the coming
    # one, "a annoncé lundi" the last one; with neither, the nearest (the past preferred).
    "future_cues": (
        "va", "vont", "doit", "doivent", "devrait", "devraient", "prévu", "prévue", "prévus",
        "attendu", "attendue", "prochain", "prochaine", "d'ici", "avant", "jusqu'à",
        "à partir de", "dès",
    ),
    "past_cues": (
        "a", "ont", "avait", "avaient", "était", "étaient", "eu", "fut", "dit", "dernier",
        "dernière", "depuis", "déjà", "hier",
    ),
    "future_suffixes": ("era", "eront", "ira", "iront", "dra", "dront"),
}
# fmt: on
