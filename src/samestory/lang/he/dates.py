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
}
