"""Arabic-Indic and Persian digits as ASCII, character for character.

Arabic and Persian news write "۲.۵" or "٢٫٥"; the date and number rules read ASCII
digits, so the text they read has those digits (and the Arabic decimal and thousands
marks) replaced one for one: every offset stays valid in the original text.
"""

from __future__ import annotations

import re

__all__ = ["EASTERN", "western_digits"]

EASTERN = frozenset({"ar", "fa", "ur", "ps", "ckb"})
_TABLE = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬",
    "01234567890123456789.,",
)


_HEBREW_PREFIX = re.compile(r"(?<=[בכלמהוש])-(?=\d)")


def western_digits(text: str, language: str | None) -> str:
    """`text` with Eastern Arabic digits in ASCII when `language` writes them, and Hebrew's
    prefix hyphen ("ב-20", "כ-3,000") as a space, so the number is not read as glued to a word."""
    if language == "he":
        return _HEBREW_PREFIX.sub(" ", text)
    return text.translate(_TABLE) if language in EASTERN else text
