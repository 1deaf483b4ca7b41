"""Which languages the analysis covers, and how: the one-line note an analysis carries.

`COVERED` are the 20 languages of issue #17 with rules in `lang/<code>/`; some of them
read names through an optional language pack (an extra of the install). A language
outside the list, or one whose pack is not installed, still gets sentences, places from
the gazetteer, digits and embeddings; its note says what is missing.
"""

from __future__ import annotations

import importlib.util
from functools import cache

__all__ = ["COVERED", "PACKS", "coverage_note", "pack_installed"]

COVERED = (
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "sl", "tr", "ru", "uk", "ar", "fa",
    "he", "zh", "ja", "ko", "vi",
)  # fmt: skip
# language -> (install extra, the modules it needs)
PACKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ru": ("ru", ("slovnet", "navec", "natasha", "pymorphy3", "pymorphy3_dicts_ru")),
    "uk": ("ru", ("pymorphy3", "pymorphy3_dicts_uk")),
    "zh": ("cjk", ("jieba",)),
    "ja": ("cjk", ("fugashi", "unidic_lite")),
}


@cache
def pack_installed(language: str) -> bool:
    """Whether every module of `language`'s pack can be imported (True without a pack)."""
    pack = PACKS.get(language)
    return pack is None or all(importlib.util.find_spec(m) is not None for m in pack[1])


def coverage_note(language: str | None) -> str | None:
    """None when `language` is fully covered, else one line saying what is not."""
    lang = (language or "und").lower().split("-")[0]
    if lang not in COVERED:
        return (
            f"language {lang!r} has no name, date or number rules: "
            "places, digits and embeddings only"
        )
    if not pack_installed(lang):
        extra, modules = PACKS[lang]
        return (
            f"{lang}: language pack not installed (pip install 'samestory[{extra}]': "
            f"{', '.join(modules)}); names by rules only"
        )
    return None
