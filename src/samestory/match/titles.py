"""Title-only pair evidence: a headline's template, and when the two were published.

Headline-only pairs carry little identity evidence, and two headlines of one *kind*
("La météo du vendredi 10 janvier 2020 à Brest" / "... à Vannes", two towns'
election candidacies) embed close together whatever the story. What a headline
still tells is its *frame*: the words left when the slot fillers (capitalised
names, numbers, dates) are masked. Two headlines in one frame are one series of
an outlet (a bulletin per town, a result per match); whether a series is one story
or many is for the story model to learn from labelled pairs, together with the
other evidence (a series published within a minute is an edition; two candidacies
published hours apart are two stories). Disagreeing names inside a shared frame
are what `identity.title_name_mismatch` and `where_town_conflict` already say.

Every feature follows `features`' convention (-1 = nothing to compare).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import pairwise

from ..models import Analysis

__all__ = ["TITLE_DOCS", "frame_key", "title_features", "title_frame"]

TITLE_DOCS: dict[str, str] = {
    "title_frame_same": "1 when both titles read the same once capitalised words, numbers "
    "and dates are masked (one frame: 'La météo du <D> à <N>'), 0 when not; -1 when a "
    "title is empty or its frame keeps fewer than 3 plain words",
    "title_frame_overlap": "Jaccard of the two frames' word bigrams (masks included): "
    "how much of the headline's frame is shared; -1 as title_frame_same",
    "pub_gap_minutes": "log1p of the minutes between the two publication times; -1 when "
    "either time is unknown or only its day is",
}

# Words, numbers (with their separators: 10h30, 2020-01-10, 1.5) and punctuation that
# structures a headline (a colon after the name of a town, a question mark).
_TOKEN = re.compile(r"\d[\d.,:/h-]*|[^\W\d_][\w'’-]*|[:?!«»\"()|—–]", re.UNICODE)
_MIN_WORDS = 3  # a frame of fewer plain words ("<N> : <N>") is no series
_NAME, _NUMBER = "<N>", "<#>"


@lru_cache(maxsize=8192)
def title_frame(title: str) -> tuple[str, ...]:
    """The title's tokens with names and numbers masked, consecutive masks merged.

    Any capitalised word counts as a name, the first one too: a title opening on its
    town ("Rennes : la météo ...") and one opening on an article ("Les prévisions ...")
    both mask it, which merges a few frames but never splits one.
    """
    out: list[str] = []
    for tok in _TOKEN.findall(title):
        if tok[0].isdigit():
            mark = _NUMBER
        elif tok[0].isupper():
            mark = _NAME
        else:
            out.append(tok.casefold())
            continue
        if not out or out[-1] != mark:
            out.append(mark)
    return tuple(out)


def _plain_words(frame: tuple[str, ...]) -> int:
    return sum(1 for t in frame if t[0].isalpha())


def frame_key(title: str) -> str:
    """The title's frame as one string, "" when it keeps fewer than 3 plain words (the
    clusterer scores headlines of one frame against each other: `ClusterDoc.frame`)."""
    frame = title_frame(title.strip())
    return " ".join(frame) if _plain_words(frame) >= _MIN_WORDS else ""


def _bigrams(frame: tuple[str, ...]) -> set[tuple[str, str]]:
    padded = ("^", *frame, "$")
    return set(pairwise(padded))


def _minutes(a: Analysis, b: Analysis) -> float:
    pa, pb = a.article.published, b.article.published
    if pa is None or pb is None or a.article.date_only or b.article.date_only:
        return -1.0
    if (pa.tzinfo is None) != (pb.tzinfo is None):
        pa, pb = pa.replace(tzinfo=None), pb.replace(tzinfo=None)
    return math.log1p(abs((pa - pb).total_seconds()) / 60.0)


def title_features(a: Analysis, b: Analysis) -> dict[str, float]:
    """Every feature in TITLE_DOCS for one pair."""
    f = {"pub_gap_minutes": _minutes(a, b)}
    fa, fb = title_frame(a.article.title.strip()), title_frame(b.article.title.strip())
    if _plain_words(fa) < _MIN_WORDS or _plain_words(fb) < _MIN_WORDS:
        f["title_frame_same"] = f["title_frame_overlap"] = -1.0
        return f
    f["title_frame_same"] = float(fa == fb)
    ga, gb = _bigrams(fa), _bigrams(fb)
    f["title_frame_overlap"] = len(ga & gb) / len(ga | gb)
    return f
