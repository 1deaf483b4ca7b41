"""How the web pages show a stored time: one zone for every time, always named.

Outlets publish in their own offsets (+01:00, +02:00, Z, none); a list mixing them
unlabelled reads as if 08:00 in Madrid and 08:00 in London were the same instant.
Every time is shown in UTC with the zone written out; a naive time counts as UTC,
as everywhere in the engine. An item known only by its day (Article.date_only, stored
as "YYYY-MM-DD") is shown as that date, never as a made-up midnight.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["shown_time"]


def shown_time(value: str | dt.datetime | dt.date | None) -> str:
    """ "2025-04-10 06:00 UTC" for a time, "2025-03-12" for a date, "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:  # a day only (YYYY-MM-DD)
            return text
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text  # not ours to reinterpret: shown as stored
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
