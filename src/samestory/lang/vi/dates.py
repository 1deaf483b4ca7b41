"""Date words for 'vi': dateparser's month and weekday names plus relative phrases."""

from __future__ import annotations

from typing import Any

from .._locale import locale_dates

DATES: dict[str, Any] = locale_dates(
    "vi",
    weekdays={},
    relative={
        "hôm nay": ("day", 0),
        "hôm qua": ("day", -1),
        "ngày mai": ("day", 1),
        "tuần trước": ("week", -1),
        "tháng trước": ("month", -1),
        "năm ngoái": ("year", -1),
    },
    ago=("{n} {u} trước",),
    units={"năm": ("year", 1), "tháng": ("month", 1), "tuần": ("week", 1), "ngày": ("day", 1)},
    connectors=("năm",),
    # A bare month is a date after these ("vào tháng 5").
    month_cues=("vào", "từ", "đến", "trong", "hồi", "đầu", "cuối", "giữa"),
)
# Tense of a bare weekday: Vietnamese marks it with words ("sẽ khai mạc vào thứ Sáu", will
# open on Friday; "đã" done).
DATES["future_cues"] = ("sẽ", "sắp", "dự kiến", "tới", "kế hoạch", "ngày mai")
DATES["past_cues"] = ("đã", "vừa", "qua", "trước", "hôm qua", "từng")
# ", giám đốc … cho biết hôm qua": a reporting clause after a comma has its own tense
DATES["tense_comma"] = True
# "last May" is the most recent May before publication, "May last year" last year's
# (not the nearest May, which in January is the coming one).
DATES["after"] = {"năm ngoái": "lastyear", "năm trước": "lastyear", "năm nay": "thisyear",
                  "năm sau": "nextyear", "năm tới": "nextyear"}  # fmt: skip
