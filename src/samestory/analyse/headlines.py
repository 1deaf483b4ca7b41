"""A company that opens an Arabic or Hebrew headline, for `titlenames` (session 15).

News names a company with no title or cue word most often as the subject of its
headline ("هيونداي تبني مصنعا …", "סימנס תקים מפעל …"), and these languages agree the
verb with it in the feminine, as with every company, country or organisation: Arabic
"تـ"/"ستـ" (present, future), Hebrew "תـ" (future) or the hif'il past "הـ…ה"
("הזמינה"). A person (masculine "يلتقي", "נפגשו"; a woman named elsewhere under a title)
or a common noun ("زلزال يقتل", "إعصار يضرب") does not pass, nor a country, which the
gazetteer knows ("קניה תקבל").

The rule: the run of one to three words that opens the headline and also stands, word
for word, in the body, followed in the headline by such a verb, is an organisation,
unless every word of it is a place, it is one definite noun ("الحكومة تقرر"), or a
person found elsewhere in the text contains it. Its occurrences in the body are tagged
too. Persian verbs carry no gender and Korean headlines no verb after the subject, so
the rule is not used there (no cue tells "سیل در …", a flood, from "زیمنس در …").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from .gazetteer import Place, fold

__all__ = ["headline_subjects"]

_Span = tuple[int, int, str, str]
_WORD = re.compile(r"[^\W\d_][\w\u200c'’\"״׳]*(?<!['’\"״׳])")
_RUN = 3
_DEFINITE = {"ar": ("ال",), "he": ("ה",)}


def _feminine_verb(word: str, language: str) -> bool:
    if language == "ar":
        return len(word) >= 4 and word.startswith(("ت", "ست"))
    if language == "he":
        # the hif'il past has its yod before the last root letter ("הזמינה", "הודיעה"),
        # which a noun of the same frame lacks ("הלוואה", "הממשלה")
        return (len(word) >= 4 and word.startswith("ת")) or (
            len(word) >= 5 and word.startswith("ה") and word.endswith("ה") and word[-3] == "י"
        )
    return False


def headline_subjects(
    text: str,
    language: str,
    names: dict[str, Any],
    place_of: Callable[..., Place | None],
    persons: Sequence[str] = (),
) -> list[_Span]:
    """ORG spans of the company opening the headline (the text's first line)."""
    if language not in _DEFINITE:
        return []
    head, sep, body = text.partition("\n")
    if not sep or not body.strip():
        return []
    words = list(_WORD.finditer(head))
    blocked = {
        fold(w)
        for key in ("function_words", "titles", "org_cues", "org_after")
        for w in names.get(key, ())
    }
    run, phrase = 0, ""
    for n in range(1, min(_RUN, len(words) - 1) + 1):
        w = words[n - 1]
        if (n > 1 and head[words[n - 2].end() : w.start()].strip()) or fold(w.group()) in blocked:
            break
        if n > 1 and _feminine_verb(w.group(), language):
            break  # the verb closes the name even where the body repeats it
        candidate = head[words[0].start() : w.end()]
        if not re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", body):
            break
        run, phrase = n, candidate
    if not run or head[words[run - 1].end() : words[run].start()].strip():
        return []
    if not _feminine_verb(words[run].group(), language):
        return []
    if all(place_of(words[i].group()) is not None for i in range(run)):
        return []
    if run == 1 and phrase.startswith(_DEFINITE[language]):
        return []
    if any(phrase in p for p in persons):
        return []
    offset = len(head) + len(sep)
    out: list[_Span] = [(words[0].start(), words[run - 1].end(), "ORG", phrase)]
    for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", body):
        out.append((offset + m.start(), offset + m.end(), "ORG", phrase))
    return out
