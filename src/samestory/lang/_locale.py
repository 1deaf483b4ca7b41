"""Date words from dateparser's locale data, for the `lang/<code>/dates.py` that use them.

dateparser ships month and weekday names, with their inflected forms ("января",
"Styczniu", "בינואר"), for ~200 locales; a language module takes them from here and
adds what the locale lacks (prepositions, relative phrases, "N ago" templates).
Abbreviations (under 4 letters: Czech "led" is also "ice") are left out.
"""

from __future__ import annotations

import calendar
from typing import Any

__all__ = ["locale_dates"]


def _names(info: dict[str, Any], keys: list[str], min_len: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, key in enumerate(keys):
        for name in info.get(key.lower(), ()):
            name = str(name).lower().rstrip(".")
            if (len(name) >= min_len and not name[-1:].isdigit()) or " " in name:
                out.setdefault(name, i + (1 if key in calendar.month_name else 0))
    return out


def locale_dates(code: str, **extra: Any) -> dict[str, Any]:
    """DATES for `code`: dateparser's months and weekdays, then `extra` on top."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except Exception:  # unknown locale: only what the module gives
        info = {}
    months = _names(info, list(calendar.month_name[1:]), 4)
    weekdays = _names(info, list(calendar.day_name), 4)
    data: dict[str, Any] = {"months": months, "weekdays": weekdays}
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data
