"""How much an article holds: a title only, one sentence of text, a title and a short
lede, or a full text.

The story model is calibrated per case (`story.CASES`), so a pair of headlines gets the
confidence pairs of headlines earned in training. The case is read from the input's
structure, never from where it came from: a body or a lede present, how many sentences.

A text given without a headline is one too. An input whose only field is one long
sentence ending in a full stop ("Police say a Perth mountain climber who watched his
brother fall ... has been found alive.") is a sentence of text, not a headline: news
headlines do not end in a full stop, and are short. Read as a headline, such a
one-sentence text was calibrated like two French headlines (median same-story p 0.25
for two 20-word reports of one Paris heist), and ECB+'s 30 one-sentence documents fell
apart (issue 15). It is a case of its own, not "title and lede": sharing that case's
calibration with SemEval's title-and-lede pairs made the latter overconfident (p >= 0.9
right 0.826 of the time, 0.941 before; bench_story, leave-one-source-out).
"""

from __future__ import annotations

import re

from ..models import Analysis

__all__ = ["EVIDENCE_CASES", "evidence_level", "title_is_text"]

# Ordered by how much a side holds: a pair's case is its poorer side's.
EVIDENCE_CASES = ("title only", "one sentence", "title and lede", "full text")
LEDE_SENTENCES = 4  # up to this many sentences is a title and lede
# A headline this long ending in a full stop is a sentence of text. None of the 4,051
# French headlines in ../shared/data does both (their long ones end in "?" or "..."),
# 29 of ECB+ dev's 30 bodiless documents do (17-22 words).
SENTENCE_WORDS = 12
_FULL_STOP = re.compile(r"(?<![.…])\.[\"'”’»)\]]*\s*$")


def title_is_text(title: str) -> bool:
    """True when a bodiless input's one field reads as a sentence of text, not a headline."""
    return len(title.split()) >= SENTENCE_WORDS and _FULL_STOP.search(title) is not None


def evidence_level(a: Analysis) -> int:
    """0 a title only, 1 one sentence of text alone, 2 a title and a short lede, 3 a full text."""
    art = a.article
    if not (art.body.strip() or art.lede.strip()):
        return 1 if title_is_text(art.title) else 0
    return 2 if len(a.sentences) <= LEDE_SENTENCES else 3
