"""Tense around a weekday in Chinese, Japanese and Korean: the coming one or the last one?

`tense` reads spaced words; these scripts need their own cues. "展览将于周五开幕" (will
open on Friday), "金曜日に開幕し、90日間開かれる" and "금요일에 개막해 90일 동안 열린다"
look ahead; "周一开始罢工", "月曜日、ストライキに入った", "월요일 파업에 들어갔다" look back.

- Chinese marks tense with words: the cue nearest the weekday in its clause decides
  (future "将", "即将", "计划", "预计", "下周"; past "了", "已", "曾", "上周");
- Japanese: the first predicate ending after the weekday in its sentence, past "-た/-だ"
  against non-past "-る/-す/-う" before "。", "」" or the quoting "と";
- Korean: the first predicate ending "-다" after the weekday in its sentence: past when a
  syllable of it ends in ㅆ (었, 았, 했, 였, 됐), else non-past ("열린다", "개설한다").

None when there is no cue: the caller then takes the most recent such day.
"""

from __future__ import annotations

import re

__all__ = ["cjk_tense"]

_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?!\d)")
_CLAUSE_END = re.compile(r"[。！？!?；;，,、\n]")
_ZH_FUTURE = ("将于", "将在", "将会", "即将", "计划", "预计", "下周", "明天", "将")
_ZH_PAST = ("已经", "上周", "昨天", "了", "已", "曾")
_JA_PREDICATE = re.compile(
    r"(?P<past>[たで]|だ)(?=[。」、]|と)|(?P<now>[るすうく])(?=[。」]|と(?!い))"
)
_KO_PREDICATE = re.compile(r"(?P<word>[\uac00-\ud7a3]+)다(?=[\s.,\"'”’]|고|며|$)")
_KO_BE = frozenset({"있", "없"})  # "있다" (there is) is present, not past, for all its ㅆ
_BACK, _AHEAD = 30, 40  # characters of Chinese context each side


def cjk_tense(text: str, start: int, end: int) -> str | None:
    """ "future" or "past" for the weekday at text[start:end], else None."""
    stop = _SENTENCE_END.search(text, end)
    sentence_after = text[end : stop.end() if stop else len(text)]
    if _HANGUL.search(text):
        return _korean(sentence_after)
    if _KANA.search(text):
        m = _JA_PREDICATE.search(sentence_after)
        return None if m is None else "past" if m["past"] else "future"
    return _chinese(text, start, end)


def _korean(after: str) -> str | None:
    m = _KO_PREDICATE.search(after)
    if m is None:
        return None
    word = m["word"]
    if word in _KO_BE:
        return "future"
    # a final ㅆ (jongseong index 20) marks the past: 들어갔다, 밝혔다, 열렸다
    return "past" if any((ord(c) - 0xAC00) % 28 == 20 for c in word) else "future"


def _chinese(text: str, start: int, end: int) -> str | None:
    lo = max(0, start - _BACK)
    cut = list(_CLAUSE_END.finditer(text, lo, start))
    if cut:
        lo = cut[-1].end()
    stop = _CLAUSE_END.search(text, end, end + _AHEAD)
    hi = stop.start() if stop else min(len(text), end + _AHEAD)
    best: tuple[int, str] | None = None
    for cues, kind in ((_ZH_FUTURE, "future"), (_ZH_PAST, "past")):
        for cue in cues:
            before = text.rfind(cue, lo, start)
            if before >= 0:
                d = start - (before + len(cue))
                best = (d, kind) if best is None or d < best[0] else best
            after = text.find(cue, end, hi)
            if after >= 0:
                d = after - end
                best = (d, kind) if best is None or d < best[0] else best
    return best[1] if best else None
