"""Surface features of a pair: character and word overlap, copy shingles, style cues.

These need no model. Character n-grams carry across related languages and across
names and numbers in any language; word features mostly mean something within one
language (the learned scorer sees `same_language` beside them).

Each article's profile is computed once and kept in a bounded LRU cache keyed by its
content id (`match_profile_cache`, see cache.py), since a corpus comparison meets the
same article hundreds of times.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..models import Analysis
from .cache import ArticleCache

__all__ = ["LEXICAL_DOCS", "clear_profiles", "lexical_features"]

LEXICAL_DOCS: dict[str, str] = {
    "char_cos": "cosine of character 4-gram profiles (log counts) of the whole texts",
    "char_cos_head": "the same over title + first sentences only",
    "word_cos": "cosine of word profiles (log counts), words of 3+ letters, case-folded",
    "title_word_jaccard": "Jaccard of the title words (3+ letters); -1 when a title is empty",
    "shingle_containment": "share of the smaller article's word 3-grams found in the other "
    "(a copy or syndicated text scores near 1)",
    "log_len_ratio": "|log| of the ratio of text lengths in characters",
    "min_len_log": "log10 of the shorter text's length in characters",
    "sentences_log_ratio": "|log| of the ratio of sentence counts",
    "quote_diff": "difference of the share of characters inside quotation marks",
    "digit_diff": "difference of the share of digits (numbers-heavy reporting style)",
    "sent_len_log_ratio": "|log| of the ratio of mean sentence lengths",
}

_WORD = re.compile(r"\w{3,}", re.UNICODE)
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{1,600})[»”\"“]")
_CHAR_N = 4
_HEAD_CHARS = 600  # title + lede: roughly the "head" the embeddings see
_MAX_CHARS = 20_000  # bounded work on very long texts; news heads carry the story


@dataclass(frozen=True, slots=True)
class _Profile:
    chars: tuple[np.ndarray, np.ndarray]
    chars_head: tuple[np.ndarray, np.ndarray]
    words: dict[str, float]
    rank: dict[str, int]  # each word's place in `words`
    title_words: frozenset[str]
    shingles: frozenset[tuple[str, str, str]]
    length: int
    sentences: int
    quote_share: float
    digit_share: float


def _char_profile(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Hashed character n-grams -> (sorted unique keys, L2-normalised log-count weights)."""
    folded = " ".join(text.casefold().split())
    cps = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    m = len(cps) - _CHAR_N + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0)
    # Code points < 2**21: four of them pack exactly into 84 bits, more than uint64,
    # so mix them with a multiplier; unsigned overflow wraps, which is the hash.
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(_CHAR_N):
            h = h * np.uint64(0x100000001B3) + cps[k : k + m]
    keys, counts = np.unique(h, return_counts=True)
    w = 1.0 + np.log(counts.astype(np.float64))
    return keys, w / np.linalg.norm(w)


def _cos_sparse(x: tuple[np.ndarray, np.ndarray], y: tuple[np.ndarray, np.ndarray]) -> float:
    if not len(x[0]) or not len(y[0]):
        return 0.0
    _, ia, ib = np.intersect1d(x[0], y[0], assume_unique=True, return_indices=True)
    return float(np.dot(x[1][ia], y[1][ib]))


def _word_weights(words: list[str]) -> dict[str, float]:
    counts = Counter(words)
    w = {k: 1.0 + math.log(c) for k, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    return {k: v / norm for k, v in w.items()}


# (article id, text, title, sentence count) -> profile; bounded by match_profile_cache
_PROFILES: ArticleCache[_Profile] = ArticleCache()


def _make_profile(text: str, title: str, sentences: int) -> _Profile:
    text = text[:_MAX_CHARS]
    words = [w.casefold() for w in _WORD.findall(text)]
    quoted = sum(len(m.group(1)) for m in _QUOTED.finditer(text))
    return _Profile(
        chars=_char_profile(text),
        chars_head=_char_profile(text[:_HEAD_CHARS]),
        words=(weights := _word_weights(words)),
        rank={w: i for i, w in enumerate(weights)},
        title_words=frozenset(w.casefold() for w in _WORD.findall(title)),
        shingles=frozenset(zip(words, words[1:], words[2:], strict=False)),
        length=len(text),
        sentences=sentences,
        quote_share=quoted / max(len(text), 1),
        digit_share=sum(map(str.isdigit, text)) / max(len(text), 1),
    )


def clear_profiles() -> None:
    """Forget cached article profiles (benchmarks time a first meeting with this)."""
    _PROFILES.clear()


def _profile(a: Analysis) -> _Profile:
    text, title, n = a.text, a.article.title, len(a.sentences)
    return _PROFILES.get((a.article.id, text, title, n), lambda: _make_profile(text, title, n))


def _log_ratio(x: float, y: float) -> float:
    return abs(math.log(max(x, 1.0) / max(y, 1.0)))


def lexical_features(a: Analysis, b: Analysis) -> dict[str, float]:
    pa, pb = _profile(a), _profile(b)
    # The words both use, summed in a's order: the same additions as over all of a's
    # words with 0 for the missing ones, which add exactly nothing.
    common = sorted(pa.words.keys() & pb.words.keys(), key=pa.rank.__getitem__)
    dot = sum((pa.words[k] * pb.words[k] for k in common), 0.0 if pa.words else 0)
    if pa.title_words and pb.title_words:
        title = len(pa.title_words & pb.title_words) / len(pa.title_words | pb.title_words)
    else:
        title = -1.0
    smaller = min(len(pa.shingles), len(pb.shingles))
    shingle = len(pa.shingles & pb.shingles) / smaller if smaller else 0.0
    mean_a = pa.length / max(pa.sentences, 1)
    mean_b = pb.length / max(pb.sentences, 1)
    return {
        "char_cos": _cos_sparse(pa.chars, pb.chars),
        "char_cos_head": _cos_sparse(pa.chars_head, pb.chars_head),
        "word_cos": dot,
        "title_word_jaccard": title,
        "shingle_containment": shingle,
        "log_len_ratio": _log_ratio(pa.length, pb.length),
        "min_len_log": math.log10(max(min(pa.length, pb.length), 1)),
        "sentences_log_ratio": _log_ratio(pa.sentences, pb.sentences),
        "quote_diff": abs(pa.quote_share - pb.quote_share),
        "digit_diff": abs(pa.digit_share - pb.digit_share),
        "sent_len_log_ratio": _log_ratio(mean_a, mean_b),
    }
