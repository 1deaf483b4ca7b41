"""Sentences: paragraphs first, then a fast rule-based splitter inside each paragraph.

News text is written in paragraphs, and scraped text often loses sentence-final
punctuation at paragraph ends; splitting paragraphs first means a missing full stop
never glues two paragraphs into one sentence. Inside a paragraph, sentencex
(Wikimedia's splitter, ~250 languages) is ~150x faster than pysbd but splits after
abbreviations such as French "M." or "Dr."; fragments ending in an abbreviation from
pysbd's per-language lists, or in an initial, are joined back.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

import sentencex
from pysbd.languages import LANGUAGE_CODES, Language

from ..models import Sentence

__all__ = ["locate_sentence", "split_sentences"]

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_LAST_WORD = re.compile(r"(\S+)\.\s*$")
# Titles every Latin-script language shares, whatever pysbd's list for it holds.
_COMMON = frozenset(
    {"dr", "mr", "mrs", "ms", "m", "mme", "mlle", "st", "prof", "pr", "sr", "sra", "hr", "fr"}
)


@cache
def _abbreviations(language: str) -> frozenset[str]:
    listed: list[str] = []
    if language in LANGUAGE_CODES:
        listed = Language.get_language_code(language).Abbreviation.ABBREVIATIONS
    return frozenset(a.lower() for a in listed) | _COMMON


def _ends_in_abbreviation(fragment: str, language: str) -> bool:
    m = _LAST_WORD.search(fragment)
    if not m:
        return False
    word = m[1].lstrip("(«\"'“")
    # A single letter is an initial ("J. Smith") or a listed abbreviation.
    return (len(word) == 1 and word.isalpha()) or word.lower() in _abbreviations(language)


def _split_paragraph(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences inside one paragraph, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sent in sentencex.segment(language, text):
        start = text.find(sent, pos)
        if start < 0:  # the splitter normalised something; fall back to running offset
            start = pos
        end = start + len(sent)
        if spans and _ends_in_abbreviation(text[spans[-1][0] : spans[-1][1]], language):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        pos = end
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
