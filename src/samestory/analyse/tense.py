"""Tense around a date word: does "Tuesday" look ahead or back?

A bare weekday is ambiguous: "will meet on Tuesday" is the coming one, "said on Tuesday"
the last one. The cue nearest the weekday within its clause decides: words and
two-word phrases listed per language in `lang/<code>/dates.py` (`future_cues`,
`past_cues`), word endings (`future_suffixes` such as French "-era", `past_suffixes`
such as English "-ed") or a whole-word pattern (`future_word`, `past_word`) where the
tense is a prefix: Arabic "سيفتتح" (will open), Hebrew "תיפתח". `tense_after` widens the
context after the weekday where the verb ends the clause (Persian, Turkish).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["TenseCues", "tense_at"]


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class TenseCues:
    future: frozenset[str] = frozenset()
    past: frozenset[str] = frozenset()
    future_suffixes: tuple[str, ...] = ()
    past_suffixes: tuple[str, ...] = ()
    future_word: re.Pattern[str] | None = None
    past_word: re.Pattern[str] | None = None
    after: int = 50  # characters of context after the weekday
    # how far from the weekday a `future_word` / `past_word` counts: a verb is next to it,
    # a name of that shape ("יאניס") may sit anywhere
    word_reach: int = 1000
    # whether a comma after the weekday closes its clause: Vietnamese "sẽ mở … vào thứ
    # Bảy, … cho biết hôm qua" (the reporting clause after the comma has its own tense)
    comma: bool = False
    # words that open a new clause after the weekday, whose verb is not the weekday's:
    # Arabic "قالت ... يوم الثلاثاء إن الشركة ستبني" (said on Tuesday that it will build)
    stops: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> TenseCues:
        """The cues of one language's DATES table."""
        return cls(
            future=frozenset(_norm(c) for c in data.get("future_cues", ())),
            past=frozenset(_norm(c) for c in data.get("past_cues", ())),
            future_suffixes=tuple(data.get("future_suffixes", ())),
            past_suffixes=tuple(data.get("past_suffixes", ())),
            future_word=_compiled(data.get("future_word")),
            past_word=_compiled(data.get("past_word")),
            after=int(data.get("tense_after", _TENSE_AFTER)),
            word_reach=int(data.get("tense_word_reach", 1000)),
            comma=bool(data.get("tense_comma", False)),
            stops=frozenset(data.get("tense_stops", ())),
        )


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_CLAUSE_END_COMMA = re.compile(r"[.!?;,\n]")
_TENSE_BEFORE, _TENSE_AFTER = 90, 50  # characters of context each side
# Words ending like a past participle that are not verbs.
_NOT_PAST = frozenset({"hundred", "indeed", "need", "speed", "seed", "bed", "red", "feed"})


def tense_at(text: str, start: int, end: int, r: TenseCues) -> str | None:
    """ "future" or "past" by the tense cue nearest a weekday in its clause, else None."""
    if not (r.future or r.past or r.future_word or r.past_word):
        return None
    lo = max(0, start - _TENSE_BEFORE)
    before = text[lo:start]
    # Where the verb ends the clause (`tense_after` wider than the default), a two-letter
    # ending ("başkenti": a possessive, not the past "-ti") yields to any surer cue, and
    # a comma before the weekday closes the clause before it: "... kuracak, Bakan salı
    # günü açıkladı" (will build, the minister said on Tuesday).
    verb_final = r.after > _TENSE_AFTER
    cut = list((_CLAUSE_END_COMMA if verb_final else _CLAUSE_END).finditer(before))
    if cut:
        lo += cut[-1].end()
    after_end = end + r.after
    stop = (_CLAUSE_END_COMMA if r.comma else _CLAUSE_END).search(text, end, after_end)
    if r.stops:
        opener = next((m for m in _WORD.finditer(text, end, stop.start() if stop else after_end)
                       if m[0] in r.stops), None)  # fmt: skip
        stop = opener or stop
    best: tuple[int, str] | None = None
    weak: tuple[int, str] | None = None
    for segment_start, segment_end in ((lo, start), (end, stop.start() if stop else after_end)):
        words = list(_WORD.finditer(text, segment_start, min(segment_end, len(text))))
        for k, m in enumerate(words):
            following = words[k + 1][0].lower() if k + 1 < len(words) else ""
            kind = _cue(m[0].lower(), following, r)
            distance = start - m.end() if m.end() <= start else m.start() - end
            if kind is None and distance <= r.word_reach:
                kind = _shaped(m[0].lower(), r)
            if kind is not None and verb_final and _weak(m[0].lower(), kind, r):
                if weak is None or distance < weak[0]:
                    weak = (distance, kind)
            elif kind is not None and (best is None or distance < best[0]):
                best = (distance, kind)
    best = best or weak
    return best[1] if best else None


def _weak(word: str, kind: str, r: TenseCues) -> bool:
    """Whether only an ending of two letters gave `word` its tense."""
    if word in r.future or word in r.past:
        return False
    ends = r.past_suffixes if kind == "past" else r.future_suffixes
    return not any(word.endswith(e) for e in ends if len(e) > 2)


def _cue(word: str, following: str, r: TenseCues) -> str | None:
    pair = _norm(f"{word} {following}") if following else ""
    word = word.replace("’", "'")
    if word in r.future or pair in r.future:
        return "future"
    if word in r.past or pair in r.past:
        return "past"
    if len(word) >= 5 and word not in _NOT_PAST:
        if word.endswith(r.future_suffixes) and r.future_suffixes:
            return "future"
        if word.endswith(r.past_suffixes) and r.past_suffixes:
            return "past"
    return None


def _shaped(word: str, r: TenseCues) -> str | None:
    """The tense a word's shape gives (`future_word`, `past_word`), else None."""
    if r.future_word is not None and r.future_word.fullmatch(word):
        return "future"
    if r.past_word is not None and r.past_word.fullmatch(word):
        return "past"
    return None
