"""Adding a source: what a URL or a path may be, and how often it is polled.

The CLI and the API both add sources here. A source added through the API (`origin
="api"`) must be an http(s) URL whose host is public (the API's own check), unless
the operator enabled `watch_allow_private`; a local folder can be added from the
command line only.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InvalidValueError, NotFoundError
from ..settings import Settings
from ..store import SQLiteStore
from ..store.sources import Source, SourceTable

__all__ = ["add_source", "parse_every"]

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(value: str | int | None, settings: Settings) -> int:
    """'90s', '10m', '2h', '1d' or a number of seconds; at least watch_min_every_s."""
    if value is None or value == "":
        return settings.watch_every_s
    match = _EVERY.match(str(value))
    if match is None:
        raise InvalidValueError(f"--every {value!r}: use e.g. 90s, 10m, 2h or 1d")
    seconds = int(float(match.group(1)) * _UNIT[match.group(2).lower()])
    if seconds < settings.watch_min_every_s:
        raise InvalidValueError(
            f"--every {value!r}: at least {settings.watch_min_every_s}s (watch_min_every_s)"
        )
    return seconds


def add_source(
    store: SQLiteStore,
    target: str,
    settings: Settings,
    *,
    every: str | int | None = None,
    kind: str = "auto",
    outlet: str | None = None,
    country: str | None = None,
    language: str | None = None,
    fetch_pages: bool = False,
    origin: str = "cli",
) -> Source:
    target = target.strip()
    if "://" in target:
        if not target.lower().startswith(("http://", "https://")):
            raise InvalidValueError(f"{target!r}: only http(s) URLs and local folders")
        if origin == "api" and not settings.watch_allow_private:
            from ..serve.service import check_public_url  # the API's rule, not a copy

            check_public_url(target)
        if kind == "folder":
            raise InvalidValueError(f"{target}: a URL is not a folder")
        url = target
    else:
        if origin == "api":
            raise InvalidValueError(f"{target!r}: the API adds http(s) URLs only")
        path = Path(target).expanduser()
        if not path.is_dir():
            raise NotFoundError(f"{target}: no such folder (a source is a URL or a folder)")
        if kind not in ("auto", "folder"):
            raise InvalidValueError(f"{target}: a folder is polled as kind 'folder'")
        url, kind = str(path.resolve()), "folder"
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise InvalidValueError(f"--country {country!r}: a two-letter code such as FR")
    return SourceTable(store).add(
        url,
        kind=kind,
        every_s=parse_every(every, settings),
        outlet=outlet or None,
        country=country.upper() if country else None,
        language=language.lower() if language else None,
        fetch_pages=fetch_pages,
        origin=origin,
    )
