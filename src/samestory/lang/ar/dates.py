"""Date words for 'ar': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "ar",
    weekdays={
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
    },
    relative={
        "اليوم": ("day", 0),
        "أمس": ("day", -1),
        "غدا": ("day", 1),
        "الأسبوع الماضي": ("week", -1),
        "الشهر الماضي": ("month", -1),
        "العام الماضي": ("year", -1),
        # the coming period: "وسيبدأ الإنتاج العام المقبل" (next year)
        "العام المقبل": ("year", 1),
        "العام القادم": ("year", 1),
        "السنة المقبلة": ("year", 1),
        "الشهر المقبل": ("month", 1),
        "الأسبوع المقبل": ("week", 1),
        # the dual says "two" itself: "قبل أسبوعين" is two weeks ago
        "قبل أسبوعين": ("week", -2),
        "قبل يومين": ("day", -2),
        "قبل شهرين": ("month", -2),
        "قبل عامين": ("year", -2),
        "قبل سنتين": ("year", -2),
    },
    ago=("قبل {n} {u}",),
    units={
        "سنوات": ("year", 1),
        "أعوام": ("year", 1),
        "أشهر": ("month", 1),
        "أسابيع": ("week", 1),
        "أيام": ("day", 1),
    },
    month_cues=("في", "شهر"),
)
# "و" (and) and "ف" (so) are written onto the next word: "وقبل أسبوعين".
DATES["clitics"] = "وف"
# "وفي سبتمبر": the conjunction is written onto the cue.
DATES["month_cues"] = (*DATES["month_cues"], "وفي", "ففي")
# Tense of a bare weekday: the future is a prefix on the verb, "س" before the imperfect
# ("وسيفتتح المعرض يوم الجمعة", the exhibition will open on Friday), or "سوف"; words of
# that shape that are not verbs ("سياسة", "سيارة", "سيدة", "سيول") are left out.
DATES["future_cues"] = ("سوف", "المقبل", "المقبلة", "القادم", "القادمة", "غدا", "يعتزم", "تعتزم")
# Verbs of saying are past in news ("قالت ... يوم الثلاثاء"), and what was said opens with
# "إن" / "أن": its verb ("ستبني") is not the weekday's.
DATES["past_cues"] = ("الماضي", "الماضية", "أمس", "قبل", "قال", "قالت", "وقال", "وقالت",
                      "أعلن", "أعلنت", "وأعلن", "وأعلنت")  # fmt: skip
DATES["tense_stops"] = ("إن", "أن", "بأن")
DATES["future_word"] = r"[وف]?س(?!يا|يد|يط|يول|ين)[يتنأ]\w{3,}"
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["after"] = {"الماضي": "last", "الماضية": "last", "المقبل": "next", "المقبلة": "next",
                  "القادم": "next", "القادمة": "next"}  # fmt: skip
