"""Last checks on person mentions: bylines, and German words read as names.

Two kinds of false person survive the span rules:

* a byline ("Von Daniel Weinmann" on its own line, "By Jane Doe."): the author, page
  furniture the article does not name (the gold guideline and issue #16 leave bylines
  out, as they do photo credits);
* in German, where every noun is capitalised, a lone word read as a surname that the
  article itself uses as a common noun ("vom Landesverband", "der Deutschen Einheit":
  after an article, `namecues.german_nouns`), with no fuller name of the article
  holding it; and an English function word ("The") read as a German name. Not
  simply a dictionary word: the German dictionary lists names too ("Mubarak").

Both become MISC, so the words still count as names for matching, not as people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Mention
from .gazetteer import fold
from .namecues import german_nouns
from .namelists import name_lists, tokens

__all__ = ["checked_persons"]

# "Von Daniel Weinmann" / "By Jane Doe" opening a line, the name closing it (or a
# sentence of its own: "Von Daniel Weinmann.").
_BYLINE_BEFORE = re.compile(
    r"(?:^|\n|[.!?] )[ \t]*(?:von|by|por|par|di|door|av|af)[ \t]+$", re.IGNORECASE
)
_BYLINE_AFTER = re.compile(r"[ \t]*\.?[ \t]*(?:\n|$)")


def _byline(text: str, m: Mention) -> bool:
    return (
        _BYLINE_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
        and _BYLINE_AFTER.match(text, m.end) is not None
    )


def checked_persons(text: str, mentions: Sequence[Mention], language: str) -> list[Mention]:
    """`mentions` with bylines and (in German) dictionary words no longer PERSON."""
    persons = [m for m in mentions if m.label == "PERSON"]
    if not persons:
        return list(mentions)
    german = language == "de"
    nouns = german_nouns(tokens(text)) | name_lists("en").function_words if german else set()
    fuller = {fold(w) for m in persons if len(m.canonical.split()) > 1 for w in m.canonical.split()}
    bylines = {m.key for m in persons if _byline(text, m)}
    # A person the article names outside the byline too stays one.
    named = {m.key for m in persons if not _byline(text, m)}
    out = []
    for m in mentions:
        word = fold(m.text)
        if m.label == "PERSON" and (
            (m.key in bylines and m.key not in named)
            or (german and " " not in m.canonical and word in nouns and word not in fuller)
        ):
            m = replace(m, label="MISC", key="name:" + word, canonical=m.text)
        out.append(m)
    return out
