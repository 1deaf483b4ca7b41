"""English date words: months, weekdays, relative phrases, "N years ago"."""

from __future__ import annotations

from typing import Any

# fmt: off
DATES: dict[str, Any] = {
    "months": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
    "month_abbr": {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    "weekdays": {
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
        "sunday": 6,
    },
    # Names are capitalised in English: lowercase "may"/"march" are a verb and a noun.
    "names_case": "upper",
    "day_suffix": r"st|nd|rd|th",
    "connectors": ("of", "the"),
    "mdy": True,  # "October 3, 2022"; numeric "10/3/2022" is read month first too
    "before": {
        "last": "last", "this past": "last", "past": "last", "next": "next",
        "this coming": "next", "coming": "next",
    },
    "after": {
        "last year": "lastyear", "of last year": "lastyear", "this year": "thisyear",
        "of this year": "thisyear", "next year": "nextyear", "of next year": "nextyear",
        "this week": "thisweek", "last week": "lastweek", "next week": "nextweek",
    },
    "month_cues": (
        "in", "since", "until", "till", "by", "early", "late", "mid-", "mid", "of", "through",
        "during", "from", "before", "after", "end of", "beginning of", "start of",
        "month of",
    ),
    "relative": {
        "today": ("day", 0), "this morning": ("day", 0), "tonight": ("day", 0),
        "this afternoon": ("day", 0), "this evening": ("day", 0), "yesterday": ("day", -1),
        "last night": ("day", -1), "the day before yesterday": ("day", -2),
        "tomorrow": ("day", 1), "this week": ("week", 0), "last week": ("week", -1),
        "next week": ("week", 1), "this month": ("month", 0), "last month": ("month", -1),
        "next month": ("month", 1), "this year": ("year", 0), "last year": ("year", -1),
        "next year": ("year", 1),
    },
    "ago": ("{n} {u} ago", "{n} {u} earlier"),
    "units": {
        "year": ("year", 1), "years": ("year", 1), "month": ("month", 1),
        "months": ("month", 1), "week": ("week", 1), "weeks": ("week", 1), "day": ("day", 1),
        "days": ("day", 1), "decade": ("year", 10), "decades": ("year", 10),
    },
    "year_cues": (
        "in", "since", "until", "by", "from", "to", "and", "or", "of", "early", "late", "mid-",
        "before", "after", "during", "through", "year", "between", "spring", "summer",
        "autumn", "fall", "winter",
    ),
    "decades": (r"(?P<d>(?:19|20)\d0|['’]\d0)['’]?s(?!\w)",),
    "ranges": (("from", "to"), ("between", "and")),
    # Tense around a bare weekday decides its direction: "will meet on Tuesday" is the
    # coming one, "said on Tuesday" the last one; with neither, the nearest (the past
    # preferred). Single words or two-word phrases; `*_suffixes` are word endings.
    "future_cues": (
        "will", "'ll", "’ll", "shall", "going to", "is due", "are due", "due to", "expected",
        "scheduled", "slated", "planned", "plans", "plan to", "set to", "ahead of", "before",
        "forecast", "forecasts", "upcoming", "until", "by", "would", "next", "coming",
        "tomorrow", "preview", "awaits", "awaiting",
    ),
    "past_cues": (
        "said", "says", "was", "were", "had", "did", "told", "announced", "reported", "ago",
        "last", "earlier", "since", "began", "took", "made", "won", "lost", "killed", "died",
        "came", "went", "gave", "left", "met", "held", "saw", "found", "wrote", "spoke",
    ),
    "past_suffixes": ("ed",),
}
# fmt: on
