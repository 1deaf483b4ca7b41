"""Date words for 'fa': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "fa",
    months={
        "ژانویه": 1,
        "فوریه": 2,
        "مارس": 3,
        "آوریل": 4,
        "مه": 5,  # also "fog": a date only after a cue or with a day
        "ژوئن": 6,
        "ژوئیه": 7,
        "اوت": 8,
        "سپتامبر": 9,
        "اکتبر": 10,
        "نوامبر": 11,
        "دسامبر": 12,
    },
    weekdays={
        "دوشنبه": 0,
        "سه‌شنبه": 1,
        "چهارشنبه": 2,
        "پنجشنبه": 3,
        "پنج‌شنبه": 3,
        "جمعه": 4,
        "شنبه": 5,
        "یکشنبه": 6,
        "یک‌شنبه": 6,
    },
    relative={
        "امروز": ("day", 0),
        "دیروز": ("day", -1),
        "فردا": ("day", 1),
        "هفته گذشته": ("week", -1),
        "ماه گذشته": ("month", -1),
        "سال گذشته": ("year", -1),
        "سال آینده": ("year", 1),
        "سال بعد": ("year", 1),
        "ماه آینده": ("month", 1),
        "هفته آینده": ("week", 1),
    },
    ago=("{n} {u} پیش",),
    units={"سال": ("year", 1), "ماه": ("month", 1), "هفته": ("week", 1), "روز": ("day", 1)},
    month_cues=("در", "ماه"),
)
# Tense of a bare weekday: "خواهد" makes the future, and the present ("می‌" before the
# stem; written with a zero-width joiner, so "می" reads as a word) tells what is planned
# ("روز جمعه گشایش می‌یابد", opens on Friday). The common past verbs say the past. The
# verb ends the clause, after the weekday, so more context is read after it.
DATES["future_cues"] = ("خواهد", "خواهند", "خواهیم", "خواهم", "می", "آینده", "فردا")
DATES["past_cues"] = (
    "کرد", "کردند", "شد", "شدند", "گفت", "گفتند", "زد", "زدند", "داد", "دادند", "بود",
    "بودند", "داشت", "داشتند", "آمد", "رفت", "گذشته", "پیش", "دیروز",
)  # fmt: skip
DATES["tense_after"] = 90
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["after"] = {"گذشته": "last", "سال گذشته": "lastyear", "پارسال": "lastyear",
                  "آینده": "next", "سال آینده": "nextyear", "امسال": "thisyear"}  # fmt: skip
