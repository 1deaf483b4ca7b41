"""Date words from dateparser's locale data, for the `lang/<code>/dates.py` that use them.

dateparser ships month and weekday names, with their inflected forms ("января",
"Styczniu", "בינואר"), for ~200 locales; a language module takes them from here and
adds what the locale lacks (prepositions, relative phrases, "N ago" templates).
Abbreviations (under 4 letters: Czech "led" is also "ice") are left out.
"""

from __future__ import annotations

import calendar
from functools import cache
from typing import Any

__all__ = ["locale_cities", "locale_dates"]


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


@cache
def locale_cities(code: str) -> dict[str, str]:
    """City names in `code` -> their English name, from Babel's time-zone exemplar cities
    (CLDR: "Varsavia", "华沙", "바르샤바" for Europe/Warsaw; ~400 cities, mostly capitals
    and large cities). Only names that differ from the English one; empty without Babel
    or for a locale with no such data. Callers must not change the dict (cached)."""
    try:
        from babel import Locale

        locale = Locale.parse(code)
        native, english = locale.time_zones, _english_zones()
    except Exception:  # Babel missing or no such locale
        return {}
    # A city named like a day or month of the language is that word first: Persian
    # "دوشنبه" is Monday before it is Dushanbe.
    words = {
        str(name).lower()
        for table in (locale.days, locale.months)
        for context in table.values()
        for names in context.values()
        for name in names.values()
    }
    out: dict[str, str] = {}
    for zone, names in native.items():
        # English keeps the zone's own name ("Europe/Vienna") unless CLDR says otherwise.
        en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        name = names.get("city")
        if name and en and name != en and len(name) >= 2 and str(name).lower() not in words:
            out[str(name)] = str(en)
    return out


@cache
def _english_zones() -> Any:
    from babel import Locale

    return Locale.parse("en").time_zones
