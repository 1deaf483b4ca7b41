"""Date words for 'uk': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "uk",
    weekdays={
        "понеділок": 0,
        "вівторок": 1,
        "середу": 2,
        "четвер": 3,
        "пʼятницю": 4,
        "п'ятницю": 4,
        "суботу": 5,
        "неділю": 6,
    },
    relative={
        "сьогодні": ("day", 0),
        "вчора": ("day", -1),
        "учора": ("day", -1),
        "завтра": ("day", 1),
        "минулого тижня": ("week", -1),
        "минулого місяця": ("month", -1),
        "минулого року": ("year", -1),
        "наступного року": ("year", 1),
        "наступного місяця": ("month", 1),
        "наступного тижня": ("week", 1),
    },
    ago=("{n} {u} тому",),
    units={
        "років": ("year", 1),
        "роки": ("year", 1),
        "місяців": ("month", 1),
        "тижнів": ("week", 1),
        "тижні": ("week", 1),
        "місяці": ("month", 1),
        "дні": ("day", 1),
        "днів": ("day", 1),
    },
    year_cues=("в", "у", "році", "року", "з", "до"),
    # A bare month is a date after these ("у травні").
    month_cues=("у", "в", "з", "до", "на початку", "наприкінці", "в середині"),
    # The locative the locale lacks ("у травні").
    months={
        "січні": 1,
        "лютому": 2,
        "березні": 3,
        "квітні": 4,
        "травні": 5,
        "червні": 6,
        "липні": 7,
        "серпні": 8,
        "вересні": 9,
        "жовтні": 10,
        "листопаді": 11,
        "грудні": 12,
    },
)
# Tense of a bare weekday ("відкриється в п'ятницю" is the coming Friday): the past is
# regular ("-в", "-ла", "-ли"), the synthetic future ends "-тиме", "-тимуть"; a non-past
# verb next to a weekday in news is almost always a perfective future.
DATES["future_cues"] = (
    "буде", "будуть", "планує", "планують", "має намір", "очікується", "наступного",
    "наступної", "наступну", "найближчу", "завтра",
)  # fmt: skip
DATES["past_cues"] = (
    "був", "була", "було", "були", "тому", "минулого", "минулої", "учора", "вчора",
)  # fmt: skip
DATES["future_suffixes"] = (
    "ться", "тиме", "тимуть", "тимемо", "ить", "ять", "ує", "ють", "уть", "еться", "иться",
    "иє", "ає",  # perfective futures: "відкриє", "зіграє"
)  # fmt: skip
DATES["past_suffixes"] = ("ла", "ло", "ли", "лася", "лося", "лися", "ав", "ив", "ів", "ув", "яв")
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["before"] = {"минулого": "last", "минулої": "last", "торік у": "lastyear",
                   "торік в": "lastyear", "наступного": "next"}  # fmt: skip
DATES["after"] = {"минулого року": "lastyear", "цього року": "thisyear",
                  "наступного року": "nextyear"}  # fmt: skip
