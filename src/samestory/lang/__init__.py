"""Per-language resources, one package per language, one module per concern.

    lang/<code>/boilerplate.py  BOILERPLATE: phrases/patterns scraped pages leave behind;
                                LINES: whole-line patterns; SCREENS: consent/login cues
    lang/<code>/numbers.py      NUMBERS: scale words, currency words, approximators, separators
    lang/<code>/names.py        NAMES: titles and honorifics, name particles, demonyms

    lang/<code>/dates.py        DATES: month and weekday names, relative phrases, "N ago"
                                (issue #17 languages build theirs from dateparser's locale
                                data with `_locale.locale_dates`)

A concern missing for a language falls back to nothing (never to another language's
list), so adding a language is adding a folder. Beside the folders: `coverage` (which
languages are covered and the note an analysis of another one carries), `digits`
(Eastern Arabic digits read as ASCII), `world_names` (people's names across scripts).
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

SUPPORTED = ("en", "fr", "de", "es")
# Languages whose page furniture the readers know: the analysis languages and those of
# the pages they meet (a page's language is only known after reading it).
READABLE = (*SUPPORTED, "it", "pt", "nl", "pl", "fi")


@cache
def _module(language: str, concern: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"{__name__}.{language}.{concern}")
    except ModuleNotFoundError:
        return None


def resource(language: str | None, concern: str, name: str, default: Any = None) -> Any:
    """`resource("fr", "boilerplate", "BOILERPLATE", ())` -> that value, or `default`."""
    if not language or not language.isalpha():
        return default
    module = _module(language.lower(), concern)
    return default if module is None else getattr(module, name, default)
