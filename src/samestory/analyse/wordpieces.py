"""Unigram segmentation word by word, each distinct word once.

Both bundled embedders tokenise with a SentencePiece unigram model whose vocabulary
holds the word mark ("\u2581") only as a piece's first character. Every mark then
starts a piece, so the best (Viterbi) path over a whole normalised line is the best
paths over its words joined, and a word met before need not be segmented again:
news repeats its words, and the segmentation is pure Python. Tests check the ids
against each tokenizer's whole-line walk on real texts.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["MARK", "segment_words"]

MARK = "\u2581"
_MAX_WORDS = 100_000  # words kept per tokenizer (a few MB; cleared when full)


def segment_words(
    line: str, segment: Callable[[str], list[int]], memo: dict[str, list[int]]
) -> list[int]:
    """`segment(line)`, computed word by word through `memo` (word -> its ids)."""
    if len(memo) > _MAX_WORDS:
        memo.clear()  # bounded on an endless stream; frequent words come back at once
    head, *rest = line.split(MARK)
    ids: list[int] = []
    # The text before the first mark (normalising puts one in front, so usually
    # none), then each mark with what follows it (a lone mark is a word too).
    for word in ([head] if head else []) + [MARK + w for w in rest]:
        got = memo.get(word)
        if got is None:
            got = memo[word] = segment(word)
        ids += got
    return ids
