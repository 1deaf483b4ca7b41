"""Sentences: paragraphs first, then a rule-based splitter inside each paragraph.

News text is written in paragraphs, and scraped text often loses sentence-final
punctuation at paragraph ends; splitting paragraphs first means a missing full stop
never glues two paragraphs into one sentence. pysbd covers 23 languages; sentencex
(Wikimedia's splitter, ~250 languages) covers the rest.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

import pysbd
import pysbd.languages
import sentencex

from ..models import Sentence

__all__ = ["locate_sentence", "split_sentences"]

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_PYSBD_LANGS = frozenset(pysbd.languages.LANGUAGE_CODES)


@cache
def _segmenter(language: str) -> Any:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def _split_paragraph(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences inside one paragraph, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    if language in _PYSBD_LANGS:
        for span in _segmenter(language).segment(text):
            spans.append((span.start, span.end))
    else:
        pos = 0
        for sent in sentencex.segment(language, text):
            start = text.find(sent, pos)
            if start < 0:  # the splitter normalised something; fall back to running offset
                start = pos
            spans.append((start, start + len(sent)))
            pos = start + len(sent)
    trimmed = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            trimmed.append((start + lead, end - trail))
    return trimmed


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Split `text` into sentences whose spans index `text` itself."""
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[pos:end]
        if block.strip():
            for s, e in _split_paragraph(block, language):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=block[s:e],
                        start=pos + s,
                        end=pos + e,
                        paragraph=paragraph,
                    )
                )
            paragraph += 1
        if match:
            pos = match.end()
    return sentences


def locate_sentence(sentences: list[Sentence], position: int) -> int:
    """Index of the sentence containing character `position`, or -1."""
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, position) - 1
    if i >= 0 and sentences[i].start <= position < max(sentences[i].end, sentences[i].start + 1):
        return i
    return -1
