"""Date words for 'he': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "he",
    weekdays={
        "ביום שני": 0,
        "ביום שלישי": 1,
        "ביום רביעי": 2,
        "ביום חמישי": 3,
        "ביום שישי": 4,
        "ביום שבת": 5,
        "ביום ראשון": 6,
        "בשבת": 5,
    },
    relative={
        "היום": ("day", 0),
        "אתמול": ("day", -1),
        "מחר": ("day", 1),
        "בשבוע שעבר": ("week", -1),
        "בחודש שעבר": ("month", -1),
        "בשנה שעברה": ("year", -1),
        "בשנה הבאה": ("year", 1),
        "בחודש הבא": ("month", 1),
        "בשבוע הבא": ("week", 1),
        # the dual says "two" itself: "לפני שבועיים" is two weeks ago
        "לפני שבועיים": ("week", -2),
        "לפני יומיים": ("day", -2),
        "לפני חודשיים": ("month", -2),
        "לפני שנתיים": ("year", -2),
    },
    ago=("לפני {n} {u}",),
    units={"שנים": ("year", 1), "חודשים": ("month", 1), "שבועות": ("week", 1), "ימים": ("day", 1)},
    # Three-letter months the locale loader leaves out as if abbreviations.
    months={"מאי": 5, "מרץ": 3},
    # A bare month is a date after these ("בחודש מאי"); "במאי" alone is also "director".
    month_cues=("בחודש", "חודש", "עד", "מאז", "בתחילת", "בסוף", "באמצע"),
)
# Bare ordinals are not weekdays in Hebrew ("שני" is also "second"): only "יום ..." forms.
DATES["weekdays"] = {
    k: v for k, v in DATES["weekdays"].items() if k.startswith(("יום", "ביום", "בשבת", "שבת"))
}  # fmt: skip
# "בספטמבר" (in September) carries its cue as a prefix; "במאי" alone is also "director"
# and "במרץ" "with vigour".
DATES["cued_months"] = tuple(
    m for m in DATES["months"] if m.startswith("ב") and m not in ("במאי", "במרץ")
)  # fmt: skip
# Tense of a bare weekday: the future is a prefix on the verb ("התערוכה תיפתח ביום
# שישי", will open on Friday): a word of four to six letters starting with "י" or "ת"
# (after "ו", and), but not the common nouns and names of that shape; not "נ", which
# also begins the past of the passive ("נפגש", met; "נמשכה", lasted). Only next to the
# weekday (within 12 characters), where its verb is: farther on, "יאניס" is a name.
DATES["future_cues"] = ("יהיה", "תהיה", "יהיו", "צפוי", "צפויה", "צפויים", "הבא", "הבאה", "מחר")
DATES["past_cues"] = (
    "היה", "הייתה", "היו", "אמר", "אמרה", "אמרו", "שעבר", "שעברה", "לפני", "אתמול",
)  # fmt: skip
DATES["future_word"] = (
    r"ו?(?!ישראל|ירושלים|יום|ימים|יותר|ידי|יחד|יולי|יוני|ינואר|תושב|תוך|תחילת|תקופ|תוכנית"
    r"|תערוכ|תעשי)[ית][\u05d0-\u05ea]{3,5}"
)  # fmt: skip
DATES["tense_word_reach"] = 12
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["after"] = {"האחרון": "last", "האחרונה": "last", "שעבר": "last", "שעברה": "last",
                  "הבא": "next", "הבאה": "next", "אשתקד": "lastyear"}  # fmt: skip
