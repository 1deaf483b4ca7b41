"""Optional language packs, loaded lazily and only for their language.

Each loader returns None when its package is not installed (see `lang.coverage` for
the note the analysis then carries). Nothing here is imported by the English, French,
German or Spanish path, so those languages pay nothing for these packs.

- Russian NER: slovnet's news NER model with navec embeddings, both shipped inside the
  natasha package (read from its data folder without importing natasha itself, whose
  morphology needs pymorphy2, which no longer installs on Python 3.11+);
- Russian / Ukrainian morphology: pymorphy3 with its bundled dictionaries;
- Chinese: jieba's segmenter with part-of-speech tags (nr person, ns place, nt org);
- Japanese: fugashi (MeCab) with unidic-lite (固有名詞 人名 / 地名 / 組織).
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["fugashi_tagger", "jieba_words", "morph", "russian_ner"]


def _has(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


@cache
def russian_ner() -> Any | None:
    """slovnet NER over navec, from the files natasha ships, or None."""
    if not _has("slovnet", "navec", "natasha"):
        return None
    from navec import Navec
    from slovnet import NER

    spec = importlib.util.find_spec("natasha")
    assert spec is not None and spec.submodule_search_locations
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    navec = Navec.load(str(data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar"))
    return NER.load(str(data / "model" / "slovnet_ner_news_v1.tar")).navec(navec)


@cache
def morph(language: str) -> Any | None:
    """pymorphy3's analyser for "ru" or "uk", or None."""
    if language not in ("ru", "uk") or not _has("pymorphy3", f"pymorphy3_dicts_{language}"):
        return None
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@cache
def _jieba() -> Any | None:
    if not _has("jieba"):
        return None
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


def jieba_words(text: str) -> list[tuple[str, str, int]] | None:
    """(word, part of speech, start) for Chinese `text`, or None without jieba."""
    posseg = _jieba()
    if posseg is None:
        return None
    out: list[tuple[str, str, int]] = []
    pos = 0
    for pair in posseg.cut(text):
        out.append((pair.word, pair.flag, pos))
        pos += len(pair.word)
    return out


@cache
def fugashi_tagger() -> Any | None:
    """A MeCab tagger on unidic-lite, or None."""
    if not _has("fugashi", "unidic_lite"):
        return None
    import fugashi

    return fugashi.Tagger()
