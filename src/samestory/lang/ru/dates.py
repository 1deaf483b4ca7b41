"""Date words for 'ru': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "ru",
    weekdays={
        "понедельник": 0,
        "вторник": 1,
        "среду": 2,
        "четверг": 3,
        "пятницу": 4,
        "субботу": 5,
        "воскресенье": 6,
    },
    relative={
        "сегодня": ("day", 0),
        "вчера": ("day", -1),
        "позавчера": ("day", -2),
        "завтра": ("day", 1),
        "на прошлой неделе": ("week", -1),
        "в прошлом месяце": ("month", -1),
        "в прошлом году": ("year", -1),
        "в этом году": ("year", 0),
    },
    ago=("{n} {u} назад",),
    units={
        "лет": ("year", 1),
        "года": ("year", 1),
        "год": ("year", 1),
        "месяцев": ("month", 1),
        "месяца": ("month", 1),
        "недель": ("week", 1),
        "недели": ("week", 1),
        "дней": ("day", 1),
        "дня": ("day", 1),
    },
    year_cues=("в", "году", "года", "с", "до"),
    # A bare month is a date after these ("в мае").
    month_cues=("в", "с", "до", "к", "начале", "конце", "середине"),
    # Three-letter forms the locale loader leaves out as if abbreviations.
    months={"май": 5, "мае": 5, "мая": 5},
)
# The prepositional case the locale lacks ("в сентябре", "в июне").
DATES["months"] |= {
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "июне": 6, "июле": 7, "августе": 8,
    "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
}  # fmt: skip
# Tense of a bare weekday ("откроется в пятницу" is the coming Friday): the past is
# regular ("-л", "-ла", "-ли"); a non-past verb next to a weekday in news is almost always
# a perfective future, and reflexive endings are verbs only.
DATES["future_cues"] = (
    "будет", "будут", "предстоит", "планирует", "планируют", "намерен", "намерена",
    "собирается", "ожидается", "следующей", "следующий", "следующую", "ближайшую", "завтра",
)  # fmt: skip
DATES["past_cues"] = ("был", "была", "было", "были", "назад", "прошлой", "прошлый", "вчера")
DATES["future_suffixes"] = ("ется", "ится", "ются", "ятся", "утся", "ит", "ет", "ут", "ют", "ят")
DATES["past_suffixes"] = ("ла", "ло", "ли", "лся", "лась", "лось", "лись", "ал", "ил", "ел", "ял")
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["after"] = {"прошлого года": "lastyear", "этого года": "thisyear",
                  "следующего года": "nextyear"}  # fmt: skip
