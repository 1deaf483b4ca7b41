"""The related-article links a page ends with, after a "read more" heading.

"Lue aiheesta lisää:" / "NOTAS RELACIONADAS" / "Weitere Artikel zum Thema" is removed
by the boilerplate lists (`clean`), but the headlines linked under it are ordinary
words. So the heading is found here first: a line that is a boilerplate phrase by
itself (no tail), in the last lines of the page, followed only by short lines that
read as headlines (no sentence-final full stop), and all of it goes.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang
from ..settings import Settings

__all__ = ["drop_trailer"]

_MAX_TRAILER_LINES = 12
_SENTENCE_END = re.compile(r"[.!…]\s*$")  # a headline may end in "?", rarely in "."
# The headings: the related-links phrases of every readable language.
_HEADING_KEY = "RELATED"


@cache
def _heading() -> re.Pattern[str]:
    parts: list[str] = []
    for code in lang.READABLE:
        parts.extend(lang.resource(code, "boilerplate", _HEADING_KEY, ()))
    alternation = "|".join(f"(?:{p})" for p in parts) or r"(?!)"
    return re.compile(rf"(?:{alternation})\s*[:.»›>]*", re.IGNORECASE)


def drop_trailer(lines: list[str], settings: Settings) -> list[str]:
    """`lines` without a trailing related-links block (heading and its headlines)."""
    start = max(1, len(lines) - _MAX_TRAILER_LINES - 1)
    heading = _heading()
    for i in range(start, len(lines)):
        if heading.fullmatch(lines[i].strip()) is None:
            continue
        tail = lines[i + 1 :]
        if all(
            len(t) <= settings.trailer_max_line_chars and not _SENTENCE_END.search(t) for t in tail
        ):
            return lines[:i]
    return lines
