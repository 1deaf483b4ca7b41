"""Date words for 'tr': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "tr",
    weekdays={},
    relative={
        "bugün": ("day", 0),
        "dün": ("day", -1),
        "yarın": ("day", 1),
        "geçen hafta": ("week", -1),
        "geçen ay": ("month", -1),
        "geçen yıl": ("year", -1),
        "gelecek yıl": ("year", 1),
        "önümüzdeki yıl": ("year", 1),
        "gelecek ay": ("month", 1),
        "gelecek hafta": ("week", 1),
    },
    ago=("{n} {u} önce",),
    units={"yıl": ("year", 1), "ay": ("month", 1), "hafta": ("week", 1), "gün": ("day", 1)},
)
# A bare month takes its cue after it: "ayında" ("Mayıs ayında", in the month of May) or
# the locative suffix ("Mayıs'ta").
DATES["month_tail"] = r"(?:['’](?:da|de|ta|te)\b|\s+ay[ıi]nda\b)"
# Tense of a bare weekday: the future suffix "-acak/-ecek" ("cuma günü açılacak") against
# the past "-dı/-di/-du/-dü" (voiced or not) and the reported "-mış"; Turkish puts the
# verb at the end of its clause, after the weekday, so more context is read after it.
DATES["future_cues"] = ("gelecek", "önümüzdeki", "yarın")
DATES["past_cues"] = ("geçen", "önce", "dün")
DATES["future_suffixes"] = (
    "acak", "ecek", "acaktır", "ecektir", "acaklar", "ecekler", "acağını", "eceğini",
    "acağı", "eceği", "acağız", "eceğiz",
)  # fmt: skip
DATES["past_suffixes"] = (
    "dı", "di", "du", "dü", "tı", "ti", "tu", "tü", "dılar", "diler", "dular", "düler",
    "tılar", "tiler", "tular", "tüler", "mış", "miş", "muş", "müş", "dığını", "diğini",
    "duğunu", "düğünü", "tığını", "tiğini", "tuğunu", "tüğünü",
)  # fmt: skip
DATES["tense_after"] = 90
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["before"] = {"geçen": "last", "geçen yıl": "lastyear", "bu yıl": "thisyear",
                   "gelecek": "next", "önümüzdeki": "next", "gelecek yıl": "nextyear"}  # fmt: skip
